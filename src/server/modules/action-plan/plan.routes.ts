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
} from '../../../shared/plan.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { importPlan, listPlans, planCalendar, previewImport } from './plan.service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

export function registerPlanRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database } = context;

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
    async () => listPlans({ database }),
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
    async (request) => planCalendar({ database, planId: request.params.id, organizationCode: request.query.organization }),
  );
}
