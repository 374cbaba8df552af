// Every use-case recommendation the source articles make, as a project profile and the framework
// the article recommends for it. recommendations.test.ts checks the ranking reproduces each one;
// citations.test.ts checks each quote is verbatim in its article.
import type { ProjectProfile } from "@/lib/catalog";

export interface UseCase {
  name: string;
  profile: ProjectProfile;
  expected: "django" | "flask";
  /** the article(s) stating the recommendation, with the words that state it */
  sources: { source: string; quote: string }[];
}

const A000 = "000_fded704e0db993ac.txt";
const A001 = "001_65b7caba0eee45b3.txt";
const A002 = "002_338165f8a9af4819.txt";
const A003 = "003_3c506f27f3dfb912.txt";
const A004 = "004_2e780fe2fc99504a.txt";

export const USE_CASES: UseCase[] = [
  {
    name: "e-commerce platform",
    profile: { projectSize: "large", timeline: "normal", teamExperience: "intermediate", teamSize: 6, needs: ["ecommerce", "user-accounts", "admin-panel", "orm"] },
    expected: "django",
    sources: [
      { source: A004, quote: "A site that requires user accounts, product listings, shopping carts, payment processing, and admin management will benefit from Django." },
      { source: A000, quote: "This web framework is better suited to large web projects such as government websites and e-commerce platforms." },
    ],
  },
  {
    name: "content management system (CMS)",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 5, needs: ["content-management", "admin-panel", "user-accounts"] },
    expected: "django",
    sources: [
      { source: A002, quote: "such as CMS or e-commerce website, Django can be your partner in crime" },
      { source: A001, quote: "Content Management Systems (CMS)" },
    ],
  },
  {
    name: "blogging platform (articles, comments, tags, editor roles)",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: ["content-management", "user-accounts", "admin-panel"] },
    expected: "django",
    sources: [{ source: A004, quote: "For a blogging platform, Django is again a strong candidate." }],
  },
  {
    // The sources disagree on blogs: 004 backs Django for a blogging platform (above), 002 Flask for
    // a personal blog. A one-person blog without accounts or editors is the profile where 002 applies.
    name: "personal blog",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 1, needs: [] },
    expected: "flask",
    sources: [{ source: A002, quote: "like forums, personal blogs, or small scale enterprise app, go for Flask" }],
  },
  {
    name: "internal data-visualisation tool for a sales team",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 3, needs: ["data-dashboard"] },
    expected: "flask",
    sources: [{ source: A004, quote: "On the other hand, an internal data visualization tool for a sales team might be better suited to Flask." }],
  },
  {
    name: "backend API for a startup's mobile app, customised to its data and user flow",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: ["rest-api", "custom-architecture"] },
    expected: "flask",
    sources: [{ source: A004, quote: "A startup developing a mobile app might choose Flask to build the backend API." }],
  },
  {
    name: "backend for a single-page app (React/Vue)",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 3, needs: ["rest-api"] },
    expected: "flask",
    sources: [{ source: A004, quote: "making it a top choice for applications that serve as the backend for mobile apps or frontend interfaces built with frameworks like React or Vue." }],
  },
  {
    name: "machine-learning model interface",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 2, needs: ["ml-serving"] },
    expected: "flask",
    sources: [
      { source: A004, quote: "A simple Flask app can expose a trained model to a web interface for real-time predictions, with minimal setup." },
      { source: A002, quote: "or when serving ML model predictions where a full framework adds unnecessary overhead" },
    ],
  },
  {
    name: "model-serving service of medium size",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: ["ml-serving"] },
    expected: "flask",
    sources: [{ source: A002, quote: "expose model outputs as REST endpoints, where Django’s overhead offers no benefit" }],
  },
  {
    name: "research / academic data dashboard",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 2, needs: ["data-dashboard", "ml-serving"] },
    expected: "flask",
    sources: [{ source: A004, quote: "Flask is a preferred framework in academic and research environments as well." }],
  },
  {
    name: "microservices with REST APIs",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 6, needs: ["microservices", "rest-api"] },
    expected: "flask",
    sources: [
      { source: A001, quote: "Building micro‑services or API back‑ends" },
      { source: A002, quote: "Ideal for microservices architectures where each service does one job and nothing more." },
    ],
  },
  {
    name: "microservice architecture, independently deployable components",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 6, needs: ["microservices"] },
    expected: "flask",
    sources: [{ source: A002, quote: "use Flask to keep each component independently deployable" }],
  },
  {
    name: "prototype / proof of concept",
    profile: { projectSize: "small", timeline: "tight", teamExperience: "intermediate", teamSize: 2, needs: ["rapid-prototype"] },
    expected: "flask",
    sources: [
      { source: A000, quote: "Flask is better suited for small projects like single page apps and it's particularly good for prototyping." },
      { source: A001, quote: "Rapid prototype validation" },
    ],
  },
  {
    name: "beginners building a first web app",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "beginner", teamSize: 2, needs: [] },
    expected: "flask",
    sources: [
      { source: A000, quote: "One of the biggest advantages of Flask is that it's very beginner friendly" },
      { source: A002, quote: "Flask is generally easier for beginners due to its minimal API surface." },
    ],
  },
  {
    name: "simple single-purpose app (portfolio, landing page) built solo",
    profile: { projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 1, needs: [] },
    expected: "flask",
    sources: [
      { source: A004, quote: "Examples include portfolios, landing pages, simple dashboards, and data visualization tools." },
      { source: A000, quote: "they should favor Flask when the objective is to build simple web applications that just need to do one thing but they need to do it right." },
    ],
  },
  {
    name: "architecture that must be custom-wired (own databases, auth providers, middleware)",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "expert", teamSize: 4, needs: ["custom-architecture"] },
    expected: "flask",
    sources: [{ source: A002, quote: "Choose Flask when architectural freedom is a hard requirement" }],
  },
  {
    name: "startup with a narrow API-first product",
    profile: { projectSize: "small", timeline: "tight", teamExperience: "intermediate", teamSize: 3, needs: ["rest-api"] },
    expected: "flask",
    sources: [{ source: A002, quote: "Startups with a narrow API-first product are better served by Flask’s flexibility." }],
  },
  {
    name: "startup MVP with complex user flows and relational data",
    profile: { projectSize: "small", timeline: "tight", teamExperience: "intermediate", teamSize: 3, needs: ["user-accounts", "orm"] },
    expected: "django",
    sources: [{ source: A002, quote: "Startups building MVPs with complex user flows and relational data benefit from Django’s speed of development." }],
  },
  {
    name: "large enterprise system",
    profile: { projectSize: "large", timeline: "normal", teamExperience: "intermediate", teamSize: 25, needs: ["user-accounts", "long-term-maintenance", "security-compliance"] },
    expected: "django",
    sources: [
      { source: A003, quote: "These features make Django an excellent choice for enterprise-level projects that require robustness and scalability." },
      { source: A004, quote: "Django is also well-suited for teams working on enterprise-level software." },
    ],
  },
  {
    name: "regulated system (healthcare, fintech, sensitive data)",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 6, needs: ["security-compliance", "user-accounts"] },
    expected: "django",
    sources: [
      { source: A002, quote: "Regulated industries like healthcare and fintech also lean on Django because its LTS releases and proactive security patching reduce compliance risk." },
      { source: A004, quote: "Another strong case for Django is when data security is a primary concern." },
    ],
  },
  {
    name: "government website",
    profile: { projectSize: "large", timeline: "normal", teamExperience: "intermediate", teamSize: 10, needs: ["security-compliance", "content-management"] },
    expected: "django",
    sources: [{ source: A000, quote: "This web framework is better suited to large web projects such as government websites and e-commerce platforms." }],
  },
  {
    name: "social network",
    profile: { projectSize: "large", timeline: "normal", teamExperience: "intermediate", teamSize: 8, needs: ["user-accounts", "orm", "content-management"] },
    expected: "django",
    sources: [
      { source: A001, quote: "Social networking sites" },
      { source: A004, quote: "Examples include e-commerce platforms, content management systems, customer relationship management tools, and social media applications." },
    ],
  },
  {
    name: "customer relationship management (CRM) tool",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 6, needs: ["user-accounts", "admin-panel", "orm"] },
    expected: "django",
    sources: [
      { source: A004, quote: "Examples include e-commerce platforms, content management systems, customer relationship management tools, and social media applications." },
    ],
  },
  {
    name: "SaaS product with roles, permissions, billing and a relational model",
    profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 5, needs: ["user-accounts", "orm", "security-compliance"] },
    expected: "django",
    sources: [{ source: A002, quote: "SaaS application development teams often reach for Django when the product needs roles, permissions, billing integrations" }],
  },
  {
    name: "limited time or tight budget",
    profile: { projectSize: "medium", timeline: "tight", teamExperience: "intermediate", teamSize: 4, needs: [] },
    expected: "django",
    sources: [{ source: A000, quote: "developers should opt for Django if they have limited time or are on a tight budget." }],
  },
  {
    name: "standard features (authentication, admin back-end) needed quickly",
    profile: { projectSize: "medium", timeline: "tight", teamExperience: "intermediate", teamSize: 4, needs: ["user-accounts", "admin-panel"] },
    expected: "django",
    sources: [{ source: A001, quote: "Need to quickly implement standard features such as authentication and admin backend" }],
  },
  {
    name: "growing team with a long-lived codebase",
    profile: { projectSize: "medium", timeline: "relaxed", teamExperience: "intermediate", teamSize: 15, needs: ["long-term-maintenance"] },
    expected: "django",
    sources: [
      { source: A002, quote: "Choose Django when team size and codebase longevity matter." },
      { source: A001, quote: "Long‑term maintenance requiring stability and maintainability" },
    ],
  },
];
