import { z } from "zod";
import { SCOPE_IDS } from "@/lib/apps/scopes";
import { BROWSE_TABS } from "./visibility";

export const BROWSE_PAGE_SIZE = 20;

// The panel's URL state: ?tab=organization&q=time&page=2 (bad values fall back).
export const browseQuerySchema = z.object({
  tab: z.enum(BROWSE_TABS).catch("group"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type BrowseQuery = z.output<typeof browseQuerySchema>;

export const addConsentSchema = z.object({
  clientId: z.string().trim().min(1, "Choose an app"),
  // The group's ceiling; omitted means every permission the app may request.
  scopes: z.array(z.enum(SCOPE_IDS, { error: "Unknown permission" })).optional(),
});

export type AddConsentInput = z.input<typeof addConsentSchema>;

export const removeConsentSchema = z.object({ installationId: z.string().trim().min(1) });
