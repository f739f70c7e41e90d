import type { TFunction } from 'i18next';
import { isJusticeRefusal, type JusticeRefusal } from '../../../shared/justice-refusals.js';
import { ApiProblem } from '../../api-client.js';
import { translateFieldMessage, type FieldErrors, type FieldProblemWords, type KnownMessage } from '../../components/field-errors.js';
import { describeError } from '../../components/query-result.js';

// The justice API's problems as the investigator's forms show them: each
// field problem beside its field (rows too: 'articles.1.part'), a refusal by
// the rule that refused, in the reader's language.

/**
 * The server's per-field problems keyed by the form's fields. `fieldOf` gets
 * the path inside the request ('articles.1.part', 'sentence.months') and names
 * the form field it belongs to, or null for one the form does not show.
 */
export function justiceFieldErrors<Field extends string>(error: unknown, fieldOf: (path: string) => Field | null, t: TFunction): FieldErrors<Field> {
  const result: FieldErrors<Field> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  // A refusal that names its fields (a body that is not law enforcement) says its rule beside each of them.
  const rule = justiceRefusalOf(error);
  for (const problem of error.problem.errors ?? []) {
    const [place, ...rest] = problem.field.split('.');
    const field = place === 'body' || place === 'query' ? fieldOf(rest.join('.')) : null;
    if (field === null) {
      continue;
    }
    const message = rule === null ? translateJusticeMessage(problem, t) : t(`justice.refusals.${rule}`);
    const earlier = result[field];
    result[field] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return result;
}

/** A form field named by the request path itself or by the nearest enclosing path it knows ('articles.0' for 'articles.0.articleId'). */
export function nearestField<Field extends string>(fields: readonly Field[]): (path: string) => Field | null {
  return (path) => {
    const parts = path.split('.');
    for (let length = parts.length; length > 0; length -= 1) {
      const candidate = parts.slice(0, length).join('.');
      const field = fields.find((known) => known === candidate);
      if (field !== undefined) {
        return field;
      }
    }
    return null;
  };
}

// The API words its field messages in English; these are the ones the justice forms meet.
const justiceMessages: readonly KnownMessage[] = [
  [/must not be empty/u, (t) => t('justice.fieldErrors.empty')],
  [/an ERDR number has 15 digits/u, (t) => t('justice.fieldErrors.erdrDigits')],
  [/must be the register number/u, (t) => t('justice.fieldErrors.registerNumber')],
  [/must be a case code/u, (t) => t('justice.fieldErrors.caseCode')],
  [/no (such )?case|unknown case|not a case/iu, (t) => t('justice.fieldErrors.caseUnknown')],
  [/no such (article|organization|region)/u, (t) => t('justice.fieldErrors.choose')],
  [/neither the registering nor the investigating/u, (t) => t('justice.fieldErrors.ownBody')],
  [/outside your regions/u, (t) => t('justice.fieldErrors.regionOutside')],
  [/only for a suspect or accused/u, (t) => t('justice.fieldErrors.onlySuspected')],
  [/not an active user of either body/u, (t) => t('justice.fieldErrors.investigator')],
  [/must be a part number/u, (t) => t('justice.fieldErrors.part')],
  [/must be a paragraph/u, (t) => t('justice.fieldErrors.paragraph')],
  // The only list the justice forms require is the articles of a qualification.
  [/expected array to have >=1 items/u, (t) => t('justice.fieldErrors.articleNeeded')],
  [/name each article once/u, (t) => t('justice.fieldErrors.articleTwice')],
  [/name each case once/u, (t) => t('justice.fieldErrors.caseTwice')],
  [/criminal liability starts at 14/u, (t) => t('justice.fieldErrors.ageOfLiability')],
  [/say why you need it/u, (t) => t('justice.fieldErrors.purpose')],
  [/give at least one part of the name/u, (t) => t('justice.fieldErrors.namePart')],
  [/needs its term in months/u, (t) => t('justice.fieldErrors.term')],
  [/a fine needs its amount/u, (t) => t('justice.fieldErrors.fine')],
  [/a conviction names the article/u, (t) => t('justice.fieldErrors.convictionArticle')],
  [/a conviction names the sentence/u, (t) => t('justice.fieldErrors.sentence')],
  [/names no article of conviction|carries no sentence|only a conviction names/u, (t) => t('justice.fieldErrors.onlyConviction')],
  [/is in the future/u, (t) => t('justice.fieldErrors.future')],
  [/is before/u, (t) => t('justice.fieldErrors.beforeRegistration')],
  [/YYYY-MM-DD|invalid (iso )?date/iu, (t) => t('justice.fieldErrors.date')],
  [/^Invalid (option|input)/u, (t) => t('justice.fieldErrors.choose')],
];

export function translateJusticeMessage(problem: FieldProblemWords, t: TFunction): string {
  return translateFieldMessage(problem, t, justiceMessages);
}

/** The proceedings rule that refused a step, as the API names it in the problem's reason; null for a problem that names none. */
export function justiceRefusalOf(error: unknown): JusticeRefusal | null {
  return error instanceof ApiProblem && isJusticeRefusal(error.problem.reason) ? error.problem.reason : null;
}

/**
 * A refused step: the rule the server applied, in the reader's language; a
 * conflict or unprocessable step the page has no words for in the server's
 * own; anything else by its code.
 */
export function describeJusticeProblem(error: unknown, t: TFunction): { message: string; requestId: string | null } {
  const described = describeError(error, t);
  const rule = justiceRefusalOf(error);
  if (rule !== null) {
    return { message: t(`justice.refusals.${rule}`), requestId: described.requestId };
  }
  if (error instanceof ApiProblem && (error.problem.code === 'conflict' || error.problem.code === 'unprocessable')) {
    return { message: error.problem.detail, requestId: described.requestId };
  }
  return described;
}
