// The people and upkeep around each framework: community, docs, long-run cost, hiring.
import type { CriterionRatings } from "./types";

export const COMMUNITY_RATINGS: CriterionRatings[] = [
  {
    criterion: "ecosystem-community",
    django: {
      score: 9,
      rationale: "Larger, older, foundation-backed community with many reusable apps.",
      citations: [
        {
          source: "003_3c506f27f3dfb912.txt",
          quote:
            "Django has been around for a longer time, resulting in a larger community and a vast collection of reusable apps and libraries.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Django’s community is larger and benefits from formal foundation support",
        },
      ],
    },
    flask: {
      score: 6,
      rationale: "Sources disagree: most call its community active and growing, one says it is not yet mature enough to get quick answers.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Flask has an active community that continues to grow.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "Flask doesn't have a big and mature enough developer community behind it just yet.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Flask: many single‑purpose extensions of varying quality",
        },
      ],
    },
  },
  {
    criterion: "documentation",
    django: {
      score: 9,
      rationale: "Extensive, well-maintained official documentation for beginners and experts.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "The official Django documentation is detailed and beginner-friendly.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "a well-established support community with excellent documentation",
        },
      ],
    },
    flask: {
      score: 7,
      rationale:
        "Sources disagree: three statements praise the core docs (concise, clear, comprehensive); one finds a real app's docs fragmented across extensions.",
      citations: [
        { source: "004_2e780fe2fc99504a.txt", quote: "Flask’s documentation is concise and clear." },
        { source: "001_65b7caba0eee45b3.txt", quote: "Comprehensive documentation and active community" },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Flask-SQLAlchemy adds ORM capabilities, Flask-WTF supports form validation, and Flask-Login handles user authentication. These extensions are well-documented and widely used",
        },
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Documentation fragmentation across extensions makes onboarding new team members slower.",
        },
      ],
    },
  },
  {
    criterion: "maintenance-cost",
    django: {
      score: 8,
      rationale: "Standard stack and LTS releases keep long-lived projects stable and cheaper to maintain.",
      citations: [
        {
          source: "000_fded704e0db993ac.txt",
          quote:
            "There is a disadvantage to the less standardized tech stake of Flask. This makes it more expensive to maintain compared to a framework like Django that takes a more monolithic approach.",
        },
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Long-term support releases make Django reliable for enterprise and regulated-industry deployments.",
        },
      ],
    },
    flask: {
      score: 5,
      rationale:
        "A custom stack of extensions widens the maintenance surface; one source counters that small-team Flask apps stay easy to maintain.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Smaller default ecosystem means more integration work and a higher maintenance surface area.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote:
            "There is a disadvantage to the less standardized tech stake of Flask. This makes it more expensive to maintain compared to a framework like Django that takes a more monolithic approach.",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Finally, Flask is a good choice when working solo or in small teams where the complexity of a full-stack framework like Django might be unnecessary. Its simplicity enables quicker onboarding and reduces the cognitive load, making it easier to maintain over time.",
        },
      ],
    },
  },
  {
    criterion: "hiring",
    django: {
      score: 8,
      rationale: "Appears more often in job listings for mainstream software roles.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Both frameworks are featured in job listings, but Django typically appears more frequently in traditional software development roles.",
        },
      ],
    },
    flask: {
      score: 6,
      rationale: "In demand mainly for microservices, data science and research work.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Companies building microservices or working with lightweight platforms often look for Flask developers.",
        },
      ],
    },
  },
];
