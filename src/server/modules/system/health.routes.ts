import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/http.schemas.js';
import { healthSchema } from '../../../shared/system.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import { readHealth } from './health.service.js';

export function registerHealthRoutes(app: FastifyInstance, deps: { database: SenimDatabase }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Service health: database kind and migration version',
        tags: ['system'],
        response: { 200: healthSchema, 503: problemSchema },
      },
    },
    async () => readHealth({ database: deps.database }),
  );
}
