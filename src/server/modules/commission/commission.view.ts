import type { z } from 'zod';
import type { commissionListSchema, commissionSchema } from '../../../shared/commission.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Selectable } from 'kysely';
import type { CommissionsTable } from '../../db/schema.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { meetingWarnings, proposeNextWorkingBody } from './commission-rules.js';
import { selectMeetings, selectMembers, selectOrganizations, selectReports, selectWorkingBodies, type OrganizationRow } from './commission.repo.js';

// Meeting days, notice days and terms are Kazakhstan's.
export const commissionToday = (): string => todayInKazakhstan();

export type CommissionRow = Selectable<CommissionsTable>;
type CommissionHeader = z.infer<typeof commissionListSchema>['items'][number];
type CommissionView = z.infer<typeof commissionSchema>;

export function organizationRef(row: OrganizationRow) {
  return {
    code: row.code,
    name: { ru: row.name_ru, kk: row.name_kk, en: row.name_en },
    abbreviation: { ru: row.abbreviation_ru, kk: row.abbreviation_kk, en: row.abbreviation_en },
  };
}

export function commissionName(row: { name_ru: string; name_kk: string; name_en: string }) {
  return { ru: row.name_ru, kk: row.name_kk, en: row.name_en };
}

export const isCurrentMember = (member: { member_from: string; member_to: string | null }, on: string): boolean =>
  member.member_from <= on && (member.member_to === null || member.member_to >= on);

/** Everything about a set of commissions, read at once, with the organizations they name. */
export async function loadCommissions(database: SenimDatabase, rows: CommissionRow[]) {
  const ids = rows.map((row) => row.id);
  const [members, workingBodies, meetings, reports] = await Promise.all([
    selectMembers(database.db, ids),
    selectWorkingBodies(database.db, ids),
    selectMeetings(database.db, ids),
    selectReports(database.db, ids),
  ]);
  const organizationIds = [
    ...members.map((member) => member.organization_id),
    ...workingBodies.map((period) => period.organization_id),
    ...rows.flatMap((row) => [row.akimat_organization_id, row.rotation_first_organization_id, row.rotation_second_organization_id]),
  ].filter((id): id is string => id !== null);
  const organizations = new Map((await selectOrganizations(database.db, { ids: [...new Set(organizationIds)] })).map((row) => [row.id, row]));
  const organization = (id: string) => {
    const row = organizations.get(id);
    if (!row) {
      throw new Error(`organization ${id} vanished`);
    }
    return row;
  };
  return {
    organization,
    membersOf: (commissionId: string) => members.filter((member) => member.commission_id === commissionId),
    workingBodiesOf: (commissionId: string) => workingBodies.filter((period) => period.commission_id === commissionId),
    meetingsOf: (commissionId: string) => meetings.filter((meeting) => meeting.commission_id === commissionId),
    reportsOf: (commissionId: string) => reports.filter((report) => report.commission_id === commissionId).map(publishedReport),
  };
}

type Loaded = Awaited<ReturnType<typeof loadCommissions>>;

export function currentWorkingBodyId(loaded: Loaded, commissionId: string): string | null {
  return loaded.workingBodiesOf(commissionId).find((period) => period.period_to === null)?.organization_id ?? null;
}

export function headerOf(row: CommissionRow, loaded: Loaded, today: string): CommissionHeader {
  const workingBodyId = currentWorkingBodyId(loaded, row.id);
  const { nextMeetingDueBy, warnings } = meetingWarnings(
    loaded.meetingsOf(row.id).map((meeting) => ({ number: meeting.number, date: meeting.meeting_date, status: meeting.status })),
    today,
  );
  return {
    id: row.id,
    level: row.level,
    name: commissionName(row),
    akimat: row.akimat_organization_id ? organizationRef(loaded.organization(row.akimat_organization_id)) : null,
    establishedOn: row.established_on,
    noticeDays: row.notice_days,
    workingBody: workingBodyId ? organizationRef(loaded.organization(workingBodyId)) : null,
    nextMeetingDueBy,
    warnings,
  };
}

export function commissionView(row: CommissionRow, loaded: Loaded, input: { today: string; canManage: boolean }): CommissionView {
  const periods = loaded.workingBodiesOf(row.id);
  const first = row.rotation_first_organization_id;
  const second = row.rotation_second_organization_id;
  const rotation =
    first && second
      ? {
          bodies: [organizationRef(loaded.organization(first)), organizationRef(loaded.organization(second))] as const,
          years: row.rotation_years,
        }
      : null;
  return {
    ...headerOf(row, loaded, input.today),
    decisionsPlanId: row.decisions_plan_id,
    members: loaded.membersOf(row.id).map((member) => ({
      id: member.id,
      organization: organizationRef(loaded.organization(member.organization_id)),
      kind: member.kind,
      from: member.member_from,
      to: member.member_to,
      current: isCurrentMember(member, input.today),
    })),
    workingBodies: periods.map((period) => ({
      organization: organizationRef(loaded.organization(period.organization_id)),
      from: period.period_from,
      to: period.period_to,
    })),
    rotation: rotation && {
      bodies: [rotation.bodies[0], rotation.bodies[1]],
      years: rotation.years,
      proposal: proposeNextWorkingBody({
        periods: periods.map((period) => ({ organizationCode: organization(loaded, period.organization_id), from: period.period_from, to: period.period_to })),
        rotation: { bodies: [rotation.bodies[0].code, rotation.bodies[1].code], years: rotation.years },
      }),
    },
    meetings: loaded.meetingsOf(row.id).map((meeting) => ({
      number: meeting.number,
      date: meeting.meeting_date,
      place: meeting.place,
      status: meeting.status,
      minutesPublished: meeting.minutes_published,
      noticesSent: meeting.notices_sent,
      decisions: meeting.decisions,
    })),
    reports: loaded.reportsOf(row.id),
    canManage: input.canManage,
  };
}

export function publishedReport(row: { id: string; reporting_date: string; language: 'ru' | 'en'; published_at: Date }) {
  return { id: row.id, reportingDate: row.reporting_date, language: row.language, publishedAt: new Date(row.published_at).toISOString() };
}

function organization(loaded: Loaded, id: string): string {
  return loaded.organization(id).code;
}
