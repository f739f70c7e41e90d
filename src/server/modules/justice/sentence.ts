import type { SentenceKind, VerdictOutcome } from '../../../shared/defendant.schemas.js';

// What a verdict must name, as plain rules over plain data: a conviction
// names the article and the sentence, and the sentence its term or amount;
// an acquittal or a dismissal names neither, so that no statistic ever counts
// a sentence for someone the court did not convict.

export interface VerdictFacts {
  outcome: VerdictOutcome;
  convictionArticleId?: number | undefined;
  convictionPart?: string | undefined;
  sentence?: { kind: SentenceKind; months: number | null; fineTenge: number | null } | undefined;
}

/** The field a verdict lacks or should not have, with what is wrong, in the API's field names (body.*). */
export interface SentenceProblem {
  field: string;
  message: string;
}

/** The kinds of sentence that run for a term: imprisonment, restricted freedom, and a suspended sentence's probation. */
const termSentences: readonly SentenceKind[] = ['imprisonment', 'restricted_freedom', 'suspended'];

/** Null when the verdict names what its outcome needs, else the first field that breaks the rule. */
export function refuseVerdictFacts(facts: VerdictFacts): SentenceProblem | null {
  if (facts.outcome !== 'convicted') {
    if (facts.convictionArticleId !== undefined) {
      return { field: 'body.convictionArticleId', message: `an ${facts.outcome === 'acquitted' ? 'acquittal' : 'dismissal'} names no article of conviction` };
    }
    if (facts.convictionPart !== undefined) {
      return { field: 'body.convictionPart', message: 'only a conviction names the part of the article' };
    }
    if (facts.sentence !== undefined) {
      return { field: 'body.sentence', message: `an ${facts.outcome === 'acquitted' ? 'acquittal' : 'dismissal'} carries no sentence` };
    }
    return null;
  }
  if (facts.convictionArticleId === undefined) {
    return { field: 'body.convictionArticleId', message: 'a conviction names the article of the Criminal Code' };
  }
  if (facts.sentence === undefined) {
    return { field: 'body.sentence', message: 'a conviction names the sentence' };
  }
  const { sentence } = facts;
  if (termSentences.includes(sentence.kind) && sentence.months === null) {
    return { field: 'body.sentence.months', message: `${sentence.kind.replace('_', ' ')} needs its term in months` };
  }
  if (sentence.kind === 'fine' && sentence.fineTenge === null) {
    return { field: 'body.sentence.fineTenge', message: 'a fine needs its amount in tenge' };
  }
  if (sentence.kind === 'fine' && sentence.months !== null) {
    return { field: 'body.sentence.months', message: 'a fine has no term' };
  }
  return null;
}

export interface VerdictOrderFacts {
  id: number;
  decidedOn: string;
}

/** The verdict in force among a defendant's verdicts: the latest decided, and of one day the latest recorded. */
export function verdictInForce<Verdict extends VerdictOrderFacts>(verdicts: readonly Verdict[]): Verdict | null {
  let latest: Verdict | null = null;
  for (const verdict of verdicts) {
    if (latest === null || verdict.decidedOn > latest.decidedOn || (verdict.decidedOn === latest.decidedOn && verdict.id > latest.id)) {
      latest = verdict;
    }
  }
  return latest;
}
