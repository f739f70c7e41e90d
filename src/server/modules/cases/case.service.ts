import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  CaseDetail,
  caseListQuerySchema,
  childProtectionRequestSchema,
  closureRequestSchema,
  consentInputSchema,
  followUpRequestSchema,
  IntakeRequest,
  migrationStatusRequestSchema,
  reopenRequestSchema,
} from '../../../shared/case.schemas.js';
import { AppError, pathwayRefusal } from '../../../shared/errors.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import type { PersonIdentity } from '../../../shared/person.schemas.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { requirePermission } from '../../platform/policy.js';
import { sealJson } from '../../platform/vault/cipher.js';
import { staffEmailDigests } from '../../platform/vault/staff-email.js';
import { identityDigests, identityAad } from '../persons/person.service.js';
import { insertDigests, insertIdentityVersion, insertInvolvement, insertPerson, selectPerson } from '../persons/person.repo.js';
import { caseReachOf, childCase, isLawEnforcement, type CaseReach } from './case-access.js';
import { newCaseCode } from './case-code.js';
import { closureRefusal, decisionDueOn, dueNext, isChild, isForeign, pathwayFactsOf, reflectionEndsOn, daysUntil } from './case-pathway.js';
import { caseById, casesInReach, caseWithRecords, pageOfCases, recordCaseEvent, refreshStep, selectCases, servicesOf, totalOfPage, type CaseRow } from './case.repo.js';
import { caseSummaryOf, consentOf, decisionOf, referralOf, serviceOf } from './case-view.js';
import { requestReferral } from './referral.service.js';
import { screeningOf } from './screening.service.js';
import { isoDateOf, subtractWorkingDays } from './working-days.js';
import { onCase, recordStep } from './case-step.js';

async function regionIdOf(trx: Transaction<Database>, regionCode: string): Promise<number> {
  const region = await trx.selectFrom('regions').select('id').where('code', '=', regionCode).executeTakeFirst();
  if (!region) {
    throw new AppError('validation_failed', `Unknown region ${regionCode}`, { fields: [{ field: 'body.regionCode', message: 'no such region' }] });
  }
  return region.id;
}

/** Grants or takes back the involvement that lets police see the case, as consent is given or withdrawn. */
async function syncPoliceInvolvement(trx: Transaction<Database>, personId: string, organizationId: string, grantedBy: string): Promise<void> {
  const active = await trx
    .selectFrom('case_consents')
    .innerJoin('nrm_cases', 'nrm_cases.id', 'case_consents.case_id')
    .select('case_consents.id')
    .where('nrm_cases.person_id', '=', personId)
    .where('case_consents.scope', '=', 'police_sharing')
    .where('case_consents.organization_id', '=', organizationId)
    .where('case_consents.given', '=', true)
    .where('case_consents.withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (active) {
    await insertInvolvement(trx, { personId, organizationId, basis: 'police_consent', grantedBy });
  } else {
    await trx.deleteFrom('person_involvements').where('person_id', '=', personId).where('organization_id', '=', organizationId).where('basis', '=', 'police_consent').execute();
  }
}

async function validateConsentOrganization(trx: Transaction<Database>, consent: z.infer<typeof consentInputSchema>, field: string): Promise<void> {
  if (consent.scope === 'processing' && consent.organizationId !== null) {
    throw new AppError('validation_failed', 'Consent to processing is not given to one organization', { fields: [{ field, message: 'leave empty for processing' }] });
  }
  if (consent.scope === 'police_sharing') {
    if (consent.organizationId === null) {
      throw new AppError('validation_failed', 'Name the police body the person agreed to share with', { fields: [{ field, message: 'required for police sharing' }] });
    }
    if (!(await isLawEnforcement(trx, consent.organizationId))) {
      throw new AppError('validation_failed', 'The organization is not a law-enforcement body', { fields: [{ field, message: 'not a law-enforcement body' }] });
    }
  } else if (consent.organizationId !== null) {
    const exists = await trx.selectFrom('organizations').select('id').where('id', '=', consent.organizationId).executeTakeFirst();
    if (!exists) {
      throw new AppError('validation_failed', 'No such organization', { fields: [{ field, message: 'no such organization' }] });
    }
  }
}

