import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { describeGroup } from "@/lib/projects/api-identity";

// The group the token is bound to, with its members and assignable bots
// (group:read).
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi(async () => json(await describeGroup(await authenticateApiRequest(request))));
}
