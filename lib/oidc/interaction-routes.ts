import { getCurrentUser } from "@/lib/auth/session";
import { getOrigin } from "@/lib/config";
import { AppError, isAppError } from "@/lib/errors";
import { completeLogin, confirmConsent, denyConsent } from "./consent";
import { findInteraction } from "./interaction-context";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
const page = (uid: string, error?: string) => `${getOrigin()}/interaction/${encodeURIComponent(uid)}${error ? `?error=${encodeURIComponent(error)}` : ""}`;

// Forms on the consent screen post back only from Tessera's own pages.
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return !origin || origin === getOrigin();
}

type Step = (args: { request: Request; uid: string; cookie: string; userId: string }) => Promise<string>;

// Runs one step of a sign-in interaction for the signed-in Tessera user and
// answers with a 303 to wherever the flow goes next.
async function runStep(request: Request, uid: string, step: Step): Promise<Response> {
  if (request.method === "POST" && !isSameOrigin(request)) return new Response("Forbidden", { status: 403 });
  const user = await getCurrentUser();
  if (!user) return seeOther(`${getOrigin()}/signin?callbackUrl=${encodeURIComponent(`/interaction/${uid}`)}`);
  const cookie = request.headers.get("cookie") ?? "";
  try {
    return seeOther(await step({ request, uid, cookie, userId: user.id }));
  } catch (error) {
    if (isAppError(error)) return seeOther(page(uid, error.message));
    throw error;
  }
}

async function requireInteraction(uid: string, cookie: string) {
  const details = await findInteraction(uid, cookie);
  if (!details) throw new AppError("NOT_FOUND", "This sign-in request has expired. Start again from the app.");
  return details;
}

// The user is already signed in to Tessera: they are never asked again.
export const handleLogin = (request: Request, uid: string) =>
  runStep(request, uid, async ({ cookie, userId }) => completeLogin(await requireInteraction(uid, cookie), cookie, userId));

export const handleConfirm = (request: Request, uid: string) =>
  runStep(request, uid, async ({ request, cookie, userId }) => {
    const form = await request.formData();
    const scopes = form.getAll("scope").map(String);
    return confirmConsent(await requireInteraction(uid, cookie), cookie, userId, { groupId: String(form.get("groupId") ?? ""), scopes });
  });

export const handleAbort = (request: Request, uid: string) =>
  runStep(request, uid, async ({ cookie }) => denyConsent(await requireInteraction(uid, cookie), cookie));
