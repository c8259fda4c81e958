export { getDb, closeDb, type Db } from "./client";
export { Prisma, Role } from "./generated/client";
export type { User, Group, Organization, Membership, AuditEvent } from "./generated/client";
