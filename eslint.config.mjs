// Lint rules that keep the architecture true without review (docs/ARCHITECTURE.md):
// - Next.js' own rules (React hooks, core web vitals) and typescript-eslint's recommended set;
// - no import cycles;
// - the database client only where data access lives (lib/domain, lib/db) and in tooling.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

const DATABASE_CLIENT_ONLY_IN_DATA_LAYER = {
  paths: [
    {
      name: "@/lib/db/client",
      importNames: ["db", "Tx"],
      message: "Data access lives in lib/domain: call a domain function instead of the database client.",
    },
  ],
  patterns: [
    {
      group: ["@prisma/*", "@/lib/db/generated/*"],
      message: "Prisma is used only in lib/db and lib/domain.",
    },
  ],
};

// Layers, lowest first: pure helpers (lib/engine, lib/ballots, lib/security, lib/report, lib/export,
// lib/catalog, lib/validation, lib/api and the files directly in lib/) < data access (lib/db, lib/domain, lib/live) < request
// wiring (lib/auth for Auth.js, lib/http for routes and actions) < app and components.
const WIRING_ONLY_ABOVE_THE_DOMAIN = {
  group: ["@/lib/auth/*", "@/lib/http/*"],
  message: "lib/auth and lib/http wire requests to the domain and sit above it: pass what they resolve (an Actor) down instead.",
};
const PURE_HELPERS = [
  "lib/engine/**",
  "lib/ballots/**",
  "lib/security/**",
  "lib/report/**",
  "lib/export/**",
  "lib/catalog/**",
  "lib/validation/**",
  "lib/api/**",
  "lib/*.ts",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores(["lib/db/generated/**", ".next*/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "no-restricted-imports": ["error", DATABASE_CLIENT_ONLY_IN_DATA_LAYER],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests spoil inputs on purpose; typing each spoiled shape would hide what is being tested.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The data layer: domain operations, the database client, and the few modules that are data
    // access by nature (live-update publishing and revisions, the mail outbox); plus tooling that works on databases directly (migrations, copy-database, tests).
    files: [
      "lib/domain/**",
      "lib/db/**",
      "lib/live/**",
      "lib/mail/outbox.ts",
      "cli/migrate.ts",
      "cli/commands/copy-database.ts",
      "tests/**",
      "bench/**",
      "scripts/**",
      "prisma.config.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["lib/domain/**", "lib/db/**", "lib/live/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [WIRING_ONLY_ABOVE_THE_DOMAIN] }] },
  },
  {
    files: PURE_HELPERS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: DATABASE_CLIENT_ONLY_IN_DATA_LAYER.paths,
          patterns: [
            ...DATABASE_CLIENT_ONLY_IN_DATA_LAYER.patterns,
            WIRING_ONLY_ABOVE_THE_DOMAIN,
            {
              group: ["@/lib/domain/*", "@/lib/live/*"],
              message: "Pure helpers sit below the domain: the domain calls them, not the other way round.",
            },
          ],
        },
      ],
    },
  },
]);
