import type { z } from 'zod';
import {
  delphiDimensions,
  pathwaySteps,
  type caseDetailSchema,
  type DelphiDimension,
  type PathwayStep,
  type questionnaireSchema,
  type ScreeningAssessment,
} from '../../../shared/case.schemas.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';

// What the case page derives from a case: plain functions over the API's data,
// so that the page's rules are tested without a browser.

type CaseDetail = z.infer<typeof caseDetailSchema>;
type Questionnaire = z.infer<typeof questionnaireSchema>;
type Indicator = Questionnaire['definition']['indicators'][number];

/** Anchors of the case page's sections, for its table of contents, in the order of the page. */
export const caseSectionIds = {
  consents: 'case-consents',
  screening: 'case-screening',
  identification: 'case-identification',
  referrals: 'case-referrals',
  services: 'case-services',
  foreign: 'case-foreign',
  child: 'case-child',
  workers: 'case-workers',
  closure: 'case-closure',
  justice: 'case-justice',
  identity: 'case-identity',
  timeline: 'case-timeline',
} as const;

export type CaseSectionKey = keyof typeof caseSectionIds;

/** The sections a case shows: the foreign person's and the child's only where they apply, naming workers only while it is open. */
export function caseSections(summary: { foreign: boolean; child: boolean; status: 'active' | 'follow_up' | 'closed' }): CaseSectionKey[] {
  const shown = (key: CaseSectionKey): boolean =>
    (key !== 'foreign' || summary.foreign) && (key !== 'child' || summary.child) && (key !== 'workers' || summary.status !== 'closed');
  return (Object.keys(caseSectionIds) as CaseSectionKey[]).filter(shown);
}

export type StepState = 'done' | 'current' | 'upcoming';

/** The pathway as the header draws it; 'closed' is where it ends, not a step anyone works on. */
export const shownSteps: readonly PathwayStep[] = pathwaySteps.filter((step) => step !== 'closed');

export function pathwayProgress(current: PathwayStep): { step: PathwayStep; state: StepState }[] {
  const position = current === 'closed' ? shownSteps.length : shownSteps.indexOf(current);
  return shownSteps.map((step, index) => ({ step, state: index < position ? 'done' : index === position ? 'current' : 'upcoming' }));
}

/** The newest active questionnaire for the person's age group: a child is screened with the child's indicators. */
export function questionnaireFor(questionnaires: readonly Questionnaire[], child: boolean): Questionnaire | null {
  const audience = child ? 'child' : 'adult';
  const candidates = questionnaires.filter((questionnaire) => questionnaire.active && questionnaire.audience === audience);
  return candidates.reduce<Questionnaire | null>((newest, candidate) => (newest === null || candidate.version > newest.version ? candidate : newest), null);
}

export interface IndicatorGroup {
  dimension: DelphiDimension;
  indicators: Indicator[];
}

/** Indicators under their Delphi dimension, in the order of the rule; empty dimensions left out. */
export function indicatorsByDimension(questionnaire: Questionnaire): IndicatorGroup[] {
  return delphiDimensions
    .map((dimension) => ({ dimension, indicators: questionnaire.definition.indicators.filter((indicator) => indicator.dimension === dimension) }))
    .filter((group) => group.indicators.length > 0);
}

/** Kazakh wording is optional in a questionnaire: a Kazakh reader gets the Russian one where it is missing. */
export function indicatorText(indicator: Pick<Indicator, 'text'>, language: UiLanguage): string {
  return language === 'kk' ? (indicator.text.kk ?? indicator.text.ru) : indicator.text[language];
}

export type Answer = 'yes' | 'no' | 'unknown';

/** Every indicator of the questionnaire answered: what the worker did not ask stays 'unknown'. */
export function screeningAnswers(questionnaire: Questionnaire, answers: Readonly<Record<string, Answer>>): { indicatorCode: string; answer: Answer }[] {
  return questionnaire.definition.indicators.map((indicator) => ({ indicatorCode: indicator.code, answer: answers[indicator.code] ?? 'unknown' }));
}

