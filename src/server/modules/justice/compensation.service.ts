import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type {
  CivilClaim,
  CivilClaimRequest,
  CivilClaimUpdate,
  FundCompensation,
  FundCompensationRequest,
  FundCompensationUpdate,
  MonthlyCalculationIndex,
} from '../../../shared/case-justice.schemas.js';
import { AppError, justiceRefusal } from '../../../shared/errors.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import { recordCaseEvent } from '../cases/case.repo.js';
import { onCase } from '../cases/case-step.js';
import {
  insertCivilClaim,
  insertFundCompensation,
  selectCivilClaim,
  selectCivilClaims,
  selectFundCompensationForUpdate,
  selectFundCompensations,
  selectLinkedProceeding,
  selectMonthlyCalculationIndex,
  selectMonthlyCalculationIndices,
  updateCivilClaim,
  updateFundCompensation,
  type CivilClaimRow,
  type FundCompensationRow,
} from './case-justice.repo.js';
import { breachRefusal, civilClaimBreach, fundCompensationBreach, mciYearOf, tengeOfMci, type CivilClaimFacts, type FundCompensationFacts } from './compensation.js';

// Compensation, recorded on the victim's case by those who assist her (case
// workers, providers: cases.compensation.record over the case's reach): the
// civil claim in the criminal case and the Victims Compensation Fund. Neither
// depends on her citizenship or on the case being open: compensation often
// comes years after assistance ended.

const isoInstant = (value: Date | string) => new Date(value).toISOString();

export function civilClaimOf(row: CivilClaimRow): CivilClaim {
  return {
    id: row.id,
    caseId: row.case_id,
    proceedingId: row.proceeding_id,
    registerNumber: row.register_number,
    claimedTenge: Number(row.claimed_tenge),
    claimedOn: row.claimed_on,
    awardedTenge: row.awarded_tenge === null ? null : Number(row.awarded_tenge),
    awardedOn: row.awarded_on,
    paidTenge: row.paid_tenge === null ? null : Number(row.paid_tenge),
    paidOn: row.paid_on,
    updatedAt: isoInstant(row.updated_at),
  };
}

export function fundCompensationOf(row: FundCompensationRow): FundCompensation {
  return {
    id: row.id,
    caseId: row.case_id,
    proceedingId: row.proceeding_id,
    registerNumber: row.register_number,
    appliedOn: row.applied_on,
    decision: row.decision,
    decidedOn: row.decided_on,
    amountMci: row.amount_mci === null ? null : Number(row.amount_mci),
    mciYear: row.mci_year,
    mciValueTenge: row.mci_value_tenge,
    amountTenge: row.amount_tenge === null ? null : Number(row.amount_tenge),
    paidOn: row.paid_on,
    refusalReason: row.refusal_reason,
    updatedAt: isoInstant(row.updated_at),
  };
}

async function linkedProceedingOrRefuse(trx: Transaction<Database>, caseId: string, proceedingId: string) {
  const proceeding = await selectLinkedProceeding(trx, caseId, proceedingId);
  if (!proceeding) {
    throw justiceRefusal('proceeding_not_linked', { fields: [{ field: 'body.proceedingId', message: 'not a proceeding linked to this case' }] });
  }
  return proceeding;
}

/** The event on the case's timeline and the audit event, in the step's transaction. */
async function recordCompensationStep(
  trx: Transaction<Database>,
  input: { actor: UserActor; caseId: string; action: AuditAction; origin: RequestOrigin; details: Record<string, string | number | boolean | null> },
): Promise<void> {
  await recordCaseEvent(trx, { caseId: input.caseId, kind: 'proceeding.compensation', actor: input.actor, details: input.details });
  await recordAudit(trx, { actor: input.actor, action: input.action, record: { type: 'case', id: input.caseId }, origin: input.origin, details: input.details });
}

function refuseClaimBreach(claim: CivilClaimFacts, registeredOn: string): void {
  const breach = civilClaimBreach(claim, { today: todayInKazakhstan(), registeredOn });
  if (breach) {
    throw breachRefusal(breach);
  }
}

async function civilClaimAfter(trx: Transaction<Database>, caseId: string, claimId: string): Promise<CivilClaim> {
  const row = (await selectCivilClaims(trx, caseId)).find((claim) => claim.id === claimId);
  if (!row) {
    throw new Error('The civil claim just written is missing');
  }
  return civilClaimOf(row);
}

