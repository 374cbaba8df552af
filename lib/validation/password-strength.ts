import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

/**
 * How guessable a password is, from zxcvbn-ts with its common dictionary (≈49k passwords leaked
 * most often, plus keyboard patterns, repeats and sequences), entirely offline. Score 0-4; below
 * MIN_PASSWORD_SCORE is refused. Built on first use: the dictionary costs ~50 ms to index.
 */
export const MIN_PASSWORD_SCORE = 2;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return factory;
}

const REASONS: Record<string, string> = {
  topTen: "it is one of the ten most common passwords",
  topHundred: "it is one of the hundred most common passwords",
  common: "it is a commonly used password",
  similarToCommon: "it is too close to a commonly used password",
  simpleRepeat: "it only repeats a character",
  extendedRepeat: "it only repeats a pattern",
  sequences: "it is a simple sequence",
  straightRow: "it is a row of keys on the keyboard",
  keyPattern: "it is a keyboard pattern",
  recentYears: "it is a recent year",
  dates: "it is a date",
  namesByThemselves: "it is a name",
};

/** Why the password is too easy to guess, or null when it is strong enough. */
export function weakPasswordReason(password: string): string | null {
  const result = estimator().check(password.slice(0, 100));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = REASONS[result.feedback.warning ?? ""] ?? "it is easy to guess";
  return `Password is too easy to guess: ${why}. Use a longer, less common phrase.`;
}