async function insertConsent(trx: Transaction<Database>, caseRow: Pick<CaseRow, 'id' | 'person_id'>, consent: z.infer<typeof consentInputSchema>, actor: UserActor) {
  const row = await trx
    .insertInto('case_consents')
    .values({
      id: randomUUID(),
      case_id: caseRow.id,
      scope: consent.scope,
      organization_id: consent.organizationId,
      given: consent.given,
      method: consent.method,
      recorded_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (consent.scope === 'police_sharing' && consent.organizationId) {
    await syncPoliceInvolvement(trx, caseRow.person_id, consent.organizationId, actor.userId);
  }
  return row;
}

/**
 * Referral intake by any first responder. The case may start with no identity
 * at all. A law-enforcement body that records a case without the person's
 * consent to share with police hands it over and keeps only the receipt.
 */
export async function recordIntake(input: { context: AppContext; actor: UserActor; intake: IntakeRequest; origin: RequestOrigin }) {
  const { context, actor, intake } = input;
  const reach = caseReachOf(actor, 'cases.intake');
  if (intake.referral) {
    requirePermission(actor, 'cases.refer');
  }
  if (intake.firstContactDate > todayInKazakhstan()) {
    throw new AppError('validation_failed', 'The first contact cannot be in the future', { fields: [{ field: 'body.firstContactDate', message: 'is in the future' }] });
  }
  const caseId = randomUUID();
  const today = todayInKazakhstan();
  return withPersonScope(context.database.db, actor, async (trx) => {
    const regionId = await regionIdOf(trx, intake.regionCode);
    for (const [index, consent] of intake.consents.entries()) {
      await validateConsentOrganization(trx, consent, `body.consents.${index}.organizationId`);
    }
    let personId: string;
    let episode = 1;
    let possibleRetrafficking = false;
    if (intake.personId) {
      // The same reach as the person's identity: a child only for named workers, police only on consent.
      const person = await selectPerson(trx, reach, intake.personId);
      if (!person) {
        throw new AppError('not_found', 'No such person in your reach', { fields: [{ field: 'body.personId', message: 'not in your reach' }] });
      }
      personId = person.id;
      const earlier = await trx
        .selectFrom('nrm_cases')
        .select((eb) => [eb.fn.max('episode').as('episode'), eb.fn.countAll<number>().as('count')])
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      episode = Number(earlier.episode ?? 0) + 1;
      // Someone who comes back after an earlier case may have been trafficked again.
      possibleRetrafficking = Number(earlier.count) > 0;
    } else {
      personId = randomUUID();
      const identity: PersonIdentity = intake.identity ?? { names: [], birthDate: null, sex: intake.sex, citizenships: [], documents: [], contacts: [], addresses: [] };
      await insertPerson(trx, { id: personId, ownerOrganizationId: actor.organizationId, createdBy: actor.userId });
      await insertInvolvement(trx, { personId, organizationId: actor.organizationId, basis: 'recorded', grantedBy: actor.userId });
      await insertIdentityVersion(trx, {
        personId,
        version: 1,
        sealedIdentity: sealJson(context.vaultKeys, identity, identityAad(personId, 1)),
        keyId: context.vaultKeys.keyId,
        recordedBy: actor.userId,
        reason: 'intake',
      });
      await insertDigests(trx, personId, identityDigests(context.vaultKeys, identity));
    }
    const foreign = isForeign(intake.citizenship);
    const caseRow = {
      id: caseId,
      code: newCaseCode(intake.regionCode, Number(today.slice(0, 4))),
      person_id: personId,
      owner_organization_id: actor.organizationId,
      region_id: regionId,
      created_by: actor.userId,
      episode,
      possible_retrafficking: possibleRetrafficking,
      referral_source: intake.referralSource,
      meeting_context: intake.meetingContext,
      first_contact_date: intake.firstContactDate,
      circumstances: intake.circumstances ?? null,
      sex: intake.sex,
      age_years: intake.ageYears,
      age_basis: intake.ageBasis,
      citizenship: intake.citizenship,
      trafficking_scope: null,
      closure_outcome: null,
      closure_reason: null,
      closed_at: null,
      latest_decision: null,
      decision_due_on: decisionDueOn(today, context.referralRules.decisionTargetWorkingDays),
      reflection_ends_on: foreign ? reflectionEndsOn(intake.firstContactDate, context.referralRules.reflectionDays) : null,
    };
    // Codes are random, so two may meet: draw again rather than fail the intake.
    for (let attempt = 1; ; attempt += 1) {
      const inserted = await trx.insertInto('nrm_cases').values(caseRow).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        break;
      }
      if (attempt >= 5) {
        throw new Error('Could not draw a free case code in five attempts');
      }
      caseRow.code = newCaseCode(intake.regionCode, Number(today.slice(0, 4)));
    }
    await trx.insertInto('intake_receipts').values({ case_id: caseId, code: caseRow.code, organization_id: actor.organizationId, recorded_by: actor.userId }).execute();
    // The recording worker is named on the case: for a child, only named workers see it.
    await trx.insertInto('case_workers').values({ case_id: caseId, user_id: actor.userId, named_by: actor.userId }).execute();
    if (foreign) {
      await trx
        .insertInto('case_migration_status')
        .values({
          case_id: caseId,
          documents_status: 'unknown',
          reflection_days: context.referralRules.reflectionDays,
          stay_until_court_ruling: false,
          non_punishment: false,
          non_punishment_note: null,
          registration_extended_until: null,
          residence_permit_until: null,
          work_permit_until: null,
          return_status: 'none',
          updated_by: actor.userId,
        })
        .execute();
    }
    if (isChild(intake.ageYears, intake.ageBasis)) {
      await trx
        .insertInto('case_child_protection')
        .values({
          case_id: caseId,
          guardian_kind: 'none_yet',
          guardian_organization_id: null,
          best_interests_assessed_on: null,
          best_interests_summary: null,
          placement_organization_id: null,
          updated_by: actor.userId,
        })
        .execute();
    }
    await recordCaseEvent(trx, {
      caseId,
      kind: 'case.created',
      actor,
      details: { referralSource: intake.referralSource, meetingContext: intake.meetingContext, episode, possibleRetrafficking },
    });
    await recordAudit(trx, {
      actor,
      action: 'case.created',
      record: { type: 'case', id: caseId },
      fields: intake.identity ? ['identity'] : [],
      origin: input.origin,
      details: { personId, episode },
    });
    for (const consent of intake.consents) {
      await insertConsent(trx, { id: caseId, person_id: personId }, consent, actor);
      await recordCaseEvent(trx, { caseId, kind: 'consent.recorded', actor, details: { scope: consent.scope, given: consent.given } });
    }
    if (intake.referral) {
      await requestReferral(trx, {
        actor,
        caseRow: { id: caseId, person_id: personId, status: 'active', code: caseRow.code },
        referral: { ...intake.referral },
        origin: input.origin,
      });
    }
    await refreshStep(trx, caseId);
    const lawEnforcement = reach.kind === 'involved' && reach.lawEnforcement;
    if (lawEnforcement) {
      // Without the person's consent to share with police, the police body keeps only the receipt.
      // The officer leaves the case's workers first: once the involvement goes, row-level security hides the row.
      await trx.deleteFrom('case_workers').where('case_id', '=', caseId).where('user_id', '=', actor.userId).execute();
      await trx.deleteFrom('person_involvements').where('person_id', '=', personId).where('organization_id', '=', actor.organizationId).where('basis', '=', 'recorded').execute();
    }
    const visible = await selectCases(trx, reach).where('nrm_cases.id', '=', caseId).select('nrm_cases.id as visible_id').executeTakeFirst();
    return { id: caseId, code: caseRow.code, personId, visibleToYou: visible !== undefined };
  });
}

/** Worklists and search. Names are searched in the vault (/persons/search); here by person id or code. */
export async function listCases(input: { context: AppContext; actor: UserActor; query: z.infer<typeof caseListQuerySchema> }) {
  const { context, actor, query } = input;
  const reach = caseReachOf(actor, 'cases.read');
  const today = todayInKazakhstan();
  return withPersonScope(context.database.db, actor, async (trx) => {
    let cases = casesInReach(trx, reach);
    switch (query.list) {
      case 'mine':
        // The recording worker is named at intake, so "mine" is the cases I am named on: one index look-up.
        cases = cases.where('nrm_cases.id', 'in', (eb) => eb.selectFrom('case_workers').select('case_workers.case_id').where('case_workers.user_id', '=', actor.userId));
        break;
      case 'decisions_overdue': {
        // Due more than `days` working days ago (0: any decision past its target).
        const dueBefore = subtractWorkingDays(today, query.days ?? 0);
        cases = cases
          .where('nrm_cases.status', '=', 'active')
          .where((eb) => eb.or([eb('nrm_cases.latest_decision', 'is', null), eb('nrm_cases.latest_decision', '=', 'pending')]))
          .where('nrm_cases.decision_due_on', '<', dueBefore);
        break;
      }
      case 'reflection_ending':
        cases = cases
          .where('nrm_cases.status', '<>', 'closed')
          .where('nrm_cases.reflection_ends_on', '>=', today)
          .where('nrm_cases.reflection_ends_on', '<=', sql<string>`(${today}::date + ${query.days ?? 7}::int)`);
        break;
      case 'children_without_guardian':
        cases = cases
          .where('nrm_cases.status', '<>', 'closed')
          .where(childCase)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('case_child_protection')
                  .select('case_child_protection.case_id')
                  .whereRef('case_child_protection.case_id', '=', 'nrm_cases.id')
                  .where('case_child_protection.guardian_kind', '<>', 'none_yet'),
              ),
            ),
          );
        break;
      case 'in_reach':
        break;
    }
    if (query.code) {
      cases = cases.where('nrm_cases.code', '=', query.code.toUpperCase());
    }
    if (query.personId) {
      cases = cases.where('nrm_cases.person_id', '=', query.personId);
    }
    if (query.status) {
      cases = cases.where('nrm_cases.status', '=', query.status);
    }
    const order =
      query.list === 'decisions_overdue'
        ? ({ column: 'decision_due_on', direction: 'asc' } as const)
        : query.list === 'reflection_ending'
          ? ({ column: 'reflection_ends_on', direction: 'asc' } as const)
          : ({ column: 'updated_at', direction: 'desc' } as const);
    const { rows, total } = await pageOfCases(trx, cases, order, query);
    return { items: rows.map(caseSummaryOf), total };
  });
}