const claimEventDetails = (claimId: string, proceedingId: string, claim: CivilClaimFacts) => ({
  compensation: 'civil_claim',
  claimId,
  proceedingId,
  claimedTenge: claim.claimedTenge,
  awardedTenge: claim.awardedTenge,
  paidTenge: claim.paidTenge,
});

export async function recordCivilClaim(input: { context: AppContext; actor: UserActor; caseId: string; claim: CivilClaimRequest; origin: RequestOrigin }): Promise<CivilClaim> {
  const { actor, claim } = input;
  return onCase(input.context, actor, 'cases.compensation.record', input.caseId, async (trx, caseRow) => {
    const proceeding = await linkedProceedingOrRefuse(trx, caseRow.id, claim.proceedingId);
    refuseClaimBreach(claim, proceeding.registered_on);
    const id = randomUUID();
    await insertCivilClaim(trx, {
      id,
      proceeding_id: proceeding.id,
      case_id: caseRow.id,
      claimed_tenge: claim.claimedTenge,
      claimed_on: claim.claimedOn,
      awarded_tenge: claim.awardedTenge,
      awarded_on: claim.awardedOn,
      paid_tenge: claim.paidTenge,
      paid_on: claim.paidOn,
      recorded_by: actor.userId,
    });
    await recordCompensationStep(trx, { actor, caseId: caseRow.id, action: 'case.civil_claim_recorded', origin: input.origin, details: claimEventDetails(id, proceeding.id, claim) });
    return civilClaimAfter(trx, caseRow.id, id);
  });
}

export async function updateCivilClaimRecord(input: {
  context: AppContext;
  actor: UserActor;
  caseId: string;
  claimId: string;
  update: CivilClaimUpdate;
  origin: RequestOrigin;
}): Promise<CivilClaim> {
  const { actor, update } = input;
  return onCase(input.context, actor, 'cases.compensation.record', input.caseId, async (trx, caseRow) => {
    const current = await selectCivilClaim(trx, caseRow.id, input.claimId);
    if (!current) {
      throw new AppError('not_found', 'No such civil claim on this case');
    }
    const proceeding = await linkedProceedingOrRefuse(trx, caseRow.id, update.proceedingId ?? current.proceeding_id);
    const next: CivilClaimFacts = {
      claimedTenge: update.claimedTenge ?? Number(current.claimed_tenge),
      claimedOn: update.claimedOn ?? current.claimed_on,
      awardedTenge: update.awardedTenge === undefined ? current.awarded_tenge : update.awardedTenge,
      awardedOn: update.awardedOn === undefined ? current.awarded_on : update.awardedOn,
      paidTenge: update.paidTenge === undefined ? current.paid_tenge : update.paidTenge,
      paidOn: update.paidOn === undefined ? current.paid_on : update.paidOn,
    };
    refuseClaimBreach(next, proceeding.registered_on);
    await updateCivilClaim(trx, current.id, {
      proceeding_id: proceeding.id,
      claimed_tenge: next.claimedTenge,
      claimed_on: next.claimedOn,
      awarded_tenge: next.awardedTenge,
      awarded_on: next.awardedOn,
      paid_tenge: next.paidTenge,
      paid_on: next.paidOn,
    });
    await recordCompensationStep(trx, { actor, caseId: caseRow.id, action: 'case.civil_claim_updated', origin: input.origin, details: claimEventDetails(current.id, proceeding.id, next) });
    return civilClaimAfter(trx, caseRow.id, current.id);
  });
}

/**
 * The rules, then the tenge of a grant at the MCI of the year of the
 * decision, copied onto the row so that what was paid stays what it was.
 */
async function fundCompensationValues(trx: Transaction<Database>, facts: FundCompensationFacts) {
  const breach = fundCompensationBreach(facts, { today: todayInKazakhstan() });
  if (breach) {
    throw breachRefusal(breach);
  }
  if (facts.decision !== 'granted' || facts.amountMci === null || facts.decidedOn === null) {
    return { mci_year: null, amount_tenge: null };
  }
  const year = mciYearOf(facts.decidedOn);
  const value = await selectMonthlyCalculationIndex(trx, year);
  if (value === null) {
    throw justiceRefusal('mci_year_unknown', { detail: `No monthly calculation index is known for ${year}`, fields: [{ field: 'body.decidedOn', message: `no MCI for ${year}` }] });
  }
  return { mci_year: year, amount_tenge: tengeOfMci(facts.amountMci, value) };
}

