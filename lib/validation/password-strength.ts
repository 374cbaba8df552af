import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

/**
 * How guessable a password is, from zxcvbn-ts with its common dictionary (≈49k passwords leaked
 * most often, plus keyboard patterns, repeats and sequences), entirely offline. Score 0-4; below
 * MIN_PASSWORD_SCORE is refused. Built on first use: the dictionary costs ~50 ms to index.
 * The sign-up and password forms import this module lazily (components/forms/password-strength-hint.tsx)
 * for a live hint with the very same estimator, so the hint never disagrees with the server.
 */
export const MIN_PASSWORD_SCORE = 2;
/** The length rule of NewPasswordSchema (lib/validation/auth.ts), for the hint's wording. */
export const MIN_PASSWORD_LENGTH = 10;

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

const SUGGESTIONS: Record<string, string> = {
  l33t: "Swapping letters for look-alike symbols (@ for a) is easy to guess.",
  reverseWords: "Spelling a common word backwards is easy to guess.",
  allUppercase: "Capitalise some letters, not all of them.",
  capitalization: "Capitalise more than the first letter.",
  dates: "Avoid dates and years that are linked to you.",
  recentYears: "Avoid recent years.",
  associatedYears: "Avoid years that are linked to you.",
  sequences: "Avoid common character sequences.",
  repeated: "Avoid repeated words and characters.",
  longerKeyboardPattern: "Use longer keyboard patterns and change direction several times.",
  anotherWord: "Add more words that are less common.",
  useWords: "Use several words, but avoid common phrases.",
  noNeed: "You can make strong passwords without symbols, numbers or capital letters.",
};

export interface PasswordStrength {
  /** zxcvbn score, 0 (very guessable) to 4 (very unguessable) */
  score: 0 | 1 | 2 | 3 | 4;
  /** accepted by the server's rule (MIN_PASSWORD_SCORE; length is checked separately) */
  strongEnough: boolean;
  /** why it is weak, as a sentence, or null */
  warning: string | null;
  /** what would help, as sentences */
  suggestions: string[];
}

/** The score and feedback behind weakPasswordReason, for the live hint on password forms. */
export function passwordStrength(password: string): PasswordStrength {
  const result = estimator().check(password.slice(0, 100));
  const reason = result.feedback.warning ? REASONS[result.feedback.warning] : undefined;
  return {
    score: result.score,
    strongEnough: result.score >= MIN_PASSWORD_SCORE,
    warning: reason ? `Easy to guess: ${reason}.` : null,
    suggestions: result.feedback.suggestions.map((key) => SUGGESTIONS[key]).filter((text): text is string => !!text),
  };
}
