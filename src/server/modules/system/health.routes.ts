import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/http.schemas.js';
import { healthSchema } from '../../../shared/system.schemas.js';
import { readHealth, type HealthDeps } from './health.service.js';

export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Service health: database kind, migration version and the progress of a demo data load',
        tags: ['system'],
        response: { 200: healthSchema, 503: problemSchema },
      },
    },
    async () => readHealth(deps),
  );
}
