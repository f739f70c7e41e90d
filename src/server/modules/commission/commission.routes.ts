import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMemberRequestSchema,
  commissionListSchema,
  commissionParamsSchema,
  commissionSchema,
  createCommissionRequestSchema,
  decisionRequestSchema,
  endMembershipRequestSchema,
  handOverRequestSchema,
  meetingParamsSchema,
  meetingSchema,
  memberParamsSchema,
  minutesRequestSchema,
  myNoticesSchema,
  publicCommissionListSchema,
  publishedReportSchema,
  publishReportRequestSchema,
  reportParamsSchema,
  scheduleMeetingRequestSchema,
  updateCommissionRequestSchema,
} from '../../../shared/commission.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { publishConsolidatedReport, readPublishedReport } from './commission-report.service.js';
import { cancelMeeting, getMeeting, recordDecision, recordMinutes, scheduleMeeting, sendNotice } from './commission-meeting.service.js';
import { addMember, createCommission, endMembership, handOverWorkingBody, updateCommission } from './commission-setup.service.js';
import { getCommission, listCommissions, listMyNotices, listPublicCommissions } from './commission.service.js';

// A file sent as it is: Fastify passes a Buffer through without serializing it.
const pdfSchema = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' });

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['inter-agency commission'];
const manage = { access: { permission: 'commission.manage' as const } };
const read = { access: { permission: 'commission.read' as const } };

