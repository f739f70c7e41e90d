import { sql, type QueryCreator, type Selectable, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { CaseReferralsTable, CaseServicesTable, Database, NrmCasesTable } from '../../db/schema.js';
import type { UserActor } from '../../platform/actor.js';
import { caseVisible, notInReach, type CaseReach } from './case-access.js';
import { currentStep, pathwayFactsOf, type PathwayFacts } from './case-pathway.js';

// Every function here runs inside withPersonScope(): row-level security has
// already narrowed persons and cases to the organization's involvements.

export type CaseRow = Selectable<NrmCasesTable> & { region_code: string };

/** What a case summary (caseSummaryOf) shows of the case row. */
const caseSummaryColumns = [
  'id',
  'code',
  'person_id',
  'status',
  'step',
  'episode',
  'possible_retrafficking',
  'owner_organization_id',
  'referral_source',
  'meeting_context',
  'first_contact_date',
  'created_at',
  'sex',
  'age_years',
  'age_basis',
  'citizenship',
  'latest_decision',
  'exploitation_forms',
] as const satisfies readonly (keyof NrmCasesTable)[];

export type CaseSummaryRow = Pick<CaseRow, (typeof caseSummaryColumns)[number] | 'region_code'>;

/** The case rows in reach, before a worklist's own conditions; no columns chosen yet. */
export function casesInReach(trx: QueryCreator<Database>, reach: CaseReach) {
  return trx.selectFrom('nrm_cases').where(caseVisible(reach));
}

/** Who opens which view of a case, for the record of case reads (0016). */
export interface CaseRead {
  actor: UserActor;
  view: 'case' | 'timeline' | 'summary';
  requestId: string | null;
}

/**
 * The query creator whose next statement also records the read, when the case
 * is in reach: a data-modifying WITH runs once whatever the main query does,
 * and costs no round trip of its own. No RETURNING: users may not read the
 * record of reads back.
 */
function recordingRead(trx: Transaction<Database>, reach: CaseReach, caseId: string, read: CaseRead): QueryCreator<Database> {
  const creator = trx.with('case_read', (db) =>
    db
      .insertInto('case_reads')
      .columns(['case_id', 'case_code', 'user_id', 'organization_id', 'view', 'request_id'])
      .expression(
        db
          .selectFrom('nrm_cases')
          .select([
            'nrm_cases.id',
            'nrm_cases.code',
            sql<string>`${read.actor.userId}::uuid`.as('user_id'),
            sql<string>`${read.actor.organizationId}::uuid`.as('organization_id'),
            sql<string>`${read.view}::text`.as('view'),
            sql<string | null>`${read.requestId}::text`.as('request_id'),
          ])
          .where('nrm_cases.id', '=', caseId)
          .where(caseVisible(reach)),
      ),
  );
  // Nothing selects from the WITH's name, so the type forgets it and the case queries compose as usual.
  return creator as unknown as QueryCreator<Database>;
}

export type CasesInReach = ReturnType<typeof casesInReach>;

/**
 * One page of a worklist and how many cases match it, in one statement and two
 * steps: the page's ids and the count come from the matching rows alone (an
 * index-only scan where migration 0014's indexes carry the list's order and the
 * reach), and only the page's rows are read from the table.
 */
export async function pageOfCases(
  trx: Transaction<Database>,
  matching: CasesInReach,
  order: { column: 'updated_at' | 'decision_due_on' | 'reflection_ends_on'; direction: 'asc' | 'desc' },
  page: { limit: number; offset: number },
): Promise<{ rows: CaseSummaryRow[]; total: number }> {
  const sortKey = sql.ref(`nrm_cases.${order.column}`);
  const rows = await trx
    .with('page', () =>
      matching
        .select(['nrm_cases.id', sql<string>`${sortKey}`.as('sort_key'), sql<number>`count(*) over ()`.as('total_count')])
        .orderBy(sortKey, order.direction)
        .orderBy('nrm_cases.id')
        .limit(page.limit)
        .offset(page.offset),
    )
    .selectFrom('page')
    .innerJoin('nrm_cases', 'nrm_cases.id', 'page.id')
    .innerJoin('regions', 'regions.id', 'nrm_cases.region_id')
    .select(caseSummaryColumns.map((column) => `nrm_cases.${column}` as const))
    .select(['regions.code as region_code', 'page.total_count'])
    .orderBy('page.sort_key', order.direction)
    .orderBy('page.id')
    .execute();
  const total = await totalOfPage(rows, page.offset, async () => (await matching.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  return { rows, total };
}

/**
 * How many rows match a paged query that selected `count(*) over () as
 * total_count`: the total rides on the page's rows, because sorting a page has
 * to find every match anyway and one query costs one round trip. An empty
 * first page means none; only a page past the end has to count apart.
 */
export async function totalOfPage(rows: readonly { total_count: number | string }[], offset: number, countApart: () => Promise<number | string>): Promise<number> {
  const first = rows[0];
  if (first !== undefined) {
    return Number(first.total_count);
  }
  return offset === 0 ? 0 : Number(await countApart());
}

export function selectCases(trx: QueryCreator<Database>, reach: CaseReach) {
  return casesInReach(trx, reach).innerJoin('regions', 'regions.id', 'nrm_cases.region_id').selectAll('nrm_cases').select('regions.code as region_code');
}

/** The case, locked for the step about to be taken, or 404 when out of reach. */
export async function caseForStep(trx: Transaction<Database>, reach: CaseReach, caseId: string): Promise<CaseRow> {
  const row = await selectCases(trx, reach).where('nrm_cases.id', '=', caseId).forUpdate('nrm_cases').executeTakeFirst();
  if (!row) {
    throw notInReach();
  }
  return row;
}

/**
 * The case with every record its page shows, in one statement. Each round
 * trip to the database costs CPU on both ends; the page used to pay twelve.
 * Nested rows arrive through json_agg, so their instants are ISO strings.
 */
export async function caseWithRecords(trx: Transaction<Database>, reach: CaseReach, caseId: string, read: CaseRead) {
  const row = await selectCases(recordingRead(trx, reach, caseId, read), reach)
    .where('nrm_cases.id', '=', caseId)
    .select((eb) => [
      jsonArrayFrom(
        eb.selectFrom('person_involvements').select(['person_involvements.organization_id', 'person_involvements.basis']).whereRef('person_involvements.person_id', '=', 'nrm_cases.person_id').orderBy('person_involvements.granted_at'),
      ).as('involved'),
      jsonArrayFrom(
        eb
          .selectFrom('case_workers')
          .innerJoin('users', 'users.id', 'case_workers.user_id')
          .select(['case_workers.user_id', 'users.organization_id'])
          .whereRef('case_workers.case_id', '=', 'nrm_cases.id')
          .orderBy('case_workers.named_at'),
      ).as('workers'),
      jsonArrayFrom(eb.selectFrom('case_consents').selectAll('case_consents').whereRef('case_consents.case_id', '=', 'nrm_cases.id').orderBy('case_consents.recorded_at')).as('consents'),
      jsonArrayFrom(
        eb
          .selectFrom('case_screenings')
          .innerJoin('screening_questionnaires', 'screening_questionnaires.id', 'case_screenings.questionnaire_id')
          .selectAll('case_screenings')
          .select(['screening_questionnaires.version', 'screening_questionnaires.audience'])
          .select((inner) =>
            jsonArrayFrom(
              inner
                .selectFrom('screening_observations')
                .select(['screening_observations.indicator_code', 'screening_observations.answer', 'screening_observations.note'])
                .whereRef('screening_observations.screening_id', '=', 'case_screenings.id'),
            ).as('answers'),
          )
          .whereRef('case_screenings.case_id', '=', 'nrm_cases.id')
          .orderBy('case_screenings.recorded_at'),
      ).as('screenings'),
      jsonArrayFrom(
        eb.selectFrom('identification_decisions').selectAll('identification_decisions').whereRef('identification_decisions.case_id', '=', 'nrm_cases.id').orderBy('identification_decisions.decided_at'),
      ).as('decisions'),
      jsonArrayFrom(
        eb
          .selectFrom('case_referrals')
          .selectAll('case_referrals')
          .select(sql<string>`nrm_cases.code`.as('case_code'))
          .whereRef('case_referrals.case_id', '=', 'nrm_cases.id')
          .orderBy('case_referrals.requested_at', 'asc'),
      ).as('referrals'),
      jsonArrayFrom(eb.selectFrom('case_services').selectAll('case_services').whereRef('case_services.case_id', '=', 'nrm_cases.id').orderBy('case_services.updated_at', 'asc')).as('services'),
      jsonObjectFrom(eb.selectFrom('case_migration_status').selectAll('case_migration_status').whereRef('case_migration_status.case_id', '=', 'nrm_cases.id')).as('migration'),
      jsonObjectFrom(eb.selectFrom('case_child_protection').selectAll('case_child_protection').whereRef('case_child_protection.case_id', '=', 'nrm_cases.id')).as('child'),
      jsonArrayFrom(eb.selectFrom('case_follow_ups').selectAll('case_follow_ups').whereRef('case_follow_ups.case_id', '=', 'nrm_cases.id').orderBy('case_follow_ups.contacted_on')).as('followUps'),
    ])
    .executeTakeFirst();
  if (!row) {
    throw notInReach();
  }
  return row;
}

export async function caseById(trx: Transaction<Database>, reach: CaseReach, caseId: string, read?: CaseRead): Promise<CaseRow> {
  const source = read ? recordingRead(trx, reach, caseId, read) : trx;
  const row = await selectCases(source, reach).where('nrm_cases.id', '=', caseId).executeTakeFirst();
  if (!row) {
    throw notInReach();
  }
  return row;
}

export async function recordCaseEvent(
  trx: Transaction<Database>,
  input: { caseId: string; kind: string; actor: UserActor | null; details?: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_id: input.caseId,
      kind: input.kind,
      actor_user_id: input.actor?.userId ?? null,
      organization_id: input.actor?.organizationId ?? null,
      details: JSON.stringify(input.details ?? {}),
    })
    .execute();
}

/** Reads the rows the pathway depends on, for refreshStep. */
async function loadPathwayFacts(trx: Transaction<Database>, caseRow: Pick<CaseRow, 'id' | 'status' | 'latest_decision'>): Promise<PathwayFacts> {
  const [consents, screenings, referrals, services] = await Promise.all([
    trx.selectFrom('case_consents').select(['scope', 'given', 'withdrawn_at']).where('case_id', '=', caseRow.id).execute(),
    trx.selectFrom('case_screenings').select((eb) => eb.fn.countAll<number>().as('count')).where('case_id', '=', caseRow.id).executeTakeFirstOrThrow(),
    trx.selectFrom('case_referrals').select('status').where('case_id', '=', caseRow.id).execute(),
    trx.selectFrom('case_services').select('status').where('case_id', '=', caseRow.id).execute(),
  ]);
  return pathwayFactsOf(caseRow, { consents, screenings: Number(screenings.count), referrals, services });
}

/** Keeps the stored step current after a change, so worklists read one column. */
export async function refreshStep(trx: Transaction<Database>, caseId: string): Promise<void> {
  const row = await trx.selectFrom('nrm_cases').select(['id', 'status', 'latest_decision']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const step = currentStep(await loadPathwayFacts(trx, row));
  await trx.updateTable('nrm_cases').set({ step, updated_at: sql`now()` }).where('id', '=', caseId).execute();
}

export async function referralsOf(trx: Transaction<Database>, caseIds: readonly string[]): Promise<(Selectable<CaseReferralsTable> & { case_code: string })[]> {
  if (caseIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom('case_referrals')
    .innerJoin('nrm_cases', 'nrm_cases.id', 'case_referrals.case_id')
    .selectAll('case_referrals')
    .select('nrm_cases.code as case_code')
    .where('case_referrals.case_id', 'in', caseIds)
    .orderBy('case_referrals.requested_at', 'asc')
    .execute();
}

export async function servicesOf(trx: Transaction<Database>, caseId: string): Promise<Selectable<CaseServicesTable>[]> {
  return trx.selectFrom('case_services').selectAll().where('case_id', '=', caseId).orderBy('updated_at', 'asc').execute();
}