async function fundCompensationAfter(trx: Transaction<Database>, caseId: string, compensationId: string): Promise<FundCompensation> {
  const [row] = await selectFundCompensations(trx, caseId, compensationId);
  if (!row) {
    throw new Error('The fund compensation just written is missing');
  }
  return fundCompensationOf(row);
}

const fundEventDetails = (compensationId: string, facts: FundCompensationFacts & { proceedingId: string | null }, amountTenge: number | null) => ({
  compensation: 'fund',
  compensationId,
  proceedingId: facts.proceedingId,
  decision: facts.decision,
  amountMci: facts.amountMci,
  amountTenge,
  paidOn: facts.paidOn,
});

export async function recordFundCompensation(input: {
  context: AppContext;
  actor: UserActor;
  caseId: string;
  compensation: FundCompensationRequest;
  origin: RequestOrigin;
}): Promise<FundCompensation> {
  const { actor, compensation } = input;
  return onCase(input.context, actor, 'cases.compensation.record', input.caseId, async (trx, caseRow) => {
    if (compensation.proceedingId !== null) {
      await linkedProceedingOrRefuse(trx, caseRow.id, compensation.proceedingId);
    }
    const computed = await fundCompensationValues(trx, compensation);
    const id = randomUUID();
    await insertFundCompensation(trx, {
      id,
      case_id: caseRow.id,
      proceeding_id: compensation.proceedingId,
      applied_on: compensation.appliedOn,
      decision: compensation.decision,
      decided_on: compensation.decidedOn,
      amount_mci: compensation.amountMci,
      ...computed,
      paid_on: compensation.paidOn,
      refusal_reason: compensation.refusalReason,
      recorded_by: actor.userId,
    });
    await recordCompensationStep(trx, {
      actor,
      caseId: caseRow.id,
      action: 'case.fund_compensation_recorded',
      origin: input.origin,
      details: fundEventDetails(id, compensation, computed.amount_tenge),
    });
    return fundCompensationAfter(trx, caseRow.id, id);
  });
}

export async function updateFundCompensationRecord(input: {
  context: AppContext;
  actor: UserActor;
  caseId: string;
  compensationId: string;
  update: FundCompensationUpdate;
  origin: RequestOrigin;
}): Promise<FundCompensation> {
  const { actor, update } = input;
  return onCase(input.context, actor, 'cases.compensation.record', input.caseId, async (trx, caseRow) => {
    const current = await selectFundCompensationForUpdate(trx, caseRow.id, input.compensationId);
    if (!current) {
      throw new AppError('not_found', 'No such fund compensation on this case');
    }
    const next = {
      proceedingId: update.proceedingId === undefined ? current.proceeding_id : update.proceedingId,
      appliedOn: update.appliedOn ?? current.applied_on,
      decision: update.decision ?? current.decision,
      decidedOn: update.decidedOn === undefined ? current.decided_on : update.decidedOn,
      amountMci: update.amountMci === undefined ? (current.amount_mci === null ? null : Number(current.amount_mci)) : update.amountMci,
      paidOn: update.paidOn === undefined ? current.paid_on : update.paidOn,
      refusalReason: update.refusalReason === undefined ? current.refusal_reason : update.refusalReason,
    };
    if (update.proceedingId !== undefined && update.proceedingId !== null) {
      await linkedProceedingOrRefuse(trx, caseRow.id, update.proceedingId);
    }
    const computed = await fundCompensationValues(trx, next);
    await updateFundCompensation(trx, current.id, {
      proceeding_id: next.proceedingId,
      applied_on: next.appliedOn,
      decision: next.decision,
      decided_on: next.decidedOn,
      amount_mci: next.amountMci,
      ...computed,
      paid_on: next.paidOn,
      refusal_reason: next.refusalReason,
    });
    await recordCompensationStep(trx, {
      actor,
      caseId: caseRow.id,
      action: 'case.fund_compensation_updated',
      origin: input.origin,
      details: fundEventDetails(current.id, next, computed.amount_tenge),
    });
    return fundCompensationAfter(trx, caseRow.id, current.id);
  });
}

/** The MCI by year, for forms that show the tenge of an amount as it is typed. */
export async function listMonthlyCalculationIndices(input: { context: AppContext }): Promise<{ items: MonthlyCalculationIndex[] }> {
  const rows = await selectMonthlyCalculationIndices(input.context.database.db);
  return { items: rows.map((row) => ({ year: row.year, valueTenge: row.value_tenge })) };
}
