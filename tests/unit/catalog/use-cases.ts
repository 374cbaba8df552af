// Every "choose X when" statement in the five source articles, as a project profile and the
// framework the article recommends for it. recommendations.test.ts checks the ranking reproduces
// each one (naming the article); citations.test.ts checks each quote is verbatim in its article.
// Statements judged ambiguous are listed, with the reason, in docs/KNOWLEDGE.md and AMBIGUOUS below.
import type { ProjectProfile } from "@/lib/catalog";

export interface UseCase {
  name: string;
  profile: ProjectProfile;
  expected: "django" | "flask";
  /** the article stating the recommendation, with the words that state it (one article per case) */
  sources: { source: string; quote: string }[];
}

const A000 = "000_fded704e0db993ac.txt";
const A001 = "001_65b7caba0eee45b3.txt";
const A002 = "002_338165f8a9af4819.txt";
const A003 = "003_3c506f27f3dfb912.txt";
const A004 = "004_2e780fe2fc99504a.txt";

/** A neutral profile (medium project, normal timeline, intermediate team of 4, no needs) plus changes. */
function profile(changes: Partial<ProjectProfile> = {}): ProjectProfile {
  return { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: [], ...changes };
}

function statement(name: string, source: string, quote: string, expected: UseCase["expected"], changes: Partial<ProjectProfile>): UseCase {
  return { name, profile: profile(changes), expected, sources: [{ source, quote }] };
}

const Q000_TIGHT = "developers should opt for Django if they have limited time or are on a tight budget";
const Q000_LARGE_SITES = "large web projects such as government websites and e-commerce platforms";
const Q000_SMALL_MID = "small or mid-sized projects should consider using Flask";
const Q001_MICRO = "Building micro‑services or API back‑ends";
const Q001_SEC_I18N = "Requirement for built‑in security and internationalisation support";
const Q002_FLASK_FOR = "Choose Flask for lightweight REST APIs or microservices";
const Q002_MEDIUM = "forums, personal blogs, or small scale enterprise app, go for Flask";
const Q002_LARGE = "large scale app such as CMS or e-commerce website";
const Q004_APIS = "Flask is also ideal for building APIs and microservices.";

