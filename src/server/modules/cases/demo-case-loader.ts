import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SenimDatabase } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import { systemActor, type RequestOrigin, type UserActor } from '../../platform/actor.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { defaultSessionTimeouts, userActorColumns, userActorOf } from '../../platform/session.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { staffEmailDigests } from '../../platform/vault/staff-email.js';
import { demoUsers } from '../directory/demo-users.js';
import { kazakhstanRegions } from '../reference/kazakhstan/regions.js';
import { decisionDueOn, defaultReferralRules } from './case-pathway.js';
import { closeCase, nameWorker, recordConsent, recordFollowUp, recordIntake, reopenCase, updateChildProtection, updateMigrationStatus } from './case.service.js';
import { planDemoCases, type DemoActor, type DemoCasePlan, type DemoOrganization, type DemoStep } from './demo-cases.js';
import { createReferral, recordService, respondToReferral, updateService } from './referral.service.js';
import { recordIdentificationDecision, recordScreening } from './screening.service.js';
import { isoDateOf } from './working-days.js';

// Plays the demo case plans through the same services a request would call,
// acting as the demo users, so that consents, involvements, named workers,
// timeline events and the audit trail are what real use leaves behind. The
// services stamp every step with the time of loading; afterwards the
// timeline is moved back to the planned dates, so that worklists (decisions
// overdue, reflection periods ending) and the history read as in real use.
// The audit trail keeps the true time of loading.

/** The loader's own reads and its moving of dates run as the system, in scope 'all': a demo user may have lost sight of a case by then. */
const demoSeeder = systemActor('seed-demo');

export const DEMO_CASE_COUNT = 520;
const DEMO_CASE_SEED = 20_260_101;

const demoActors: readonly DemoActor[] = ['caseworker.korgau', 'caseworker.sanasezim', 'shelter.almaty', 'police.astana', 'hotline', 'investigator.almaty'];
const demoOrganizations: readonly DemoOrganization[] = ['NGO-KORGAU-ASTANA', 'NGO-SANA-SEZIM', 'SHELTER-ALA', 'SHELTER-AST', 'CC-AKT-WSC', 'MIA'];

const emailOf = (actor: DemoActor): string => `${actor}@demo.senim.local`;

async function actorsOf(db: Kysely<Database>, vaultKeys: VaultKeys): Promise<Map<DemoActor, UserActor>> {
  const actors = new Map<DemoActor, UserActor>();
  for (const actor of demoActors) {
    const row = await db
      .selectFrom('users as u')
      .select(userActorColumns)
      .where('u.email_digest', 'in', staffEmailDigests(vaultKeys, emailOf(actor)))
      .executeTakeFirst();
    if (!row) {
      throw new Error(`Demo user ${emailOf(actor)} is missing: load the demo users first`);
    }
    actors.set(actor, userActorOf(row, randomUUID(), vaultKeys));
  }
  return actors;
}

/** Whether demo cases were loaded already: any case recorded by a demo user. */
async function demoCasesExist(db: Kysely<Database>, vaultKeys: VaultKeys): Promise<boolean> {
  const demoEmails = demoUsers.flatMap((user) => staffEmailDigests(vaultKeys, user.email));
  const found = await withPersonScope(db, demoSeeder, (trx) =>
    trx
      .selectFrom('nrm_cases')
      .innerJoin('users', 'users.id', 'nrm_cases.created_by')
      .select('nrm_cases.id')
      .where('users.email_digest', 'in', demoEmails)
      .limit(1)
      .executeTakeFirst(),
  );
  return found !== undefined;
}

interface LoadedCase {
  id: string;
  plan: DemoCasePlan;
  /** The database time of each step's transaction, and the date it stands for. */
  clock: { at: string; on: string }[];
}

/** How far a load has come: cases whose every step is recorded and dated. */
export interface DemoCaseProgress {
  loaded: number;
  total: number;
}

export interface DemoCaseLoadOptions {
  count?: number;
  /** Called after each batch of cases, once their dates are in place. */
  onProgress?: (progress: DemoCaseProgress) => void;
  /** Ends the load after the case being recorded; the cases recorded so far stay, dated. */
  signal?: AbortSignal;
}

