import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseProceeding } from '../../../shared/case-justice.schemas.js';
import { ApiProblem } from '../../api-client.js';
import { facesCharges, formatMci, formatTenge, outcomeCounts, proceedingEventNote, qualificationPath, restateJusticeRefusal, sameArticles } from './case-justice-view.js';

type Article = CaseProceeding['articlesNow'][number];

function article(articleId: number, number: string, part: string | null, edition: '1997' | '2014' = '2014'): Article {
  const ru = part === null ? number : `${number} ч.${part}`;
  const en = part === null ? number : `${number}(${part})`;
  return { articleId, edition, article: number, part, paragraph: null, ref: { ru, kk: ru, en }, title: { ru: '', kk: '', en: '' } };
}

const art128part3 = article(11, '128', '3');
const art309 = article(12, '309', null);

describe('the qualification on the case page', () => {
  it('reads "128 ч.3 → 309" once re-qualified, and the registration articles alone before', () => {
    expect(qualificationPath({ articlesAtRegistration: [art128part3], articlesNow: [art309] }, 'ru')).toEqual({ registered: '128 ч.3', now: '309', editions: ['2014'] });
    expect(qualificationPath({ articlesAtRegistration: [art128part3], articlesNow: [art128part3] }, 'en')).toEqual({ registered: '128(3)', now: null, editions: ['2014'] });
  });

  it('names both codes when a 1997 proceeding is tried under the 2014 code', () => {
    const old128 = article(3, '128', '3', '1997');
    expect(qualificationPath({ articlesAtRegistration: [old128], articlesNow: [art128part3] }, 'ru').editions).toEqual(['1997', '2014']);
  });

  it('compares qualifications by article, part and paragraph, in any order', () => {
    expect(sameArticles([art128part3, art309], [art309, art128part3])).toBe(true);
    expect(sameArticles([art128part3], [article(11, '128', '2')])).toBe(false);
    expect(sameArticles([art128part3], [art128part3, art309])).toBe(false);
  });
});

describe('what the case page says of a verdict and a person’s status', () => {
  it('counts only the outcomes some defendant had', () => {
    const outcome = { convicted: 2, acquitted: 0, dismissed: 1, sentences: [], confiscations: 0, convictionArticles: [], lastDecidedOn: '2026-11-20' };
    expect(outcomeCounts(outcome)).toEqual([
      { outcome: 'convicted', count: 2 },
      { outcome: 'dismissed', count: 1 },
    ]);
  });

  it('flags the non-punishment principle for a suspect or accused victim only', () => {
    expect(facesCharges({ proceduralStatus: 'accused' })).toBe(true);
    expect(facesCharges({ proceduralStatus: 'suspect' })).toBe(true);
    expect(facesCharges({ proceduralStatus: 'victim' })).toBe(false);
    expect(facesCharges({ proceduralStatus: 'witness' })).toBe(false);
  });

  it('writes tenge and MCI as each language does', () => {
    expect(formatTenge(129_750, 'ru').replace(/\s/gu, ' ')).toBe('129 750 ₸');
    expect(formatTenge(129_750, 'en')).toBe('₸129,750');
    expect(formatMci(30.5, 'kk')).toBe('30,5');
  });
});

describe('the timeline note of a proceeding event', () => {
  it('reads the stage and its date, and leaves out an unknown stage', () => {
    expect(proceedingEventNote('proceeding.stage_changed', { proceedingId: 'x', stage: 'sent_to_court', occurredOn: '2026-11-02' }, 'ru')).toEqual({ kind: 'stage', stage: 'sent_to_court', date: '2026-11-02' });
    expect(proceedingEventNote('proceeding.stage_changed', { stage: 'teleported' }, 'ru')).toBeNull();
  });

  it('reads articles as recorded refs, as refs in the reader’s language, or as edition and number', () => {
    expect(proceedingEventNote('proceeding.requalified', { decidedOn: '2026-10-15', phase: 'indictment', articles: ['309(2)'] }, 'ru')).toEqual({
      kind: 'requalified',
      articles: [{ text: '309(2)', edition: null }],
      date: '2026-10-15',
      phase: 'indictment',
    });
    expect(proceedingEventNote('proceeding.linked', { stage: 'registered', articles: [{ ru: '128 ч.3', kk: '128-бап 3-бөлік', en: '128(3)' }] }, 'kk')).toEqual({
      kind: 'linked',
      stage: 'registered',
      articles: [{ text: '128-бап 3-бөлік', edition: null }],
    });
    const verdict = proceedingEventNote('proceeding.verdict', { instance: 'first_instance', decidedOn: '2026-11-20', outcomes: { convicted: 2, acquitted: 0, dismissed: 0 }, articles: ['2014:309'] }, 'ru');
    expect(verdict).toEqual({ kind: 'verdict', instance: 'first_instance', date: '2026-11-20', outcomes: [{ outcome: 'convicted', count: 2 }], articles: [{ text: '309', edition: '2014' }] });
  });

  it('reads protection and both kinds of compensation, and nothing for other events', () => {
    expect(proceedingEventNote('proceeding.protection', { decision: 'granted', measures: ['personal_security', 'unheard_of'] }, 'en')).toEqual({ kind: 'protection', decision: 'granted', measures: ['personal_security'] });
    expect(proceedingEventNote('proceeding.compensation', { compensation: 'fund', decision: 'granted', amountMci: 30, amountTenge: 129_750, paidOn: '2026-11-25' }, 'ru')).toEqual({
      kind: 'fund',
      decision: 'granted',
      amountMci: 30,
      amountTenge: 129_750,
      paidOn: '2026-11-25',
    });
    expect(proceedingEventNote('proceeding.compensation', { compensation: 'civil_claim', claimedTenge: 1_500_000, awardedTenge: null, paidTenge: null }, 'ru')).toEqual({
      kind: 'civil_claim',
      claimedTenge: 1_500_000,
      awardedTenge: null,
      paidTenge: null,
    });
    expect(proceedingEventNote('case.closed', { outcome: 'reintegrated' }, 'ru')).toBeNull();
  });
});

describe('a refusal of the justice rules on the case page', () => {
  const t = ((key: string) => `words of ${key}`) as unknown as TFunction;
  const problem = { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict' as const, instance: '/api/v1/cases/x/fund-compensations', requestId: 'req-1' };

  it('is said in the reader’s words, beside the field the rule names', () => {
    const refused = new ApiProblem({ ...problem, detail: 'A payment follows a decision to grant compensation', reason: 'payment_before_decision', errors: [{ field: 'body.paidOn', message: 'only after a grant' }] });
    const restated = restateJusticeRefusal(refused, t);
    expect(restated).toBeInstanceOf(ApiProblem);
    expect((restated as ApiProblem).problem).toMatchObject({
      code: 'conflict',
      requestId: 'req-1',
      detail: 'words of justice.refusals.payment_before_decision',
      errors: [{ field: 'body.paidOn', message: 'words of justice.refusals.payment_before_decision' }],
    });
  });

  it('leaves every other problem as the server sent it', () => {
    const other = new ApiProblem({ ...problem, code: 'not_found', status: 404, title: 'Not found', detail: 'No such case' });
    expect(restateJusticeRefusal(other, t)).toBe(other);
    const network = new Error('offline');
    expect(restateJusticeRefusal(network, t)).toBe(network);
  });
});
