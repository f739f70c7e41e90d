import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEventPageSchema, auditSearchQuerySchema } from '../../../shared/audit.schemas.js';
import { problemSchema } from '../../../shared/http.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf, originOf } from '../../http/route-access.js';
import { searchAuditEvents } from './audit.service.js';
import { caseReadPageSchema, caseReadSearchQuerySchema } from '../../../shared/case-read.schemas.js';
import { searchCaseReads } from './case-read.service.js';

export function registerAuditRoutes(app: FastifyInstance, context: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit/events',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        summary: 'Search the audit trail by user, record and period, newest first',
        tags: ['audit'],
        querystring: auditSearchQuerySchema,
        response: { 200: auditEventPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => searchAuditEvents({ context, actor: actorOf(request), query: request.query, origin: originOf(request) }),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit/case-reads',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        summary: 'Who opened a case (its page, timeline or printed summary) and when, by case id or code, user and period, newest first',
        tags: ['audit'],
        querystring: caseReadSearchQuerySchema,
        response: { 200: caseReadPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => searchCaseReads({ context, actor: actorOf(request), query: request.query, origin: originOf(request) }),
  );
}
