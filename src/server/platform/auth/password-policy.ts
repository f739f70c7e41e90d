import { estimateGuessability } from './password-guessability.js';

// NIST SP 800-63B-4 §3.1.1.2 asks for 15 characters when a password is the only
// factor and 8 with MFA. Senim uses 15 for everyone: a user's roles, and with
// them the MFA requirement, can change long after the password was chosen.
export const PASSWORD_MIN_LENGTH = 15;
// 63B-4 requires allowing at least 64; a hard cap keeps hashing and pattern
// matching cheap on hostile input.
export const PASSWORD_MAX_LENGTH = 128;

// zxcvbn's line for "safely unguessable" even if the hash table is stolen: ten
// billion argon2id guesses per account. Below it, a 15-character password is
// built almost entirely from breached passwords, keyboard walks or the user's name.
const MIN_GUESSES_LOG10 = 10;
// Words that an attacker targeting Senim tries first ("Сенім" is Kazakh for trust).
const SYSTEM_WORDS = ['senim', 'сеним', 'сенім', 'trafficking'];
const SHORTEST_CONTEXT_WORD = 3;
const SHORTEST_PREDICTABLE_RUN = 3;
// Anything longer cannot be a valid password, so it is refused before normalization.
const MAX_INPUT_UTF16_LENGTH = PASSWORD_MAX_LENGTH * 8;

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'common'
  | 'repetitive'
  | 'contains_context'
  | 'control_characters';

export interface PasswordCheck {
  ok: boolean;
  problems: PasswordProblem[];
}

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

function contextWordsOf(context: PasswordContext): string[] {
  const localPart = context.email?.split('@')[0] ?? '';
  const phrases = [localPart, context.displayName ?? '', ...SYSTEM_WORDS].map((phrase) =>
    phrase.normalize('NFKC').toLowerCase(),
  );
  const words = phrases.flatMap((phrase) => [phrase, ...phrase.split(/[^\p{L}\p{N}]+/u)]);
  return [...new Set(words)].filter((word) => [...word].length >= SHORTEST_CONTEXT_WORD);
}

/** True when more than half of the password (spaces aside) is made of context words. */
function isMostlyContext(password: string, contextWords: string[]): boolean {
  const lowered = password.toLowerCase();
  const covered = new Set<number>();
  for (const word of contextWords) {
    for (let at = lowered.indexOf(word); at !== -1; at = lowered.indexOf(word, at + 1)) {
      for (let offset = at; offset < at + word.length; offset += 1) {
        if (!/\s/u.test(lowered[offset] ?? '')) {
          covered.add(offset);
        }
      }
    }
  }
  const meaningful = lowered.replace(/\s/gu, '').length;
  return covered.size * 2 > meaningful;
}

/** True for "aaaa…", "abcabc…" or one word typed again and again ("letmein letmein!"). */
function isRepeated(lowered: string): boolean {
  const all = [...lowered];
  const lettersAndDigits = [...lowered.replace(/[^\p{L}\p{N}]/gu, '')];
  // Punctuation between the repeats is ignored only while it stays decoration.
  const decorated = lettersAndDigits.length * 4 >= all.length * 3;
  return isPeriodic(all) || (decorated && isPeriodic(lettersAndDigits));
}

function isPeriodic(codePoints: string[]): boolean {
  for (let period = 1; period * 2 <= codePoints.length; period += 1) {
    if (codePoints.every((char, index) => index < period || char === codePoints[index - period])) {
      return true;
    }
  }
  return false;
}

// Digits wrap around so that "7890123" reads as one run, as people type it.
function stepBetween(previous: string, next: string): number | null {
  let step = (next.codePointAt(0) ?? 0) - (previous.codePointAt(0) ?? 0);
  if (/\d/u.test(previous) && /\d/u.test(next) && Math.abs(step) === 9) {
    step = -Math.sign(step);
  }
  return Math.abs(step) <= 1 ? step : null;
}

/**
 * True when three quarters of the password sit in runs like "aaaa", "abcd",
 * "4321" or "7890123": such runs add almost nothing an attacker must guess.
 */
function isMostlyRuns(codePoints: string[]): boolean {
  const inRun = new Set<number>();
  let runStart = 0;
  let runStep: number | null = null;
  for (let index = 1; index <= codePoints.length; index += 1) {
    const step =
      index < codePoints.length ? stepBetween(codePoints[index - 1] ?? '', codePoints[index] ?? '') : null;
    if (step !== null && step === runStep) {
      continue;
    }
    if (runStep !== null && index - runStart >= SHORTEST_PREDICTABLE_RUN) {
      for (let inside = runStart; inside < index; inside += 1) {
        inRun.add(inside);
      }
    }
    runStart = index - 1;
    runStep = step;
  }
  return inRun.size * 4 >= codePoints.length * 3;
}

/**
 * Checks a new password against NIST SP 800-63B-4: length in code points after
 * NFKC, any printable character allowed, no composition rules, and refusal of
 * breached, repetitive or context-derived passwords.
 */
export function checkPassword(password: string, context: PasswordContext): PasswordCheck {
  if (password.length > MAX_INPUT_UTF16_LENGTH) {
    return { ok: false, problems: ['too_long'] };
  }
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length > PASSWORD_MAX_LENGTH) {
    return { ok: false, problems: ['too_long'] };
  }

  if (length === 0) {
    return { ok: false, problems: ['too_short'] };
  }

  const problems = new Set<PasswordProblem>();
  if (length < PASSWORD_MIN_LENGTH) {
    problems.add('too_short');
  }
  // Tabs, line breaks and unpaired surrogates cannot be typed back reliably on every device.
  if (/[\p{Cc}\p{Cs}]/u.test(normalized)) {
    problems.add('control_characters');
  }

  const lowered = normalized.toLowerCase();
  if (isRepeated(lowered) || isMostlyRuns([...lowered])) {
    problems.add('repetitive');
  }
  const contextWords = contextWordsOf(context);
  if (isMostlyContext(normalized, contextWords)) {
    problems.add('contains_context');
  }
  const guessability = estimateGuessability(normalized, contextWords);
  if (guessability.guessesLog10 < MIN_GUESSES_LOG10) {
    problems.add(guessability.mainPattern ?? 'common');
  }

  return { ok: problems.size === 0, problems: [...problems] };
}

export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem) {
    case 'too_short':
      return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
    case 'too_long':
      return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
    case 'common':
      return 'The password is too easy to guess: it is a commonly used password or close to one.';
    case 'repetitive':
      return 'The password must not be made of repeated or sequential characters, such as "aaaa" or "1234".';
    case 'contains_context':
      return 'The password must not consist mostly of your name, your email address or the name of this system.';
    case 'control_characters':
      return 'The password must not contain control characters such as tabs or line breaks.';
  }
}
