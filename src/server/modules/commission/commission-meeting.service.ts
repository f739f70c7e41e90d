import type { z } from 'zod';
import type { decisionRequestSchema, meetingSchema, minutesRequestSchema, scheduleMeetingRequestSchema } from '../../../shared/commission.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { SenimDatabase } from '../../db/database.js';
import type { Actor, RequestOrigin } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { deadlineRuleSchema } from '../action-plan/deadline-rule.js';
import { meetingWarnings, noticeDueDate, noticeStanding } from './commission-rules.js';
import {
  insertDecision,
  insertMeeting,
  insertNotices,
  lockCommission,
  selectDecisionBodies,
  selectDecisions,
  selectLastMeetingNumber,
  selectMeeting,
  selectMeetings,
  selectMembers,
  selectNotices,
  selectOrganizations,
  updateMeetingStatus,
  updateMinutes,
} from './commission.repo.js';
import { currentWorkingBodyOf, mayManage, requireManageable, requireReadable } from './commission.service.js';
import { commissionName, commissionToday, isCurrentMember, organizationRef, type CommissionRow } from './commission.view.js';
import { requireOrganizations } from './commission-setup.service.js';
import { insertDecisionMeasure } from './decisions-plan.repo.js';

type Meeting = z.infer<typeof meetingSchema>;

interface MeetingChange {
  database: SenimDatabase;
  actor: Actor;
  commissionId: string;
  number: number;
  origin?: RequestOrigin;
}

async function requireMeeting(database: SenimDatabase, commission: CommissionRow, number: number) {
  const meeting = await selectMeeting(database.db, commission.id, number);
  if (!meeting) {
    throw new AppError('not_found', `The commission has no meeting ${number}`);
  }
  return meeting;
}

async function meetingView(database: SenimDatabase, actor: Actor, commission: CommissionRow, number: number): Promise<Meeting> {
  const meeting = await requireMeeting(database, commission, number);
  const today = commissionToday();
  const [members, notices, decisions, meetings] = await Promise.all([
    selectMembers(database.db, [commission.id]),
    selectNotices(database.db, meeting.id),
    selectDecisions(database.db, meeting.id),
    selectMeetings(database.db, [commission.id]),
  ]);
  const bodies = await selectDecisionBodies(database.db, decisions.map((decision) => decision.measure_id));
  const sentAt = new Map(notices.map((notice) => [notice.organization_id, new Date(notice.sent_at)]));
  // Every member seated today, and any member noticed before it left.
  const addressees = [...new Set([...members.filter((member) => isCurrentMember(member, today)).map((member) => member.organization_id), ...sentAt.keys()])];
  const organizations = new Map(
    (await selectOrganizations(database.db, { ids: [...new Set([...addressees, ...bodies.map((body) => body.organization_id)])] })).map((row) => [row.id, row]),
  );
  const ref = (id: string) => {
    const row = organizations.get(id);
    if (!row) {
      throw new Error(`organization ${id} vanished`);
    }
    return organizationRef(row);
  };
  const warning = meetingWarnings(
    meetings.map((row) => ({ number: row.number, date: row.meeting_date, status: row.status })),
    today,
  ).warnings.find((candidate) => candidate.kind === 'gap' && candidate.beforeNumber === meeting.number);
  const workingBodyIsActor = mayManage(actor, await currentWorkingBodyOf(database, commission.id));
  return {
    commissionId: commission.id,
    commissionName: commissionName(commission),
    decisionsPlanId: commission.decisions_plan_id,
    number: meeting.number,
    date: meeting.meeting_date,
    place: meeting.place,
    agenda: meeting.agenda,
    status: meeting.status,
    noticeDueBy: noticeDueDate(meeting.meeting_date, commission.notice_days),
    notices: addressees
      .map((organizationId) => {
        const sent = sentAt.get(organizationId) ?? null;
        return {
          organization: ref(organizationId),
          sentAt: sent?.toISOString() ?? null,
          standing: noticeStanding({ meetingDate: meeting.meeting_date, noticeDays: commission.notice_days, sentOn: sent ? todayInKazakhstan(sent) : null, today }),
        };
      })
      .sort((a, b) => a.organization.code.localeCompare(b.organization.code)),
    minutes: meeting.minutes,
    minutesPublished: meeting.minutes_published,
    decisions: decisions.map((decision) => {
      const rule = deadlineRuleSchema.safeParse(decision.deadline_rule);
      return {
        position: decision.position,
        measureNumber: decision.number,
        text: decision.action,
        dueDate: rule.success && rule.data.kind === 'once' ? rule.data.due : meeting.meeting_date,
        responsible: bodies.filter((body) => body.measure_id === decision.measure_id).map((body) => ({ organization: ref(body.organization_id), lead: body.lead })),
      };
    }),
    warning: warning ?? null,
    canManage: workingBodyIsActor,
  };
}

