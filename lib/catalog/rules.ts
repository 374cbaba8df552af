// How a project profile turns into criterion weights: reviewable DATA, walked by suggestWeights()
// in weights.ts. Each rule cites the guidance it encodes and names the framework that guidance
// points to (`favours`); tests/unit/catalog/weights.test.ts checks that applying the rule really
// moves the ranking that way. Where the articles disagree, `otherSide` carries the counter-view
// and its citations so the explanation shows both. Change a number here, not in code.
import type { CriterionId } from "./criteria";
import type { OptionId } from "./options";
import type { BUDGETS, Need, TEAM_PREFERENCES } from "./profile";
import type { Adjustment, RuleCondition } from "./rule-types";
import type { SourceFile } from "./sources";

type BuiltinCitation = { source: SourceFile; quote: string };

export interface BuiltinWeightRule {
  id: string;
  when: RuleCondition & { need?: Need; budget?: (typeof BUDGETS)[number][]; teamPreference?: (typeof TEAM_PREFERENCES)[number][] };
  adjust: Partial<Record<CriterionId, Adjustment>>;
  favours: OptionId;
  reason: string;
  citations: BuiltinCitation[];
  otherSide?: { favours: OptionId; says: string; citations: BuiltinCitation[] };
}

/**
 * Starting weights before any rule, chosen so that a neutral profile (medium project, normal
 * timeline and budget, intermediate team of 4-7, no needs) comes out close to a tie: the articles
 * agree that neither framework is better in general and that the choice depends on the project.
 *
 * - General criteria every project meets start at 1 or 0.5, in pairs that mirror each other
 *   (full-app speed / prototyping speed; conventions / flexibility).
 * - "built-in-features" counts the batteries once. The single batteries (ORM, migrations, admin,
 *   accounts, i18n, testing) and the fit-for-purpose criteria (APIs, ML, async) start at 0: a need
 *   selects them. Counting them for every project let Django's longer feature list decide alone.
 */
export const BASE_WEIGHTS: Record<CriterionId, number> = {
  "learning-curve": 1,
  "full-featured-speed": 0.5,
  "prototyping-speed": 0.5,
  flexibility: 1,
  "structure-conventions": 0.8,
  "built-in-features": 0.4,
  "built-in-security": 0.25,
  "performance-footprint": 1,
  scalability: 0.5,
  "ecosystem-community": 0.5,
  documentation: 0.5,
  "maintenance-cost": 0.25,
  templating: 0.3,
  routing: 0.3,
  hiring: 0.2,
  "orm-database": 0,
  migrations: 0,
  "admin-interface": 0,
  "auth-permissions": 0,
  internationalisation: 0,
  testing: 0,
  "api-microservices": 0,
  "ml-data-tools": 0,
  "async-support": 0,
};

/** Weight of a criterion the rules do not know (one a team added to its own catalog). */
export const DEFAULT_BASE_WEIGHT = 1;

const A000 = "000_fded704e0db993ac.txt";
const A001 = "001_65b7caba0eee45b3.txt";
const A002 = "002_338165f8a9af4819.txt";
const A003 = "003_3c506f27f3dfb912.txt";
const A004 = "004_2e780fe2fc99504a.txt";

