import { z } from 'zod';
import {
  anonymousNotificationListSchema,
  anonymousNotificationSchema,
  caseDetailSchema,
  caseEventListSchema,
  caseListSchema,
  caseServiceSchema,
  caseSummarySchema,
  childProtectionSchema,
  consentSchema,
  identificationDecisionSchema,
  intakeReceiptListSchema,
  intakeReceiptSchema,
  migrationStatusSchema,
  providerListSchema,
  questionnaireListSchema,
  questionnaireSchema,
  referralListSchema,
  referralSchema,
  screeningSchema,
  type anonymousNotificationRequestSchema,
  type caseListQuerySchema,
  type childProtectionRequestSchema,
  type closureRequestSchema,
  type consentInputSchema,
  type followUpRequestSchema,
  type identificationRequestSchema,
  type intakeRequestSchema,
  type migrationStatusRequestSchema,
  type newQuestionnaireRequestSchema,
  type providerQuerySchema,
  type referralRequestSchema,
  type referralResponseRequestSchema,
  type reopenRequestSchema,
  type screeningRequestSchema,
  type serviceRequestSchema,
  type serviceUpdateRequestSchema,
} from '../../../shared/case.schemas.js';
import { personIdentityRecordSchema, personSearchResultSchema, type personSearchRequestSchema } from '../../../shared/person.schemas.js';
import { getJson, sendJson } from '../../api-client.js';

// Responses
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type CaseList = z.infer<typeof caseListSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseEvent = z.infer<typeof caseEventListSchema>['items'][number];
export type CaseEventList = z.infer<typeof caseEventListSchema>;
export type CaseConsent = z.infer<typeof consentSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Screening = z.infer<typeof screeningSchema>;
export type IdentificationDecision = z.infer<typeof identificationDecisionSchema>;
export type Referral = z.infer<typeof referralSchema>;
export type ReferralList = z.infer<typeof referralListSchema>;
export type ReferralStatus = Referral['status'];
export type Provider = z.infer<typeof providerListSchema>['items'][number];
export type CaseService = z.infer<typeof caseServiceSchema>;
export type MigrationStatus = z.infer<typeof migrationStatusSchema>;
export type ChildProtection = z.infer<typeof childProtectionSchema>;
export type IntakeReceipt = z.infer<typeof intakeReceiptSchema>;
export type IntakeReceiptList = z.infer<typeof intakeReceiptListSchema>;
export type AnonymousNotification = z.infer<typeof anonymousNotificationSchema>;
export type CaseWorker = z.infer<typeof caseWorkersSchema>['workers'][number];
export type PersonIdentityRecord = z.infer<typeof personIdentityRecordSchema>;

// Requests: the input side, so defaults may be left out
export type IntakeRequest = z.input<typeof intakeRequestSchema>;
export type CaseWorklist = z.infer<typeof caseListQuerySchema>['list'];
/** The list's query as the address carries it; unset values are left out. */
export type CaseListQuery = Partial<z.infer<typeof caseListQuerySchema>>;
export type ConsentInput = z.input<typeof consentInputSchema>;
export type NewQuestionnaire = z.input<typeof newQuestionnaireRequestSchema>;
export type ScreeningRequest = z.input<typeof screeningRequestSchema>;
export type IdentificationRequest = z.input<typeof identificationRequestSchema>;
export type ReferralRequest = z.input<typeof referralRequestSchema>;
export type ReferralResponse = z.input<typeof referralResponseRequestSchema>;
export type ProviderQuery = z.input<typeof providerQuerySchema>;
export type ServiceRequest = z.input<typeof serviceRequestSchema>;
export type ServiceUpdate = z.input<typeof serviceUpdateRequestSchema>;
export type MigrationStatusRequest = z.input<typeof migrationStatusRequestSchema>;
export type ChildProtectionRequest = z.input<typeof childProtectionRequestSchema>;
export type ClosureRequest = z.input<typeof closureRequestSchema>;
export type FollowUpRequest = z.input<typeof followUpRequestSchema>;
export type ReopenRequest = z.input<typeof reopenRequestSchema>;
export type AnonymousNotificationRequest = z.input<typeof anonymousNotificationRequestSchema>;
export type PersonSearchRequest = z.input<typeof personSearchRequestSchema>;
export type SummaryLanguage = 'ru' | 'en' | 'kk';

