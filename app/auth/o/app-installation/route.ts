import { systemActor } from "@/lib/auth/actor";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { getInstallationDetails, toPlaneInstallation } from "@/lib/consent/installation-details";

// Plane-compatible installation details: with a user or bot token of the app,
// the installation that token acts in (as a one-element array). Any other
// id — another app's, another group's — yields an empty array.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleApi(async () => {
    const principal = await authenticateApiRequest(request);
    const id = new URL(request.url).searchParams.get("id");
    if (id && id !== principal.installationId) return json([]);
    const details = await getInstallationDetails(systemActor("api"), undefined, principal.installationId);
    return json([toPlaneInstallation(details)]);
  });
}
