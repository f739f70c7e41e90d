import {
  civilClaimSchema,
  fundCompensationSchema,
  type CivilClaim,
  type CivilClaimRequest,
  type CivilClaimUpdate,
  type FundCompensation,
  type FundCompensationRequest,
  type FundCompensationUpdate,
} from '../../../shared/case-justice.schemas.js';
import { sendJson } from '../../api-client.js';

// The case's side of criminal justice: the proceedings linked to the case as
// its workers may see them, and the compensation they record on it.

const api = '/api/v1';

function casePath(caseId: string): string {
  return `${api}/cases/${encodeURIComponent(caseId)}`;
}

export function caseProceedingsPath(caseId: string): string {
  return `${casePath(caseId)}/proceedings`;
}

export const monthlyCalculationIndicesPath = `${api}/reference/monthly-calculation-indices`;

export function recordCivilClaim(caseId: string, claim: CivilClaimRequest): Promise<CivilClaim> {
  return sendJson('POST', `${casePath(caseId)}/civil-claims`, { schema: civilClaimSchema, body: claim });
}

export function updateCivilClaim(caseId: string, claimId: string, update: CivilClaimUpdate): Promise<CivilClaim> {
  return sendJson('PATCH', `${casePath(caseId)}/civil-claims/${encodeURIComponent(claimId)}`, { schema: civilClaimSchema, body: update });
}

export function recordFundCompensation(caseId: string, compensation: FundCompensationRequest): Promise<FundCompensation> {
  return sendJson('POST', `${casePath(caseId)}/fund-compensations`, { schema: fundCompensationSchema, body: compensation });
}

export function updateFundCompensation(caseId: string, compensationId: string, update: FundCompensationUpdate): Promise<FundCompensation> {
  return sendJson('PATCH', `${casePath(caseId)}/fund-compensations/${encodeURIComponent(compensationId)}`, { schema: fundCompensationSchema, body: update });
}
