// How a project profile turns into criterion weights: reviewable DATA, walked by suggestWeights()
// in weights.ts. Each rule cites the guidance it encodes; change a number here, not in code.
//
// Scale: general criteria start at 1 and feature criteria lower (see BASE_WEIGHTS); a need adds
// a few points to the criteria that serve it, and context (size, timeline, team) scales weights.
import type { CriterionId } from "./criteria";
import type { Adjustment, RuleCondition } from "./rule-types";
import type { SourceFile } from "./sources";

export interface BuiltinWeightRule {
  id: string;
  when: RuleCondition;
  adjust: Partial<Record<CriterionId, Adjustment>>;
  reason: string;
  citations: { source: SourceFile; quote: string }[];
}

/**
 * Starting weights before any rule. Criteria every project cares about start at 1. Criteria about
 * one feature (an admin panel, ML serving, i18n...) start low: they matter when a need says so,
 * and counting them fully for every project would let the longer feature list decide by itself.
 */
export const BASE_WEIGHTS: Record<CriterionId, number> = {
  "learning-curve": 1,
  "full-featured-speed": 1,
  "prototyping-speed": 1,
  flexibility: 1,
  "built-in-features": 1,
  "built-in-security": 1,
  "performance-footprint": 1,
  scalability: 1,
  "structure-conventions": 1,
  "ecosystem-community": 1,
  documentation: 1,
  "maintenance-cost": 1,
  "orm-database": 0.3,
  migrations: 0.3,
  "admin-interface": 0.3,
  "auth-permissions": 0.3,
  templating: 0.3,
  routing: 0.3,
  "api-microservices": 0.3,
  "ml-data-tools": 0.3,
  "async-support": 0.3,
  testing: 0.3,
  internationalisation: 0.3,
  hiring: 0.3,
};

/** Weight of a criterion the rules do not know (one a team added to its own catalog). */
export const DEFAULT_BASE_WEIGHT = 1;

