import type { TFunction } from 'i18next';
import { protectionDecisions, protectionMeasures, type CaseProceeding, type CaseProceedingOutcome } from '../../../shared/case-justice.schemas.js';
import { isJusticeRefusal } from '../../../shared/justice-refusals.js';
import { proceedingStageValues, qualificationPhases } from '../../../shared/proceeding.schemas.js';
import { ApiProblem } from '../../api-client.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';

// What the case page derives from the proceedings linked to a case, as plain
// functions over the API's data.

type Article = CaseProceeding['articlesNow'][number];

/** The articles as printed in the reader's language: '128 ч.3, 135'. */
export function articleRefs(articles: readonly Article[], language: UiLanguage): string {
  return articles.map((article) => article.ref[language]).join(', ');
}

function articleKey(article: Article): string {
  return `${article.articleId}/${article.part ?? ''}/${article.paragraph ?? ''}`;
}

/** Whether two qualifications name the same articles, parts and paragraphs, in any order. */
export function sameArticles(left: readonly Article[], right: readonly Article[]): boolean {
  const keys = new Set(left.map(articleKey));
  return left.length === right.length && right.every((article) => keys.has(articleKey(article)));
}

/**
 * The qualification as a reader follows it: the articles at registration,
 * then those in force when it was re-qualified ('128 ч.3 → 309'). The edition
 * is named when the two differ (a 1997 proceeding tried under the 2014 Code).
 */
export function qualificationPath(proceeding: Pick<CaseProceeding, 'articlesAtRegistration' | 'articlesNow'>, language: UiLanguage): { registered: string; now: string | null; editions: string[] } {
  const requalified = !sameArticles(proceeding.articlesAtRegistration, proceeding.articlesNow);
  const editions = [...new Set([...proceeding.articlesAtRegistration, ...(requalified ? proceeding.articlesNow : [])].map((article) => article.edition))];
  return {
    registered: articleRefs(proceeding.articlesAtRegistration, language),
    now: requalified ? articleRefs(proceeding.articlesNow, language) : null,
    editions,
  };
}

/** A suspect or accused trafficked person: the non-punishment principle must be weighed. */
export function facesCharges(proceeding: Pick<CaseProceeding, 'proceduralStatus'>): boolean {
  return proceeding.proceduralStatus === 'suspect' || proceeding.proceduralStatus === 'accused';
}

export type OutcomeKind = 'convicted' | 'acquitted' | 'dismissed';

/** The verdicts in force as counts, the outcomes no defendant had left out ('convicted 2', not 'acquitted 0'). */
export function outcomeCounts(outcome: CaseProceedingOutcome): { outcome: OutcomeKind; count: number }[] {
  return (['convicted', 'acquitted', 'dismissed'] as const).map((kind) => ({ outcome: kind, count: outcome[kind] })).filter((entry) => entry.count > 0);
}

/** Money in tenge in the reader's language: '129 750 ₸'. */
export function formatTenge(amount: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(amount);
}

/** An amount in monthly calculation indices: '30', '30,5'. */
export function formatMci(amount: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(amount);
}

/**
 * A step the justice rules refused, restated in the reader's language for the
 * case page's forms: the rule's words replace the API's English detail, and
 * stand beside the field the rule names. Any other error passes unchanged.
 */
export function restateJusticeRefusal(error: unknown, t: TFunction): unknown {
  if (!(error instanceof ApiProblem) || !isJusticeRefusal(error.problem.reason)) {
    return error;
  }
  const words = t(`justice.refusals.${error.problem.reason}`);
  const { errors, ...problem } = error.problem;
  return new ApiProblem({ ...problem, detail: words, ...(errors === undefined ? {} : { errors: errors.map(({ field }) => ({ field, message: words })) }) });
}

// --- The case timeline's words for the justice module's events -------------

type Stage = CaseProceeding['stage'];
type Phase = CaseProceeding['qualificationPhase'];

/** An article as an event names it: printed refs in each language, or the edition and number of a conviction. */
export interface EventArticle {
  text: string;
  edition: '1997' | '2014' | null;
}