const api = '/api/v1';
const caseWorkersSchema = z.object({ workers: z.array(z.object({ userId: z.uuid(), organizationId: z.uuid() })) });

/** A query string of the defined values only, in the order given; '' when there are none. */
export function queryString(values: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function casePath(caseId: string): string {
  return `${api}/cases/${encodeURIComponent(caseId)}`;
}

/** The page of a case in the web app (not the API). */
export function caseLink(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}

// --- Paths for reads (useApiQuery takes a path and a schema) --------------

export function caseListPath(query: CaseListQuery): string {
  return `${api}/cases${queryString({ ...query })}`;
}

export function intakeReceiptsPath(limit: number, offset: number): string {
  return `${api}/cases/intakes${queryString({ limit, offset })}`;
}

export function caseDetailPath(caseId: string): string {
  return casePath(caseId);
}

export function caseEventsPath(caseId: string, limit: number, offset: number): string {
  return `${casePath(caseId)}/events${queryString({ limit, offset })}`;
}

export function questionnairesPath(audience?: 'adult' | 'child'): string {
  return `${api}/screening/questionnaires${queryString({ audience })}`;
}

export function incomingReferralsPath(status: ReferralStatus | undefined, limit: number, offset: number): string {
  return `${api}/referrals/incoming${queryString({ status, limit, offset })}`;
}

export function referralProvidersPath(query: ProviderQuery): string {
  return `${api}/referral-providers${queryString({ regionCode: query.regionCode, serviceType: query.serviceType })}`;
}

export function anonymousNotificationsPath(limit: number, offset: number): string {
  return `${api}/anonymous-notifications${queryString({ limit, offset })}`;
}

/** A download link (the browser opens the PDF itself); the identity needs a purpose, which is audited. */
export function caseSummaryPdfPath(caseId: string, options: { language: SummaryLanguage; includeIdentity?: boolean; purpose?: string }): string {
  return `${casePath(caseId)}/summary.pdf${queryString({
    language: options.language,
    includeIdentity: options.includeIdentity === true ? 'true' : undefined,
    purpose: options.includeIdentity === true ? options.purpose : undefined,
  })}`;
}

// --- Reads as functions, for code that is not a component -----------------

export function fetchCases(query: CaseListQuery, signal?: AbortSignal): Promise<CaseList> {
  return getJson(caseListPath(query), { schema: caseListSchema, signal });
}

export function fetchIntakeReceipts(limit: number, offset: number, signal?: AbortSignal): Promise<IntakeReceiptList> {
  return getJson(intakeReceiptsPath(limit, offset), { schema: intakeReceiptListSchema, signal });
}

export function fetchCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return getJson(caseDetailPath(caseId), { schema: caseDetailSchema, signal });
}

export function fetchCaseEvents(caseId: string, limit: number, offset: number, signal?: AbortSignal): Promise<CaseEventList> {
  return getJson(caseEventsPath(caseId, limit, offset), { schema: caseEventListSchema, signal });
}

export function fetchQuestionnaires(audience?: 'adult' | 'child', signal?: AbortSignal): Promise<Questionnaire[]> {
  return getJson(questionnairesPath(audience), { schema: questionnaireListSchema, signal }).then((list) => list.items);
}

export function fetchIncomingReferrals(status: ReferralStatus | undefined, limit: number, offset: number, signal?: AbortSignal): Promise<ReferralList> {
  return getJson(incomingReferralsPath(status, limit, offset), { schema: referralListSchema, signal });
}

export function fetchReferralProviders(query: ProviderQuery, signal?: AbortSignal): Promise<Provider[]> {
  return getJson(referralProvidersPath(query), { schema: providerListSchema, signal }).then((list) => list.items);
}

export function fetchAnonymousNotifications(limit: number, offset: number, signal?: AbortSignal): Promise<z.infer<typeof anonymousNotificationListSchema>> {
  return getJson(anonymousNotificationsPath(limit, offset), { schema: anonymousNotificationListSchema, signal });
}

// --- Changes ---------------------------------------------------------------

export function recordIntake(intake: IntakeRequest): Promise<IntakeReceipt> {
  return sendJson('POST', `${api}/cases`, { schema: intakeReceiptSchema, body: intake });
}