/** The dimensions the Delphi rule found positive, with the counts that made them so. */
export function positiveDimensions(assessment: ScreeningAssessment): ScreeningAssessment['dimensions'] {
  return assessment.dimensions.filter((result) => result.positive);
}

/**
 * Who may be named as provider of a service: the organization that owns the
 * case, and every organization that accepted a referral for it (the API refuses
 * the others).
 */
export function serviceProviders(detail: { summary: Pick<CaseDetail['summary'], 'ownerOrganizationId'>; referrals: CaseDetail['referrals'] }): string[] {
  const accepted = detail.referrals.filter((referral) => referral.status === 'accepted').map((referral) => referral.toOrganizationId);
  return [...new Set([detail.summary.ownerOrganizationId, ...accepted])];
}

/**
 * Records under their organization, in the order organizations first appear:
 * the header lists each organization once, with its bases of involvement or
 * its number of named workers (the page knows their organizations, not their names).
 */
export function byOrganization<Item extends { organizationId: string }>(items: readonly Item[]): { organizationId: string; items: Item[] }[] {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    groups.set(item.organizationId, [...(groups.get(item.organizationId) ?? []), item]);
  }
  return [...groups].map(([organizationId, grouped]) => ({ organizationId, items: grouped }));
}

/** Referrals to the user's organization still waiting for its answer. */
export function referralsAwaiting(detail: Pick<CaseDetail, 'referrals'>, organizationId: string): CaseDetail['referrals'] {
  return detail.referrals.filter((referral) => referral.status === 'pending' && referral.toOrganizationId === organizationId);
}

/** Consents that are given and not withdrawn: only these can be withdrawn. */
export function isWithdrawable(consent: CaseDetail['consents'][number]): boolean {
  return consent.given && consent.withdrawnAt === null;
}

/** Planned or in-progress services keep a case from closing. */
export function openServices(detail: Pick<CaseDetail, 'services'>): number {
  return detail.services.filter((service) => service.status === 'planned' || service.status === 'in_progress').length;
}

/** Events per page of the case's timeline. */
export const timelinePageSize = 20;

export const knownEventKinds = [
  'case.created',
  'consent.recorded',
  'consent.withdrawn',
  'screening.recorded',
  'identification.decided',
  'referral.requested',
  'referral.accepted',
  'referral.declined',
  'service.recorded',
  'service.updated',
  'migration_status.updated',
  'child_protection.updated',
  'worker.named',
  'case.closed',
  'follow_up.recorded',
  'case.reopened',
  'case.follow_up_ended',
  // Written by the justice module to each case linked to a proceeding (server: justice/proceeding-movement.ts).
  'proceeding.linked',
  'proceeding.stage_changed',
  'proceeding.requalified',
  'proceeding.verdict',
  'proceeding.protection',
  'proceeding.compensation',
] as const;

export type KnownEventKind = (typeof knownEventKinds)[number];
type Underscored<Kind> = Kind extends `${infer Head}.${infer Tail}` ? `${Head}_${Tail}` : never;
export type EventKindKey = Underscored<KnownEventKind>;

/** The translation key of an event's kind ('case.created' → 'case_created'), or null for a kind this page does not know yet. */
export function eventKindKey(kind: string): EventKindKey | null {
  const known = knownEventKinds.find((candidate) => candidate === kind);
  return known === undefined ? null : (known.replace('.', '_') as EventKindKey);
}

/** Text for 'YYYY-MM-DD' inputs: '' is "not given", which the API takes as null. */
export function optionalDate(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** The option a select answered, narrowed to its list; the fallback for anything else. */
export function oneOf<Value extends string>(options: readonly Value[], value: string, fallback: Value): Value {
  return options.find((option) => option === value) ?? fallback;
}