// A batch's timeline is moved back to its planned dates before the next starts,
// so that a user browsing during the load, or a load that is stopped, sees
// cases that read as in real use.
const DEMO_CASE_BATCH = 10;

/**
 * Loads the demo cases once; a database that has them is left alone.
 * Returns how many cases were loaded.
 */
export async function loadDemoCases(database: SenimDatabase, vaultKeys: VaultKeys, options: DemoCaseLoadOptions = {}): Promise<number> {
  const db = database.db;
  if (await demoCasesExist(db, vaultKeys)) {
    return 0;
  }
  const actors = await actorsOf(db, vaultKeys);
  const organizations = new Map(
    (await db.selectFrom('organizations').select(['id', 'code']).where('code', 'in', [...demoOrganizations]).execute()).map((row) => [row.code as DemoOrganization, row.id]),
  );
  const questionnaires = await db.selectFrom('screening_questionnaires').select(['id', 'audience']).where('active', '=', true).orderBy('version', 'desc').execute();
  const context: AppContext = { database, vaultKeys, sessionTimeouts: defaultSessionTimeouts, referralRules: defaultReferralRules };
  const today = isoDateOf(new Date());
  const plans = planDemoCases({
    count: options.count ?? DEMO_CASE_COUNT,
    seed: DEMO_CASE_SEED,
    today,
    regionCodes: kazakhstanRegions.filter((region) => region.validTo === null).map((region) => region.code),
  });
  const player: Player = {
    context,
    actor: (name) => required(actors.get(name), name),
    organization: (code) => required(organizations.get(code), code),
    questionnaire: (audience) => required(questionnaires.find((row) => row.audience === audience)?.id, `${audience} questionnaire`),
  };
  const loaded: LoadedCase[] = [];
  let batch: LoadedCase[] = [];
  for (const plan of plans) {
    if (options.signal?.aborted) {
      break;
    }
    const played = await playCase(player, plan, loaded);
    loaded.push(played);
    batch.push(played);
    if (batch.length === DEMO_CASE_BATCH || loaded.length === plans.length) {
      await moveToPlannedDates(database, batch);
      batch = [];
      options.onProgress?.({ loaded: loaded.length, total: plans.length });
    }
  }
  if (batch.length > 0) {
    await moveToPlannedDates(database, batch);
  }
  return loaded.length;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`Demo cases need ${what}, which is not in the database`);
  }
  return value;
}

interface Player {
  context: AppContext;
  actor(name: DemoActor): UserActor;
  organization(code: DemoOrganization): string;
  questionnaire(audience: 'adult' | 'child'): string;
}

const origin: RequestOrigin = { requestId: null, ip: null };