export const WEIGHT_RULES: BuiltinWeightRule[] = [
  // ── Project size ────────────────────────────────────────────────────────────────────────────
  {
    id: "small-project",
    when: { projectSize: ["small"] },
    adjust: {
      "prototyping-speed": { times: 2.5 },
      flexibility: { times: 1.5 },
      "learning-curve": { times: 1.5 },
      "performance-footprint": { times: 2 },
      "built-in-features": { times: 0.3 },
      "full-featured-speed": { times: 0.5 },
      scalability: { times: 0.5 },
      "structure-conventions": { times: 0.6 },
    },
    reason:
      "Small, simple apps gain little from a large built-in feature set or a prescribed layout, can be slowed by one, and value a light, quick start.",
    citations: [
      {
        source: "000_fded704e0db993ac.txt",
        quote: "Its impressive suite of features is very useful for developers that want to build large and complex web apps but that functionality is normally not required for simpler apps.",
      },
      {
        source: "000_fded704e0db993ac.txt",
        quote: "This additional functionality could thus end up affecting the performance of small web apps",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Flask is an excellent choice for small-scale projects or applications that serve a single, well-defined purpose.",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "This flexibility is advantageous for quick prototypes or simple applications.",
      },
    ],
  },
  // No rule for "medium": the sources split (all five fit Flask to small-to-medium projects, while
  // 001 also puts Django at medium-to-large), so a medium project is decided by team, timeline and needs.
  {
    id: "large-project",
    when: { projectSize: ["large"] },
    adjust: {
      scalability: { times: 2 },
      "structure-conventions": { times: 1.5 },
      "built-in-features": { times: 1.5 },
      "full-featured-speed": { times: 1.5 },
      "prototyping-speed": { times: 0.5 },
    },
    reason: "Large, complex projects need room to grow and a consistent structure more than a quick start.",
    citations: [
      {
        source: "000_fded704e0db993ac.txt",
        quote: "Developers should opt for Django if they're working on a large and complex project.",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Django is well-suited for building applications that are expected to grow in complexity and user base.",
      },
    ],
  },
  // ── Timeline ────────────────────────────────────────────────────────────────────────────────
  {
    id: "tight-timeline",
    when: { timeline: ["tight"] },
    adjust: { "full-featured-speed": { times: 2 }, "prototyping-speed": { times: 2 } },
    reason:
      "On a deadline, development speed counts double: for a full application that favours ready-made features, for a small one a light start.",
    citations: [
      {
        source: "000_fded704e0db993ac.txt",
        quote: "developers should opt for Django if they have limited time or are on a tight budget.",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Flask is unmatched in speed for launching small projects or minimal web services.",
      },
    ],
  },
  {
    id: "relaxed-timeline",
    when: { timeline: ["relaxed"] },
    adjust: { "learning-curve": { times: 0.6 } },
    reason: "With time to spare, a steeper learning curve is a one-off cost that later pays back.",
    citations: [
      {
        source: "003_3c506f27f3dfb912.txt",
        quote: "However, once you become familiar with Django’s concepts and structure, it can greatly boost productivity.",
      },
    ],
  },
  // ── Team experience ─────────────────────────────────────────────────────────────────────────
  {
    id: "beginner-team",
    when: { teamExperience: ["beginner"] },
    adjust: { "learning-curve": { times: 5 }, "built-in-security": { times: 1.5 } },
    reason:
      "Beginners need a gentle start above all; they also benefit most from security that is on by default.",
    citations: [
      {
        source: "000_fded704e0db993ac.txt",
        quote: "One of the biggest advantages of Flask is that it's very beginner friendly so even developers who are not highly skilled can take a crack at it.",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Flask, while secure in the hands of experienced developers, requires more vigilance and external support to reach a similar level of protection.",
      },
    ],
  },
  {
    id: "expert-team-learning",
    when: { teamExperience: ["expert"] },
    adjust: { "learning-curve": { times: 0.3 } },
    reason: "Experienced developers are past the learning curve and get the full productivity payoff.",
    citations: [
      {
        source: "001_65b7caba0eee45b3.txt",
        quote: "Experienced developers may achieve higher productivity with Django, especially for projects requiring admin panels, authentication, and other common features.",
      },
    ],
  },
  {
    id: "expert-team-freedom",
    when: { teamExperience: ["expert"] },
    adjust: { flexibility: { times: 1.5 } },
    reason: "Experienced developers can turn architectural freedom into an advantage.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "For small projects and experienced developers, Flask’s loose structure can be a major advantage.",
      },
    ],
  },
  // ── Team size ───────────────────────────────────────────────────────────────────────────────
  {
    id: "solo-or-small-team",
    when: { teamSizeAtMost: 3 },
    adjust: { flexibility: { times: 1.5 }, "structure-conventions": { times: 0.5 } },
    reason: "Solo developers and small teams need shared conventions less and may prefer freedom.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Larger teams or long-term projects benefit from Django’s opinionated design, while solo developers and small teams may prefer Flask’s flexibility.",
      },
    ],
  },
  {
    id: "large-team",
    when: { teamSizeAtLeast: 8 },
    adjust: { "structure-conventions": { times: 2.5 }, "maintenance-cost": { times: 1.5 } },
    reason: "A growing team needs enforced conventions to stay consistent and onboard quickly.",
    citations: [
      {
        source: "002_338165f8a9af4819.txt",
        quote: "Choose Django when team size and codebase longevity matter.",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Django’s structured architecture is ideal for teams working on large projects, as it promotes consistency and maintainability.",
      },
    ],
  },
  // ── Needs ───────────────────────────────────────────────────────────────────────────────────
  {
    id: "need-admin-panel",
    when: { need: "admin-panel" },
    adjust: { "admin-interface": { plus: 5 } },
    reason: "Staff must manage data through a back-office.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Django is ideal when you require a built-in admin panel to manage data.",
      },
    ],
  },
  {
    id: "need-user-accounts",
    when: { need: "user-accounts" },
    adjust: { "auth-permissions": { plus: 5 } },
    reason: "Users sign up, log in and have roles, so authentication and permissions matter.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Django’s built-in tools are sufficient for most authentication needs and reduce development time.",
      },
    ],
  },
  {
    id: "need-orm",
    when: { need: "orm" },
    adjust: { "orm-database": { plus: 4 }, migrations: { plus: 2 } },
    reason: "A relational data model needs a good ORM and schema migrations.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Django is ideal for developers who want a full-featured, tightly integrated ORM with minimal setup.",
      },
    ],
  },
  {
    id: "need-rest-api",
    when: { need: "rest-api" },
    adjust: { "api-microservices": { plus: 4 }, "performance-footprint": { times: 1.5 } },
    reason: "The product is an API back-end, where a lean request path pays off.",
    citations: [
      { source: "004_2e780fe2fc99504a.txt", quote: "Flask is also ideal for building APIs and microservices." },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "For developers building RESTful services or low-latency applications, Flask offers excellent baseline performance.",
      },
    ],
  },
  {
    id: "need-microservices",
    when: { need: "microservices" },
    adjust: {
      "api-microservices": { plus: 5 },
      "performance-footprint": { times: 1.5 },
      "built-in-features": { times: 0.5 },
      "structure-conventions": { times: 0.5 },
    },
    reason: "Each service has one narrow job, so bundled features and a shared monolith layout matter less.",
    citations: [
      {
        source: "002_338165f8a9af4819.txt",
        quote: "Ideal for microservices architectures where each service does one job and nothing more.",
      },
      {
        source: "002_338165f8a9af4819.txt",
        quote: "The monolithic structure feels heavy for small services or single-purpose APIs.",
      },
    ],
  },
  {
    id: "need-ml-serving",
    when: { need: "ml-serving" },
    adjust: { "ml-data-tools": { plus: 6 }, "built-in-features": { times: 0.5 } },
    reason: "Serving model predictions needs a thin HTTP layer next to the data stack, not a full framework.",
    citations: [
      {
        source: "002_338165f8a9af4819.txt",
        quote: "or when serving ML model predictions where a full framework adds unnecessary overhead",
      },
    ],
  },
  {
    id: "need-content-management",
    when: { need: "content-management" },
    adjust: {
      "admin-interface": { plus: 2 },
      "auth-permissions": { plus: 1 },
      "built-in-features": { times: 1.5 },
    },
    reason: "Content-heavy sites need editors, roles and a back-office for non-technical staff.",
    citations: [
      {
        source: "001_65b7caba0eee45b3.txt",
        quote: "Medium to large projects, especially content‑heavy applications",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "the admin panel makes managing content easy for non-technical users.",
      },
    ],
  },
  {
    id: "need-ecommerce",
    when: { need: "ecommerce" },
    adjust: {
      "auth-permissions": { plus: 2 },
      "admin-interface": { plus: 2 },
      "orm-database": { plus: 1 },
      "built-in-security": { times: 1.5 },
      scalability: { times: 1.5 },
    },
    reason: "A shop needs accounts, a catalogue, order administration, payment security and room to grow.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "A site that requires user accounts, product listings, shopping carts, payment processing, and admin management will benefit from Django.",
      },
    ],
  },
  {
    id: "need-security-compliance",
    when: { need: "security-compliance" },
    adjust: { "built-in-security": { plus: 5 }, "maintenance-cost": { plus: 1 } },
    reason: "Sensitive data or regulation makes default protections and long-term support releases critical.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Another strong case for Django is when data security is a primary concern.",
      },
      {
        source: "002_338165f8a9af4819.txt",
        quote: "Regulated industries like healthcare and fintech also lean on Django because its LTS releases and proactive security patching reduce compliance risk.",
      },
    ],
  },
  {
    id: "need-custom-architecture",
    when: { need: "custom-architecture" },
    adjust: { flexibility: { plus: 5 }, "built-in-features": { times: 0.5 } },
    reason:
      "The architecture must be wired piece by piece (own databases, auth providers, middleware), so bundled defaults matter less.",
    citations: [
      {
        source: "002_338165f8a9af4819.txt",
        quote: "Choose Flask when architectural freedom is a hard requirement",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Developers can choose their ORM, form library, authentication method, and deployment strategy.",
      },
    ],
  },
  {
    id: "need-rapid-prototype",
    when: { need: "rapid-prototype" },
    adjust: { "prototyping-speed": { plus: 5 } },
    reason: "A proof of concept or demo must run as soon as possible.",
    citations: [
      { source: "004_2e780fe2fc99504a.txt", quote: "Rapid prototyping is another area where Flask shines." },
    ],
  },
  {
    id: "need-long-term-maintenance",
    when: { need: "long-term-maintenance" },
    adjust: { "maintenance-cost": { plus: 2 }, "structure-conventions": { plus: 1 } },
    reason: "The code must stay stable and maintainable for years.",
    citations: [
      {
        source: "001_65b7caba0eee45b3.txt",
        quote: "Long‑term maintenance requiring stability and maintainability",
      },
    ],
  },
  {
    id: "need-data-dashboard",
    when: { need: "data-dashboard" },
    adjust: { "ml-data-tools": { plus: 5 }, "performance-footprint": { times: 1.5 } },
    reason: "Dashboards and visualisation tools live next to the Python data stack and stay light.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Flask’s simplicity and performance make it a popular choice for data science applications, dashboards, and internal tools.",
      },
    ],
  },
  {
    id: "need-async-realtime",
    when: { need: "async-realtime" },
    adjust: { "async-support": { plus: 5 } },
    reason: "Real-time features need asynchronous request handling.",
    citations: [
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "Flask is often used to build high-performance APIs or services that require real-time responses.",
      },
      {
        source: "004_2e780fe2fc99504a.txt",
        quote: "It also supports asynchronous views, caching strategies, and horizontal scaling through multiple deployment strategies.",
      },
    ],
  },
];
