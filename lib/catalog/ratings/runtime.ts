// How the running application behaves and what kinds of service each framework fits.
import type { CriterionRatings } from "./types";

export const RUNTIME_RATINGS: CriterionRatings[] = [
  {
    criterion: "performance-footprint",
    django: {
      score: 6,
      rationale: "Heavier per request, but sources disagree on how much that matters: caching narrows or erases the gap in practice.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django, due to its integrated features and middleware, is heavier in comparison.",
        },
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Django’s performance gap narrows significantly in production once caching and database query optimization are applied.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Django’s caching framework and optimised ORM can deliver better overall performance for complex apps.",
        },
      ],
    },
    flask: {
      score: 8,
      rationale:
        "Leaner memory and faster start-up; some sources call it naturally faster, others say the edge is minor or masked by the database.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Lighter memory footprint and faster cold-start time compared to Django in typical deployments.",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Flask is naturally faster for small and medium-sized applications.",
        },
        {
          source: "000_fded704e0db993ac.txt",
          quote: "Contrary to popular belief, Flask isn't significantly better in performance.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "in real‑world applications the difference is usually masked by database queries and other factors.",
        },
      ],
    },
  },
  {
    criterion: "scalability",
    django: {
      score: 8,
      rationale: "Built for applications that grow, with caching, replication and horizontal scaling support.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Django is well-suited for building applications that are expected to grow in complexity and user base.",
        },
      ],
    },
    flask: {
      score: 6,
      rationale: "Small services scale out easily, but the team must design and own the scaling architecture.",
      citations: [
        { source: "004_2e780fe2fc99504a.txt", quote: "Flask applications scale by design, not by default." },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Flask allows developers to write lightweight components that are easy to scale horizontally, particularly in cloud-native environments.",
        },
      ],
    },
  },
  {
    criterion: "async-support",
    django: {
      score: 7,
      rationale: "Asynchronous views are in the framework and improving; no source ranks the two on async, so both get the same score.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "Django’s integrated features, such as its ORM and admin panel, make it easier to develop and manage large-scale applications quickly. It also supports asynchronous views",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Django is continuously optimising its ORM and async capabilities for better performance",
        },
      ],
    },
    flask: {
      score: 7,
      rationale:
        "Async and real-time come through libraries such as Flask-SocketIO, and it is often picked for real-time services; no source ranks the two.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "Flask is often used to build high-performance APIs or services that require real-time responses.",
        },
        { source: "001_65b7caba0eee45b3.txt", quote: "Flask‑SocketIO: real‑time communication" },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Flask is enhancing asynchronous support to meet modern web demands",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote: "integrating asynchronous request handling with additional libraries",
        },
      ],
    },
  },
  {
    criterion: "api-microservices",
    django: {
      score: 5,
      rationale: "Workable, but the monolith is heavy for narrow services; one source suggests Flask beside a Django core.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "The monolithic structure feels heavy for small services or single-purpose APIs.",
        },
        {
          source: "001_65b7caba0eee45b3.txt",
          quote: "Employ Flask to build specific micro‑services or API endpoints",
        },
      ],
    },
    flask: {
      score: 9,
      rationale: "A top choice for API back-ends and small, independently deployable services.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Ideal for microservices architectures where each service does one job and nothing more.",
        },
        { source: "004_2e780fe2fc99504a.txt", quote: "Flask is also ideal for building APIs and microservices." },
      ],
    },
  },
  {
    criterion: "ml-data-tools",
    django: {
      score: 5,
      rationale: "Can serve models but adds overhead there; one source still lists scientific computing platforms among its fits.",
      citations: [
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "While Django can also serve this purpose, Flask’s minimalism and ease of use make it a more practical choice for data scientists.",
        },
        { source: "001_65b7caba0eee45b3.txt", quote: "Scientific computing platforms" },
      ],
    },
    flask: {
      score: 9,
      rationale: "The common way to put a model or dashboard behind HTTP, next to Pandas and notebooks.",
      citations: [
        {
          source: "002_338165f8a9af4819.txt",
          quote: "Excellent for exposing machine learning models and data pipelines as lightweight HTTP endpoints.",
        },
        {
          source: "004_2e780fe2fc99504a.txt",
          quote:
            "When developing a machine learning interface, Flask is a common choice due to its compatibility with Jupyter, Pandas, and TensorFlow.",
        },
      ],
    },
  },
];
