import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { CommissionMeetingStatus, CommissionMemberKind, Database } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which commissions a reader reaches: all, or those its organization sits on today or serves as working body. */
export type CommissionReach = { kind: 'all' } | { kind: 'member'; organizationId: string; today: string };

const organizationColumns = ['code', 'name_ru', 'name_kk', 'name_en', 'abbreviation_ru', 'abbreviation_kk', 'abbreviation_en'] as const;
export type OrganizationRow = { id: string; kind: string; by_agreement: boolean } & Record<(typeof organizationColumns)[number], string>;

function reachable(reach: CommissionReach) {
  return (eb: ExpressionBuilder<Database, 'commissions'>): Expression<SqlBool> => {
    if (reach.kind === 'all') {
      return sql<boolean>`true`;
    }
    return eb.or([
      eb.exists(
        eb
          .selectFrom('commission_members as m')
          .select('m.id')
          .whereRef('m.commission_id', '=', 'commissions.id')
          .where('m.organization_id', '=', reach.organizationId)
          .where('m.member_from', '<=', reach.today)
          .where((inner) => inner.or([inner('m.member_to', 'is', null), inner('m.member_to', '>=', reach.today)])),
      ),
      eb.exists(
        eb
          .selectFrom('commission_working_bodies as w')
          .select('w.id')
          .whereRef('w.commission_id', '=', 'commissions.id')
          .where('w.organization_id', '=', reach.organizationId)
          .where('w.period_to', 'is', null),
      ),
    ]);
  };
}

