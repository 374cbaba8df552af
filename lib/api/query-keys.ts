// React Query keys of the browser's API data, in one place. Invalidation matches by prefix: what
// belongs to an evaluation (its comments, scenarios, integrity check) sits under its key, so the
// live stream's one invalidation of ["evaluation", id] refreshes all of it; likewise every
// notification query sits under ["notifications"].

const evaluation = (evaluationId: string) => ["evaluation", evaluationId] as const;
const notifications = () => ["notifications"] as const;

export const queryKeys = {
  evaluation,
  comments: (evaluationId: string) => [...evaluation(evaluationId), "comments"] as const,
  scenarios: (evaluationId: string) => [...evaluation(evaluationId), "scenarios"] as const,
  integrity: (evaluationId: string) => [...evaluation(evaluationId), "integrity"] as const,
  notifications,
  unreadNotifications: () => [...notifications(), "unread"] as const,
} as const;
