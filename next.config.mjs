/** @type {import('next').NextConfig} */
const nextConfig = {
  // Kept out of the bundle: native addons, and oidc-provider (minified, it
  // loses the class names it keys its storage by).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "oidc-provider"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) before building;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