export async function getMeeting(input: { database: SenimDatabase; actor: Actor; commissionId: string; number: number }): Promise<Meeting> {
  const commission = await requireReadable(input.database, input.actor, input.commissionId);
  return meetingView(input.database, input.actor, commission, input.number);
}

/** The working body schedules the next meeting; it takes the next number. */
export async function scheduleMeeting(input: Omit<MeetingChange, 'number'> & { request: z.infer<typeof scheduleMeetingRequestSchema> }): Promise<Meeting> {
  const { database, actor, request } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const number = await database.db.transaction().execute(async (trx) => {
    await lockCommission(trx, commission.id);
    const latest = (await selectMeetings(trx, [commission.id])).filter((meeting) => meeting.status !== 'cancelled').at(-1);
    if (latest && request.date < latest.meeting_date) {
      throw new AppError('unprocessable', `Meetings are numbered in date order; meeting ${latest.number} is on ${latest.meeting_date}`, {
        fields: [{ field: 'body.date', message: `must be on or after ${latest.meeting_date}` }],
      });
    }
    const next = (await selectLastMeetingNumber(trx, commission.id)) + 1;
    const meetingId = await insertMeeting(trx, { commissionId: commission.id, number: next, date: request.date, place: request.place, agenda: request.agenda });
    await recordAudit(trx, {
      actor,
      action: 'commission.meeting_scheduled',
      record: { type: 'commission_meeting', id: meetingId },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { commissionId: commission.id, number: next, date: request.date, agendaItems: request.agenda.length },
    });
    return next;
  });
  return meetingView(database, actor, commission, number);
}

export async function cancelMeeting(input: MeetingChange): Promise<Meeting> {
  const { database, actor } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const meeting = await requireMeeting(database, commission, input.number);
  if (meeting.status !== 'scheduled') {
    throw new AppError('conflict', `Only a scheduled meeting can be cancelled; this one is ${meeting.status}`);
  }
  await database.db.transaction().execute(async (trx) => {
    await updateMeetingStatus(trx, meeting.id, 'cancelled');
    await recordAudit(trx, { actor, action: 'commission.meeting_cancelled', record: { type: 'commission_meeting', id: meeting.id }, ...(input.origin ? { origin: input.origin } : {}) });
  });
  return meetingView(database, actor, commission, input.number);
}

/**
 * Notice with the agenda goes to every member seated today, NGOs and
 * observers included. A member added later is noticed by sending again;
 * those already noticed keep their first notice.
 */
export async function sendNotice(input: MeetingChange): Promise<Meeting> {
  const { database, actor } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const meeting = await requireMeeting(database, commission, input.number);
  if (meeting.status !== 'scheduled') {
    throw new AppError('conflict', `Notice goes out for a scheduled meeting; this one is ${meeting.status}`);
  }
  const today = commissionToday();
  const addressees = (await selectMembers(database.db, [commission.id])).filter((member) => isCurrentMember(member, today)).map((member) => member.organization_id);
  if (addressees.length === 0) {
    throw new AppError('conflict', 'The commission has no members today to send notice to');
  }
  await database.db.transaction().execute(async (trx) => {
    const sent = await insertNotices(trx, meeting.id, [...new Set(addressees)], actor.kind === 'user' ? actor.userId : null);
    await recordAudit(trx, {
      actor,
      action: 'commission.notice_sent',
      record: { type: 'commission_meeting', id: meeting.id },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { commissionId: commission.id, number: meeting.number, sent, dueBy: noticeDueDate(meeting.meeting_date, commission.notice_days) },
    });
  });
  return meetingView(database, actor, commission, input.number);
}

