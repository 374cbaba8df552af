// @ts-check

/** Headers every response carries; the Content-Security-Policy with its per-request nonce is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build folder lets a developer run the e2e suite beside a running dev server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The build type-checks the app only; `npm test` type-checks everything, tests and CLI included.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
