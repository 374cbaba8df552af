// A ballot belongs to a member (userId) or, in an imported archive, to a name from the record
// (voterName, no account). These two helpers are the one place that tells them apart.

export interface BallotOwner {
  userId: string | null;
  voterName?: string | null;
}

/** A stable voter id for the engine and the record: the user id, or the record's name, prefixed. */
export function voterKey(ballot: BallotOwner): string {
  return ballot.userId ?? `record:${ballot.voterName ?? "unknown"}`;
}

/** The name to show for a ballot's voter. */
export function voterDisplayName(ballot: BallotOwner & { user?: { name: string } | null }): string {
  return ballot.user?.name ?? ballot.voterName ?? "Former member";
}