export async function selectOrganizations(db: Executor, filter: { codes?: string[]; ids?: string[] }): Promise<OrganizationRow[]> {
  const codes = filter.codes ?? [];
  const ids = filter.ids ?? [];
  if (codes.length === 0 && ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('organizations')
    .select(['id', 'kind', 'by_agreement', ...organizationColumns])
    .where((eb) => eb.or([...(codes.length > 0 ? [eb('code', 'in', codes)] : []), ...(ids.length > 0 ? [eb('id', 'in', ids)] : [])]))
    .execute();
}

export async function insertCommission(
  trx: Transaction<Database>,
  commission: {
    level: 'national' | 'regional';
    akimatOrganizationId: string | null;
    name: { ru: string; kk: string; en: string };
    establishedOn: string;
    noticeDays: number;
    rotation: { firstOrganizationId: string; secondOrganizationId: string; years: number } | null;
    decisionsPlanId: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('commissions')
    .values({
      level: commission.level,
      akimat_organization_id: commission.akimatOrganizationId,
      name_ru: commission.name.ru,
      name_kk: commission.name.kk,
      name_en: commission.name.en,
      established_on: commission.establishedOn,
      notice_days: commission.noticeDays,
      rotation_first_organization_id: commission.rotation?.firstOrganizationId ?? null,
      rotation_second_organization_id: commission.rotation?.secondOrganizationId ?? null,
      rotation_years: commission.rotation?.years ?? 2,
      decisions_plan_id: commission.decisionsPlanId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNoticeDays(trx: Transaction<Database>, commissionId: string, noticeDays: number): Promise<void> {
  await trx.updateTable('commissions').set({ notice_days: noticeDays }).where('id', '=', commissionId).execute();
}

export async function selectCommissions(db: Executor, reach: CommissionReach) {
  return db.selectFrom('commissions').selectAll().where(reachable(reach)).orderBy('level').orderBy('established_on').execute();
}

export async function selectCommission(db: Executor, commissionId: string, reach: CommissionReach) {
  return db.selectFrom('commissions').selectAll().where('id', '=', commissionId).where(reachable(reach)).executeTakeFirst();
}

/** Serializes changes to one commission (meeting numbers, hand-overs). */
export async function lockCommission(trx: Transaction<Database>, commissionId: string) {
  return trx.selectFrom('commissions').selectAll().where('id', '=', commissionId).forUpdate().executeTakeFirst();
}

export async function selectMembers(db: Executor, commissionIds: string[]) {
  if (commissionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('commission_members')
    .selectAll()
    .where('commission_id', 'in', commissionIds)
    .orderBy('member_from')
    .orderBy('id')
    .execute();
}

export async function insertMember(
  trx: Transaction<Database>,
  member: { commissionId: string; organizationId: string; kind: CommissionMemberKind; from: string },
): Promise<string> {
  const row = await trx
    .insertInto('commission_members')
    .values({ commission_id: member.commissionId, organization_id: member.organizationId, kind: member.kind, member_from: member.from })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endMember(trx: Transaction<Database>, memberId: string, on: string): Promise<void> {
  await trx.updateTable('commission_members').set({ member_to: on }).where('id', '=', memberId).execute();
}

export async function selectWorkingBodies(db: Executor, commissionIds: string[]) {
  if (commissionIds.length === 0) {
    return [];
  }
  return db.selectFrom('commission_working_bodies').selectAll().where('commission_id', 'in', commissionIds).orderBy('period_from').execute();
}

export async function insertWorkingBody(
  trx: Transaction<Database>,
  period: { commissionId: string; organizationId: string; from: string; to?: string | null },
): Promise<void> {
  await trx
    .insertInto('commission_working_bodies')
    .values({ commission_id: period.commissionId, organization_id: period.organizationId, period_from: period.from, period_to: period.to ?? null })
    .execute();
}

export async function closeWorkingBody(trx: Transaction<Database>, commissionId: string, on: string): Promise<void> {
  await trx.updateTable('commission_working_bodies').set({ period_to: on }).where('commission_id', '=', commissionId).where('period_to', 'is', null).execute();
}

export async function selectMeetings(db: Executor, commissionIds: string[]) {
  if (commissionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('commission_meetings as m')
    .selectAll('m')
    .select([
      sql<number>`(select count(*)::int from commission_notices n where n.meeting_id = m.id)`.as('notices_sent'),
      sql<number>`(select count(*)::int from commission_decisions d where d.meeting_id = m.id)`.as('decisions'),
    ])
    .where('m.commission_id', 'in', commissionIds)
    .orderBy('m.number')
    .execute();
}

export async function selectMeeting(db: Executor, commissionId: string, number: number) {
  return db.selectFrom('commission_meetings').selectAll().where('commission_id', '=', commissionId).where('number', '=', number).executeTakeFirst();
}

export async function insertMeeting(
  trx: Transaction<Database>,
  meeting: { commissionId: string; number: number; date: string; place: string; agenda: string[]; status?: CommissionMeetingStatus },
): Promise<string> {
  const row = await trx
    .insertInto('commission_meetings')
    .values({
      commission_id: meeting.commissionId,
      number: meeting.number,
      meeting_date: meeting.date,
      place: meeting.place,
      agenda: meeting.agenda,
      status: meeting.status ?? 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function selectLastMeetingNumber(trx: Transaction<Database>, commissionId: string): Promise<number> {
  const row = await trx
    .selectFrom('commission_meetings')
    .select(sql<number>`coalesce(max(number), 0)::int`.as('last'))
    .where('commission_id', '=', commissionId)
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function updateMeetingStatus(trx: Transaction<Database>, meetingId: string, status: CommissionMeetingStatus): Promise<void> {
  await trx.updateTable('commission_meetings').set({ status }).where('id', '=', meetingId).execute();
}

export async function updateMinutes(trx: Transaction<Database>, meetingId: string, minutes: { text: string; published: boolean }): Promise<void> {
  await trx
    .updateTable('commission_meetings')
    .set({ status: 'held', minutes: minutes.text, minutes_published: minutes.published, minutes_recorded_at: new Date() })
    .where('id', '=', meetingId)
    .execute();
}

/** One notice per member organization; a member noticed before keeps its first notice. */
export async function insertNotices(trx: Transaction<Database>, meetingId: string, organizationIds: string[], sentBy: string | null): Promise<number> {
  if (organizationIds.length === 0) {
    return 0;
  }
  const rows = await trx
    .insertInto('commission_notices')
    .values(organizationIds.map((organizationId) => ({ meeting_id: meetingId, organization_id: organizationId, sent_by: sentBy })))
    .onConflict((oc) => oc.columns(['meeting_id', 'organization_id']).doNothing())
    .returning('organization_id')
    .execute();
  return rows.length;
}

export async function selectNotices(db: Executor, meetingId: string) {
  return db.selectFrom('commission_notices').select(['organization_id', 'sent_at']).where('meeting_id', '=', meetingId).execute();
}

export async function selectNoticesTo(db: Executor, organizationId: string) {
  return db
    .selectFrom('commission_notices as n')
    .innerJoin('commission_meetings as m', 'm.id', 'n.meeting_id')
    .innerJoin('commissions as c', 'c.id', 'm.commission_id')
    .select(['c.id as commission_id', 'c.name_ru', 'c.name_kk', 'c.name_en', 'm.number', 'm.meeting_date', 'm.place', 'm.status', 'm.agenda', 'n.sent_at'])
    .where('n.organization_id', '=', organizationId)
    .orderBy('m.meeting_date', 'desc')
    .orderBy('m.number', 'desc')
    .execute();
}

export async function selectDecisions(db: Executor, meetingId: string) {
  return db
    .selectFrom('commission_decisions as d')
    .innerJoin('plan_measures as pm', 'pm.id', 'd.measure_id')
    .select(['d.measure_id', 'd.position', 'pm.number', 'pm.action', 'pm.deadline_rule'])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.position')
    .execute();
}

export async function selectDecisionBodies(db: Executor, measureIds: string[]) {
  if (measureIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('plan_measure_bodies')
    .select(['measure_id', 'organization_id', 'lead', 'position'])
    .where('measure_id', 'in', measureIds)
    .orderBy('position')
    .execute();
}

export async function insertDecision(trx: Transaction<Database>, decision: { measureId: string; meetingId: string; position: number }): Promise<void> {
  await trx.insertInto('commission_decisions').values({ measure_id: decision.measureId, meeting_id: decision.meetingId, position: decision.position }).execute();
}

/** What anyone may read: every commission, its meetings' number, date and status, and only published minutes. */
export async function selectPublicMeetings(db: Executor) {
  return db
    .selectFrom('commissions as c')
    .leftJoin('commission_meetings as m', 'm.commission_id', 'c.id')
    .select([
      'c.id',
      'c.level',
      'c.name_ru',
      'c.name_kk',
      'c.name_en',
      'm.number',
      'm.meeting_date',
      'm.status',
      sql<string | null>`case when m.minutes_published then m.minutes end`.as('published_minutes'),
    ])
    .orderBy('c.level')
    .orderBy('c.established_on')
    .orderBy('m.number', 'desc')
    .execute();
}

export async function insertReport(
  trx: Transaction<Database>,
  report: { commissionId: string; reportingDate: string; language: 'ru' | 'en'; content: Buffer; publishedBy: string },
): Promise<string> {
  const row = await trx
    .insertInto('commission_reports')
    .values({
      commission_id: report.commissionId,
      reporting_date: report.reportingDate,
      language: report.language,
      content: report.content,
      size_bytes: report.content.length,
      published_by: report.publishedBy,
    })
    .onConflict((oc) => oc.columns(['commission_id', 'reporting_date', 'language']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? '';
}

export async function selectReports(db: Executor, commissionIds: string[]) {
  if (commissionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('commission_reports')
    .select(['id', 'commission_id', 'reporting_date', 'language', 'published_at'])
    .where('commission_id', 'in', commissionIds)
    .orderBy('reporting_date', 'desc')
    .orderBy('language', 'desc')
    .execute();
}

export async function selectReportContent(db: Executor, reportId: string) {
  return db.selectFrom('commission_reports').select(['content', 'reporting_date', 'language']).where('id', '=', reportId).executeTakeFirst();
}
