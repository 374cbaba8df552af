// The two frameworks the built-in catalog compares, summarised in our own words.
import type { Option } from "./schema";

export const OPTIONS = [
  {
    id: "django",
    name: "Django",
    summary:
      "Full-stack Python framework that bundles an ORM, migrations, admin panel, authentication and security defaults, and asks you to follow its project conventions.",
  },
  {
    id: "flask",
    name: "Flask",
    summary:
      "Minimal Python microframework (routing, Jinja2 templates, dev server) that you grow with extensions of your choosing, leaving the architecture up to you.",
  },
] as const satisfies readonly Option[];

export type OptionId = (typeof OPTIONS)[number]["id"];
