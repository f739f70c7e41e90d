import type { z } from 'zod';
import {
  commissionSchema,
  meetingSchema,
  type addMemberRequestSchema,
  type createCommissionRequestSchema,
  type decisionRequestSchema,
  type endMembershipRequestSchema,
  type handOverRequestSchema,
  type meetingWarningSchema,
  publishedReportSchema,
  type minutesRequestSchema,
  type publishReportRequestSchema,
  type scheduleMeetingRequestSchema,
} from '../../../shared/commission.schemas.js';
import { sendJson } from '../../api-client.js';

export type Commission = z.infer<typeof commissionSchema>;
export type CommissionMeeting = z.infer<typeof meetingSchema>;
export type MeetingWarning = z.infer<typeof meetingWarningSchema>;
export type OrganizationRef = Commission['members'][number]['organization'];

export const commissionsPath = '/api/v1/commissions';
export const publicCommissionsPath = '/api/v1/public/commissions';
export const myNoticesPath = '/api/v1/commission-notices';

export function commissionPath(commissionId: string): string {
  return `${commissionsPath}/${encodeURIComponent(commissionId)}`;
}

export function meetingPath(commissionId: string, number: number): string {
  return `${commissionPath(commissionId)}/meetings/${number}`;
}

export function commissionLink(commissionId: string): string {
  return `/commissions/${encodeURIComponent(commissionId)}`;
}

export function meetingLink(commissionId: string, number: number): string {
  return `${commissionLink(commissionId)}/meetings/${number}`;
}

export function scheduleMeeting(commissionId: string, request: z.input<typeof scheduleMeetingRequestSchema>): Promise<CommissionMeeting> {
  return sendJson('POST', `${commissionPath(commissionId)}/meetings`, { schema: meetingSchema, body: request });
}

export function sendNotice(commissionId: string, number: number): Promise<CommissionMeeting> {
  return sendJson('POST', `${meetingPath(commissionId, number)}/notice`, { schema: meetingSchema });
}

export function cancelMeeting(commissionId: string, number: number): Promise<CommissionMeeting> {
  return sendJson('POST', `${meetingPath(commissionId, number)}/cancel`, { schema: meetingSchema });
}

export function recordMinutes(commissionId: string, number: number, request: z.input<typeof minutesRequestSchema>): Promise<CommissionMeeting> {
  return sendJson('PUT', `${meetingPath(commissionId, number)}/minutes`, { schema: meetingSchema, body: request });
}

export function recordDecision(commissionId: string, number: number, request: z.input<typeof decisionRequestSchema>): Promise<CommissionMeeting> {
  return sendJson('POST', `${meetingPath(commissionId, number)}/decisions`, { schema: meetingSchema, body: request });
}

export function handOverWorkingBody(commissionId: string, request: z.input<typeof handOverRequestSchema>): Promise<Commission> {
  return sendJson('POST', `${commissionPath(commissionId)}/working-body`, { schema: commissionSchema, body: request });
}

export function addMember(commissionId: string, request: z.input<typeof addMemberRequestSchema>): Promise<Commission> {
  return sendJson('POST', `${commissionPath(commissionId)}/members`, { schema: commissionSchema, body: request });
}

export function endMembership(commissionId: string, memberId: string, request: z.input<typeof endMembershipRequestSchema>): Promise<Commission> {
  return sendJson('POST', `${commissionPath(commissionId)}/members/${encodeURIComponent(memberId)}/leave`, { schema: commissionSchema, body: request });
}

export function setNoticeDays(commissionId: string, noticeDays: number): Promise<Commission> {
  return sendJson('PATCH', commissionPath(commissionId), { schema: commissionSchema, body: { noticeDays } });
}

export function publishedReportLink(reportId: string): string {
  return `/api/v1/public/commission-reports/${encodeURIComponent(reportId)}`;
}

export function publishReport(commissionId: string, request: z.input<typeof publishReportRequestSchema>): Promise<z.infer<typeof publishedReportSchema>> {
  return sendJson('POST', `${commissionPath(commissionId)}/reports`, { schema: publishedReportSchema, body: request });
}

export function createCommission(request: z.input<typeof createCommissionRequestSchema>): Promise<Commission> {
  return sendJson('POST', commissionsPath, { schema: commissionSchema, body: request });
}
