import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { justiceRefusalNames, justiceRefusals } from '../../../shared/justice-refusals.js';
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import kk from '../../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../../shared/i18n/ru.json' with { type: 'json' };
import { ApiProblem } from '../../api-client.js';
import { describeJusticeProblem, justiceFieldErrors, nearestField } from './justice-problems.js';

// Stands in for i18next: shows the key, so the test sees which translation was chosen.
const t = ((key: string) => key) as unknown as TFunction;

function problem(fields: { field: string; message: string; rule?: string; limit?: number }[], extra: { code?: 'validation_failed' | 'conflict' | 'unprocessable'; reason?: string; detail?: string } = {}): ApiProblem {
  const code = extra.code ?? 'validation_failed';
  return new ApiProblem({
    type: 'about:blank',
    title: 'x',
    status: code === 'conflict' ? 409 : code === 'unprocessable' ? 422 : 400,
    code,
    detail: extra.detail ?? 'x',
    instance: '/api/v1/proceedings',
    requestId: 'req-1',
    errors: fields,
    ...(extra.reason === undefined ? {} : { reason: extra.reason }),
  } as ConstructorParameters<typeof ApiProblem>[0]);
}

describe('the justice forms’ problems', () => {
  it('put each field problem beside its row, or beside the nearest field the form shows', () => {
    const fields = ['registerNumber', 'articles', 'articles.1.part', 'victims.0.caseCode', 'sentence.months'] as const;
    const error = problem([
      { field: 'body.registerNumber', message: 'an ERDR number has 15 digits' },
      { field: 'body.articles.1.part', message: "must be a part number such as '3' or '3-1'" },
      { field: 'body.articles', message: 'name each article once' },
      { field: 'body.victims.0.caseCode', message: 'must be a case code such as ALA-26-7K2M9Q' },
      { field: 'body.sentence.months', message: 'imprisonment needs its term in months' },
      { field: 'body.articles.0.articleId', message: 'Invalid input' },
      { field: 'body.articles', message: 'Too small: expected array to have >=1 items', rule: 'min_items', limit: 1 },
      { field: 'query.purpose', message: 'unused' },
    ]);
    expect(justiceFieldErrors(error, nearestField(fields), t)).toEqual({
      registerNumber: 'justice.fieldErrors.erdrDigits',
      articles: 'justice.fieldErrors.articleTwice justice.fieldErrors.choose justice.fieldErrors.articleNeeded',
      'articles.1.part': 'justice.fieldErrors.part',
      'victims.0.caseCode': 'justice.fieldErrors.caseCode',
      'sentence.months': 'justice.fieldErrors.term',
    });
  });

  it('say a refusal that names fields by its rule beside each of them', () => {
    const error = problem([{ field: 'body.registeringOrganizationId', message: 'is not a law-enforcement body' }], { code: 'unprocessable', reason: 'not_law_enforcement' });
    expect(justiceFieldErrors(error, nearestField(['registeringOrganizationId'] as const), t)).toEqual({ registeringOrganizationId: 'justice.refusals.not_law_enforcement' });
  });

  it('say a refused step by its rule, and a rule the page does not know in the server’s words', () => {
    expect(describeJusticeProblem(problem([], { code: 'conflict', reason: 'verdict_before_court' }), t).message).toBe('justice.refusals.verdict_before_court');
    expect(describeJusticeProblem(problem([], { code: 'conflict', detail: 'Something new' }), t).message).toBe('Something new');
    expect(describeJusticeProblem(problem([]), t).message).toBe('errors.validation_failed');
  });
});

describe('the words for every refusal', () => {
  it('exist in Russian, Kazakh and English for each rule the API can refuse by', () => {
    const catalogs = { ru: ru.justice.refusals, kk: kk.justice.refusals, en: en.justice.refusals } as Record<string, Record<string, unknown>>;
    expect(justiceRefusalNames.length).toBe(Object.keys(justiceRefusals).length);
    for (const name of justiceRefusalNames) {
      for (const [language, words] of Object.entries(catalogs)) {
        const said = words[name];
        expect(typeof said === 'string' && said.trim() !== '', `${language}.json justice.refusals.${name}`).toBe(true);
      }
    }
  });
});
