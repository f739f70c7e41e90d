import { ZxcvbnFactory, type MatchExtended, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** What made a password easy to guess, as far as zxcvbn's matchers can tell. */
export type GuessableBecause = 'common' | 'repetitive' | 'contains_context';

export interface Guessability {
  guessesLog10: number;
  /** The kind of pattern covering most of the password, or null when no pattern stands out. */
  mainPattern: GuessableBecause | null;
}

// Russian and Kazakh speakers often type the same password with the keyboard set
// to Latin, so breach lists hold "пароль" as "gfhjkm". Mapping Cyrillic letters to
// the QWERTY keys under them lets the English-keyed blocklist see those passwords.
const JCUKEN_TO_QWERTY: Readonly<Record<string, string>> = Object.fromEntries(
  [...'йцукенгшщзхъфывапролджэячсмитьбюё'].map((letter, index) => [
    letter,
    "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"[index] ?? letter,
  ]),
);

// zxcvbn's matching grows faster than linearly and runs on the event loop: 128
// characters cost about 50 ms. Sixty-four characters that are hard to guess make
// the whole password hard to guess, and NIST sets 64 as the length to accept.
const ESTIMATED_PREFIX_LENGTH = 64;

let factory: ZxcvbnFactory | undefined;

// Building the ranked 49 000-word dictionary takes tens of milliseconds, so it
// happens on the first check rather than when the server starts.
function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { passwords: dictionary['passwords-common'] },
    graphs: adjacencyGraphs,
  });
  return factory;
}

function patternOf(match: MatchExtended): GuessableBecause | null {
  switch (match.pattern) {
    case 'dictionary':
      return match.dictionaryName === 'userInputs' ? 'contains_context' : 'common';
    case 'repeat':
    case 'sequence':
    case 'spatial':
      return 'repetitive';
    default:
      return null;
  }
}

function mainPatternOf(result: ZxcvbnResult): GuessableBecause | null {
  const coverage = new Map<GuessableBecause, number>();
  for (const match of result.sequence) {
    const pattern = patternOf(match);
    if (pattern !== null) {
      coverage.set(pattern, (coverage.get(pattern) ?? 0) + match.j - match.i + 1);
    }
  }
  let main: GuessableBecause | null = null;
  for (const [pattern, length] of coverage) {
    if (main === null || length > (coverage.get(main) ?? 0)) {
      main = pattern;
    }
  }
  return main;
}

function typedOnLatinLayout(password: string): string {
  return [...password].map((char) => JCUKEN_TO_QWERTY[char.toLowerCase()] ?? char).join('');
}

/**
 * Estimates how many guesses an attacker with breach lists and the usual
 * pattern tricks (l33t, keyboard walks, years, repeats) needs for the password.
 */
export function estimateGuessability(password: string, contextWords: string[]): Guessability {
  const prefix = [...password].slice(0, ESTIMATED_PREFIX_LENGTH).join('');
  const variants = new Set([prefix, typedOnLatinLayout(prefix)]);
  const weakest = [...variants]
    .map((variant) => getFactory().check(variant, contextWords))
    .reduce((weaker, result) => (result.guessesLog10 < weaker.guessesLog10 ? result : weaker));
  return { guessesLog10: weakest.guessesLog10, mainPattern: mainPatternOf(weakest) };
}
