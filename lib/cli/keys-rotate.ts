import { rotateProviderKeys } from "@/lib/oidc/keys";
import { forbidden } from "@/lib/errors";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { KEYS_ROTATE_USAGE } from "./usage";

// `keys rotate`: the operator's key rotation (never available to --as users).
export const keysRotate = defineCommand({
  name: "keys rotate",
  usage: KEYS_ROTATE_USAGE,
  options: {},
  positionals: [],
  async run({ actor, json, io }) {
    if (actor.kind !== "system") throw forbidden("Only the operator can rotate keys");
    const { signingKeyId } = await rotateProviderKeys();
    if (json) return writeJson(io, { rotated: true, signing_key_id: signingKeyId });
    io.out(`Rotated the signing and cookie keys (new signing key ${signingKeyId}). Restart Tessera to sign with them.`);
  },
});