/** The receipts of cases I recorded, whether or not my organization still sees them: code and date, nothing of the case. */
export async function listIntakeReceipts(input: { context: AppContext; actor: UserActor; limit: number; offset: number }) {
  const { context, actor } = input;
  requirePermission(actor, 'cases.intake');
  const base = context.database.db.selectFrom('intake_receipts').where('recorded_by', '=', actor.userId);
  const [rows, total] = await Promise.all([
    base.select(['code', 'recorded_at']).orderBy('recorded_at', 'desc').limit(input.limit).offset(input.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => ({ code: row.code, recordedAt: new Date(row.recorded_at).toISOString() })), total: Number(total.count) };
}

/** The case page. Each read is recorded (who, which case, when) for the auditors, in the same statement. */
export async function readCase(input: { context: AppContext; actor: UserActor; caseId: string; origin: RequestOrigin; view?: 'case' | 'summary' }): Promise<CaseDetail> {
  const { context, actor } = input;
  const reach = caseReachOf(actor, 'cases.read');
  const today = todayInKazakhstan();
  return withPersonScope(context.database.db, actor, async (trx) => {
    const row = await caseWithRecords(trx, reach, input.caseId, { actor, view: input.view ?? 'case', requestId: input.origin.requestId });
    const { involved, workers, consents, decisions, referrals, services, migration, child, followUps } = row;
    const screenings = row.screenings.map((screening) => screeningOf(screening, screening.answers));
    const summary = caseSummaryOf(row);
    const referredOn = isoDateOf(new Date(row.created_at));
    const migrationView = migration
      ? {
          documentsStatus: migration.documents_status,
          reflectionDays: migration.reflection_days,
          stayUntilCourtRuling: migration.stay_until_court_ruling,
          nonPunishment: migration.non_punishment,
          nonPunishmentNote: migration.non_punishment_note,
          registrationExtendedUntil: migration.registration_extended_until,
          residencePermitUntil: migration.residence_permit_until,
          workPermitUntil: migration.work_permit_until,
          returnStatus: migration.return_status,
          reflectionEndsOn: reflectionEndsOn(row.first_contact_date, migration.reflection_days),
          reflectionDaysLeft: Math.max(0, daysUntil(today, reflectionEndsOn(row.first_contact_date, migration.reflection_days))),
        }
      : null;
    return {
      summary,
      circumstances: row.circumstances,
      dueNext: dueNext(
        {
          ...pathwayFactsOf(row, { consents, screenings: screenings.length, referrals, services }),
          referredOn,
          decisionTargetWorkingDays: context.referralRules.decisionTargetWorkingDays,
          child: summary.child,
          guardianKind: child?.guardian_kind ?? null,
          reflection: migration ? { firstContactDate: row.first_contact_date, days: migration.reflection_days } : null,
        },
        today,
      ),
      involved: involved.map((entry) => ({ organizationId: entry.organization_id, basis: entry.basis })),
      workers: workers.map((worker) => ({ userId: worker.user_id, organizationId: worker.organization_id })),
      consents: consents.map(consentOf),
      screenings,
      decisions: decisions.map(decisionOf),
      decisionDueOn: row.decision_due_on,
      referrals: referrals.map(referralOf),
      services: services.map(serviceOf),
      migration: migrationView,
      childProtection: child
        ? {
            guardianKind: child.guardian_kind,
            guardianOrganizationId: child.guardian_organization_id,
            bestInterestsAssessedOn: child.best_interests_assessed_on,
            bestInterestsSummary: child.best_interests_summary,
            placementOrganizationId: child.placement_organization_id,
          }
        : null,
      closure:
        row.closure_outcome && row.closed_at
          ? { outcome: row.closure_outcome as NonNullable<CaseDetail['closure']>['outcome'], reason: row.closure_reason, closedAt: new Date(row.closed_at).toISOString() }
          : null,
      followUps: followUps.map((entry) => ({ id: entry.id, contactedOn: entry.contacted_on, method: entry.method, note: entry.note })),
      labourSectors: row.labour_sectors as CaseDetail['labourSectors'],
      methodsOfControl: row.methods_of_control as CaseDetail['methodsOfControl'],
      recruitmentMethods: row.recruitment_methods as CaseDetail['recruitmentMethods'],
      traffickingScope: row.trafficking_scope,
    };
  });
}

export async function listCaseEvents(input: { context: AppContext; actor: UserActor; caseId: string; limit: number; offset: number; origin: RequestOrigin }) {
  const { context, actor } = input;
  const reach = caseReachOf(actor, 'cases.read');
  return withPersonScope(context.database.db, actor, async (trx) => {
    await caseById(trx, reach, input.caseId, { actor, view: 'timeline', requestId: input.origin.requestId });
    const events = trx.selectFrom('case_events').where('case_id', '=', input.caseId);
    const rows = await events
      .select(['id', 'kind', 'occurred_at', 'organization_id', 'details'])
      .select(sql<number>`count(*) over ()`.as('total_count'))
      .orderBy('id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute();
    const total = await totalOfPage(rows, input.offset, async () => (await events.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
    return {
      items: rows.map((row) => ({ id: row.id, kind: row.kind, occurredAt: new Date(row.occurred_at).toISOString(), organizationId: row.organization_id, details: row.details })),
      total,
    };
  });
}

function refuseIfClosed(caseRow: Pick<CaseRow, 'status'>): void {
  if (caseRow.status === 'closed') {
    throw pathwayRefusal('case_closed');
  }
}

export async function recordConsent(input: { context: AppContext; actor: UserActor; caseId: string; consent: z.infer<typeof consentInputSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.read', input.caseId, async (trx, caseRow) => {
    refuseIfClosed(caseRow);
    await validateConsentOrganization(trx, input.consent, 'body.organizationId');
    const row = await insertConsent(trx, caseRow, input.consent, input.actor);
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'consent.recorded',
      audit: 'case.consent_recorded',
      origin: input.origin,
      details: { scope: input.consent.scope, given: input.consent.given, organizationId: input.consent.organizationId },
    });
    return consentOf(row);
  });
}

export async function withdrawConsent(input: { context: AppContext; actor: UserActor; caseId: string; consentId: string; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.read', input.caseId, async (trx, caseRow) => {
    const consent = await trx.selectFrom('case_consents').selectAll().where('id', '=', input.consentId).where('case_id', '=', caseRow.id).executeTakeFirst();
    if (!consent) {
      throw new AppError('not_found', 'No such consent on this case');
    }
    if (consent.withdrawn_at) {
      throw pathwayRefusal('consent_already_withdrawn');
    }
    const row = await trx
      .updateTable('case_consents')
      .set({ withdrawn_at: sql`now()`, withdrawn_by: input.actor.userId })
      .where('id', '=', consent.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'consent.withdrawn',
      audit: 'case.consent_withdrawn',
      origin: input.origin,
      details: { scope: consent.scope, organizationId: consent.organization_id },
    });
    // Last: when the police record the withdrawal of their own sharing, they lose sight of the case here.
    if (consent.scope === 'police_sharing' && consent.organization_id) {
      await syncPoliceInvolvement(trx, caseRow.person_id, consent.organization_id, input.actor.userId);
    }
    return consentOf(row);
  });
}