export function registerCommissionRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database } = context;

  api.get(
    '/public/commissions',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Commissions with their meetings (number, date, status) and published minutes, for anyone',
        tags,
        response: { 200: publicCommissionListSchema, ...problems },
      },
    },
    async () => listPublicCommissions({ database }),
  );

  api.get(
    '/commissions',
    { config: read, schema: { summary: 'The commissions your organization sits on, with warnings of meetings overdue', tags, response: { 200: commissionListSchema, ...problems } } },
    async (request) => listCommissions({ database, actor: actorOf(request) }),
  );

  api.post(
    '/commissions',
    {
      config: manage,
      schema: {
        summary: 'Set up a commission with its first working body (a coordinator: one its own body serves)',
        tags,
        body: createCommissionRequestSchema,
        response: { 201: commissionSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createCommission({ database, actor: actorOf(request), request: request.body, origin: originOf(request) })),
  );

  api.get(
    '/commissions/:id',
    {
      config: read,
      schema: { summary: 'A commission: members, working body history and rotation, meetings, warnings', tags, params: commissionParamsSchema, response: { 200: commissionSchema, ...problems } },
    },
    async (request) => getCommission({ database, actor: actorOf(request), commissionId: request.params.id }),
  );

  api.patch(
    '/commissions/:id',
    {
      config: manage,
      schema: { summary: 'Change how many days ahead notice goes to members', tags, params: commissionParamsSchema, body: updateCommissionRequestSchema, response: { 200: commissionSchema, ...problems } },
    },
    async (request) => updateCommission({ database, actor: actorOf(request), commissionId: request.params.id, request: request.body, origin: originOf(request) }),
  );

  api.post(
    '/commissions/:id/members',
    {
      config: manage,
      schema: { summary: 'Seat an organization on the commission', tags, params: commissionParamsSchema, body: addMemberRequestSchema, response: { 200: commissionSchema, ...problems } },
    },
    async (request) => addMember({ database, actor: actorOf(request), commissionId: request.params.id, request: request.body, origin: originOf(request) }),
  );

  api.post(
    '/commissions/:id/members/:memberId/leave',
    {
      config: manage,
      schema: { summary: 'End a membership on a date; it stays in the history', tags, params: memberParamsSchema, body: endMembershipRequestSchema, response: { 200: commissionSchema, ...problems } },
    },
    async (request) =>
      endMembership({ database, actor: actorOf(request), commissionId: request.params.id, memberId: request.params.memberId, request: request.body, origin: originOf(request) }),
  );

  api.post(
    '/commissions/:id/working-body',
    {
      config: manage,
      schema: {
        summary: 'Hand the working body over to another organization from a date; the decisions plan passes to it',
        tags,
        params: commissionParamsSchema,
        body: handOverRequestSchema,
        response: { 200: commissionSchema, ...problems },
      },
    },
    async (request) => handOverWorkingBody({ database, actor: actorOf(request), commissionId: request.params.id, request: request.body, origin: originOf(request) }),
  );

  api.post(
    '/commissions/:id/meetings',
    {
      config: manage,
      schema: { summary: 'Schedule the next meeting with its agenda; it takes the next number', tags, params: commissionParamsSchema, body: scheduleMeetingRequestSchema, response: { 201: meetingSchema, ...problems } },
    },
    async (request, reply) =>
      reply.code(201).send(await scheduleMeeting({ database, actor: actorOf(request), commissionId: request.params.id, request: request.body, origin: originOf(request) })),
  );

  api.get(
    '/commissions/:id/meetings/:number',
    {
      config: read,
      schema: { summary: 'A meeting: agenda, notice to each member, minutes (published or not) and decisions', tags, params: meetingParamsSchema, response: { 200: meetingSchema, ...problems } },
    },
    async (request) => getMeeting({ database, actor: actorOf(request), commissionId: request.params.id, number: request.params.number }),
  );

  const meetingStep = (summary: string) => ({ config: manage, schema: { summary, tags, params: meetingParamsSchema, response: { 200: meetingSchema, ...problems } } });

  api.post('/commissions/:id/meetings/:number/cancel', meetingStep('Cancel a scheduled meeting'), async (request) =>
    cancelMeeting({ database, actor: actorOf(request), commissionId: request.params.id, number: request.params.number, origin: originOf(request) }),
  );

  api.post('/commissions/:id/meetings/:number/notice', meetingStep('Send notice with the agenda to every current member, NGOs included'), async (request) =>
    sendNotice({ database, actor: actorOf(request), commissionId: request.params.id, number: request.params.number, origin: originOf(request) }),
  );

  api.put(
    '/commissions/:id/meetings/:number/minutes',
    {
      config: manage,
      schema: { summary: 'Record the minutes of a meeting held, and publish them or not', tags, params: meetingParamsSchema, body: minutesRequestSchema, response: { 200: meetingSchema, ...problems } },
    },
    async (request) =>
      recordMinutes({ database, actor: actorOf(request), commissionId: request.params.id, number: request.params.number, request: request.body, origin: originOf(request) }),
  );

  api.post(
    '/commissions/:id/meetings/:number/decisions',
    {
      config: manage,
      schema: {
        summary: 'Record a decision with its responsible bodies (the first leads) and due date; each body then owes a report on it',
        tags,
        params: meetingParamsSchema,
        body: decisionRequestSchema,
        response: { 201: meetingSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordDecision({ database, actor: actorOf(request), commissionId: request.params.id, number: request.params.number, request: request.body, origin: originOf(request) })),
  );

  api.get(
    '/commission-notices',
    { config: read, schema: { summary: 'Notices of commission meetings sent to your organization, newest meeting first', tags, response: { 200: myNoticesSchema, ...problems } } },
    async (request) => listMyNotices({ database, actor: actorOf(request) }),
  );

  api.post(
    '/commissions/:id/reports',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: {
        summary: 'Publish the consolidated report on the decisions by a reporting date (the working body); anyone may then read it',
        tags,
        params: commissionParamsSchema,
        body: publishReportRequestSchema,
        response: { 201: publishedReportSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await publishConsolidatedReport({
          database,
          actor: actorOf(request),
          commissionId: request.params.id,
          reportingDate: request.body.date,
          language: request.body.language,
          origin: originOf(request),
        }),
      ),
  );

  api.get(
    '/public/commission-reports/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'A consolidated report on a commission’s decisions that its working body published (PDF)',
        tags,
        params: reportParamsSchema,
        response: { 200: { description: 'The document', content: { 'application/pdf': { schema: pdfSchema } } }, ...problems },
      },
    },
    async (request, reply) => {
      const report = await readPublishedReport({ database, reportId: request.params.id });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${report.fileName}"`).send(report.content);
    },
  );
}