/** Minutes are written once the meeting has taken place; recording them marks it held. */
export async function recordMinutes(input: MeetingChange & { request: z.infer<typeof minutesRequestSchema> }): Promise<Meeting> {
  const { database, actor, request } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const meeting = await requireMeeting(database, commission, input.number);
  if (meeting.status === 'cancelled') {
    throw new AppError('conflict', 'A cancelled meeting has no minutes');
  }
  if (meeting.meeting_date > commissionToday()) {
    throw new AppError('conflict', `The meeting takes place on ${meeting.meeting_date}; record its minutes after it`);
  }
  await database.db.transaction().execute(async (trx) => {
    await updateMinutes(trx, meeting.id, { text: request.text, published: request.published });
    await recordAudit(trx, {
      actor,
      action: 'commission.minutes_recorded',
      record: { type: 'commission_meeting', id: meeting.id },
      fields: ['minutes', 'published'],
      ...(input.origin ? { origin: input.origin } : {}),
      details: { commissionId: commission.id, number: meeting.number, published: request.published },
    });
  });
  return meetingView(database, actor, commission, input.number);
}

/**
 * A decision of a held meeting becomes a measure of the commission's
 * decisions plan, due once on its due date, with its responsible bodies (the
 * first leads): each body then owes a report on it like on any plan measure.
 */
export async function recordDecision(input: MeetingChange & { request: z.infer<typeof decisionRequestSchema> }): Promise<Meeting> {
  const { database, actor, request } = input;
  const commission = await requireManageable(database, actor, input.commissionId);
  const meeting = await requireMeeting(database, commission, input.number);
  if (meeting.status !== 'held') {
    throw new AppError('conflict', 'Record the minutes of the meeting before its decisions');
  }
  if (request.dueDate < meeting.meeting_date) {
    throw new AppError('unprocessable', 'A decision cannot fall due before the meeting that took it', {
      fields: [{ field: 'body.dueDate', message: `must be on or after ${meeting.meeting_date}` }],
    });
  }
  const codes = [...new Set(request.responsible)];
  const byCode = await requireOrganizations(database, codes.map((code) => ({ code, field: 'body.responsible' })));
  await database.db.transaction().execute(async (trx) => {
    const position = (await selectDecisions(trx, meeting.id)).length + 1;
    const measure = await insertDecisionMeasure(trx, {
      planId: commission.decisions_plan_id,
      action: request.text,
      completionForm: `Information to the working body (decision ${meeting.number}.${position})`,
      deadlineText: `By ${request.dueDate}`,
      deadlineRule: { kind: 'once', from: meeting.meeting_date, due: request.dueDate, label: `Meeting ${meeting.number}, decision ${position}` },
      dueYear: Number(request.dueDate.slice(0, 4)),
      bodies: codes.map((code) => {
        const organization = byCode.get(code);
        return { organizationId: organization?.id ?? '', writtenAs: code, byAgreement: organization?.by_agreement ?? false };
      }),
    });
    await insertDecision(trx, { measureId: measure.id, meetingId: meeting.id, position });
    await recordAudit(trx, {
      actor,
      action: 'commission.decision_recorded',
      record: { type: 'plan_measure', id: measure.id },
      ...(input.origin ? { origin: input.origin } : {}),
      details: { commissionId: commission.id, meeting: meeting.number, position, measure: measure.number, dueDate: request.dueDate, responsible: codes.join(',') },
    });
  });
  return meetingView(database, actor, commission, input.number);
}
