// The dimensions the source articles compare Django and Flask on, described in our own words.
// Every criterion is phrased so that a higher score is better for the team (e.g. "maintenance cost"
// scores 10 when the framework is cheap to maintain).
//
// "Batteries included" is ONE advantage: "built-in-features" counts it once for every project.
// The single batteries (ORM, migrations, admin, accounts, i18n, testing) stay as criteria so a team
// can see and revise their ratings, but they start at weight 0 in rules.ts and only count when a
// need in the profile calls for them; otherwise Django's lead would be counted several times.
import type { Criterion } from "./schema";

export const CRITERIA = [
  {
    id: "learning-curve",
    name: "Learning curve",
    description: "How quickly a developer new to the framework becomes productive; higher means gentler.",
  },
  {
    id: "full-featured-speed",
    name: "Speed of building full-featured apps",
    description: "How fast a team ships an application that needs accounts, data models, forms and back-office screens.",
  },
  {
    id: "prototyping-speed",
    name: "Prototyping speed",
    description: "How little setup stands between an idea and a running demo, proof of concept or minimal API.",
  },
  {
    id: "flexibility",
    name: "Flexibility & architectural freedom",
    description: "Freedom to pick your own libraries, layout and patterns instead of following the framework's.",
  },
  {
    id: "built-in-features",
    name: "Built-in features (batteries included)",
    description:
      "How much a new project gets out of the box (ORM, migrations, admin, accounts, i18n, test runner) without wiring third-party packages.",
  },
  {
    id: "orm-database",
    name: "ORM & database integration",
    description: "How smoothly the application maps its data to a database and queries it.",
  },
  {
    id: "migrations",
    name: "Database migrations",
    description: "How easily schema changes are generated, tracked and applied as the data model evolves.",
  },
  {
    id: "admin-interface",
    name: "Admin interface",
    description: "A ready back-office for staff to browse and edit the application's data.",
  },
  {
    id: "auth-permissions",
    name: "Authentication & permissions",
    description: "User sign-up, login, sessions, roles and access rules, and how much of it you must build.",
  },
  {
    id: "built-in-security",
    name: "Built-in security",
    description: "Protection against CSRF, XSS, SQL injection and clickjacking that is on by default rather than added by hand.",
  },
  {
    id: "performance-footprint",
    name: "Raw performance & footprint",
    description: "Request overhead, memory use and start-up time of a lean application before tuning.",
  },
  {
    id: "scalability",
    name: "Scalability",
    description: "How well the application copes as users, data and features grow.",
  },
  {
    id: "structure-conventions",
    name: "Project structure & conventions",
    description: "How much a shared, prescribed layout keeps a codebase consistent across developers and years.",
  },
  {
    id: "templating",
    name: "Templating",
    description: "Server-side HTML rendering: expressiveness, safety defaults and how errors surface.",
  },
  {
    id: "routing",
    name: "URL routing",
    description: "How URLs are declared and mapped to code, and how that holds up as routes multiply.",
  },
  {
    id: "ecosystem-community",
    name: "Ecosystem & community",
    description: "Size and maturity of the community and of the packages around the framework; how easy help is to find.",
  },
  {
    id: "documentation",
    name: "Documentation",
    description: "Quality and coherence of the official guides and of the docs for the pieces you must add.",
  },
  {
    id: "api-microservices",
    name: "Fit for REST APIs & microservices",
    description: "Suitability for small, independently deployed services and API back-ends.",
  },
  {
    id: "ml-data-tools",
    name: "Fit for ML serving & data tools",
    description: "Suitability for exposing trained models and building dashboards next to the Python data stack.",
  },
  {
    id: "maintenance-cost",
    name: "Maintenance cost",
    description: "Long-run cost of keeping the application healthy; higher means cheaper to maintain.",
  },
  {
    id: "async-support",
    name: "Async & real-time support",
    description: "Support for asynchronous request handling and real-time features.",
  },
  {
    id: "testing",
    name: "Testing support",
    description: "Tooling the framework provides for writing and running automated tests.",
  },
  {
    id: "internationalisation",
    name: "Internationalisation",
    description: "Built-in help for translating and localising an application.",
  },
  {
    id: "hiring",
    name: "Hiring & job market",
    description: "How readily the team can find and staff developers who already know the framework.",
  },
] as const satisfies readonly Criterion[];

export type CriterionId = (typeof CRITERIA)[number]["id"];