export function recordConsent(caseId: string, consent: ConsentInput): Promise<CaseConsent> {
  return sendJson('POST', `${casePath(caseId)}/consents`, { schema: consentSchema, body: consent });
}

export function withdrawConsent(caseId: string, consentId: string): Promise<CaseConsent> {
  return sendJson('POST', `${casePath(caseId)}/consents/${encodeURIComponent(consentId)}/withdraw`, { schema: consentSchema });
}

export function createQuestionnaire(questionnaire: NewQuestionnaire): Promise<Questionnaire> {
  return sendJson('POST', `${api}/screening/questionnaires`, { schema: questionnaireSchema, body: questionnaire });
}

export function recordScreening(caseId: string, screening: ScreeningRequest): Promise<Screening> {
  return sendJson('POST', `${casePath(caseId)}/screenings`, { schema: screeningSchema, body: screening });
}

export function decideIdentification(caseId: string, decision: IdentificationRequest): Promise<IdentificationDecision> {
  return sendJson('POST', `${casePath(caseId)}/identification-decisions`, { schema: identificationDecisionSchema, body: decision });
}

export function requestReferral(caseId: string, referral: ReferralRequest): Promise<Referral> {
  return sendJson('POST', `${casePath(caseId)}/referrals`, { schema: referralSchema, body: referral });
}

export function respondToReferral(referralId: string, response: ReferralResponse): Promise<Referral> {
  return sendJson('POST', `${api}/referrals/${encodeURIComponent(referralId)}/response`, { schema: referralSchema, body: response });
}

export function recordService(caseId: string, service: ServiceRequest): Promise<CaseService> {
  return sendJson('POST', `${casePath(caseId)}/services`, { schema: caseServiceSchema, body: service });
}

export function updateService(caseId: string, serviceId: string, update: ServiceUpdate): Promise<CaseService> {
  return sendJson('PUT', `${casePath(caseId)}/services/${encodeURIComponent(serviceId)}`, { schema: caseServiceSchema, body: update });
}

export function updateMigrationStatus(caseId: string, status: MigrationStatusRequest): Promise<MigrationStatus> {
  return sendJson('PUT', `${casePath(caseId)}/migration-status`, { schema: migrationStatusSchema, body: status });
}

export function updateChildProtection(caseId: string, protection: ChildProtectionRequest): Promise<ChildProtection> {
  return sendJson('PUT', `${casePath(caseId)}/child-protection`, { schema: childProtectionSchema, body: protection });
}

export function nameCaseWorker(caseId: string, email: string): Promise<CaseWorker[]> {
  return sendJson('POST', `${casePath(caseId)}/workers`, { schema: caseWorkersSchema, body: { email } }).then((answer) => answer.workers);
}

export function closeCase(caseId: string, closure: ClosureRequest): Promise<CaseSummary> {
  return sendJson('POST', `${casePath(caseId)}/closure`, { schema: caseSummarySchema, body: closure });
}

export function recordFollowUp(caseId: string, followUp: FollowUpRequest): Promise<CaseSummary> {
  return sendJson('POST', `${casePath(caseId)}/follow-ups`, { schema: caseSummarySchema, body: followUp });
}

export function reopenCase(caseId: string, reopen: ReopenRequest): Promise<CaseSummary> {
  return sendJson('POST', `${casePath(caseId)}/reopen`, { schema: caseSummarySchema, body: reopen });
}

export function recordAnonymousNotification(notification: AnonymousNotificationRequest): Promise<AnonymousNotification> {
  return sendJson('POST', `${api}/anonymous-notifications`, { schema: anonymousNotificationSchema, body: notification });
}

// --- Persons (existing routes the case screens need) ----------------------

/** Audited on the server: the purpose is kept with who searched. Answers person ids only. */
export function searchPersons(search: PersonSearchRequest): Promise<{ personId: string; matchedOn: string[] }[]> {
  return sendJson('POST', `${api}/persons/search`, { schema: personSearchResultSchema, body: search }).then((result) => result.items);
}

/** Audited on the server, like the search. */
export function fetchPersonIdentity(personId: string, purpose: string, signal?: AbortSignal): Promise<PersonIdentityRecord> {
  return getJson(`${api}/persons/${encodeURIComponent(personId)}/identity${queryString({ purpose })}`, { schema: personIdentityRecordSchema, signal });
}
