import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.js';

const caseSummary = z.object({ code: z.string(), ageYears: z.number().int().nullable() });

async function appAnswering(payload: unknown) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.get('/case', { schema: { response: { 200: caseSummary } } }, async () => payload as z.infer<typeof caseSummary>);
  await app.ready();
  return app;
}

describe('responses', () => {
  it('carry only the fields their schema declares', async () => {
    const app = await appAnswering({ code: 'KZ-2026-0001', ageYears: 17, birthDate: '2009-03-01', fullName: 'Айгуль' });
    const response = await app.inject({ method: 'GET', url: '/case' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ code: 'KZ-2026-0001', ageYears: 17 });
    await app.close();
  });

  it('are refused as a server error when a value has the wrong shape, and the value does not leave', async () => {
    const app = await appAnswering({ code: 'KZ-2026-0001', ageYears: 'seventeen' });
    const response = await app.inject({ method: 'GET', url: '/case' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('seventeen');
    await app.close();
  });
});
