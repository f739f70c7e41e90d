import { describe, expect, it } from 'vitest';
import {
  articleRowIndexes,
  defendantRequestOf,
  emptyDefendantDraft,
  emptyRegisterDraft,
  emptyVerdictDraft,
  moveNeedsReason,
  registerRequestOf,
  termMonthsOf,
  verdictRequestOf,
  wholeNumberOf,
  yearsAndMonthsOf,
} from './proceeding-form.js';

const mia = '7c0b2b9e-3f7e-4c55-9a55-1b2a3c4d5e6f';

describe('registering a proceeding', () => {
  it('sends the ERDR number as digits, the articles with part and paragraph, and the victims by code', () => {
    const draft = {
      ...emptyRegisterDraft(mia, 'KZ-ALA'),
      registerNumber: ' 251 750 031 000 123 ',
      registeredOn: '2025-03-12',
      articles: [
        { articleId: '42', part: ' 3 ', paragraph: '' },
        { articleId: '', part: '', paragraph: '' },
      ],
      victims: [
        { caseCode: ' ala-26-7k2m9q ', proceduralStatus: 'victim' as const },
        { caseCode: '', proceduralStatus: 'witness' as const },
        { caseCode: 'ALA-26-B4X8P2', proceduralStatus: 'victim' as const },
      ],
    };
    expect(registerRequestOf(draft)).toEqual({
      registerNumber: '251750031000123',
      registeredOn: '2025-03-12',
      registeringOrganizationId: mia,
      investigatingOrganizationId: mia,
      investigatingUnit: null,
      regionCode: 'KZ-ALA',
      articles: [{ articleId: 42, part: '3' }],
      victims: [
        { caseCode: 'ALA-26-7K2M9Q', proceduralStatus: 'victim' },
        { caseCode: 'ALA-26-B4X8P2', proceduralStatus: 'victim' },
      ],
    });
  });

  it('keeps a row with a part but no article, so the server names that row instead of dropping it', () => {
    const rows = [
      { articleId: '', part: '', paragraph: '' },
      { articleId: '', part: '2', paragraph: 'Б' },
      { articleId: '7', part: '', paragraph: '' },
    ];
    expect(registerRequestOf({ ...emptyRegisterDraft(mia, ''), articles: rows }).articles).toEqual([{ articleId: 0, part: '2', paragraph: 'б' }, { articleId: 7 }]);
    // The server's 'articles.0' is the page's second row: the blank first one is not sent.
    expect(articleRowIndexes(rows)).toEqual([null, 0, 1]);
  });

  it('starts with the user’s own body as registering and investigating body', () => {
    const draft = emptyRegisterDraft(mia, 'KZ-ALA');
    expect(draft.registeringOrganizationId).toBe(mia);
    expect(draft.investigatingOrganizationId).toBe(mia);
    expect(draft.articles).toHaveLength(1);
    expect(draft.victims).toEqual([{ caseCode: '', proceduralStatus: 'victim' }]);
  });
});

describe('moving a proceeding', () => {
  const next = [
    { stage: 'first_instance_verdict' as const, move: 'forward' as const },
    { stage: 'pre_trial_investigation' as const, move: 'back' as const },
  ];

  it('asks for a reason only for a move back', () => {
    expect(moveNeedsReason(next, 'pre_trial_investigation')).toBe(true);
    expect(moveNeedsReason(next, 'first_instance_verdict')).toBe(false);
    expect(moveNeedsReason(next, '')).toBe(false);
  });
});

describe('a verdict', () => {
  it('counts a term typed as years and months in months', () => {
    expect(termMonthsOf('3', '6')).toBe(42);
    expect(termMonthsOf('', '8')).toBe(8);
    expect(termMonthsOf('10', '')).toBe(120);
    expect(termMonthsOf(' ', '')).toBeNull();
    expect(termMonthsOf('2', '12')).toBeNaN();
    expect(termMonthsOf('two', '')).toBeNaN();
    expect(yearsAndMonthsOf(42)).toEqual({ years: 3, months: 6 });
  });

  it('reads a fine typed with spaces between thousands', () => {
    expect(wholeNumberOf('1 500 000')).toBe(1_500_000);
    expect(wholeNumberOf('1\u00a0500')).toBe(1500);
    expect(wholeNumberOf('')).toBeNull();
    expect(wholeNumberOf('12,5')).toBeNaN();
  });

  it('sends a conviction to imprisonment with its article, part, term and confiscation', () => {
    const draft = {
      ...emptyVerdictDraft,
      decidedOn: '2026-02-10',
      outcome: 'convicted' as const,
      convictionArticleId: '57',
      convictionPart: '2',
      sentenceKind: 'imprisonment' as const,
      termYears: '7',
      termMonths: '0',
      fineTenge: '500000',
      confiscation: true,
    };
    expect(verdictRequestOf(draft)).toEqual({
      instance: 'first_instance',
      decidedOn: '2026-02-10',
      outcome: 'convicted',
      convictionArticleId: 57,
      convictionPart: '2',
      sentence: { kind: 'imprisonment', months: 84, fineTenge: null, confiscation: true },
    });
  });

  it('sends a fine with its amount and no term', () => {
    const draft = { ...emptyVerdictDraft, decidedOn: '2026-02-10', outcome: 'convicted' as const, convictionArticleId: '57', sentenceKind: 'fine' as const, termYears: '2', fineTenge: '2 000 000' };
    expect(verdictRequestOf(draft).sentence).toEqual({ kind: 'fine', months: null, fineTenge: 2_000_000, confiscation: false });
  });

  it('sends neither article nor sentence with an acquittal, whatever was typed before', () => {
    const draft = { ...emptyVerdictDraft, instance: 'appeal' as const, decidedOn: '2026-05-01', outcome: 'acquitted' as const, convictionArticleId: '57', sentenceKind: 'imprisonment' as const, termYears: '5' };
    expect(verdictRequestOf(draft)).toEqual({ instance: 'appeal', decidedOn: '2026-05-01', outcome: 'acquitted' });
  });
});

describe('a defendant', () => {
  it('is recorded without an identity while no name is known', () => {
    const request = defendantRequestOf({ ...emptyDefendantDraft, sex: 'male', ageYears: '' });
    expect(request).not.toHaveProperty('identity');
    expect(request).toMatchObject({ sex: 'male', ageYears: null, citizenship: 'KAZ', role: 'perpetrator', proceduralStatus: 'suspect' });
  });

  it('sends the name parts typed, and a citizenship typed as another country’s code', () => {
    const request = defendantRequestOf({ ...emptyDefendantDraft, familyName: ' Ахметов ', givenName: 'Серик', ageYears: '41', citizenship: 'other', otherCitizenship: 'geo' });
    expect(request.identity).toEqual({ names: [{ family: 'Ахметов', given: 'Серик' }] });
    expect(request.ageYears).toBe(41);
    expect(request.citizenship).toBe('GEO');
  });
});
