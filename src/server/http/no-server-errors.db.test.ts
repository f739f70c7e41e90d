import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from './app.js';
import { closeTestApp, createTestApp } from '../testing/test-app.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../testing/test-users.js';

// Walks the OpenAPI document, so every route added later is attacked too:
// no input, however malformed, may produce a 5xx.

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
}

let testDatabase: TestDatabase;
let app: SenimApp;
let operations: Operation[];
let callers: { label: string; headers: () => Record<string, string> }[];

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  }>();
  const caseWorker = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  const nationalAdmin: SignedIn = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD });
  // Signed-in callers get past authentication, so the attack reaches validation and the services.
  callers = [
    { label: 'anonymous', headers: () => ({}) },
    { label: 'case worker', headers: () => caseWorker.headers() },
    { label: 'national administrator', headers: () => nationalAdmin.headers() },
  ];
  operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ method: method.toUpperCase(), path, parameters: operation.parameters ?? [] })),
  );
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '-1', '0', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%00', '../../etc/passwd', "' or 1=1 --", '9'.repeat(400), 'KZ-AST', '2019-02-30', '00000000-0000-0000-0000-000000000000'),
);

const nastyBody = fc.oneof(
  fc.json().map((json) => ({ payload: json, contentType: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ payload: text, contentType: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ payload: text, contentType: 'text/plain' })),
  fc.constant({ payload: '{"a":', contentType: 'application/json' }),
  fc.constant({ payload: 'x'.repeat(1024 * 1024 + 10), contentType: 'application/json' }),
);

// It sweeps every route, so its time grows with the API.
describe('no input produces a server error', { timeout: 300_000 }, () => {
  it('survives random path ids, query strings and bodies on every documented operation', async () => {
    expect(operations.length).toBeGreaterThan(3);
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...operation.parameters.map((p) => p.name), 'unexpected'), nastyText, { maxKeys: 4 }),
          nastyText,
          nastyBody,
          fc.integer({ min: 0, max: 2 }),
          async (query, pathValue, body, callerIndex) => {
            const caller = callers[callerIndex] ?? callers[0];
            // Signing out would end the session the other runs use.
            const headers = operation.path === '/api/v1/auth/logout' || !caller ? {} : caller.headers();
            const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(pathValue));
            const search = new URLSearchParams(query).toString();
            const response = await app.inject({
              method: operation.method as 'GET',
              url: search ? `${path}?${search}` : path,
              ...(operation.method === 'GET' || operation.method === 'HEAD'
                ? { headers }
                : { payload: body.payload, headers: { ...headers, 'content-type': body.contentType } }),
            });
            expect(response.statusCode, `${caller?.label}: ${operation.method} ${path}?${search} -> ${response.body.slice(0, 300)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    }
  });
});
