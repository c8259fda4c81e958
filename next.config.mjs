/** @type {import('next').NextConfig} */
const nextConfig = {
  // Kept out of the bundle: native addons, and oidc-provider (minified, it
  // loses the class names it keys its storage by).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "oidc-provider"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