export async function nameWorker(input: { context: AppContext; actor: UserActor; caseId: string; email: string; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.read', input.caseId, async (trx, caseRow) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'organization_id'])
      .where('email_digest', 'in', staffEmailDigests(input.context.vaultKeys, input.email))
      .where('status', '=', 'active')
      .executeTakeFirst();
    const involved = user
      ? await trx.selectFrom('person_involvements').select('basis').where('person_id', '=', caseRow.person_id).where('organization_id', '=', user.organization_id).execute()
      : [];
    const userLawEnforcement = user ? await isLawEnforcement(trx, user.organization_id) : false;
    const reaches = involved.some((entry) => !userLawEnforcement || entry.basis === 'police_consent');
    if (!user || !reaches) {
      throw new AppError('unprocessable', 'Name a user of an organization involved in the case', { fields: [{ field: 'body.email', message: 'not a user of an involved organization' }] });
    }
    await trx.insertInto('case_workers').values({ case_id: caseRow.id, user_id: user.id, named_by: input.actor.userId }).onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing()).execute();
    await recordStep(trx, { caseId: caseRow.id, actor: input.actor, event: 'worker.named', audit: 'case.worker_named', origin: input.origin, details: { userId: user.id } });
    const workers = await trx
      .selectFrom('case_workers')
      .innerJoin('users', 'users.id', 'case_workers.user_id')
      .select(['case_workers.user_id', 'users.organization_id'])
      .where('case_workers.case_id', '=', caseRow.id)
      .execute();
    return { workers: workers.map((worker) => ({ userId: worker.user_id, organizationId: worker.organization_id })) };
  });
}

