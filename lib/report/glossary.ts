// One-line explanations of every statistical term the report uses, for a reader who has never
// seen a decision matrix. Shown on hover and on keyboard focus (components/report/term.tsx) and
// in the "How to read this report" panel.

export const GLOSSARY = {
  weight: {
    term: "Weight",
    short: "How much a criterion counts, as a share of 100%: all the team's weights add up to 100%.",
  },
  score: {
    term: "Score",
    short: "An option's weighted score out of 10: each rating (0-10) times its criterion's weight, added up.",
  },
  spread: {
    term: "Spread",
    short: "How far apart the members' weights for a criterion are (standard deviation): ± 2% is close agreement, ± 15% a real difference.",
  },
  iqr: {
    term: "IQR",
    short: "Interquartile range: the width of the middle half of the members' weights, so one outlier does not stretch it.",
  },
  consensus: {
    term: "Consensus",
    short: "How alike the members' ballots are, from 0% (opposite priorities) to 100% (identical ballots).",
  },
  winProbability: {
    term: "Win probability",
    short: "How often the option comes first when the weights are varied thousands of times as much as the team disagrees.",
  },
  consistencyRatio: {
    term: "Consistency ratio",
    short: "How well a member's pairwise judgments fit together (A over B, B over C, so A over C); above 0.10 they contradict each other.",
  },
  geometricMean: {
    term: "Geometric mean",
    short: "Combines weights by multiplying them, so a criterion anyone gives 0 counts for nothing.",
  },
  median: {
    term: "Median",
    short: "The middle member's weight for each criterion, so one extreme ballot cannot move it.",
  },
  trimmedMean: {
    term: "Trimmed mean",
    short: "The average after dropping the highest and lowest weights for each criterion.",
  },
  tippingPoint: {
    term: "Tipping point",
    short: "How much weight would have to move to one criterion (the others keeping their proportions) for another option to lead.",
  },
} as const;

export type GlossaryKey = keyof typeof GLOSSARY;
