import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../platform/auth/totp.js';
import { generateDataKeyHex } from '../platform/vault/data-key.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';

// The server runs as its own process, as in production, so that it can be
// killed without warning: no shutdown hook, no flush, no goodbye.

const adminEmail = 'admin@durability.test';
const adminPassword = 'durable granite mountain pass';
const dataKey = generateDataKeyHex();

let dataDir: string | null = null;
let serverDatabase: TestDatabase | null = null;
let environment: Record<string, string>;

beforeAll(async () => {
  if (process.env.SENIM_TEST_DATABASE_URL) {
    serverDatabase = await createTestDatabase({ empty: true });
    await serverDatabase.database.close();
    environment = { DATABASE_URL: serverDatabase.connectionUrl ?? '' };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'senim-durability-'));
    environment = { SENIM_DATA_DIR: dataDir };
  }
  environment = { ...environment, SENIM_ADMIN_EMAIL: adminEmail, SENIM_ADMIN_PASSWORD: adminPassword, SENIM_DATA_KEY: dataKey };
});

afterAll(async () => {
  if (dataDir) {
    rmSync(dataDir, { recursive: true, force: true });
  }
  await serverDatabase?.drop();
});

async function call(server: ServerProcess, method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('senim_session='))?.split(';')[0];
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie };
}

describe('a write the API acknowledged survives kill -9 of the server', () => {
  it('keeps the new user and the session after the process is killed', async () => {
    const first = await startServerProcess(environment);
    let cookie: string | undefined;
    let newUserId: string;
    try {
      const login = await call(first, 'POST', '/api/v1/auth/login', { body: { email: adminEmail, password: adminPassword } });
      expect(login.status).toBe(200);
      cookie = login.cookie;
      const csrf = String(login.body.csrfToken);
      const secret = new URL(String(login.body.otpauthUrl)).searchParams.get('secret') ?? '';
      expect((await call(first, 'POST', '/api/v1/auth/mfa', { cookie, csrf, body: { code: currentTotpCode(secret) } })).status).toBe(200);
      const created = await call(first, 'POST', '/api/v1/users', {
        cookie,
        csrf,
        body: { email: 'analyst@durability.test', displayName: 'Survives', roles: ['analyst'], password: 'quiet river under birch trees' },
      });
      expect(created.status).toBe(201);
      newUserId = String(created.body.id);
    } finally {
      // SIGKILL right after the acknowledgement: nothing may depend on a clean shutdown.
      await first.stop('SIGKILL');
    }

    const second = await startServerProcess(environment);
    try {
      const me = await call(second, 'GET', '/api/v1/me', { cookie });
      expect(me.status).toBe(200);
      const signIn = await call(second, 'POST', '/api/v1/auth/login', { body: { email: 'analyst@durability.test', password: 'quiet river under birch trees' } });
      expect(signIn.status).toBe(200);
      const user = await call(second, 'GET', `/api/v1/users/${newUserId}`, { cookie });
      expect(user.body).toMatchObject({ email: 'analyst@durability.test', roles: ['analyst'] });
    } finally {
      await second.stop();
    }
  });
});