export async function updateMigrationStatus(input: { context: AppContext; actor: UserActor; caseId: string; status: z.infer<typeof migrationStatusRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.services.manage', input.caseId, async (trx, caseRow) => {
    if (!isForeign(caseRow.citizenship)) {
      throw pathwayRefusal('not_foreign');
    }
    const status = input.status;
    const reflectionDays = status.reflectionDays ?? input.context.referralRules.reflectionDays;
    const values = {
      documents_status: status.documentsStatus,
      reflection_days: reflectionDays,
      stay_until_court_ruling: status.stayUntilCourtRuling,
      non_punishment: status.nonPunishment,
      non_punishment_note: status.nonPunishmentNote,
      registration_extended_until: status.registrationExtendedUntil,
      residence_permit_until: status.residencePermitUntil,
      work_permit_until: status.workPermitUntil,
      return_status: status.returnStatus,
      updated_by: input.actor.userId,
      updated_at: sql<Date>`now()`,
    };
    await trx
      .insertInto('case_migration_status')
      .values({ case_id: caseRow.id, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
      .execute();
    const endsOn = reflectionEndsOn(caseRow.first_contact_date, reflectionDays);
    await trx.updateTable('nrm_cases').set({ reflection_ends_on: endsOn }).where('id', '=', caseRow.id).execute();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'migration_status.updated',
      audit: 'case.migration_status_updated',
      origin: input.origin,
      details: { reflectionDays, nonPunishment: status.nonPunishment, returnStatus: status.returnStatus },
    });
    return { ...status, reflectionDays, reflectionEndsOn: endsOn, reflectionDaysLeft: Math.max(0, daysUntil(todayInKazakhstan(), endsOn)) };
  });
}

