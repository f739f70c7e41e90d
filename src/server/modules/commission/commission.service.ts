import type { z } from 'zod';
import type { commissionListSchema, commissionSchema, myNoticesSchema, publicCommissionListSchema } from '../../../shared/commission.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Actor, UserActor } from '../../platform/actor.js';
import { can, requirePermission } from '../../platform/policy.js';
import { selectCommission, selectCommissions, selectNoticesTo, selectPublicMeetings, selectReports, selectWorkingBodies, type CommissionReach } from './commission.repo.js';
import { commissionName, commissionToday, commissionView, currentWorkingBodyId, headerOf, loadCommissions, publishedReport, type CommissionRow } from './commission.view.js';

/** How far an actor reads: every commission, or those its organization sits on or serves as working body. */
export function readerReach(actor: Actor): CommissionReach {
  const scope = requirePermission(actor, 'commission.read');
  return actor.kind === 'system' || scope === 'all' ? { kind: 'all' } : { kind: 'member', organizationId: actor.organizationId, today: commissionToday() };
}

/** Manages: administers Senim, or coordinates the body serving as the commission's working body today. */
export function mayManage(actor: Actor, workingBodyId: string | null): boolean {
  const scope = can(actor, 'commission.manage');
  if (actor.kind === 'system' || scope === 'all') {
    return true;
  }
  return scope !== null && workingBodyId === actor.organizationId;
}

/** The organization serving as working body today, if any. */
export async function currentWorkingBodyOf(database: SenimDatabase, commissionId: string): Promise<string | null> {
  const periods = await selectWorkingBodies(database.db, [commissionId]);
  return periods.find((period) => period.period_to === null)?.organization_id ?? null;
}

/**
 * The decisions plans (Action Plans of level 'commission') of the commissions
 * the actor reads, or 'all'. A decisions plan shows the measures, bodies and
 * due dates of decisions whose minutes may be unpublished, so it follows the
 * commission's own access rules.
 */
export async function readableDecisionsPlanIds(database: SenimDatabase, actor: Actor): Promise<'all' | string[]> {
  if (can(actor, 'commission.read') === null) {
    return [];
  }
  const reach = readerReach(actor);
  if (reach.kind === 'all') {
    return 'all';
  }
  return (await selectCommissions(database.db, reach)).map((row) => row.decisions_plan_id);
}

export async function requireReadable(database: SenimDatabase, actor: Actor, commissionId: string): Promise<CommissionRow> {
  const row = await selectCommission(database.db, commissionId, readerReach(actor));
  if (!row) {
    throw new AppError('not_found', 'No such commission among those your organization sits on');
  }
  return row;
}

/**
 * A commission the actor may change. A member that is not the working body
 * is refused plainly; anyone else learns nothing of the commission.
 */
export async function requireManageable(database: SenimDatabase, actor: Actor, commissionId: string): Promise<CommissionRow> {
  requirePermission(actor, 'commission.manage');
  const row = await selectCommission(database.db, commissionId, { kind: 'all' });
  if (row && mayManage(actor, await currentWorkingBodyOf(database, row.id))) {
    return row;
  }
  const member = can(actor, 'commission.read') !== null && (await selectCommission(database.db, commissionId, readerReach(actor)));
  if (row && member) {
    throw new AppError('forbidden', 'Only the coordinator of the working body manages the commission');
  }
  throw new AppError('not_found', 'No such commission among those your body serves as working body');
}

export async function listCommissions(input: { database: SenimDatabase; actor: UserActor }): Promise<z.infer<typeof commissionListSchema>> {
  const rows = await selectCommissions(input.database.db, readerReach(input.actor));
  const loaded = await loadCommissions(input.database, rows);
  const today = commissionToday();
  return { items: rows.map((row) => headerOf(row, loaded, today)) };
}

export async function getCommission(input: { database: SenimDatabase; actor: Actor; commissionId: string }): Promise<z.infer<typeof commissionSchema>> {
  return viewOf(input.database, input.actor, await requireReadable(input.database, input.actor, input.commissionId));
}

async function viewOf(database: SenimDatabase, actor: Actor, row: CommissionRow): Promise<z.infer<typeof commissionSchema>> {
  const loaded = await loadCommissions(database, [row]);
  return commissionView(row, loaded, { today: commissionToday(), canManage: mayManage(actor, currentWorkingBodyId(loaded, row.id)) });
}

/** The commission as its manager left it: a body that just handed over may no longer reach it as a reader. */
export async function commissionAfterChange(input: { database: SenimDatabase; actor: Actor; commissionId: string }): Promise<z.infer<typeof commissionSchema>> {
  const row = await selectCommission(input.database.db, input.commissionId, { kind: 'all' });
  if (!row) {
    throw new AppError('not_found', 'No such commission');
  }
  return viewOf(input.database, input.actor, row);
}

/** The notices with agenda sent to the actor's organization, newest meeting first: the in-app post of members. */
export async function listMyNotices(input: { database: SenimDatabase; actor: UserActor }): Promise<z.infer<typeof myNoticesSchema>> {
  requirePermission(input.actor, 'commission.read');
  const rows = await selectNoticesTo(input.database.db, input.actor.organizationId);
  return {
    items: rows.map((row) => ({
      commissionId: row.commission_id,
      commissionName: commissionName(row),
      meetingNumber: row.number,
      date: row.meeting_date,
      place: row.place,
      status: row.status,
      agenda: row.agenda,
      sentAt: new Date(row.sent_at).toISOString(),
    })),
  };
}

/** The public page: meetings' number, date and status, the minutes and consolidated reports the working body published; nothing else. */
export async function listPublicCommissions(input: { database: SenimDatabase }): Promise<z.infer<typeof publicCommissionListSchema>> {
  const rows = await selectPublicMeetings(input.database.db);
  const reports = await selectReports(input.database.db, [...new Set(rows.map((row) => row.id))]);
  const items: z.infer<typeof publicCommissionListSchema>['items'] = [];
  for (const row of rows) {
    let commission = items.at(-1);
    if (commission?.id !== row.id) {
      const id = row.id;
      commission = { id, level: row.level, name: commissionName(row), meetings: [], reports: reports.filter((report) => report.commission_id === id).map(publishedReport) };
      items.push(commission);
    }
    if (row.number !== null && row.meeting_date !== null && row.status !== null) {
      commission.meetings.push({ number: row.number, date: row.meeting_date, status: row.status, minutes: row.published_minutes });
    }
  }
  return { items };
}