export type ProceedingEventNote =
  | { kind: 'linked'; stage: Stage | null; articles: EventArticle[] }
  | { kind: 'stage'; stage: Stage; date: string | null }
  | { kind: 'requalified'; articles: EventArticle[]; date: string | null; phase: Phase | null }
  | { kind: 'verdict'; instance: (typeof verdictInstances)[number] | null; date: string | null; outcomes: { outcome: OutcomeKind; count: number }[]; articles: EventArticle[] }
  | { kind: 'protection'; decision: (typeof decisions)[number]; measures: (typeof protectionMeasures)[number][] }
  | { kind: 'civil_claim'; claimedTenge: number | null; awardedTenge: number | null; paidTenge: number | null }
  | { kind: 'fund'; decision: (typeof decisions)[number]; amountMci: number | null; amountTenge: number | null; paidOn: string | null };

const stages = proceedingStageValues;
const phases = qualificationPhases;
const verdictInstances = ['first_instance', 'appeal', 'cassation'] as const;
const decisions = protectionDecisions;

function pick<Value extends string>(options: readonly Value[], value: unknown): Value | null {
  return options.find((option) => option === value) ?? null;
}

function isoDate(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value) ? value : null;
}

function amount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** '128(3)' as recorded, {ru, kk, en} refs in the reader's language, or '2014:309' (edition and number, as verdicts name them). */
function eventArticles(value: unknown, language: UiLanguage): EventArticle[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((item: unknown): EventArticle[] => {
    if (typeof item === 'string') {
      const edition = /^(1997|2014):(.+)$/u.exec(item);
      return edition === null ? [{ text: item, edition: null }] : [{ text: edition[2] ?? '', edition: edition[1] === '1997' ? '1997' : '2014' }];
    }
    if (typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>)[language] === 'string') {
      return [{ text: (item as Record<UiLanguage, string>)[language], edition: null }];
    }
    return [];
  });
}

/**
 * What a proceeding event's details say, read defensively: events are kept
 * for years, and a detail an older or newer server wrote differently is left
 * out rather than shown wrong. Null for events without a note.
 */
export function proceedingEventNote(kind: string, details: Readonly<Record<string, unknown>>, language: UiLanguage): ProceedingEventNote | null {
  switch (kind) {
    case 'proceeding.linked':
      return { kind: 'linked', stage: pick(stages, details['stage']), articles: eventArticles(details['articles'], language) };
    case 'proceeding.stage_changed': {
      const stage = pick(stages, details['stage']);
      return stage === null ? null : { kind: 'stage', stage, date: isoDate(details['occurredOn']) };
    }
    case 'proceeding.requalified':
      return { kind: 'requalified', articles: eventArticles(details['articles'], language), date: isoDate(details['decidedOn']), phase: pick(phases, details['phase']) };
    case 'proceeding.verdict': {
      const counts = typeof details['outcomes'] === 'object' && details['outcomes'] !== null ? (details['outcomes'] as Record<string, unknown>) : {};
      const outcomes = (['convicted', 'acquitted', 'dismissed'] as const).map((outcome) => ({ outcome, count: amount(counts[outcome]) ?? 0 })).filter((entry) => entry.count > 0);
      return { kind: 'verdict', instance: pick(verdictInstances, details['instance']), date: isoDate(details['decidedOn']), outcomes, articles: eventArticles(details['articles'], language) };
    }
    case 'proceeding.protection': {
      const decision = pick(decisions, details['decision']);
      const measures = Array.isArray(details['measures']) ? details['measures'].flatMap((measure: unknown) => pick(protectionMeasures, measure) ?? []) : [];
      return decision === null ? null : { kind: 'protection', decision, measures };
    }
    case 'proceeding.compensation': {
      if (details['compensation'] === 'civil_claim') {
        return { kind: 'civil_claim', claimedTenge: amount(details['claimedTenge']), awardedTenge: amount(details['awardedTenge']), paidTenge: amount(details['paidTenge']) };
      }
      const decision = pick(decisions, details['decision']);
      return details['compensation'] === 'fund' && decision !== null
        ? { kind: 'fund', decision, amountMci: amount(details['amountMci']), amountTenge: amount(details['amountTenge']), paidOn: isoDate(details['paidOn']) }
        : null;
    }
    default:
      return null;
  }
}
