import type { z } from 'zod';
import {
  defendantIdentityRecordSchema,
  defendantSchema,
  verdictRecordedSchema,
  type createDefendantRequestSchema,
  type verdictRequestSchema,
} from '../../../shared/defendant.schemas.js';
import {
  caseLinkSchema,
  proceedingReceiptSchema,
  proceedingSummarySchema,
  type caseLinkUpdateRequestSchema,
  type linkCaseRequestSchema,
  type ProceedingListQuery,
  type registerProceedingRequestSchema,
  type requalificationRequestSchema,
  type stageMoveRequestSchema,
} from '../../../shared/proceeding.schemas.js';
import { getJson, sendJson } from '../../api-client.js';

// The criminal-justice API as the investigator's pages call it.

export type ProceedingSummary = z.infer<typeof proceedingSummarySchema>;
export type CaseLink = z.infer<typeof caseLinkSchema>;
export type Defendant = z.infer<typeof defendantSchema>;
export type Verdict = NonNullable<Defendant['verdictInForce']>;
export type DefendantIdentityRecord = z.infer<typeof defendantIdentityRecordSchema>;
export type VerdictRecorded = z.infer<typeof verdictRecordedSchema>;

export type RegisterProceedingRequest = z.input<typeof registerProceedingRequestSchema>;
export type StageMoveRequest = z.input<typeof stageMoveRequestSchema>;
export type RequalificationRequest = z.input<typeof requalificationRequestSchema>;
export type LinkCaseRequest = z.input<typeof linkCaseRequestSchema>;
export type CaseLinkUpdate = z.input<typeof caseLinkUpdateRequestSchema>;
export type NewDefendant = z.input<typeof createDefendantRequestSchema>;
export type VerdictRequest = z.input<typeof verdictRequestSchema>;

export const proceedingsPath = '/api/v1/proceedings';

export function proceedingPath(proceedingId: string): string {
  return `${proceedingsPath}/${encodeURIComponent(proceedingId)}`;
}

export function defendantsPath(proceedingId: string): string {
  return `${proceedingPath(proceedingId)}/defendants`;
}

function defendantPath(proceedingId: string, defendantId: string): string {
  return `${defendantsPath(proceedingId)}/${encodeURIComponent(defendantId)}`;
}

export function proceedingLink(proceedingId: string): string {
  return `/proceedings/${encodeURIComponent(proceedingId)}`;
}

/** The list request: only what is set, so the API's defaults apply to the rest. */
export function proceedingListPath(query: Partial<ProceedingListQuery>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(name, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? proceedingsPath : `${proceedingsPath}?${search}`;
}

/** The articles of the Code in force on a registration date (or of every edition, without one). */
export function articleChoicesPath(on: string | null): string {
  return on === null ? `${proceedingsPath}/articles` : `${proceedingsPath}/articles?on=${encodeURIComponent(on)}`;
}

export function registerProceeding(request: RegisterProceedingRequest): Promise<z.infer<typeof proceedingReceiptSchema>> {
  return sendJson('POST', proceedingsPath, { schema: proceedingReceiptSchema, body: request });
}

export function moveToStage(proceedingId: string, request: StageMoveRequest): Promise<ProceedingSummary> {
  return sendJson('POST', `${proceedingPath(proceedingId)}/stage`, { schema: proceedingSummarySchema, body: request });
}

export function requalify(proceedingId: string, request: RequalificationRequest): Promise<ProceedingSummary> {
  return sendJson('POST', `${proceedingPath(proceedingId)}/qualifications`, { schema: proceedingSummarySchema, body: request });
}

export function linkCase(proceedingId: string, request: LinkCaseRequest): Promise<CaseLink> {
  return sendJson('POST', `${proceedingPath(proceedingId)}/cases`, { schema: caseLinkSchema, body: request });
}

export function updateCaseLink(proceedingId: string, caseId: string, update: CaseLinkUpdate): Promise<CaseLink> {
  return sendJson('PATCH', `${proceedingPath(proceedingId)}/cases/${encodeURIComponent(caseId)}`, { schema: caseLinkSchema, body: update });
}

export function recordDefendant(proceedingId: string, defendant: NewDefendant): Promise<Defendant> {
  return sendJson('POST', defendantsPath(proceedingId), { schema: defendantSchema, body: defendant });
}

/** Opens a defendant's sealed identity: the server records who opened it and why. */
export function openDefendantIdentity(proceedingId: string, defendantId: string, purpose: string): Promise<DefendantIdentityRecord> {
  return getJson(`${defendantPath(proceedingId, defendantId)}/identity?purpose=${encodeURIComponent(purpose)}`, { schema: defendantIdentityRecordSchema });
}

export function recordVerdict(proceedingId: string, defendantId: string, verdict: VerdictRequest): Promise<VerdictRecorded> {
  return sendJson('POST', `${defendantPath(proceedingId, defendantId)}/verdicts`, { schema: verdictRecordedSchema, body: verdict });
}