export const USE_CASES: UseCase[] = [
  // ── 000 Django vs Flask: which should you use? ──────────────────────────────────────────────
  statement("limited time", A000, Q000_TIGHT, "django", { timeline: "tight" }),
  statement("tight budget", A000, Q000_TIGHT, "django", { budget: "tight" }),
  statement("government website", A000, Q000_LARGE_SITES, "django", {
    projectSize: "large",
    teamSize: 10,
    needs: ["security-compliance", "content-management"],
  }),
  statement("e-commerce platform (large)", A000, Q000_LARGE_SITES, "django", { projectSize: "large", needs: ["ecommerce"] }),
  statement("small project", A000, Q000_SMALL_MID, "flask", { projectSize: "small" }),
  statement("mid-sized project", A000, Q000_SMALL_MID, "flask", {}),
  statement("single-page app", A000, "Flask is better suited for small projects like single page apps", "flask", {
    projectSize: "small",
    needs: ["spa-mobile-backend"],
  }),
  statement("prototype", A000, "Flask is better suited for small projects like single page apps", "flask", { needs: ["rapid-prototype"] }),
  statement(
    "large and complex project",
    A000,
    "Developers should opt for Django if they're working on a large and complex project.",
    "django",
    { projectSize: "large" },
  ),
  statement("simple app that does one thing", A000, "build simple web applications that just need to do one thing", "flask", {
    projectSize: "small",
    teamSize: 2,
  }),
  statement("beginners", A000, "it's very beginner friendly", "flask", { teamExperience: "beginner" }),
  statement("project with unique needs", A000, "a project with unique needs should opt for Flask", "flask", {
    needs: ["custom-architecture"],
  }),

  // ── 001 Flask vs Django: In-Depth Comparison (php中文网) ─────────────────────────────────────
  statement("medium project with clear, limited scope", A001, "Small or medium projects with clear, limited scope", "flask", {}),
  statement("highly customisable architecture", A001, "Need for highly customisable architecture", "flask", {
    needs: ["custom-architecture"],
  }),
  statement(
    "team prefers component flexibility",
    A001,
    "Team familiar with basic web development and prefers component flexibility",
    "flask",
    { teamPreference: "flexibility" },
  ),
  statement("micro-services", A001, Q001_MICRO, "flask", { needs: ["microservices"] }),
  statement("API back-end", A001, Q001_MICRO, "flask", { needs: ["rest-api"] }),
  statement("rapid prototype validation", A001, "Rapid prototype validation", "flask", { needs: ["rapid-prototype"] }),
  statement("beginners", A001, "making it ideal for Python beginners", "flask", { teamExperience: "beginner" }),
  statement("medium content-heavy application", A001, "Medium to large projects, especially content‑heavy applications", "django", {
    needs: ["content-management"],
  }),
  statement(
    "standard features (authentication, admin) needed quickly",
    A001,
    "Need to quickly implement standard features such as authentication and admin backend",
    "django",
    { timeline: "tight", needs: ["user-accounts", "admin-panel"] },
  ),
  statement("team prefers conventions", A001, "Team prefers clear development patterns and conventions", "django", {
    teamPreference: "conventions",
  }),
  statement("long-term maintenance", A001, "Long‑term maintenance requiring stability and maintainability", "django", {
    needs: ["long-term-maintenance"],
  }),
  statement("built-in security required", A001, Q001_SEC_I18N, "django", { needs: ["security-compliance"] }),
  statement("internationalisation required", A001, Q001_SEC_I18N, "django", { needs: ["internationalisation"] }),
  statement("content management system", A001, "Content Management Systems (CMS)", "django", {
    needs: ["content-management", "admin-panel"],
  }),
  statement("social networking site", A001, "Social networking sites", "django", { needs: ["user-accounts", "content-management"] }),
  statement("e-commerce platform", A001, "E‑commerce platforms", "django", { needs: ["ecommerce"] }),
  statement("medium-to-large enterprise application", A001, "Medium to large enterprise applications", "django", {
    projectSize: "large",
    teamSize: 12,
    needs: ["long-term-maintenance"],
  }),
  statement(
    "experienced team needing admin and authentication",
    A001,
    "especially for projects requiring admin panels, authentication",
    "django",
    { teamExperience: "expert", needs: ["admin-panel", "user-accounts"] },
  ),

  // ── 002 Django vs Flask: when to use which (Citrusbug) ──────────────────────────────────────
  statement("feature-rich app, e-commerce, CMS or SaaS", A002, "Choose Django for feature-rich web applications", "django", {
    needs: ["user-accounts", "admin-panel", "orm"],
  }),
  statement("lightweight REST API with a narrow scope", A002, Q002_FLASK_FOR, "flask", { needs: ["rest-api"] }),
  statement("microservice with a narrow scope", A002, Q002_FLASK_FOR, "flask", { needs: ["microservices"] }),
  statement("serving ML model predictions", A002, "when serving ML model predictions", "flask", { needs: ["ml-serving"] }),
  statement("team size and codebase longevity matter", A002, "Choose Django when team size and codebase longevity matter.", "django", {
    teamSize: 15,
    needs: ["long-term-maintenance"],
  }),
  statement("architectural freedom is a hard requirement", A002, "Choose Flask when architectural freedom is a hard requirement", "flask", {
    needs: ["custom-architecture"],
  }),
  statement("forum", A002, Q002_MEDIUM, "flask", { needs: ["blog-forum"] }),
  statement("personal blog", A002, Q002_MEDIUM, "flask", { projectSize: "small", teamSize: 1, needs: ["blog-forum"] }),
  statement("small-scale enterprise app", A002, Q002_MEDIUM, "flask", { projectSize: "small", teamSize: 5 }),
  statement("large-scale CMS", A002, Q002_LARGE, "django", { projectSize: "large", needs: ["content-management"] }),
  statement("large-scale e-commerce website", A002, Q002_LARGE, "django", { projectSize: "large", needs: ["ecommerce"] }),
  statement("API-first architecture", A002, "Flask can replace Django for API-first", "flask", { needs: ["rest-api"] }),
  statement("full-stack app with complex data models and role-based access", A002, "complex data models and role-based access", "django", {
    needs: ["orm", "user-accounts"],
  }),
  statement("full-stack app needing authentication, admin and ORM", A002, "Django is better for full-stack apps", "django", {
    needs: ["user-accounts", "admin-panel", "orm"],
  }),
  statement("lightweight APIs and microservices", A002, "Flask is better for lightweight APIs and microservices", "flask", {
    needs: ["rest-api", "microservices"],
  }),
  statement("beginners", A002, "Flask is generally easier for beginners due to its minimal API surface.", "flask", {
    teamExperience: "beginner",
  }),
  statement(
    "startup MVP with complex user flows and relational data",
    A002,
    "Startups building MVPs with complex user flows and relational data",
    "django",
    { projectSize: "small", timeline: "tight", teamSize: 3, needs: ["user-accounts", "orm"] },
  ),
  statement("startup with a narrow API-first product", A002, "narrow API-first product are better served by Flask", "flask", {
    projectSize: "small",
    timeline: "tight",
    teamSize: 3,
    needs: ["rest-api"],
  }),
  statement(
    "SaaS with roles, permissions, billing and a relational model",
    A002,
    "SaaS application development teams often reach for Django",
    "django",
    { needs: ["user-accounts", "orm"] },
  ),
  statement(
    "regulated industry (healthcare, fintech)",
    A002,
    "Regulated industries like healthcare and fintech also lean on Django",
    "django",
    { needs: ["security-compliance"] },
  ),
  statement("model outputs exposed as REST endpoints", A002, "expose model outputs as REST endpoints", "flask", {
    needs: ["ml-serving", "rest-api"],
  }),
  statement("startup microservice architecture", A002, "use Flask to keep each component independently deployable", "flask", {
    projectSize: "small",
    needs: ["microservices"],
  }),

  // ── 003 Flask vs. Django: Choosing the Right Framework for Your Project ─────────────────────
  statement(
    "team values flexibility, simplicity and customisation",
    A003,
    "If you value flexibility, simplicity, and customization, Flask",
    "flask",
    { teamPreference: "flexibility" },
  ),
  statement("full-featured framework with batteries included", A003, "full-featured framework with batteries included, Django", "django", {
    needs: ["user-accounts", "admin-panel", "orm"],
  }),
  statement(
    "enterprise project needing robustness and scalability",
    A003,
    "Django an excellent choice for enterprise-level projects",
    "django",
    { projectSize: "large", teamSize: 20 },
  ),
  statement("small-to-medium project", A003, "suitable for small to medium-sized projects", "flask", {}),

  // ── 004 Comparing Django and Flask: Key Distinctions ────────────────────────────────────────
  statement("large-scale application built quickly", A004, "develop large-scale applications quickly", "django", {
    projectSize: "large",
    timeline: "tight",
  }),
  statement(
    "data security is a primary concern",
    A004,
    "Another strong case for Django is when data security is a primary concern.",
    "django",
    { needs: ["security-compliance"] },
  ),
  statement(
    "enterprise-level software team",
    A004,
    "Django is also well-suited for teams working on enterprise-level software.",
    "django",
    { projectSize: "large", teamSize: 20 },
  ),
  statement(
    "built-in admin panel to manage data",
    A004,
    "Django is ideal when you require a built-in admin panel to manage data.",
    "django",
    { needs: ["admin-panel"] },
  ),
  statement(
    "robust testing and continuous integration",
    A004,
    "robust testing and continuous integration also benefit from Django",
    "django",
    { needs: ["testing-ci"] },
  ),
  statement("small single-purpose app (portfolio, landing page)", A004, "applications that serve a single, well-defined purpose", "flask", {
    projectSize: "small",
    teamSize: 1,
  }),
  statement("simple dashboard or data-visualisation tool", A004, "simple dashboards, and data visualization tools", "flask", {
    projectSize: "small",
    needs: ["data-dashboard"],
  }),
  statement("APIs and microservices", A004, Q004_APIS, "flask", { needs: ["rest-api", "microservices"] }),
  statement("backend for a mobile app or a React/Vue front end", A004, "the backend for mobile apps or frontend interfaces", "flask", {
    needs: ["spa-mobile-backend"],
  }),
  statement("custom stack", A004, "Flask offers maximum flexibility when you need a custom stack.", "flask", {
    needs: ["custom-architecture"],
  }),
  statement("proof of concept or product demo", A004, "Rapid prototyping is another area where Flask shines.", "flask", {
    needs: ["rapid-prototype"],
  }),
  statement(
    "academic or research data tool",
    A004,
    "Flask is a preferred framework in academic and research environments as well.",
    "flask",
    { projectSize: "small", teamSize: 2, needs: ["data-dashboard", "ml-serving"] },
  ),
  statement("solo developer or small team", A004, "Flask is a good choice when working solo or in small teams", "flask", { teamSize: 2 }),
  statement(
    "e-commerce site with accounts, carts and admin",
    A004,
    "shopping carts, payment processing, and admin management will benefit from Django",
    "django",
    { needs: ["ecommerce", "user-accounts", "admin-panel"] },
  ),
  statement(
    "internal data-visualisation tool for a sales team",
    A004,
    "an internal data visualization tool for a sales team might be better suited to Flask",
    "flask",
    { needs: ["internal-tool", "data-dashboard"] },
  ),
  statement("blogging platform with editors and roles", A004, "For a blogging platform, Django is again a strong candidate.", "django", {
    needs: ["blog-forum", "content-management", "user-accounts", "admin-panel"],
  }),
  statement("startup's mobile-app backend API", A004, "A startup developing a mobile app might choose Flask", "flask", {
    projectSize: "small",
    needs: ["spa-mobile-backend", "rest-api"],
  }),
  statement("students building a first web app", A004, "Flask is often used to introduce students", "flask", {
    projectSize: "small",
    teamExperience: "beginner",
  }),
  statement("machine-learning interface", A004, "When developing a machine learning interface, Flask is a common choice", "flask", {
    needs: ["ml-serving"],
  }),
  statement(
    "larger team on a long-term project",
    A004,
    "Larger teams or long-term projects benefit from Django’s opinionated design",
    "django",
    { teamSize: 10, needs: ["long-term-maintenance"] },
  ),
  statement(
    "small project, experienced developers",
    A004,
    "For small projects and experienced developers, Flask’s loose structure",
    "flask",
    { projectSize: "small", teamExperience: "expert" },
  ),
  statement("customer relationship management tool", A004, "customer relationship management tools", "django", {
    needs: ["user-accounts", "admin-panel", "orm"],
  }),
  statement("personal project or blog platform", A004, "personal projects, portfolios, blog platforms", "flask", {
    projectSize: "small",
    teamSize: 1,
    needs: ["blog-forum"],
  }),
  statement(
    "startup that must ship a working product quickly",
    A004,
    "startups and teams that need to produce working products quickly",
    "django",
    { timeline: "tight", needs: ["user-accounts", "orm"] },
  ),
  statement(
    "large team needing complex user management and security",
    A004,
    "projects requiring complex user management and security",
    "django",
    { projectSize: "large", teamSize: 12, needs: ["user-accounts", "security-compliance"] },
  ),
];

/** Statements not encoded as a test, and why (also in docs/KNOWLEDGE.md). */
export const AMBIGUOUS: { source: string; statement: string; why: string }[] = [
  {
    source: A001,
    statement: "Scientific computing platforms (Django)",
    why: "conflicts with 002 and 004, which send ML and research data tools to Flask; no profile tells the two apart",
  },
  {
    source: A001,
    statement: "Hybrid architecture: Django core, Flask micro-services",
    why: "recommends both at once; the app compares one choice",
  },
  {
    source: A003,
    statement: "Conventions ease rapid development and team collaboration",
    why: "a property, not a situation; covered by the conventions answer",
  },
  {
    source: A004,
    statement: "Admin useful for internal dashboards (Django) vs internal data tool (Flask)",
    why: "the same article points both ways; encoded only with a tie-breaking need (data-dashboard → Flask); the admin side is shown as the other view",
  },
  {
    source: A004,
    statement: "Django best when structure and speed are paramount; Flask when control and minimalism are key",
    why: "too general to map to one profile",
  },
  {
    source: A002,
    statement: "small scale enterprise app → Flask vs enterprise → Django (003, 004)",
    why: "encoded as a small project of 5; the word 'enterprise' alone is not decisive",
  },
];
