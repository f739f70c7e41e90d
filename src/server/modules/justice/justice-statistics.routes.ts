import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/http.schemas.js';
import { justiceStatisticsQuerySchema, justiceStatisticsSchema } from '../../../shared/justice-statistics.schemas.js';
import type { AppContext } from '../../http/app.js';
import { actorOf } from '../../http/route-access.js';
import { readJusticeStatistics } from './justice-counts.js';

export function registerJusticeStatisticsRoutes(app: FastifyInstance, context: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/justice/statistics',
    {
      config: { access: { permission: 'statistics.read' } },
      schema: {
        summary: 'Counts of criminal proceedings for a period: by article (per edition and across the 1997/2014 mapping), stage, attrition, re-qualification, verdicts, time to verdict and compensation; counts only, never a person',
        tags: ['criminal justice'],
        querystring: justiceStatisticsQuerySchema,
        response: { 200: justiceStatisticsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
    },
    async (request) => readJusticeStatistics({ context, actor: actorOf(request), query: request.query }),
  );
}
