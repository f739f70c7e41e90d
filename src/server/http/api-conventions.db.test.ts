import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from './app.js';
import { closeTestApp, createTestApp } from '../testing/test-app.js';
import { testDatabaseKind, type TestDatabase } from '../testing/test-database.js';

let testDatabase: TestDatabase;
let app: SenimApp;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp());
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

describe('health', () => {
  it('tells anyone which database runs and at which migration', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database.kind).toBe(testDatabaseKind());
    expect(body.database.migration.version).toBeGreaterThanOrEqual(1);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors are problem details with the offending field', () => {
  it('answers an unknown API route with 404 problem+json carrying the request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'route_not_found', status: 404, instance: '/api/v1/no-such-thing' });
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('names the query parameter that is out of range or of the wrong type', async () => {
    const tooMany = await app.inject({ method: 'GET', url: '/api/v1/reference/regions?limit=100000' });
    expect(tooMany.statusCode).toBe(400);
    // Besides the English message, the rule and its bound: clients word them in their reader's language.
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ field: 'query.limit', rule: 'max_value', limit: 200 })]);

    const notANumber = await app.inject({ method: 'GET', url: '/api/v1/reference/state-bodies?offset=first' });
    expect(notANumber.statusCode).toBe(400);
    expect(notANumber.json().errors[0]).toMatchObject({ field: 'query.offset', rule: 'type' });

    const badDate = await app.inject({ method: 'GET', url: '/api/v1/reference/regions?on=2019-13-45' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0]).toMatchObject({ field: 'query.on', rule: 'format' });
  });

  it('rejects a malformed path id with 400 and an unknown one with 404', async () => {
    const malformed = await app.inject({ method: 'GET', url: `/api/v1/reference/regions/${encodeURIComponent("'; drop table regions;--")}` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('params.code');

    const unknown = await app.inject({ method: 'GET', url: '/api/v1/reference/regions/KZ-XXX' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
  });

  it('asks an anonymous caller of a non-public operation to sign in', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/reference/organizations' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });
});

describe('the OpenAPI document', () => {
  it('describes every API operation, marks public ones with security: [] and the rest as needing a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(document.paths['/api/v1/health'].get.security).toEqual([]);
    expect(document.paths['/api/v1/reference/organizations'].get.security).toBeUndefined();
    expect(document.security).toEqual([{ session: [] }]);
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown>; security?: unknown[]; 'x-senim-access'?: string }>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const label = `${method} ${path}`;
        expect(Object.keys(operation.responses).some((status) => status.startsWith('2')), label).toBe(true);
        expect(operation['x-senim-access'], label).toBeDefined();
        if (operation['x-senim-access'] !== 'public') {
          expect(operation.security, label).toBeUndefined();
          expect(Object.keys(operation.responses), label).toContain('401');
        }
      }
    }
  });

  it('serves readable API documentation', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