export async function updateChildProtection(input: { context: AppContext; actor: UserActor; caseId: string; protection: z.infer<typeof childProtectionRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.services.manage', input.caseId, async (trx, caseRow) => {
    if (!isChild(caseRow.age_years, caseRow.age_basis)) {
      throw pathwayRefusal('not_child');
    }
    const protection = input.protection;
    for (const [field, organizationId] of [
      ['body.guardianOrganizationId', protection.guardianOrganizationId],
      ['body.placementOrganizationId', protection.placementOrganizationId],
    ] as const) {
      if (organizationId && !(await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())) {
        throw new AppError('validation_failed', 'No such organization', { fields: [{ field, message: 'no such organization' }] });
      }
    }
    const values = {
      guardian_kind: protection.guardianKind,
      guardian_organization_id: protection.guardianOrganizationId,
      best_interests_assessed_on: protection.bestInterestsAssessedOn,
      best_interests_summary: protection.bestInterestsSummary,
      placement_organization_id: protection.placementOrganizationId,
      updated_by: input.actor.userId,
      updated_at: sql<Date>`now()`,
    };
    await trx
      .insertInto('case_child_protection')
      .values({ case_id: caseRow.id, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
      .execute();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'child_protection.updated',
      audit: 'case.child_protection_updated',
      origin: input.origin,
      details: { guardianKind: protection.guardianKind, bestInterestsAssessed: protection.bestInterestsAssessedOn !== null },
    });
    return protection;
  });
}

