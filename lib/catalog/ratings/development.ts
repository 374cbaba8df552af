// How it feels to build with each framework: learning, speed, freedom, structure, code-level tools.
import type { CriterionRatings } from "./types";

export const DEVELOPMENT_RATINGS: CriterionRatings[] = [
  {
    criterion: "learning-curve",
    django: {
      score: 5,
      rationale:
        "The sources that compare them find the start steeper, because of its conventions and many components, and add that it pays off once learned.",
      citations: [
        {
          source: "003_3c506f27f3dfb912.txt",
          quote:
            "Django, on the other hand, has a steeper learning curve due to its comprehensive feature set and convention-heavy approach.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote:
            "Django’s learning curve is steeper, but once mastered it offers very high development efficiency thanks to its extensive built‑in features.",
        },
      ],
    },
    flask: {
      score: 9,
      rationale: "Small API surface makes it the usual first framework, though newcomers must make more design decisions.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Flask is generally easier for beginners due to its minimal API surface.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote:
            "Flask has a relatively gentle learning curve, making it ideal for Python beginners, but it requires developers to make more architectural decisions.",
        },
      ],
    },
  },
  {
    criterion: "full-featured-speed",
    django: {
      score: 9,
      rationale: "Accounts, ORM, admin and forms are ready on day one, so feature-rich apps ship fast.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "In summary, Django excels in building full-featured applications quickly due to its batteries-included philosophy.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "Django is the web framework of choice for developers on a deadline.",
        },
      ],
    },
    flask: {
      score: 5,
      rationale:
        "Sources disagree: most say each standard feature means picking and wiring an extension, which slows growing apps; one says its simplicity speeds development.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "However, as project requirements increase, the development speed in Flask may slow down.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote:
            "Flask offers more flexibility for highly customisable scenarios but may require additional time to select and integrate extensions.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote:
            "Developers just find it much easier to get their head around Flask. This results in faster development of projects since there are fewer bottlenecks.",
        },
      ],
    },
  },
  {
    criterion: "prototyping-speed",
    django: {
      score: 5,
      rationale:
        "Its full scaffolding is more than a demo needs; one source counters that startup MVPs with complex user flows are built faster with it.",
      citations: [
        {
          source: "000_fded704e0db993ac.txt",
          quote: "Django doesn't really prove to be useful for simple and small web apps.",
        },
        {
          source: "002_338165f8a9af4819.txt",
          quote: "The monolithic structure feels heavy for small services or single-purpose APIs.",
        },
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Startups building MVPs with complex user flows and relational data benefit from Django’s speed of development.",
        },
      ],
    },
    flask: {
      score: 10,
      rationale:
        "A working app is a few lines in one file; four of the five articles name prototyping as a Flask strength (the fifth does not discuss it).",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Flask is unmatched in speed for launching small projects or minimal web services.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "Flask is better suited for small projects like single page apps and it's particularly good for prototyping.",
        },
        { source: "001_65b7caba0eee45b3.txt", quote: "Rapid prototype validation" },
      ],
    },
  },
  {
    criterion: "flexibility",
    django: {
      score: 5,
      rationale: "Convention over configuration: a predefined structure and workflow you are expected to follow.",
      citations: [
        {
          source: "003_3c506f27f3dfb912.txt",
          quote:
            "On the other hand, Django follows a convention-over-configuration approach, providing a predefined structure and workflow.",
        },
        { source: "001_65b7caba0eee45b3.txt", quote: "Medium, follows framework conventions" },
      ],
    },
    flask: {
      score: 10,
      rationale: "Unopinionated: you choose the ORM, auth, layout and deployment yourself.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Flask offers maximum flexibility when you need a custom stack.",
        },
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Choose Flask when architectural freedom is a hard requirement",
        },
      ],
    },
  },
  {
    criterion: "structure-conventions",
    django: {
      score: 9,
      rationale: "A prescribed project and app layout keeps large codebases consistent and speeds onboarding.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django enforces a well-defined project structure out of the box.",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django’s prescribed layout reduces ambiguity and accelerates onboarding",
        },
      ],
    },
    flask: {
      score: 3,
      rationale: "No single layout; blueprints help, but teams must agree conventions early or drift apart.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "While Flask encourages modular design through blueprints, there is no single correct way to organize a Flask project.",
        },
      ],
    },
  },
  {
    criterion: "routing",
    django: {
      score: 6,
      rationale: "Central URL configuration scales to many routes; one source finds its regex patterns verbose for small projects.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "In Django, routing is managed using a centralized URL configuration system. URLs are mapped to views using regular expressions or path converters. This system supports namespacing, custom converters, and route prioritization.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote:
            "Django uses Regex or regular expressions to specify its URLs. These URL routing patterns make the code larger with more complicated syntaxes.",
        },
      ],
    },
    flask: {
      score: 7,
      rationale: "Decorator routes are short and intuitive but need an organising strategy in big apps.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "In Flask, routing is defined using decorators applied directly to view functions. This approach is more concise and intuitive, but may become difficult to manage in larger applications without a clear organization strategy.",
        },
      ],
    },
  },
  {
    criterion: "templating",
    django: {
      score: 6,
      rationale: "Safe by default with auto-escaping, but deliberately restrictive, and template errors can fail silently.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django templates are secure by default, automatically escaping variables to prevent cross-site scripting attacks.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "One shortcoming that Django has is that its template errors fail silently.",
        },
      ],
    },
    flask: {
      score: 8,
      rationale: "Jinja2 is more expressive (macros, Python-like syntax) and open to customisation.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Flask’s Jinja2 engine is more expressive and flexible, which is helpful for developers comfortable mixing presentation with some logic.",
        },
      ],
    },
  },
  {
    criterion: "testing",
    django: {
      score: 8,
      rationale: "Ships a testing framework; the one source that compares them sends projects that demand robust testing and CI to Django.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Projects that demand robust testing and continuous integration also benefit from Django. It includes a built-in testing framework and integrates well with deployment platforms.",
        },
      ],
    },
    flask: {
      score: 7,
      rationale:
        "Unit-testing support is part of the core too; one point lower only because the single comparison in the sources favours Django.",
      citations: [{ source: "001_65b7caba0eee45b3.txt", quote: "Integrated unit‑testing support" }],
    },
  },
];
