// Routes API requests to the App Router route handlers in-process (tests).
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Record<string, unknown>;

const ROUTES: [RegExp, string[], () => Promise<Module>][] = [
  [/^\/api\/v1\/me$/, [], () => import("@/app/api/v1/me/route")],
  [/^\/api\/v1\/group$/, [], () => import("@/app/api/v1/group/route")],
  [/^\/api\/v1\/projects$/, [], () => import("@/app/api/v1/projects/route")],
  [/^\/api\/v1\/projects\/([^/]+)$/, ["projectId"], () => import("@/app/api/v1/projects/[projectId]/route")],
  [/^\/api\/v1\/projects\/([^/]+)\/work-items$/, ["projectId"], () => import("@/app/api/v1/projects/[projectId]/work-items/route")],
  [/^\/api\/v1\/work-items\/([^/]+)$/, ["workItemId"], () => import("@/app/api/v1/work-items/[workItemId]/route")],
  [/^\/api\/v1\/work-items\/([^/]+)\/comments$/, ["workItemId"], () => import("@/app/api/v1/work-items/[workItemId]/comments/route")],
  [/^\/\.well-known\/oauth-protected-resource$/, [], () => import("@/app/.well-known/oauth-protected-resource/route")],
  [/^\/auth\/o\/authorize-app\/?$/, [], () => import("@/app/auth/o/authorize-app/route")],
  [/^\/auth\/o\/token\/?$/, [], () => import("@/app/auth/o/token/route")],
  [/^\/auth\/o\/revoke-token\/?$/, [], () => import("@/app/auth/o/revoke-token/route")],
  [/^\/auth\/o\/app-installation\/?$/, [], () => import("@/app/auth/o/app-installation/route")],
];

export async function routeApi(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const [pattern, names, load] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const handler = (await load())[request.method] as Handler | undefined;
    if (!handler) return new Response("Method Not Allowed", { status: 405 });
    const params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response("Not Found", { status: 404 });
}