async function summaryAfter(trx: Transaction<Database>, reach: CaseReach, caseId: string) {
  return caseSummaryOf(await caseById(trx, reach, caseId));
}

export async function closeCase(input: { context: AppContext; actor: UserActor; caseId: string; closure: z.infer<typeof closureRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.close', input.caseId, async (trx, caseRow, reach) => {
    const refusal = closureRefusal({ status: caseRow.status, services: await servicesOf(trx, caseRow.id) });
    if (refusal) {
      throw pathwayRefusal(refusal);
    }
    // Pending referrals end with the case.
    const pending = await trx.selectFrom('case_referrals').select(['id', 'to_organization_id']).where('case_id', '=', caseRow.id).where('status', '=', 'pending').execute();
    for (const referral of pending) {
      await trx.updateTable('case_referrals').set({ status: 'withdrawn', responded_at: sql`now()` }).where('id', '=', referral.id).execute();
    }
    await trx
      .updateTable('nrm_cases')
      .set({
        status: input.closure.followUp ? 'follow_up' : 'closed',
        closure_outcome: input.closure.outcome,
        closure_reason: input.closure.reason ?? null,
        closed_at: sql`now()`,
      })
      .where('id', '=', caseRow.id)
      .execute();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'case.closed',
      audit: 'case.closed',
      origin: input.origin,
      details: { outcome: input.closure.outcome, followUp: input.closure.followUp },
    });
    const summary = await summaryAfter(trx, reach, caseRow.id);
    // Last, as everything above needs the case in sight: the providers that had not answered lose sight of it.
    for (const referral of pending) {
      await trx
        .deleteFrom('person_involvements')
        .where('person_id', '=', caseRow.person_id)
        .where('organization_id', '=', referral.to_organization_id)
        .where('basis', '=', 'referral')
        .execute();
    }
    return summary;
  });
}

