import type { InteractionResults } from "oidc-provider";
import { getOrigin } from "@/lib/config";
import { toNodeRequest } from "./bridge";
import { getProvider } from "./provider";

export type InteractionDetails = Awaited<ReturnType<Awaited<ReturnType<typeof getProvider>>["interactionDetails"]>>;

// The interaction bound to this browser by its signed `_interaction` cookie,
// or null when it is unknown, expired, or belongs to another browser.
export async function findInteraction(uid: string, cookieHeader: string): Promise<InteractionDetails | null> {
  const provider = await getProvider();
  const { req, res } = nodePair(uid, cookieHeader);
  try {
    const details = await provider.interactionDetails(req, res);
    return details.uid === uid ? details : null;
  } catch {
    return null;
  }
}

// Stores the interaction's outcome and answers where the browser goes next
// (back to the authorization endpoint, which finishes the flow).
export async function submitInteraction(uid: string, cookieHeader: string, result: InteractionResults): Promise<string> {
  const provider = await getProvider();
  const { req, res } = nodePair(uid, cookieHeader);
  return provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
}

function nodePair(uid: string, cookieHeader: string) {
  const path = `/interaction/${encodeURIComponent(uid)}`;
  const request = new Request(`${getOrigin()}${path}`, { headers: { cookie: cookieHeader } });
  return toNodeRequest(request, Buffer.alloc(0), "", path);
}
