import type { Adapter, AdapterPayload } from "oidc-provider";
import { getOidcSqlite, runWrite, toDbTime } from "./sqlite";
import { findClientMetadata } from "./clients";

type Row = { payload: string; expiresAt: string | null; consumedAt: string | null };

const statements = () => {
  const db = getOidcSqlite();
  return {
    upsert: db.prepare(
      `INSERT INTO OidcModel (model, id, payload, grantId, uid, userCode, expiresAt, consumedAt)
       VALUES (@model, @id, @payload, @grantId, @uid, @userCode, @expiresAt, NULL)
       ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grantId = excluded.grantId,
         uid = excluded.uid, userCode = excluded.userCode, expiresAt = excluded.expiresAt`,
    ),
    find: db.prepare<[string, string], Row>("SELECT payload, expiresAt, consumedAt FROM OidcModel WHERE model = ? AND id = ?"),
    findBy: {
      uid: db.prepare<[string, string], Row>("SELECT payload, expiresAt, consumedAt FROM OidcModel WHERE model = ? AND uid = ?"),
      userCode: db.prepare<[string, string], Row>("SELECT payload, expiresAt, consumedAt FROM OidcModel WHERE model = ? AND userCode = ?"),
    },
    consume: db.prepare("UPDATE OidcModel SET consumedAt = ? WHERE model = ? AND id = ? AND consumedAt IS NULL"),
    destroy: db.prepare("DELETE FROM OidcModel WHERE model = ? AND id = ?"),
    revokeByGrantId: db.prepare("DELETE FROM OidcModel WHERE grantId = ?"),
    // A Grant row is keyed by its id (its payload has no grantId).
    destroyGrant: db.prepare("DELETE FROM OidcModel WHERE model = 'Grant' AND id = ?"),
    sweep: db.prepare("DELETE FROM OidcModel WHERE expiresAt IS NOT NULL AND expiresAt < ?"),
  };
};

let prepared: ReturnType<typeof statements> | undefined;
const sql = () => (prepared ??= statements());
let writes = 0;

function toPayload(row: Row | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  if (row.expiresAt && row.expiresAt < toDbTime(Date.now())) return undefined;
  const payload = JSON.parse(row.payload) as AdapterPayload;
  return row.consumedAt ? { ...payload, consumed: Math.floor(Date.parse(row.consumedAt) / 1000) } : payload;
}

// oidc-provider's storage contract over one table: nothing lives in memory,
// so a restart loses no session, interaction, grant, code or token.
export class OidcAdapter implements Adapter {
  constructor(private readonly model: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    await runWrite(() => sql().upsert.run({
      model: this.model,
      id,
      payload: JSON.stringify(payload),
      // Bot tokens belong to an installation, not a grant: index them under
      // it so removing consent ends them the same way.
      grantId: payload.grantId ?? installationKey(payload) ?? null,
      uid: payload.uid ?? null,
      userCode: payload.userCode ?? null,
      expiresAt: expiresIn ? toDbTime(Date.now() + expiresIn * 1000) : null,
    }));
    // Expired rows are swept now and then, off the read path.
    if (++writes % 500 === 0) await runWrite(() => sql().sweep.run(toDbTime(Date.now())));
  }

  async find(id: string) {
    // Clients are never stored here: they are the app registrations.
    if (this.model === "Client") return findClientMetadata(id) as AdapterPayload | undefined;
    return toPayload(sql().find.get(this.model, id));
  }

  async findByUid(uid: string) {
    return toPayload(sql().findBy.uid.get(this.model, uid));
  }

  async findByUserCode(userCode: string) {
    return toPayload(sql().findBy.userCode.get(this.model, userCode));
  }

  // Atomic: of two concurrent uses of one code or refresh token, only one
  // marks it consumed. The loser is a replay: the grant's tokens all die.
  async consume(id: string): Promise<void> {
    const result = await runWrite(() => sql().consume.run(toDbTime(Date.now()), this.model, id));
    if (result.changes === 0) {
      const row = sql().find.get(this.model, id);
      const grantId = row ? (JSON.parse(row.payload) as AdapterPayload).grantId : undefined;
      // The grant itself ends too: the winner may still be writing its
      // tokens, which then belong to a grant that no longer exists.
      if (grantId) await destroyGrantState(grantId);
      const { errors } = await import("oidc-provider");
      throw new errors.InvalidGrant("grant request is invalid (already used)");
    }
  }

  async destroy(id: string): Promise<void> {
    await runWrite(() => sql().destroy.run(this.model, id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await runWrite(() => sql().revokeByGrantId.run(grantId));
  }
}

// Ends every code, token and the grant itself, for all models at once.
export async function destroyGrantState(grantId: string): Promise<void> {
  await runWrite(() => sql().revokeByGrantId.run(grantId));
  // Without its Grant, a later request from the same browser session asks
  // for consent again instead of silently reusing a revoked grant.
  await runWrite(() => sql().destroyGrant.run(grantId));
}

export const installationTokenKey = (installationId: string) => `installation:${installationId}`;

function installationKey(payload: AdapterPayload): string | undefined {
  const installationId = (payload.extra as { installation_id?: unknown } | undefined)?.installation_id;
  return typeof installationId === "string" ? installationTokenKey(installationId) : undefined;
}