async function playCase(player: Player, plan: DemoCasePlan, loaded: readonly LoadedCase[]): Promise<LoadedCase> {
  const { context } = player;
  const clock: LoadedCase['clock'] = [];
  let caseId = '';
  for (const step of plan.steps) {
    if (step.kind === 'intake') {
      caseId = await playIntake(player, step, loaded);
    } else {
      await playStep(player, plan, caseId, step);
    }
    const stamp = await withPersonScope(context.database.db, demoSeeder, (trx) =>
      sql<{ at: string }>`select max(occurred_at)::text as at from case_events where case_id = ${caseId}::uuid`.execute(trx),
    );
    clock.push({ at: required(stamp.rows[0]?.at ?? undefined, 'the step just recorded'), on: step.on });
    // The embedded database answers within the same turn of the event loop: without a pause the
    // server, listening meanwhile, would accept no request until the whole load is done.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { id: caseId, plan, clock };
}

async function playIntake(player: Player, step: Extract<DemoStep, { kind: 'intake' }>, loaded: readonly LoadedCase[]): Promise<string> {
  const { intake } = step;
  const earlier = intake.earlierCase === null ? undefined : loaded.find((entry) => entry.plan.index === intake.earlierCase);
  const personId = earlier ? await personOfCase(player.context, earlier.id) : undefined;
  const receipt = await recordIntake({
    context: player.context,
    actor: player.actor(step.by),
    origin,
    intake: {
      referralSource: intake.referralSource,
      meetingContext: intake.meetingContext,
      firstContactDate: step.on,
      regionCode: intake.regionCode,
      circumstances: intake.circumstances,
      sex: intake.sex,
      ageYears: intake.ageYears,
      ageBasis: intake.ageBasis,
      citizenship: intake.citizenship,
      ...(intake.identity ? { identity: intake.identity } : {}),
      ...(personId ? { personId } : {}),
      consents: intake.consents.map((consent) => ({ scope: consent.scope, organizationId: consent.to ? player.organization(consent.to) : null, given: true, method: consent.method })),
      ...(intake.referral ? { referral: { toOrganizationId: player.organization(intake.referral.to), serviceTypes: intake.referral.serviceTypes, reason: intake.referral.reason, placement: false } } : {}),
    },
  });
  return receipt.id;
}

async function personOfCase(context: AppContext, caseId: string): Promise<string> {
  const row = await withPersonScope(context.database.db, demoSeeder, (trx) => trx.selectFrom('nrm_cases').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow());
  return row.person_id;
}

async function pendingReferralId(context: AppContext, caseId: string, organizationId: string): Promise<string> {
  const row = await withPersonScope(context.database.db, demoSeeder, (trx) =>
    trx.selectFrom('case_referrals').select('id').where('case_id', '=', caseId).where('to_organization_id', '=', organizationId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
  );
  return row.id;
}

async function playStep(player: Player, plan: DemoCasePlan, caseId: string, step: Exclude<DemoStep, { kind: 'intake' }>): Promise<void> {
  const { context } = player;
  const actor = player.actor(step.by);
  const common = { context, actor, caseId, origin };
  switch (step.kind) {
    case 'consent':
      await recordConsent({ ...common, consent: { scope: step.consent.scope, organizationId: step.consent.to ? player.organization(step.consent.to) : null, given: true, method: step.consent.method } });
      return;
    case 'screening':
      await recordScreening({ ...common, screening: { questionnaireId: player.questionnaire(plan.child ? 'child' : 'adult'), interviewedOn: step.on, answers: step.answers } });
      return;
    case 'decision':
      await recordIdentificationDecision({
        ...common,
        decision: {
          outcome: step.outcome,
          exploitationForms: step.forms,
          traffickingScope: step.scope,
          labourSectors: step.labourSectors,
          methodsOfControl: step.methodsOfControl,
          recruitmentMethods: step.recruitmentMethods,
          reasons: step.reasons,
        },
      });
      return;
    case 'referral':
      await createReferral({ ...common, referral: { toOrganizationId: player.organization(step.to), serviceTypes: step.serviceTypes, reason: step.reason, placement: step.placement } });
      return;
    case 'response': {
      const referralId = await pendingReferralId(context, caseId, player.organization(step.to));
      const response = step.accept
        ? { decision: 'accept' as const, ...(step.placementFrom ? { placementFrom: step.placementFrom } : {}), ...(step.placementTo ? { placementTo: step.placementTo } : {}) }
        : { decision: 'decline' as const, reason: step.reason };
      await respondToReferral({ context, actor, referralId, response, origin });
      return;
    }
    case 'service':
      await recordService({
        ...common,
        service: {
          serviceType: step.serviceType,
          providerOrganizationId: player.organization(step.provider),
          status: step.status,
          plannedFrom: step.plannedFrom,
          plannedTo: step.plannedTo,
          deliveredOn: step.deliveredOn,
          notes: null,
        },
      });
      return;
    case 'service_done': {
      const service = await withPersonScope(context.database.db, demoSeeder, (trx) =>
        trx
          .selectFrom('case_services')
          .select('id')
          .where('case_id', '=', caseId)
          .where('provider_organization_id', '=', player.organization(step.provider))
          .where('service_type', '=', step.serviceType)
          .executeTakeFirstOrThrow(),
      );
      await updateService({ ...common, serviceId: service.id, update: { status: 'delivered', deliveredOn: step.on } });
      return;
    }
    case 'migration':
      await updateMigrationStatus({
        ...common,
        status: {
          documentsStatus: step.documentsStatus,
          stayUntilCourtRuling: false,
          nonPunishment: step.nonPunishment,
          nonPunishmentNote: step.nonPunishment ? 'Освобождение от ответственности за нарушение миграционного режима, совершённое под принуждением' : null,
          registrationExtendedUntil: null,
          residencePermitUntil: null,
          workPermitUntil: null,
          returnStatus: step.returnStatus,
        },
      });
      return;
    case 'child_protection':
      await updateChildProtection({
        ...common,
        protection: {
          guardianKind: step.guardianKind,
          guardianOrganizationId: null,
          bestInterestsAssessedOn: step.bestInterestsAssessedOn,
          bestInterestsSummary: step.bestInterestsAssessedOn ? 'Проживание с семьёй безопасно; нужна психологическая поддержка и возвращение в школу' : null,
          placementOrganizationId: null,
        },
      });
      return;
    case 'name_worker':
      await nameWorker({ ...common, email: emailOf(step.worker) });
      return;
    case 'close':
      await closeCase({ ...common, closure: { outcome: step.outcome, ...(step.reason ? { reason: step.reason } : {}), followUp: true } });
      return;
    case 'follow_up':
      await recordFollowUp({ ...common, followUp: { contactedOn: step.on, method: step.method, note: step.note, endFollowUp: step.end } });
      return;
    case 'reopen':
      await reopenCase({ ...common, reopen: { reason: step.reason, contactDate: step.on } });
      return;
  }
}

/** Columns the services stamp with now(): moved to the planned date of their step. */
const stampedColumns = [
  ['nrm_cases', 'created_at'],
  ['nrm_cases', 'updated_at'],
  ['nrm_cases', 'closed_at'],
  ['case_events', 'occurred_at'],
  ['case_consents', 'recorded_at'],
  ['case_screenings', 'recorded_at'],
  ['identification_decisions', 'decided_at'],
  ['case_referrals', 'requested_at'],
  ['case_referrals', 'responded_at'],
  ['case_services', 'updated_at'],
  ['case_migration_status', 'updated_at'],
  ['case_child_protection', 'updated_at'],
  ['case_follow_ups', 'recorded_at'],
  ['case_workers', 'named_at'],
  ['person_involvements', 'granted_at'],
  ['persons', 'created_at'],
  ['persons', 'updated_at'],
] as const;

async function moveToPlannedDates(database: SenimDatabase, loaded: readonly LoadedCase[]): Promise<void> {
  const from: string[] = [];
  const to: string[] = [];
  for (const entry of loaded) {
    entry.clock.forEach((tick, position) => {
      from.push(tick.at);
      // Office hours in Kazakhstan (UTC+5), a few minutes apart so the order of steps holds.
      to.push(`${tick.on}T09:${String(10 + position).padStart(2, '0')}:00+05:00`);
    });
  }
  const firstContact = loaded.map((entry) => entry.clock[0]?.on ?? '');
  const reopened = new Set(loaded.filter((entry) => entry.plan.stage === 'reopened').map((entry) => entry.id));
  await withPersonScope(database.db, demoSeeder, async (trx) => {
    for (const [table, column] of stampedColumns) {
      await sql`
        update ${sql.table(table)} set ${sql.ref(column)} = m.to_at
        from (select distinct on (f) f::timestamptz as from_at, t::timestamptz as to_at from unnest(${from}::text[], ${to}::text[]) as u(f, t) order by f) m
        where ${sql.ref(`${table}.${column}`)} = m.from_at`.execute(trx);
    }
    // The decision target and the year in the case code follow the first contact; a reopened case keeps the target set on reopening.
    await sql`
      update nrm_cases set code = overlay(code placing d.yy from 5 for 2), decision_due_on = case when d.reopened then decision_due_on else d.due::date end
      from unnest(${loaded.map((entry) => entry.id)}::uuid[], ${firstContact.map((on) => decisionDueOn(on))}::text[], ${firstContact.map((on) => on.slice(2, 4))}::text[], ${loaded.map((entry) => reopened.has(entry.id))}::boolean[]) as d(id, due, yy, reopened)
      where nrm_cases.id = d.id`.execute(trx);
  });
}
