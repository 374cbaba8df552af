// What each framework ships with: the "batteries" the sources compare one by one.
import type { CriterionRatings } from "./types";

export const FEATURE_RATINGS: CriterionRatings[] = [
  {
    criterion: "built-in-features",
    django: {
      score: 10,
      rationale: "Batteries included: ORM, admin, auth, forms, caching and i18n come with the framework.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Django is a full-stack web framework designed to simplify the development of complex, data-driven websites. It provides a rich set of built-in features that allow developers to create robust web applications quickly.",
        },
      ],
    },
    flask: {
      score: 3,
      rationale: "Routing, templating and a dev server only; database, auth and admin come from extensions.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Unlike Django, Flask does not come with built-in support for database handling, authentication, or administrative interfaces.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "No ORM is provided and Flask only gives developers a basic set of tools that they can use for web development.",
        },
      ],
    },
  },
  {
    criterion: "orm-database",
    django: {
      score: 8,
      rationale:
        "Integrated ORM for the common databases that feeds admin and forms; one source finds it thinner than SQL toolkits, another calls it powerful.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "In both cases, solid database management is achievable, but Django provides a smoother experience out of the box.",
        },
        { source: "001_65b7caba0eee45b3.txt", quote: "Powerful ORM supporting multiple databases" },
        {
          source: "000_fded704e0db993ac.txt",
          quote:
            "However, its ORM system doesn't have many useful features that other ORM systems provide, so developers can't take full advantage of the Python SQL toolkit.",
        },
      ],
    },
    flask: {
      score: 6,
      rationale: "Free choice of database layer (usually SQLAlchemy), at the price of more configuration.",
      citations: [
        {
          source: "000_fded704e0db993ac.txt",
          quote:
            "The obvious advantage of Flask not having its own ORM system is that developers have more flexibility when it comes to database selection.",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "While SQLAlchemy is highly capable, it requires more configuration than Django’s ORM.",
        },
      ],
    },
  },
  {
    criterion: "migrations",
    django: {
      score: 9,
      rationale: "Migrations are generated from model changes and applied with management commands.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django also includes a migration system that tracks changes to models and automatically generates migration scripts",
        },
      ],
    },
    flask: {
      score: 4,
      rationale: "No migration tool in the core; you add Flask-Migrate or Alembic.",
      citations: [
        {
          source: "000_fded704e0db993ac.txt",
          quote: "The framework doesn't have a direct way to migrate the database.",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Developers must define models, manage sessions, and handle migrations using additional libraries like Alembic.",
        },
      ],
    },
  },
  {
    criterion: "admin-interface",
    django: {
      score: 10,
      rationale: "An admin panel is generated from the models and is customisable; a celebrated time saver.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "After defining your data models, Django automatically generates a web-based admin panel that allows users to create, update, and manage records.",
        },
      ],
    },
    flask: {
      score: 3,
      rationale: "None by default; Flask-Admin or Flask-AppBuilder work but need configuration and code.",
      citations: [
        { source: "004_2e780fe2fc99504a.txt", quote: "Flask does not include a default admin interface." },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "However, developers can add this functionality using third-party extensions such as Flask-Admin or Flask-AppBuilder. These extensions allow developers to create dashboards and management panels, but they require configuration and additional code.",
        },
      ],
    },
  },
  {
    criterion: "auth-permissions",
    django: {
      score: 9,
      rationale: "Users, sessions, password reset, groups and permissions work right after setup.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django’s permission system enables developers to assign specific rights to users or groups.",
        },
      ],
    },
    flask: {
      score: 4,
      rationale: "Assembled from Flask-Login, Flask-Security and similar; quality depends on the team.",
      citations: [
        { source: "004_2e780fe2fc99504a.txt", quote: "In contrast, Flask does not offer built-in authentication." },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "While these tools are effective, their correct implementation depends heavily on developer experience.",
        },
      ],
    },
  },
  {
    criterion: "built-in-security",
    django: {
      score: 9,
      rationale: "CSRF, XSS, SQL-injection and clickjacking protection are on by default.",
      citations: [
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Security features (CSRF protection, XSS protection, SQL‑injection protection, click‑jacking protection)",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django is considered one of the most secure web frameworks available in the Python ecosystem.",
        },
      ],
    },
    flask: {
      score: 3,
      rationale: "Protections such as CSRF must be added and configured by hand, which risks gaps.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Security features like CSRF protection must be added manually, increasing misconfiguration risk.",
        },
      ],
    },
  },
  {
    criterion: "internationalisation",
    django: {
      score: 9,
      rationale: "Internationalisation is one of the built-in components the sources list for Django.",
      citations: [
        { source: "001_65b7caba0eee45b3.txt", quote: "Comprehensive internationalisation" },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Requirement for built‑in security and internationalisation support",
        },
      ],
    },
    flask: {
      score: 5,
      rationale:
        "No source rates Flask's i18n: it is not in the minimal core, and one article lists built-in i18n as a reason for Django. 5 = no evidence either way.",
      citations: [
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: 'Flask follows a "micro‑framework" philosophy with a minimal core that can be extended',
        },
      ],
    },
  },
];