export const WEIGHT_RULES: BuiltinWeightRule[] = [
  // ── Project size ────────────────────────────────────────────────────────────────────────────
  {
    id: "small-project",
    when: { projectSize: ["small"] },
    favours: "flask",
    adjust: {
      "prototyping-speed": { times: 2 },
      "learning-curve": { times: 1.5 },
      "built-in-features": { times: 0.5 },
      "structure-conventions": { times: 0.6 },
    },
    reason: "A small, simple app gains little from a large built-in feature set and values a light, quick start.",
    citations: [
      { source: A000, quote: "Django doesn't really prove to be useful for simple and small web apps." },
      {
        source: A004,
        quote: "Flask is an excellent choice for small-scale projects or applications that serve a single, well-defined purpose.",
      },
      {
        source: A003,
        quote:
          "Flask, being a microframework, is more lightweight and flexible. It is suitable for small to medium-sized projects, where simplicity and customization are valued.",
      },
    ],
  },
  {
    id: "medium-project",
    when: { projectSize: ["medium"] },
    favours: "flask",
    adjust: { flexibility: { times: 1.3 } },
    reason:
      "Four articles put medium-sized projects within Flask's range, so a medium project leans slightly to Flask; one also puts Django at medium-to-large.",
    citations: [
      { source: A000, quote: "Developers who are working on small or mid-sized projects should consider using Flask as the framework." },
      { source: A001, quote: "Small or medium projects with clear, limited scope" },
      { source: A002, quote: "If it is a medium-sized app like forums, personal blogs, or small scale enterprise app, go for Flask." },
      {
        source: A003,
        quote:
          "Flask, being a microframework, is more lightweight and flexible. It is suitable for small to medium-sized projects, where simplicity and customization are valued.",
      },
    ],
    otherSide: {
      favours: "django",
      says: "The same comparison table that lists small-to-medium apps for Flask lists medium-to-large ones for Django.",
      citations: [
        { source: A001, quote: "Medium to large projects, especially content‑heavy applications" },
        { source: A001, quote: "Medium to large enterprise applications" },
      ],
    },
  },
  {
    id: "large-project",
    when: { projectSize: ["large"] },
    favours: "django",
    adjust: {
      scalability: { times: 2 },
      "structure-conventions": { times: 1.5 },
      "built-in-features": { times: 1.5 },
      "full-featured-speed": { times: 1.5 },
      "prototyping-speed": { times: 0.5 },
    },
    reason: "A large, complex project needs room to grow and a consistent structure more than a quick start.",
    citations: [
      { source: A000, quote: "Developers should opt for Django if they're working on a large and complex project." },
      { source: A004, quote: "Django is well-suited for building applications that are expected to grow in complexity and user base." },
    ],
  },
  // ── Timeline and budget ─────────────────────────────────────────────────────────────────────
  {
    id: "tight-timeline",
    when: { timeline: ["tight"] },
    favours: "django",
    adjust: { "full-featured-speed": { times: 3 }, "built-in-features": { times: 1.5 } },
    reason: "On a deadline, ready-made features save the most time: fewer decisions, less to wire.",
    citations: [
      { source: A000, quote: "Django is the web framework of choice for developers on a deadline." },
      {
        source: A000,
        quote:
          "Generally, when considering Django vs Flask, developers should opt for Django if they have limited time or are on a tight budget.",
      },
      {
        source: A004,
        quote:
          "When developers need to get a product to market fast, Django’s batteries-included approach minimizes setup time and reduces dependency on third-party tools.",
      },
    ],
  },
  {
    id: "tight-timeline-small-project",
    when: { timeline: ["tight"], projectSize: ["small"] },
    favours: "flask",
    adjust: { "prototyping-speed": { times: 2 } },
    reason: "For a small project or minimal service on a deadline, the quickest start wins.",
    citations: [{ source: A004, quote: "Flask is unmatched in speed for launching small projects or minimal web services." }],
  },
  {
    id: "relaxed-timeline",
    when: { timeline: ["relaxed"] },
    favours: "django",
    adjust: { "learning-curve": { times: 0.6 } },
    reason: "With time to spare, a steeper learning curve is a one-off cost that later pays back.",
    citations: [
      {
        source: A003,
        quote: "However, once you become familiar with Django’s concepts and structure, it can greatly boost productivity.",
      },
    ],
  },
  {
    id: "tight-budget",
    when: { budget: ["tight"] },
    favours: "django",
    adjust: { "built-in-features": { times: 2 }, "full-featured-speed": { times: 1.5 }, "maintenance-cost": { times: 1.5 } },
    reason: "On a tight budget, every feature you need not build and every integration you need not maintain counts.",
    citations: [
      {
        source: A004,
        quote: "For developers working under time constraints or tight budgets, Django’s comprehensiveness can be a significant asset.",
      },
      {
        source: A000,
        quote:
          "Generally, when considering Django vs Flask, developers should opt for Django if they have limited time or are on a tight budget.",
      },
    ],
  },
  // ── Team experience ─────────────────────────────────────────────────────────────────────────
  {
    id: "beginner-team",
    when: { teamExperience: ["beginner"] },
    favours: "flask",
    adjust: { "learning-curve": { times: 4 } },
    reason: "The articles that discuss beginners all call Flask the easier start, so a gentle learning curve counts most.",
    citations: [
      {
        source: A000,
        quote:
          "One of the biggest advantages of Flask is that it's very beginner friendly so even developers who are not highly skilled can take a crack at it.",
      },
      { source: A002, quote: "Flask is generally easier for beginners due to its minimal API surface." },
      { source: A001, quote: "Flask has a relatively gentle learning curve, making it ideal for Python beginners" },
      { source: A004, quote: "In educational settings, Flask is often used to introduce students to web development." },
    ],
  },
  {
    id: "beginner-team-security",
    when: { teamExperience: ["beginner"] },
    favours: "django",
    adjust: { "built-in-security": { times: 1.5 } },
    reason: "Beginners also gain most from protections that are on by default rather than added by hand.",
    citations: [
      {
        source: A004,
        quote:
          "Flask, while secure in the hands of experienced developers, requires more vigilance and external support to reach a similar level of protection.",
      },
    ],
  },
  {
    id: "expert-team-productivity",
    when: { teamExperience: ["expert"] },
    favours: "django",
    adjust: { "learning-curve": { times: 0.3 } },
    reason: "Experienced developers are past Django's learning curve and get its full productivity.",
    citations: [
      {
        source: A001,
        quote:
          "Experienced developers may achieve higher productivity with Django, especially for projects requiring admin panels, authentication, and other common features.",
      },
    ],
  },
  {
    id: "expert-team-freedom",
    when: { teamExperience: ["expert"] },
    favours: "flask",
    adjust: { flexibility: { times: 1.5 } },
    reason: "Experienced developers can turn architectural freedom into an advantage.",
    citations: [
      { source: A004, quote: "For small projects and experienced developers, Flask’s loose structure can be a major advantage." },
    ],
  },
  // ── Team size and preference ────────────────────────────────────────────────────────────────
  {
    id: "solo-or-small-team",
    when: { teamSizeAtMost: 3 },
    favours: "flask",
    adjust: { flexibility: { times: 1.5 }, "structure-conventions": { times: 0.5 } },
    reason: "A solo developer or a small team needs shared conventions less and may prefer freedom.",
    citations: [
      {
        source: A004,
        quote:
          "Larger teams or long-term projects benefit from Django’s opinionated design, while solo developers and small teams may prefer Flask’s flexibility.",
      },
      {
        source: A004,
        quote:
          "Finally, Flask is a good choice when working solo or in small teams where the complexity of a full-stack framework like Django might be unnecessary.",
      },
    ],
  },
  {
    id: "large-team",
    when: { teamSizeAtLeast: 8 },
    favours: "django",
    adjust: { "structure-conventions": { times: 2.5 }, "maintenance-cost": { times: 1.5 } },
    reason: "A growing team needs enforced conventions to stay consistent and to onboard people quickly.",
    citations: [
      { source: A002, quote: "Choose Django when team size and codebase longevity matter." },
      {
        source: A004,
        quote:
          "Django’s structured architecture is ideal for teams working on large projects, as it promotes consistency and maintainability.",
      },
    ],
  },
  {
    id: "prefers-conventions",
    when: { teamPreference: ["conventions"] },
    favours: "django",
    adjust: { "structure-conventions": { times: 2.5 } },
    reason: "The team prefers a guided framework with clear patterns and conventions.",
    citations: [
      { source: A001, quote: "Team prefers clear development patterns and conventions" },
      { source: A004, quote: "Those who value a guided framework with built-in solutions often gravitate toward Django." },
    ],
  },
  {
    id: "prefers-flexibility",
    when: { teamPreference: ["flexibility"] },
    favours: "flask",
    adjust: { flexibility: { times: 2.5 } },
    reason: "The team prefers to choose its own components and build its stack piece by piece.",
    citations: [
      { source: A001, quote: "Team familiar with basic web development and prefers component flexibility" },
      {
        source: A004,
        quote: "Conversely, developers who enjoy building their stack piece by piece and want maximum flexibility may prefer Flask.",
      },
      { source: A003, quote: "If you value flexibility, simplicity, and customization, Flask might be the right choice." },
    ],
  },
  // ── Needs that favour Django ────────────────────────────────────────────────────────────────
  {
    id: "need-admin-panel",
    when: { need: "admin-panel" },
    favours: "django",
    adjust: { "admin-interface": { plus: 3 } },
    reason: "Staff must manage data through a back-office, which Django generates from the models.",
    citations: [{ source: A004, quote: "Django is ideal when you require a built-in admin panel to manage data." }],
  },
  {
    id: "need-user-accounts",
    when: { need: "user-accounts" },
    favours: "django",
    adjust: { "auth-permissions": { plus: 3 } },
    reason: "Users sign up, log in and have roles, so authentication and permissions matter.",
    citations: [
      { source: A004, quote: "Django’s built-in tools are sufficient for most authentication needs and reduce development time." },
      { source: A001, quote: "Need to quickly implement standard features such as authentication and admin backend" },
    ],
  },
  {
    id: "need-orm",
    when: { need: "orm" },
    favours: "django",
    adjust: { migrations: { plus: 1.5 }, "orm-database": { plus: 0.5 }, "built-in-features": { plus: 0.5 } },
    reason: "A relational data model needs an ORM and schema migrations; Django ships both, integrated.",
    citations: [
      { source: A004, quote: "Django is ideal for developers who want a full-featured, tightly integrated ORM with minimal setup." },
    ],
    otherSide: {
      favours: "flask",
      says: "A team that needs a custom database layer or prefers SQLAlchemy is better served by Flask.",
      citations: [
        {
          source: A004,
          quote:
            "Flask is better suited for developers who need a custom database solution or prefer working with SQLAlchemy’s extensive capabilities.",
        },
      ],
    },
  },
  {
    id: "need-content-management",
    when: { need: "content-management" },
    favours: "django",
    adjust: { "admin-interface": { plus: 2 }, "auth-permissions": { plus: 1 } },
    reason: "Content-heavy sites need editors, roles and a back-office for non-technical staff.",
    citations: [
      { source: A001, quote: "Medium to large projects, especially content‑heavy applications" },
      {
        source: A004,
        quote:
          "User authentication and role-based permissions come out of the box, and the admin panel makes managing content easy for non-technical users.",
      },
    ],
  },
  {
    id: "need-ecommerce",
    when: { need: "ecommerce" },
    favours: "django",
    adjust: {
      "auth-permissions": { plus: 2 },
      "admin-interface": { plus: 2 },
      "built-in-security": { times: 1.5 },
      scalability: { times: 1.5 },
    },
    reason: "A shop needs accounts, a catalogue, order administration, payment security and room to grow.",
    citations: [
      {
        source: A004,
        quote:
          "A site that requires user accounts, product listings, shopping carts, payment processing, and admin management will benefit from Django.",
      },
    ],
  },
  {
    id: "need-security-compliance",
    when: { need: "security-compliance" },
    favours: "django",
    adjust: { "built-in-security": { plus: 3 }, "maintenance-cost": { plus: 1 } },
    reason: "Sensitive data or regulation makes default protections and long-term support releases critical.",
    citations: [
      { source: A004, quote: "Another strong case for Django is when data security is a primary concern." },
      { source: A002, quote: "Regulated industries like healthcare and fintech also lean on Django" },
    ],
  },
  {
    id: "need-long-term-maintenance",
    when: { need: "long-term-maintenance" },
    favours: "django",
    adjust: { "structure-conventions": { plus: 1.5 }, "maintenance-cost": { plus: 1 } },
    reason: "The code must stay stable and maintainable for years.",
    citations: [
      { source: A001, quote: "Long‑term maintenance requiring stability and maintainability" },
      {
        source: A000,
        quote:
          "There is a disadvantage to the less standardized tech stake of Flask. This makes it more expensive to maintain compared to a framework like Django that takes a more monolithic approach.",
      },
    ],
    otherSide: {
      favours: "flask",
      says: "For a solo developer or a small team, one article finds Flask's simplicity easier to maintain over time.",
      citations: [
        {
          source: A004,
          quote:
            "Finally, Flask is a good choice when working solo or in small teams where the complexity of a full-stack framework like Django might be unnecessary. Its simplicity enables quicker onboarding and reduces the cognitive load, making it easier to maintain over time.",
        },
      ],
    },
  },
  {
    id: "need-internationalisation",
    when: { need: "internationalisation" },
    favours: "django",
    adjust: { internationalisation: { plus: 2 }, "built-in-features": { plus: 0.5 } },
    reason: "Translating and localising the app is easier with internationalisation built into the framework.",
    citations: [{ source: A001, quote: "Requirement for built‑in security and internationalisation support" }],
  },
  {
    id: "need-testing-ci",
    when: { need: "testing-ci" },
    favours: "django",
    adjust: { testing: { plus: 1 }, "built-in-features": { plus: 2 } },
    reason: "Robust automated testing and continuous integration benefit from a built-in test framework.",
    citations: [
      {
        source: A004,
        quote:
          "Projects that demand robust testing and continuous integration also benefit from Django. It includes a built-in testing framework and integrates well with deployment platforms.",
      },
    ],
  },
  // ── Needs that favour Flask ─────────────────────────────────────────────────────────────────
  {
    id: "need-rest-api",
    when: { need: "rest-api" },
    favours: "flask",
    adjust: { "api-microservices": { plus: 3 }, "performance-footprint": { times: 1.5 } },
    reason: "The product is an API back-end, where a lean framework and request path pay off.",
    citations: [
      { source: A004, quote: "Flask is also ideal for building APIs and microservices." },
      { source: A002, quote: "Choose Flask for lightweight REST APIs or microservices" },
      { source: A001, quote: "Building micro‑services or API back‑ends" },
    ],
  },
  {
    id: "need-microservices",
    when: { need: "microservices" },
    favours: "flask",
    adjust: {
      "api-microservices": { plus: 4 },
      "built-in-features": { times: 0.5 },
      "structure-conventions": { times: 0.5 },
    },
    reason: "Each service has one narrow job, so bundled features and a monolith's shared layout matter less.",
    citations: [
      { source: A002, quote: "Ideal for microservices architectures where each service does one job and nothing more." },
      { source: A002, quote: "The monolithic structure feels heavy for small services or single-purpose APIs." },
    ],
  },
  {
    id: "need-spa-mobile-backend",
    when: { need: "spa-mobile-backend" },
    favours: "flask",
    adjust: { "api-microservices": { plus: 3 }, flexibility: { times: 1.5 } },
    reason: "A backend for a single-page or mobile app serves an API shaped to that client's data and flows.",
    citations: [
      {
        source: A004,
        quote:
          "Flask’s design enables seamless integration with external libraries and services, making it a top choice for applications that serve as the backend for mobile apps or frontend interfaces built with frameworks like React or Vue.",
      },
      {
        source: A004,
        quote:
          "The flexibility of Flask ensures that the backend can be customized to support the specific data structures and user flow of the mobile interface.",
      },
    ],
  },
  {
    id: "need-ml-serving",
    when: { need: "ml-serving" },
    favours: "flask",
    adjust: { "ml-data-tools": { plus: 4 }, "built-in-features": { times: 0.5 } },
    reason: "Serving model predictions needs a thin HTTP layer next to the data stack, not a full framework.",
    citations: [
      {
        source: A002,
        quote: "Excellent for exposing machine learning models and data pipelines as lightweight HTTP endpoints.",
      },
      {
        source: A004,
        quote:
          "While Django can also serve this purpose, Flask’s minimalism and ease of use make it a more practical choice for data scientists.",
      },
    ],
  },
  {
    id: "need-data-dashboard",
    when: { need: "data-dashboard" },
    favours: "flask",
    adjust: { "ml-data-tools": { plus: 3 }, "performance-footprint": { times: 1.5 } },
    reason: "Dashboards and visualisation tools live next to the Python data stack and stay light.",
    citations: [
      {
        source: A004,
        quote: "Flask’s simplicity and performance make it a popular choice for data science applications, dashboards, and internal tools.",
      },
      { source: A004, quote: "Flask is a preferred framework in academic and research environments as well." },
    ],
  },
  {
    id: "need-custom-architecture",
    when: { need: "custom-architecture" },
    favours: "flask",
    adjust: { flexibility: { plus: 3 }, "built-in-features": { times: 0.5 } },
    reason: "The architecture is wired piece by piece (own databases, auth providers, middleware), so bundled defaults matter less.",
    citations: [
      { source: A002, quote: "Choose Flask when architectural freedom is a hard requirement" },
      { source: A000, quote: "Developers that are working on a project with unique needs should opt for Flask." },
      { source: A004, quote: "Flask offers maximum flexibility when you need a custom stack." },
    ],
  },
  {
    id: "need-rapid-prototype",
    when: { need: "rapid-prototype" },
    favours: "flask",
    adjust: { "prototyping-speed": { plus: 3 } },
    reason: "A proof of concept or demo must run as soon as possible.",
    citations: [
      {
        source: A004,
        quote:
          "Rapid prototyping is another area where Flask shines. If you need to present a proof of concept or develop a product demo, Flask’s simplicity and minimal configuration help developers get results quickly.",
      },
    ],
    otherSide: {
      favours: "django",
      says: "An MVP that already has complex user flows and relational data is, by one article, built faster with Django.",
      citations: [
        {
          source: A002,
          quote: "Startups building MVPs with complex user flows and relational data benefit from Django’s speed of development.",
        },
      ],
    },
  },
  {
    id: "need-async-realtime",
    when: { need: "async-realtime" },
    favours: "flask",
    adjust: { "api-microservices": { plus: 2 } },
    reason:
      "Both frameworks handle async requests (rated equal), so what separates them is fit for lean real-time services, where one article points to Flask.",
    citations: [
      { source: A004, quote: "Flask is often used to build high-performance APIs or services that require real-time responses." },
    ],
    otherSide: {
      favours: "django",
      says: "The same article says Django does well once caching and asynchronous handling are in place.",
      citations: [
        {
          source: A004,
          quote:
            "The perceived performance advantage of Flask lies in its lean starting point, while Django excels when equipped with caching and asynchronous handling.",
        },
      ],
    },
  },
  // ── Needs where the articles disagree: one rule per side ────────────────────────────────────
  {
    id: "need-blog-forum-light",
    when: { need: "blog-forum" },
    favours: "flask",
    adjust: { "prototyping-speed": { plus: 1 }, "learning-curve": { plus: 0.5 } },
    reason: "A personal blog or a forum of moderate size is light work that one article sends to Flask.",
    citations: [
      { source: A002, quote: "If it is a medium-sized app like forums, personal blogs, or small scale enterprise app, go for Flask." },
      {
        source: A004,
        quote:
          "Flask is more suitable for lightweight applications, prototypes, microservices, and APIs. It is often used for personal projects, portfolios, blog platforms, or as a backend for single-page applications built with modern JavaScript frameworks.",
      },
    ],
    otherSide: {
      favours: "django",
      says: "A blogging platform with editors, comments and roles is Django territory for another article (see the content-management answer).",
      citations: [{ source: A004, quote: "For a blogging platform, Django is again a strong candidate." }],
    },
  },
  {
    id: "need-internal-tool-light",
    when: { need: "internal-tool" },
    favours: "flask",
    adjust: { "prototyping-speed": { plus: 1 } },
    reason: "An internal tool that shows data (charts, tables) values simplicity over structure.",
    citations: [
      {
        source: A004,
        quote: "On the other hand, an internal data visualization tool for a sales team might be better suited to Flask.",
      },
      {
        source: A004,
        quote: "Flask’s simplicity and performance make it a popular choice for data science applications, dashboards, and internal tools.",
      },
    ],
    otherSide: {
      favours: "django",
      says: "Two articles count Django's generated admin as a time saver for internal tooling and dashboards (choose the admin-panel answer if staff edit data).",
      citations: [
        { source: A002, quote: "The auto-generated admin panel saves significant time on internal tooling and content management." },
        {
          source: A004,
          quote:
            "Django’s admin interface is highly customizable and supports features such as search, filters, pagination, and inline editing. It is especially useful for content management, internal dashboards, and applications that require frequent updates to data.",
        },
      ],
    },
  },
];
