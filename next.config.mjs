/** @type {import('next').NextConfig} */
const nextConfig = {
  // Kept out of the bundle: native addons, and oidc-provider (minified, it
  // loses the class names it keys its storage by).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "oidc-provider"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Plane-compatible endpoints are called with a trailing slash
  // (/auth/o/token/): answer them in place instead of redirecting a POST.
  skipTrailingSlashRedirect: true,
  // `npm test` type-checks the whole project (tests included) before building;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
