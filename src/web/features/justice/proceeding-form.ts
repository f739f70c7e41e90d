import type { ProceduralStatus } from '../../../shared/proceeding.schemas.js';
import type { investigatingUnits, ProceedingStageValue } from '../../../shared/proceeding.schemas.js';
import type { defendantRoles, defendantSexes, SentenceKind, VerdictOutcome, verdictInstances } from '../../../shared/defendant.schemas.js';
import type { NewDefendant, RegisterProceedingRequest, RequalificationRequest, StageMoveRequest, VerdictRequest } from './justice-api.js';

// What the investigator's forms send, read from what is typed and chosen.
// Drafts hold text as typed and '' for "not chosen"; the server's schemas
// judge the values and answer per field, so nothing here second-guesses them
// beyond dropping rows left blank.

/** One article row: the article chosen from the Code's list, and its part and paragraph as typed. */
export interface ArticleDraft {
  articleId: string;
  part: string;
  paragraph: string;
}

/** One victim row: the NRM case code and the person's role in the proceeding. */
export interface VictimDraft {
  caseCode: string;
  proceduralStatus: ProceduralStatus;
}

export interface RegisterDraft {
  registerNumber: string;
  registeredOn: string;
  registeringOrganizationId: string;
  investigatingOrganizationId: string;
  investigatingUnit: (typeof investigatingUnits)[number] | '';
  regionCode: string;
  articles: ArticleDraft[];
  victims: VictimDraft[];
}

export const emptyArticle: ArticleDraft = { articleId: '', part: '', paragraph: '' };
export const emptyVictim: VictimDraft = { caseCode: '', proceduralStatus: 'victim' };

export function emptyRegisterDraft(organizationId: string, regionCode: string): RegisterDraft {
  return {
    registerNumber: '',
    registeredOn: '',
    registeringOrganizationId: organizationId,
    investigatingOrganizationId: organizationId,
    investigatingUnit: '',
    regionCode,
    articles: [{ ...emptyArticle }],
    // One row to start: most proceedings are registered with the victim who reported it.
    victims: [{ ...emptyVictim }],
  };
}

function articleRowIsBlank(row: ArticleDraft): boolean {
  return row.articleId === '' && row.part.trim() === '' && row.paragraph.trim() === '';
}

/**
 * The articles as the API takes them: rows left blank are dropped; an article
 * left unchosen in a row with a part typed is sent as 0, so that the server
 * names that row's field instead of the row silently vanishing.
 */
export function articlesOf(rows: readonly ArticleDraft[]): RegisterProceedingRequest['articles'] {
  return rows
    .filter((row) => !articleRowIsBlank(row))
    .map((row) => ({
      articleId: row.articleId === '' ? 0 : Number(row.articleId),
      ...(row.part.trim() === '' ? {} : { part: row.part.trim() }),
      ...(row.paragraph.trim() === '' ? {} : { paragraph: row.paragraph.trim().toLowerCase() }),
    }));
}

/** The position in the request of each draft row that is sent, so the server's 'articles.1.part' finds its row on the page. */
export function sentRowIndexes<Row>(rows: readonly Row[], isBlank: (row: Row) => boolean): (number | null)[] {
  let sent = 0;
  return rows.map((row) => (isBlank(row) ? null : sent++));
}

export function articleRowIndexes(rows: readonly ArticleDraft[]): (number | null)[] {
  return sentRowIndexes(rows, articleRowIsBlank);
}

export function victimRowIndexes(rows: readonly VictimDraft[]): (number | null)[] {
  return sentRowIndexes(rows, (row) => row.caseCode.trim() === '');
}

export function registerRequestOf(draft: RegisterDraft): RegisterProceedingRequest {
  return {
    registerNumber: draft.registerNumber.replace(/[\s-]/gu, ''),
    registeredOn: draft.registeredOn,
    registeringOrganizationId: draft.registeringOrganizationId,
    investigatingOrganizationId: draft.investigatingOrganizationId,
    investigatingUnit: draft.investigatingUnit === '' ? null : draft.investigatingUnit,
    regionCode: draft.regionCode,
    articles: articlesOf(draft.articles),
    victims: draft.victims
      .filter((victim) => victim.caseCode.trim() !== '')
      .map((victim) => ({ caseCode: victim.caseCode.trim().toUpperCase(), proceduralStatus: victim.proceduralStatus })),
  };
}

export interface StageMoveDraft {
  stage: ProceedingStageValue | '';
  occurredOn: string;
  reason: string;
}

/** Whether moving to the stage is a move back, which the record keeps with its reason. */
export function moveNeedsReason(nextStages: readonly { stage: ProceedingStageValue; move: 'forward' | 'back' }[], stage: ProceedingStageValue | ''): boolean {
  return nextStages.some((next) => next.stage === stage && next.move === 'back');
}

export function stageMoveRequestOf(draft: StageMoveDraft & { stage: ProceedingStageValue }): StageMoveRequest {
  const reason = draft.reason.trim();
  return { stage: draft.stage, occurredOn: draft.occurredOn, ...(reason === '' ? {} : { reason }) };
}

export interface RequalificationDraft {
  decidedOn: string;
  phase: RequalificationRequest['phase'];
  reason: string;
  articles: ArticleDraft[];
}

