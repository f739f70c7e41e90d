import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import {
  assessmentQuerySchema,
  attachmentUploadSchema,
  measureParamsSchema,
  nextPlanRequestSchema,
  planAssessmentSchema,
  planMeasureListSchema,
  planSummarySchema,
  reminderListSchema,
  reminderQuerySchema,
  reportAttachmentSchema,
} from '../../../shared/plan.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { assessmentDocument } from './plan-assessment.document.js';
import { buildAssessment, confirmPlan, listMeasures, myReminders, planReminders, removeDraftMeasure, seedNextPlan } from './plan-followup.service.js';
import { addAttachment, attachmentDisposition, readAttachment, removeAttachment } from './report-attachment.service.js';
import { documentMediaType, renderTabularDocument } from '../../platform/export/documents.js';

// A file sent as it is: Fastify passes a Buffer through without serializing it.
const binarySchema = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' });

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 422: problemSchema };

const attachmentListSchema = z.object({ items: z.array(reportAttachmentSchema) });

// Five MiB of file is about 6.7 MiB of base64; a larger body still reaches the schema, which names the field.
const ATTACHMENT_BODY_LIMIT = 10 * 1024 * 1024;

export function registerPlanFollowUpRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database } = context;

  api.get(
    '/plans/:id/reminders',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: {
        summary: 'Reports coming due (within the lead days) and overdue, for every body under a plan (coordinating body)',
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: reminderQuerySchema,
        response: { 200: reminderListSchema, ...problems },
      },
    },
    async (request) => planReminders({ database, actor: actorOf(request), planId: request.params.id, leadDays: request.query.leadDays, on: request.query.on }),
  );

  api.get(
    '/plan-reminders',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      schema: {
        summary: "Your body's reports coming due and overdue, across every plan in force",
        tags: ['action plans'],
        querystring: reminderQuerySchema,
        response: { 200: reminderListSchema, ...problems },
      },
    },
    async (request) => myReminders({ database, actor: actorOf(request), leadDays: request.query.leadDays, on: request.query.on }),
  );

  api.post(
    '/plan-reports/:id/attachments',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        summary: 'Attach a file (pdf, docx, xlsx, jpg, png, txt; at most 5 MiB) to your body’s report while it is a draft or returned',
        tags: ['action plans'],
        params: idParamsSchema,
        body: attachmentUploadSchema,
        response: { 201: attachmentListSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ items: await addAttachment({ database, actor: actorOf(request), reportId: request.params.id, upload: request.body, origin: originOf(request) }) }),
  );

  api.get(
    '/plan-report-attachments/:id',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      schema: {
        summary: 'Download a file attached to a report (the reporting body and the coordinating body)',
        tags: ['action plans'],
        params: idParamsSchema,
        response: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: binarySchema } } }, ...problems },
      },
    },
    async (request, reply) => {
      const file = await readAttachment({ database, actor: actorOf(request), attachmentId: request.params.id });
      return reply.type(file.mediaType).header('content-disposition', attachmentDisposition(file.fileName)).send(file.content);
    },
  );

  api.delete(
    '/plan-report-attachments/:id',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      schema: {
        summary: 'Remove a file from your body’s report while it is a draft or returned',
        tags: ['action plans'],
        params: idParamsSchema,
        response: { 200: attachmentListSchema, ...problems },
      },
    },
    async (request) => ({ items: await removeAttachment({ database, actor: actorOf(request), attachmentId: request.params.id, origin: originOf(request) }) }),
  );

  api.get(
    '/plans/:id/assessment',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: {
        summary: 'End-of-plan assessment: fulfilment per measure and body, money spent against the estimate, what was never reported (coordinating body)',
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: assessmentQuerySchema,
        response: { 200: planAssessmentSchema, ...problems },
      },
    },
    async (request) => buildAssessment({ database, actor: actorOf(request), planId: request.params.id, language: request.query.language, on: request.query.on }),
  );

  api.get(
    '/plans/:id/assessment/document',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: {
        summary: 'The end-of-plan assessment as DOCX, PDF or XLSX (coordinating body)',
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: assessmentQuerySchema.extend({ format: z.enum(['docx', 'pdf', 'xlsx']) }),
        response: {
          200: {
            description: 'The document',
            content: Object.fromEntries(Object.values(documentMediaType).map((mediaType) => [mediaType, { schema: binarySchema }])),
          },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { format, language, on } = request.query;
      const assessment = await buildAssessment({ database, actor: actorOf(request), planId: request.params.id, language, on });
      const document = await renderTabularDocument(assessmentDocument(assessment), format);
      return reply
        .type(documentMediaType[format])
        .header('content-disposition', `attachment; filename="plan-assessment-${assessment.assessedOn}-${language}.${format}"`)
        .send(document);
    },
  );

  api.post(
    '/plans/:id/next-plan',
    {
      config: { access: { permission: 'plans.manage' } },
      schema: {
        summary: 'Seed the draft of the next plan: measures not fulfilled and those that run throughout, with their bodies and rules',
        tags: ['action plans'],
        params: idParamsSchema,
        body: nextPlanRequestSchema,
        response: { 201: z.object({ id: z.uuid(), measures: z.number().int() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await seedNextPlan({ database, actor: actorOf(request), planId: request.params.id, request: request.body, origin: originOf(request) })),
  );

  const languageQuery = z.object({ language: z.enum(['ru', 'en']).default('ru') });

  api.get(
    '/plans/:id/measures',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: "A plan's measures with their bodies and deadlines in words",
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: languageQuery,
        response: { 200: planMeasureListSchema, ...problems },
      },
    },
    async (request) => listMeasures({ database, actor: actorOf(request), planId: request.params.id, language: request.query.language }),
  );

  api.delete(
    '/plans/:id/measures/:number',
    {
      config: { access: { permission: 'plans.manage' } },
      schema: {
        summary: 'Drop a measure from a draft plan before it is confirmed (the coordinating body)',
        tags: ['action plans'],
        params: measureParamsSchema,
        querystring: languageQuery,
        response: { 200: planMeasureListSchema, ...problems },
      },
    },
    async (request) =>
      removeDraftMeasure({
        database,
        actor: actorOf(request),
        planId: request.params.id,
        measureNumber: request.params.number,
        language: request.query.language,
        origin: originOf(request),
      }),
  );

  api.post(
    '/plans/:id/confirm',
    {
      config: { access: { permission: 'plans.manage' } },
      schema: {
        summary: 'Confirm a draft plan: it comes into force and its reports are owed',
        tags: ['action plans'],
        params: idParamsSchema,
        response: { 200: planSummarySchema, ...problems },
      },
    },
    async (request) => confirmPlan({ database, actor: actorOf(request), planId: request.params.id, origin: originOf(request) }),
  );
}
