import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  anonymousNotificationListSchema,
  anonymousNotificationRequestSchema,
  anonymousNotificationSchema,
  caseDetailSchema,
  caseEventListSchema,
  caseListQuerySchema,
  caseListSchema,
  caseServiceSchema,
  caseSummaryQuerySchema,
  caseSummarySchema,
  childProtectionRequestSchema,
  childProtectionSchema,
  closureRequestSchema,
  consentInputSchema,
  consentSchema,
  followUpRequestSchema,
  identificationDecisionSchema,
  identificationRequestSchema,
  intakeReceiptListSchema,
  intakeReceiptSchema,
  intakeRequestSchema,
  migrationStatusRequestSchema,
  migrationStatusSchema,
  nameWorkerRequestSchema,
  newQuestionnaireRequestSchema,
  providerListSchema,
  providerQuerySchema,
  questionnaireListSchema,
  questionnaireSchema,
  referralListSchema,
  referralRequestSchema,
  referralResponseRequestSchema,
  referralSchema,
  reopenRequestSchema,
  screeningRequestSchema,
  screeningSchema,
  serviceRequestSchema,
  serviceUpdateRequestSchema,
} from '../../../shared/case.schemas.js';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import { paginationQuerySchema, problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { fileAnonymousNotification, listAnonymousNotifications } from './anonymous-notification.service.js';
import { renderCaseSummaryPdf } from './case-summary.render.js';
import { caseSummaryForPrint } from './case-summary.service.js';
import {
  closeCase,
  listCaseEvents,
  listCases,
  listIntakeReceipts,
  nameWorker,
  readCase,
  recordConsent,
  recordFollowUp,
  recordIntake,
  reopenCase,
  updateChildProtection,
  updateMigrationStatus,
  withdrawConsent,
} from './case.service.js';
import { createReferral, listIncomingReferrals, listProviders, recordService, respondToReferral, updateService } from './referral.service.js';
import { listQuestionnaires, publishQuestionnaire, recordIdentificationDecision, recordScreening } from './screening.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['referral mechanism'];
const consentParamsSchema = z.object({ id: z.uuid('must be a UUID'), consentId: z.uuid('must be a UUID') });
const serviceParamsSchema = z.object({ id: z.uuid('must be a UUID'), serviceId: z.uuid('must be a UUID') });
const pdfSchema = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' });

export function registerCaseRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/cases',
    {
      config: { access: { permission: 'cases.intake' } },
      schema: { summary: 'Referral intake: open a case, with or without an identity', tags, body: intakeRequestSchema, response: { 201: intakeReceiptSchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await recordIntake({ context, actor: actorOf(request), intake: request.body, origin: originOf(request) })),
  );

  api.get(
    '/cases',
    {
      config: { access: { permission: 'cases.read' } },
      schema: { summary: 'Cases in reach, worklists, and search by case code or person', tags, querystring: caseListQuerySchema, response: { 200: caseListSchema, ...problems } },
    },
    async (request) => listCases({ context, actor: actorOf(request), query: request.query }),
  );

  api.get(
    '/cases/intakes',
    {
      config: { access: { permission: 'cases.intake' } },
      schema: {
        summary: 'Receipts of the cases I recorded: code, date and status only',
        tags,
        querystring: paginationQuerySchema,
        response: { 200: intakeReceiptListSchema, ...problems },
      },
    },
    async (request) => listIntakeReceipts({ context, actor: actorOf(request), limit: request.query.limit, offset: request.query.offset }),
  );

  api.get(
    '/cases/:id',
    {
      config: { access: { permission: 'cases.read' } },
      schema: { summary: 'The case page: step, what is due, who is involved, every record of the pathway', tags, params: idParamsSchema, response: { 200: caseDetailSchema, ...problems } },
    },
    async (request) => readCase({ context, actor: actorOf(request), caseId: request.params.id, origin: originOf(request) }),
  );

  api.get(
    '/cases/:id/events',
    {
      config: { access: { permission: 'cases.read' } },
      schema: { summary: 'The timeline of a case, newest first', tags, params: idParamsSchema, querystring: paginationQuerySchema, response: { 200: caseEventListSchema, ...problems } },
    },
    async (request) =>
      listCaseEvents({ context, actor: actorOf(request), caseId: request.params.id, limit: request.query.limit, offset: request.query.offset, origin: originOf(request) }),
  );

  api.get(
    '/cases/:id/summary.pdf',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        summary: 'Printable case summary; identifying data only on request, for users who may read it (audited)',
        tags,
        params: idParamsSchema,
        querystring: caseSummaryQuerySchema,
        response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: pdfSchema } } }, ...problems },
      },
    },
    async (request, reply) => {
      const summary = await caseSummaryForPrint({ context, actor: actorOf(request), caseId: request.params.id, query: request.query, origin: originOf(request) });
      const pdf = await renderCaseSummaryPdf(summary);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="case-${summary.detail.summary.code}.pdf"`).send(pdf);
    },
  );

  api.post(
    '/cases/:id/consents',
    {
      config: { access: { permission: 'cases.read' } },
      schema: { summary: 'Record what the person agreed to, or refused', tags, params: idParamsSchema, body: consentInputSchema, response: { 201: consentSchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await recordConsent({ context, actor: actorOf(request), caseId: request.params.id, consent: request.body, origin: originOf(request) })),
  );

  api.post(
    '/cases/:id/consents/:consentId/withdraw',
    {
      config: { access: { permission: 'cases.read' } },
      schema: { summary: 'The person withdraws a consent; police lose sight of the case with it', tags, params: consentParamsSchema, response: { 200: consentSchema, ...problems } },
    },
    async (request) => withdrawConsent({ context, actor: actorOf(request), caseId: request.params.id, consentId: request.params.consentId, origin: originOf(request) }),
  );

  api.get(
    '/screening/questionnaires',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        summary: 'The active indicator questionnaires',
        tags,
        querystring: z.object({ audience: z.enum(['adult', 'child']).optional() }),
        response: { 200: questionnaireListSchema, ...problems },
      },
    },
    async (request) => listQuestionnaires({ context, actor: actorOf(request), ...(request.query.audience ? { audience: request.query.audience } : {}) }),
  );

  api.post(
    '/screening/questionnaires',
    {
      config: { access: { permission: 'screening.configure' } },
      schema: { summary: 'Publish a new version of an indicator questionnaire', tags, body: newQuestionnaireRequestSchema, response: { 201: questionnaireSchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await publishQuestionnaire({ context, actor: actorOf(request), questionnaire: request.body, origin: originOf(request) })),
  );

  api.post(
    '/cases/:id/screenings',
    {
      config: { access: { permission: 'cases.screen' } },
      schema: {
        summary: 'Record an indicator screening; the Delphi rule gives a preliminary assessment (decision support only)',
        tags,
        params: idParamsSchema,
        body: screeningRequestSchema,
        response: { 201: screeningSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await recordScreening({ context, actor: actorOf(request), caseId: request.params.id, screening: request.body, origin: originOf(request) })),
  );

  api.post(
    '/cases/:id/identification-decisions',
    {
      config: { access: { permission: 'cases.identify' } },
      schema: {
        summary: 'Identification decision by an authorized organization, independent of criminal proceedings',
        tags,
        params: idParamsSchema,
        body: identificationRequestSchema,
        response: { 201: identificationDecisionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordIdentificationDecision({ context, actor: actorOf(request), caseId: request.params.id, decision: request.body, origin: originOf(request) })),
  );

  api.post(
    '/cases/:id/referrals',
    {
      config: { access: { permission: 'cases.refer' } },
      schema: { summary: 'Refer the person to a provider (needs consent, or an audited override)', tags, params: idParamsSchema, body: referralRequestSchema, response: { 201: referralSchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await createReferral({ context, actor: actorOf(request), caseId: request.params.id, referral: request.body, origin: originOf(request) })),
  );

  api.get(
    '/referrals/incoming',
    {
      config: { access: { permission: 'cases.referrals.respond' } },
      schema: {
        summary: 'Referrals to my organization',
        tags,
        querystring: paginationQuerySchema.extend({ status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']).default('pending') }),
        response: { 200: referralListSchema, ...problems },
      },
    },
    async (request) => listIncomingReferrals({ context, actor: actorOf(request), status: request.query.status, limit: request.query.limit, offset: request.query.offset }),
  );

  api.post(
    '/referrals/:id/response',
    {
      config: { access: { permission: 'cases.referrals.respond' } },
      schema: { summary: 'Accept a referral (with placement dates) or decline it with a reason', tags, params: idParamsSchema, body: referralResponseRequestSchema, response: { 200: referralSchema, ...problems } },
    },
    async (request) => respondToReferral({ context, actor: actorOf(request), referralId: request.params.id, response: request.body, origin: originOf(request) }),
  );

  api.get(
    '/referral-providers',
    {
      config: { access: { permission: 'cases.refer' } },
      schema: { summary: 'Providers in a region offering a service, with places taken and free', tags, querystring: providerQuerySchema, response: { 200: providerListSchema, ...problems } },
    },
    async (request) => listProviders({ context, actor: actorOf(request), query: request.query }),
  );

  api.post(
    '/cases/:id/services',
    {
      config: { access: { permission: 'cases.services.manage' } },
      schema: { summary: 'Add a service to the assistance plan', tags, params: idParamsSchema, body: serviceRequestSchema, response: { 201: caseServiceSchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await recordService({ context, actor: actorOf(request), caseId: request.params.id, service: request.body, origin: originOf(request) })),
  );

  api.put(
    '/cases/:id/services/:serviceId',
    {
      config: { access: { permission: 'cases.services.manage' } },
      schema: { summary: 'Update a service of the assistance plan', tags, params: serviceParamsSchema, body: serviceUpdateRequestSchema, response: { 200: caseServiceSchema, ...problems } },
    },
    async (request) =>
      updateService({ context, actor: actorOf(request), caseId: request.params.id, serviceId: request.params.serviceId, update: request.body, origin: originOf(request) }),
  );

  api.put(
    '/cases/:id/migration-status',
    {
      config: { access: { permission: 'cases.services.manage' } },
      schema: {
        summary: 'Foreign and stateless persons: documents, reflection period, stay, non-punishment, permits, return',
        tags,
        params: idParamsSchema,
        body: migrationStatusRequestSchema,
        response: { 200: migrationStatusSchema, ...problems },
      },
    },
    async (request) => updateMigrationStatus({ context, actor: actorOf(request), caseId: request.params.id, status: request.body, origin: originOf(request) }),
  );

  api.put(
    '/cases/:id/child-protection',
    {
      config: { access: { permission: 'cases.services.manage' } },
      schema: { summary: 'Children: guardian, best-interests assessment, placement', tags, params: idParamsSchema, body: childProtectionRequestSchema, response: { 200: childProtectionSchema, ...problems } },
    },
    async (request) => updateChildProtection({ context, actor: actorOf(request), caseId: request.params.id, protection: request.body, origin: originOf(request) }),
  );

  api.post(
    '/cases/:id/workers',
    {
      config: { access: { permission: 'cases.read' } },
      schema: {
        summary: 'Name a worker on the case (a child’s case is visible only to named workers)',
        tags,
        params: idParamsSchema,
        body: nameWorkerRequestSchema,
        response: { 201: z.object({ workers: z.array(z.object({ userId: z.uuid(), organizationId: z.uuid() })) }), ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await nameWorker({ context, actor: actorOf(request), caseId: request.params.id, email: request.body.email, origin: originOf(request) })),
  );

  api.post(
    '/cases/:id/closure',
    {
      config: { access: { permission: 'cases.close' } },
      schema: { summary: 'Close the case with its outcome (into follow-up by default)', tags, params: idParamsSchema, body: closureRequestSchema, response: { 200: caseSummarySchema, ...problems } },
    },
    async (request) => closeCase({ context, actor: actorOf(request), caseId: request.params.id, closure: request.body, origin: originOf(request) }),
  );

  api.post(
    '/cases/:id/follow-ups',
    {
      config: { access: { permission: 'cases.close' } },
      schema: { summary: 'Record a follow-up contact after closure', tags, params: idParamsSchema, body: followUpRequestSchema, response: { 201: caseSummarySchema, ...problems } },
    },
    async (request, reply) => reply.code(201).send(await recordFollowUp({ context, actor: actorOf(request), caseId: request.params.id, followUp: request.body, origin: originOf(request) })),
  );

  api.post(
    '/cases/:id/reopen',
    {
      config: { access: { permission: 'cases.intake' } },
      schema: { summary: 'The person came back: reopen, flagged as possible re-trafficking', tags, params: idParamsSchema, body: reopenRequestSchema, response: { 200: caseSummarySchema, ...problems } },
    },
    async (request) => reopenCase({ context, actor: actorOf(request), caseId: request.params.id, reopen: request.body, origin: originOf(request) }),
  );

  api.post(
    '/anonymous-notifications',
    {
      config: { access: { permission: 'cases.notify' } },
      schema: {
        summary: 'Notify without identity when an adult refuses everything, so the person is still counted',
        tags,
        body: anonymousNotificationRequestSchema,
        response: { 201: anonymousNotificationSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await fileAnonymousNotification({ context, actor: actorOf(request), notification: request.body, origin: originOf(request) })),
  );

  api.get(
    '/anonymous-notifications',
    {
      config: { access: { permission: 'cases.notify' } },
      schema: { summary: 'My organization’s anonymous notifications', tags, querystring: paginationQuerySchema, response: { 200: anonymousNotificationListSchema, ...problems } },
    },
    async (request) => listAnonymousNotifications({ context, actor: actorOf(request), limit: request.query.limit, offset: request.query.offset }),
  );
}
