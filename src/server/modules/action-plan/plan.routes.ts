import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/directory.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import {
  planCalendarQuerySchema,
  planCalendarSchema,
  planImportConfirmSchema,
  planImportPreviewSchema,
  planImportRequestSchema,
  planListSchema,
  obligationListSchema,
  obligationQuerySchema,
  planReportRequestSchema,
  planReportSchema,
  returnReportRequestSchema,
  measureDeadlineSchema,
  measureParamsSchema,
} from '../../../shared/plan.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { consolidationMediaType, renderConsolidatedReport } from './consolidated-report.render.js';
import { buildConsolidatedReport, getReport, listObligations, reviewReport, saveReport } from './plan-report.service.js';
import { deadlineRuleSchema } from './deadline-rule.js';
import { registerPlanFollowUpRoutes } from './plan-followup.routes.js';
import { importPlan, listPlans, previewImport, readPlanCalendar, setMeasureDeadline } from './plan.service.js';

// A file sent as it is: Fastify passes a Buffer through without serializing it.
const binaryDocumentSchema = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' });

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerPlanRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database } = context;
  registerPlanFollowUpRoutes(app, context);

  api.post(
    '/plans/import/preview',
    {
      config: { access: { permission: 'plans.manage' } },
      schema: {
        summary: 'Read a plan table without storing it: measures, deadlines as rules, and the problems to resolve',
        tags: ['action plans'],
        body: planImportRequestSchema,
        querystring: z.object({ language: z.enum(['ru', 'en']).default('en') }),
        response: { 200: planImportPreviewSchema, ...problems },
      },
    },
    async (request) => previewImport({ database, actor: actorOf(request), text: request.body.text, language: request.query.language }),
  );

  api.post(
    '/plans',
    {
      config: { access: { permission: 'plans.manage' } },
      schema: {
        summary: 'Import a plan once every problem of its preview is resolved (bodies mapped, the rest acknowledged)',
        tags: ['action plans'],
        body: planImportConfirmSchema,
        response: { 201: z.object({ id: z.uuid(), measures: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await importPlan({ database, actor: actorOf(request), request: request.body, origin: originOf(request) })),
  );

  api.get(
    '/plans',
    {
      config: { access: 'signed-in' },
      schema: { summary: 'Action Plans', tags: ['action plans'], response: { 200: planListSchema, ...problems } },
    },
    async (request) => listPlans({ database, actor: actorOf(request) }),
  );

  api.get(
    '/plans/:id/calendar',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Every report due under a plan, by measure, body and date',
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: planCalendarQuerySchema,
        response: { 200: planCalendarSchema, ...problems },
      },
    },
    async (request) => readPlanCalendar({ database, actor: actorOf(request), planId: request.params.id, organizationCode: request.query.organization }),
  );

  api.get(
    '/plans/:id/obligations',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      schema: {
        summary: 'Every report a body owes under a plan and where it stands (submitted, late, missing); the coordinating body sees all bodies',
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: obligationQuerySchema,
        response: { 200: obligationListSchema, ...problems },
      },
    },
    async (request) => listObligations({ database, actor: actorOf(request), planId: request.params.id, query: request.query }),
  );

  api.put(
    '/plans/:id/reports',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      schema: {
        summary: "Write your body's report on a measure for a period; submit it when ready",
        tags: ['action plans'],
        params: idParamsSchema,
        body: planReportRequestSchema,
        response: { 200: planReportSchema, ...problems },
      },
    },
    async (request) => saveReport({ database, actor: actorOf(request), planId: request.params.id, request: request.body, origin: originOf(request) }),
  );

  api.get(
    '/plan-reports/:id',
    {
      config: { access: { permission: 'plan_reports.submit' } },
      schema: { summary: 'One report with its history', tags: ['action plans'], params: idParamsSchema, response: { 200: planReportSchema, ...problems } },
    },
    async (request) => getReport({ database, actor: actorOf(request), reportId: request.params.id }),
  );

  api.post(
    '/plan-reports/:id/return',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: {
        summary: 'Return a submitted report for revision, saying what to revise (coordinating body)',
        tags: ['action plans'],
        params: idParamsSchema,
        body: returnReportRequestSchema,
        response: { 200: planReportSchema, ...problems },
      },
    },
    async (request) =>
      reviewReport({ database, actor: actorOf(request), reportId: request.params.id, decision: { kind: 'return', reason: request.body.reason }, origin: originOf(request) }),
  );

  api.post(
    '/plan-reports/:id/accept',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: { summary: 'Accept a submitted report (coordinating body)', tags: ['action plans'], params: idParamsSchema, response: { 200: planReportSchema, ...problems } },
    },
    async (request) => reviewReport({ database, actor: actorOf(request), reportId: request.params.id, decision: { kind: 'accept' }, origin: originOf(request) }),
  );

  api.get(
    '/plans/:id/consolidated-report',
    {
      config: { access: { permission: 'plan_reports.review' } },
      schema: {
        summary: 'The consolidated report for the Government by a reporting date, as DOCX, PDF or XLSX (coordinating body)',
        tags: ['action plans'],
        params: idParamsSchema,
        querystring: z.object({
          date: z.iso.date().describe('The reporting date, e.g. 2010-01-20; reports due in the six months up to it are counted'),
          format: z.enum(['docx', 'pdf', 'xlsx']),
          language: z.enum(['ru', 'en']).default('ru'),
        }),
        response: {
          200: {
            description: 'The document',
            content: Object.fromEntries(Object.values(consolidationMediaType).map((mediaType) => [mediaType, { schema: binaryDocumentSchema }])),
          },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { date, format, language } = request.query;
      const report = await buildConsolidatedReport({ database, actor: actorOf(request), planId: request.params.id, reportingDate: date, language });
      const document = await renderConsolidatedReport(report, format);
      return reply
        .type(consolidationMediaType[format])
        .header('content-disposition', `attachment; filename="consolidated-report-${date}-${language}.${format}"`)
        .send(document);
    },
  );

  api.put(
    '/plans/:id/measures/:number/deadline',
    {
      config: { access: { permission: 'plans.manage' } },
      schema: {
        summary: "Rewrite a measure's deadline rule (the reporting calendar follows)",
        tags: ['action plans'],
        params: measureParamsSchema,
        querystring: z.object({ language: z.enum(['ru', 'en']).default('en') }),
        body: z.object({ rule: deadlineRuleSchema }),
        response: { 200: measureDeadlineSchema, ...problems },
      },
    },
    async (request) =>
      setMeasureDeadline({
        database,
        actor: actorOf(request),
        planId: request.params.id,
        measureNumber: request.params.number,
        rule: request.body.rule,
        language: request.query.language,
        origin: originOf(request),
      }),
  );
}