export function requalificationRequestOf(draft: RequalificationDraft): RequalificationRequest {
  return { decidedOn: draft.decidedOn, phase: draft.phase, reason: draft.reason, articles: articlesOf(draft.articles) };
}

/** A whole number typed, spaces between thousands allowed ("1 500 000"); null when blank, NaN when not a number. */
export function wholeNumberOf(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '');
  if (compact === '') {
    return null;
  }
  return /^\d{1,15}$/u.test(compact) ? Number(compact) : Number.NaN;
}

/**
 * A term typed as years and months ("3 years 6 months") in months, as the
 * verdict records it: null when both are blank, NaN when either is not a
 * whole number or months reach a year.
 */
export function termMonthsOf(years: string, months: string): number | null {
  const wholeYears = wholeNumberOf(years);
  const wholeMonths = wholeNumberOf(months);
  if (wholeYears === null && wholeMonths === null) {
    return null;
  }
  if (Number.isNaN(wholeYears) || Number.isNaN(wholeMonths) || (wholeMonths ?? 0) > 11) {
    return Number.NaN;
  }
  return (wholeYears ?? 0) * 12 + (wholeMonths ?? 0);
}

/** A term in months as years and months, for showing a sentence. */
export function yearsAndMonthsOf(totalMonths: number): { years: number; months: number } {
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12 };
}

/** Which inputs a sentence of this kind takes: a term, or an amount. */
export function sentenceTakesTerm(kind: SentenceKind | ''): boolean {
  return kind === 'imprisonment' || kind === 'suspended' || kind === 'restricted_freedom';
}

export interface VerdictDraft {
  instance: (typeof verdictInstances)[number];
  decidedOn: string;
  outcome: VerdictOutcome | '';
  convictionArticleId: string;
  convictionPart: string;
  sentenceKind: SentenceKind | '';
  termYears: string;
  termMonths: string;
  fineTenge: string;
  confiscation: boolean;
}

export const emptyVerdictDraft: VerdictDraft = {
  instance: 'first_instance',
  decidedOn: '',
  outcome: '',
  convictionArticleId: '',
  convictionPart: '',
  sentenceKind: '',
  termYears: '',
  termMonths: '',
  fineTenge: '',
  confiscation: false,
};

/**
 * A conviction sends its article and sentence; an acquittal or a dismissal
 * sends neither, whatever was typed before the outcome changed. A term or a
 * fine that is not a whole number is sent as it is, for the server to name.
 */
export function verdictRequestOf(draft: VerdictDraft & { outcome: VerdictOutcome }): VerdictRequest {
  const base = { instance: draft.instance, decidedOn: draft.decidedOn, outcome: draft.outcome };
  if (draft.outcome !== 'convicted') {
    return base;
  }
  const part = draft.convictionPart.trim();
  const kind = draft.sentenceKind;
  const sentence =
    kind === ''
      ? undefined
      : {
          kind,
          months: sentenceTakesTerm(kind) ? termMonthsOf(draft.termYears, draft.termMonths) : null,
          fineTenge: kind === 'fine' ? wholeNumberOf(draft.fineTenge) : null,
          confiscation: draft.confiscation,
        };
  return {
    ...base,
    ...(draft.convictionArticleId === '' ? {} : { convictionArticleId: Number(draft.convictionArticleId) }),
    ...(part === '' ? {} : { convictionPart: part }),
    ...(sentence === undefined ? {} : { sentence }),
  };
}

export interface DefendantDraft {
  familyName: string;
  givenName: string;
  patronymic: string;
  sex: (typeof defendantSexes)[number];
  ageYears: string;
  /** A common country's code, 'stateless', 'unknown', or 'other' with the code typed in otherCitizenship. */
  citizenship: string;
  otherCitizenship: string;
  organizedGroup: boolean;
  role: (typeof defendantRoles)[number];
  proceduralStatus: 'suspect' | 'accused';
}

export const emptyDefendantDraft: DefendantDraft = {
  familyName: '',
  givenName: '',
  patronymic: '',
  sex: 'unknown',
  ageYears: '',
  citizenship: 'KAZ',
  otherCitizenship: '',
  organizedGroup: false,
  role: 'perpetrator',
  proceduralStatus: 'suspect',
};

/** A suspect not yet identified is recorded without an identity; a name, once known, goes to the vault. */
export function defendantRequestOf(draft: DefendantDraft): NewDefendant {
  const name = {
    ...(draft.familyName.trim() === '' ? {} : { family: draft.familyName.trim() }),
    ...(draft.givenName.trim() === '' ? {} : { given: draft.givenName.trim() }),
    ...(draft.patronymic.trim() === '' ? {} : { patronymic: draft.patronymic.trim() }),
  };
  return {
    ...(Object.keys(name).length === 0 ? {} : { identity: { names: [name] } }),
    sex: draft.sex,
    ageYears: wholeNumberOf(draft.ageYears),
    citizenship: draft.citizenship === 'other' ? draft.otherCitizenship.trim().toUpperCase() : draft.citizenship,
    organizedGroup: draft.organizedGroup,
    role: draft.role,
    proceduralStatus: draft.proceduralStatus,
  };
}
