import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { describeCaller } from "@/lib/projects/api-identity";

// Who the token acts as: a user (name and email with the profile and email
// scopes) or an app's bot ("bot:<id>"), in which group, with which scopes.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi(async () => json(await describeCaller(await authenticateApiRequest(request))));
}