export async function recordFollowUp(input: { context: AppContext; actor: UserActor; caseId: string; followUp: z.infer<typeof followUpRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.close', input.caseId, async (trx, caseRow, reach) => {
    if (caseRow.status !== 'follow_up') {
      throw pathwayRefusal('not_in_follow_up');
    }
    await trx
      .insertInto('case_follow_ups')
      .values({ id: randomUUID(), case_id: caseRow.id, contacted_on: input.followUp.contactedOn, method: input.followUp.method, note: input.followUp.note, recorded_by: input.actor.userId })
      .execute();
    if (input.followUp.endFollowUp) {
      await trx.updateTable('nrm_cases').set({ status: 'closed' }).where('id', '=', caseRow.id).execute();
    }
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: input.followUp.endFollowUp ? 'case.follow_up_ended' : 'follow_up.recorded',
      audit: 'case.follow_up_recorded',
      origin: input.origin,
      details: { method: input.followUp.method },
    });
    return summaryAfter(trx, reach, caseRow.id);
  });
}

/** The person came back: the case opens again, flagged as possible re-trafficking. */
export async function reopenCase(input: { context: AppContext; actor: UserActor; caseId: string; reopen: z.infer<typeof reopenRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.intake', input.caseId, async (trx, caseRow, reach) => {
    if (caseRow.status === 'active') {
      throw pathwayRefusal('already_open');
    }
    await trx
      .updateTable('nrm_cases')
      .set({
        status: 'active',
        episode: caseRow.episode + 1,
        possible_retrafficking: true,
        closure_outcome: null,
        closure_reason: null,
        closed_at: null,
        latest_decision: null,
        decision_due_on: decisionDueOn(input.reopen.contactDate, input.context.referralRules.decisionTargetWorkingDays),
      })
      .where('id', '=', caseRow.id)
      .execute();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'case.reopened',
      audit: 'case.reopened',
      origin: input.origin,
      details: { episode: caseRow.episode + 1, contactDate: input.reopen.contactDate },
      // Why the person came back is the case's history: the timeline and the printed summary show it.
      caseOnlyDetails: { reason: input.reopen.reason },
    });
    return summaryAfter(trx, reach, caseRow.id);
  });
}

