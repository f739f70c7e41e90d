import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from './app.js';
import { closeTestApp, createTestApp } from '../testing/test-app.js';
import type { TestDatabase } from '../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../testing/test-users.js';
import { recordSelfReferredIntake } from '../testing/test-cases.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let korgau: SignedIn;
let port: number;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  korgau = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  // Some refusals happen in Node's HTTP parser, before any request exists: only a real socket meets them.
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

/** A request over a real socket, path sent exactly as written. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('nothing that names a person or a case is kept by a browser or a proxy', () => {
  it('answers the printed case summary, the identity, the case, the session and the errors with Cache-Control: no-store', async () => {
    const { id: caseId, personId } = await recordSelfReferredIntake(app, korgau, {
      circumstances: 'Came to the office after escaping a sauna in Astana.',
      identity: { names: [{ given: 'Жазира', family: 'Омарова' }] },
    });
    const answers = {
      summary: await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/summary.pdf?language=ru`, headers: korgau.headers() }),
      identity: await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/identity?purpose=checking%20her%20papers`, headers: korgau.headers() }),
      case: await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: korgau.headers() }),
      me: await app.inject({ method: 'GET', url: '/api/v1/me', headers: korgau.headers() }),
      unauthenticated: await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` }),
      unknownRoute: await app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: korgau.headers() }),
    };
    expect(answers.summary.headers['content-type']).toBe('application/pdf');
    expect(answers.identity.json().identity.names[0].given).toBe('Жазира');
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.headers['cache-control'], name).toBe('no-store');
    }
  });
});

describe("the framework's own refusals are problem documents like every other error", () => {
  it('a broken percent-encoding in the path', async () => {
    const answer = await raw('/api/v1/users/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'malformed_request', instance: '/api/v1/users/%E0%A4%A' });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('a path parameter longer than any identifier', async () => {
    const answer = await raw(`/api/v1/users/${'a'.repeat(5000)}`, { cookie: korgau.cookie });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'malformed_request', detail: 'A part of the address is longer than any identifier', requestId: expect.any(String) });
  });

  it('headers over the size limit', async () => {
    const answer = await raw('/api/v1/health', { 'x-padding': 'x'.repeat(40_000) });
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers_too_large', title: 'The request headers are too large' });
  });
});
