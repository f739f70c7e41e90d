import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/http.schemas.js';
import type { SenimApp } from './app.js';
import { closeTestApp, createTestApp } from '../testing/test-app.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../testing/test-database.js';
import { OPERATOR_ORGANIZATION_CODE } from '../modules/directory/bootstrap.js';
import { createTestUser, signIn, type SignedIn } from '../testing/test-users.js';

// A lone UTF-16 surrogate is not Unicode text (PostgreSQL stores U+FFFD in its
// place, so what was hashed or compared is not what is stored), and NUL is
// refused by PostgreSQL with a server error. Walks the OpenAPI document, so
// every route added later is covered too.

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
  body: JsonSchema | null;
}

let testDatabase: TestDatabase;
let app: SenimApp;
let admin: SignedIn;
/** Between them, every permission: a caller without one gets 403 before any input is read. */
let callers: SignedIn[];
let operations: Operation[];

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp());
  admin = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD });
  const staff = await signIn(
    app,
    await createTestUser(testDatabase.database, {
      organizationCode: OPERATOR_ORGANIZATION_CODE,
      roles: ['coordinator', 'first_responder', 'case_worker', 'service_provider', 'investigator', 'hotline_operator', 'auditor'],
    }),
  );
  callers = [admin, staff];
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  }>();
  operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  );
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

/** A body shaped like the schema wants, every free text carrying the bad text: it passes the route's own checks as far as it can. */
function sampleOf(schema: JsonSchema | undefined, bad: string): unknown {
  if (!schema) {
    return bad;
  }
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (choice) {
    return sampleOf(choice, bad);
  }
  if (schema.const !== undefined) {
    return schema.const;
  }
  if (schema.enum) {
    return schema.enum[0];
  }
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sampleOf(property, bad)]));
    case 'array':
      return [sampleOf(schema.items, bad)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case undefined:
    default:
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : `text ${bad} here`;
  }
}

// A URL carries UTF-8, in which a lone surrogate cannot be written (it arrives
// as U+FFFD): only a JSON body, with its \ud800 escapes, can carry one.
const badTexts = [
  { label: 'NUL', bad: '\u0000', places: ['query', 'params', 'body'] },
  { label: 'a lone surrogate', bad: '\ud800', places: ['body'] },
] as const;

describe('text that is not valid Unicode, or holds NUL', () => {
  for (const { label, bad, places } of badTexts) {
    it(`is refused with 422 naming each field, in the query, the path or the body of every operation: ${label}`, async () => {
      const failures: string[] = [];
      let checked = 0;
      const where = places as readonly string[];
      for (const operation of operations.filter((candidate) => candidate.path !== '/api/v1/auth/logout')) {
        const query = new URLSearchParams(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, `x${bad}`])).toString();
        const pathParameters = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        const attempts = [
          ...(query ? [{ where: 'query', url: `${operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}?${query}`, payload: undefined }] : []),
          ...(pathParameters.length > 0 && where.includes('params') ? [{ where: 'params', url: operation.path.replace(/\{[^}]+\}/g, encodeURIComponent(`x${bad}`)), payload: undefined }] : []),
          ...(operation.body ? [{ where: 'body', url: operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'), payload: sampleOf(operation.body, bad) }] : []),
        ];
        for (const attempt of attempts) {
          // Some bodies have no free text at all (only choices and ids): nothing to refuse there.
          if (!where.includes(attempt.where) || (attempt.payload !== undefined && !JSON.stringify(attempt.payload).includes(JSON.stringify(bad).slice(1, -1)))) {
            continue;
          }
          for (const caller of callers) {
            const response = await app.inject({
              method: operation.method as 'GET',
              url: attempt.url,
              headers: caller.headers(),
              ...(attempt.payload === undefined ? {} : { payload: attempt.payload as Record<string, unknown> }),
            });
            if (response.statusCode === 403) {
              continue;
            }
            checked += 1;
            const isProblem = String(response.headers['content-type']).startsWith('application/problem+json');
            const problem: Partial<Problem> = isProblem ? response.json<Problem>() : {};
            const named = (problem.errors ?? []).filter((error) => error.field.startsWith(`${attempt.where}.`) && error.rule === 'text');
            if (response.statusCode !== 422 || named.length === 0) {
              failures.push(`${operation.method} ${operation.path} (${attempt.where}) -> ${response.statusCode} ${response.body.slice(0, 200)}`);
            }
            break;
          }
        }
      }
      expect(failures).toEqual([]);
      // Not vacuous: most operations let one of the callers reach the check.
      expect(checked).toBeGreaterThan(where.length > 1 ? 100 : 40);
    });
  }

  it('answers 422, not a server error, where NUL used to reach SQL: the audit search by actor, record type, record id and action', async () => {
    const auditor = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: OPERATOR_ORGANIZATION_CODE, roles: ['auditor'] }));
    for (const parameter of ['actor', 'recordType', 'recordId', 'action']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/audit/events?${parameter}=x%00`, headers: auditor.headers() });
      expect(response.statusCode, `${parameter}: ${response.body}`).toBe(422);
      expect(response.json<Problem>().errors).toEqual([{ field: `query.${parameter}`, message: 'must be valid Unicode text without NUL characters', rule: 'text' }]);
    }
  });

  it('names the exact field path, keys included, in the words a form can translate', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: admin.headers(),
      payload: { name: { ru: 'ok', en: 'bad\u0000' }, ['key\ud800']: 'x', list: ['fine', '\udc00'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>().errors).toEqual([
      { field: 'body.name.en', message: 'must be valid Unicode text without NUL characters', rule: 'text' },
      { field: 'body.key\ufffd', message: 'must be valid Unicode text without NUL characters', rule: 'text' },
      { field: 'body.list.1', message: 'must be valid Unicode text without NUL characters', rule: 'text' },
    ]);
  });

  it('lets well-formed text through, astral characters and all', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/audit/events?actor=${encodeURIComponent('Әлия 👩‍⚕️ 𝔘')}`, headers: admin.headers() });
    expect(response.statusCode).not.toBe(422);
  });
});
