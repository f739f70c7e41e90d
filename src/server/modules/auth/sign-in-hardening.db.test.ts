import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type SenimApp } from '../../http/app.js';
import { currentTotpCode } from '../../platform/auth/totp.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, sessionCookieOf, sessionSetCookieOf, signIn, type TestUser } from '../../testing/test-users.js';
import { testVaultKeys } from '../../testing/test-vault.js';
import { purgeSignInRecords } from './retention.service.js';

let testDatabase: TestDatabase;
let app: SenimApp;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});


/** A password sign-in that stops where the authenticator code is asked for. */
async function startSignIn(target: SenimApp, user: { email: string; password: string }) {
  const login = await target.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
  return {
    login,
    headers: { cookie: sessionCookieOf(login), 'x-csrf-token': String(login.json().csrfToken) },
  };
}

async function enrolledUser(organizationCode = 'SHELTER-ALA'): Promise<TestUser & { secret: string }> {
  const user = await createTestUser(testDatabase.database, { organizationCode, roles: ['service_provider'] });
  const first = await signIn(app, user);
  return { ...user, secret: first.totpSecret ?? '' };
}

async function auditCount(action: string, where: { recordId?: string; ip?: string }): Promise<number> {
  let query = testDatabase.database.db.selectFrom('audit_events').select(sql<number>`count(*)::int`.as('n')).where('action', '=', action);
  if (where.recordId) {
    query = query.where('record_id', '=', where.recordId);
  }
  if (where.ip) {
    query = query.where('ip', '=', where.ip);
  }
  return (await query.executeTakeFirstOrThrow()).n;
}

describe('wrong authenticator codes', () => {
  it('count against the account across password sign-ins, until the account locks and even the right code is refused', async () => {
    const worker = await enrolledUser();
    let wrongCodes = 0;
    let locked: Awaited<ReturnType<typeof startSignIn>> | null = null;
    // Whoever holds the password signs in again and again, trying two codes each time.
    for (let round = 0; round < 6 && !locked; round += 1) {
      const attempt = await startSignIn(app, worker);
      expect(attempt.login.statusCode).toBe(200);
      expect(attempt.login.json().mfa).toBe('required');
      for (let guess = 0; guess < 2; guess += 1) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: attempt.headers, payload: { code: `00000${guess}` } });
        wrongCodes += 1;
        if (response.statusCode === 429) {
          expect(response.json().reason).toBe('account_locked');
          locked = attempt;
          break;
        }
        expect(response.statusCode).toBe(401);
      }
    }
    expect(locked, 'five wrong codes over several sign-ins must lock the account').not.toBeNull();
    expect(wrongCodes).toBe(5);
    expect(await auditCount('auth.sign_in_locked', {})).toBeGreaterThan(0);

    const rightCode = currentTotpCode(worker.secret, Date.now() + 30_000);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: locked?.headers ?? {}, payload: { code: rightCode } });
    expect(refused.statusCode).toBe(429);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: worker.email, password: worker.password } });
    expect(again.statusCode).toBe(429);
    expect(again.json().reason).toBe('account_locked');

    // The shelter's administrator resets the password: that lifts the lock, and the code works again.
    const admin = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'SHELTER-ALA', roles: ['administrator'] }));
    const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${worker.id}/password-reset`, headers: admin.headers() });
    expect(reset.statusCode).toBe(200);
    const unlocked = await startSignIn(app, { email: worker.email, password: reset.json().temporaryPassword });
    expect(unlocked.login.statusCode).toBe(200);
    const code = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: unlocked.headers, payload: { code: rightCode } });
    expect(code.statusCode).toBe(200);
  });

  it('one code sent at once on several pending sign-ins succeeds exactly once', async () => {
    const worker = await enrolledUser();
    const pending = await Promise.all([1, 2, 3, 4].map(() => startSignIn(app, worker)));
    const code = currentTotpCode(worker.secret, Date.now() + 30_000);
    const answers = await Promise.all(
      pending.map((attempt) => app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: attempt.headers, payload: { code } })),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 401, 401, 401]);
    for (const answer of answers.filter((each) => each.statusCode === 401)) {
      expect(answer.json().reason).toBe('code_replayed');
    }
  });
});

describe('the client address behind a reverse proxy', () => {
  let proxied: SenimApp;

  beforeAll(async () => {
    proxied = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: testVaultKeys(), trustProxy: ['10.0.0.1'] });
    await proxied.ready();
  });

  afterAll(async () => {
    await proxied.close();
  });

  it('a forged X-Forwarded-For from a client that is not the named proxy changes neither the lock-out address nor the audit trail', async () => {
    const payload = { email: 'nobody.forged@nowhere.kz', password: 'not the password at all' };
    const forged = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.7',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload,
    });
    expect(forged.statusCode).toBe(401);
    const db = testDatabase.database.db;
    const attemptsFrom = async (ip: string) =>
      (await db.selectFrom('sign_in_attempts').select(sql<number>`count(*)::int`.as('n')).where('ip', '=', ip).executeTakeFirstOrThrow()).n;
    expect(await attemptsFrom('192.0.2.7')).toBe(1);
    expect(await attemptsFrom('203.0.113.9')).toBe(0);
    expect(await auditCount('auth.sign_in_failed', { ip: '192.0.2.7' })).toBe(1);
    expect(await auditCount('auth.sign_in_failed', { ip: '203.0.113.9' })).toBe(0);

    // Through the named proxy, the address it reports is the client's.
    const viaProxy = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload,
    });
    expect(viaProxy.statusCode).toBe(401);
    expect(await attemptsFrom('203.0.113.9')).toBe(1);
    expect(await attemptsFrom('10.0.0.1')).toBe(0);
    expect(await auditCount('auth.sign_in_failed', { ip: '203.0.113.9' })).toBe(1);
  });
});

describe('the session cookie', () => {
  it('is Secure when the public address is https, even when no proxy is trusted to say so', async () => {
    const published = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: testVaultKeys(), publicUrl: 'https://senim.example.kz' });
    try {
      const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
      const secure = await published.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: analyst.email, password: analyst.password } });
      expect(secure.statusCode).toBe(200);
      expect(sessionSetCookieOf(secure)).toMatch(/;\s*Secure/i);
      // A plain-http installation on a closed network keeps a cookie it can send back.
      const plain = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: analyst.email, password: analyst.password } });
      expect(sessionSetCookieOf(plain)).not.toMatch(/;\s*Secure/i);
    } finally {
      await published.close();
    }
  });
});

describe('changing one\'s own password', () => {
  it('asks for the current password, applies the policy, and ends the other sessions', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const laptop = await signIn(app, analyst);
    const phone = await signIn(app, analyst);
    const change = (payload: Record<string, string>) => app.inject({ method: 'POST', url: '/api/v1/me/password', headers: laptop.headers(), payload });

    const wrongCurrent = await change({ currentPassword: 'not my password at all', newPassword: 'a brand new steppe passphrase' });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.currentPassword']);

    const weak = await change({ currentPassword: analyst.password, newPassword: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.newPassword');

    const missing = await app.inject({ method: 'POST', url: '/api/v1/me/password', headers: laptop.headers(), payload: { currentPassword: analyst.password } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.newPassword']);

    const newPassword = 'a brand new steppe passphrase';
    const done = await change({ currentPassword: analyst.password, newPassword });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: phone.headers() })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: laptop.headers() })).statusCode).toBe(200);
    expect(await auditCount('auth.password_changed', { recordId: analyst.id })).toBe(2);

    const old = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: analyst.email, password: analyst.password } });
    expect(old.statusCode).toBe(401);
    await signIn(app, { email: analyst.email, password: newPassword });
  });
});

describe("an administrator's password reset", () => {
  it('gives a one-time password that must be replaced before anything else works', async () => {
    const admin = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'] }));
    const worker = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const before = await signIn(app, worker);

    const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${worker.id}/password-reset`, headers: admin.headers() });
    expect(reset.statusCode).toBe(200);
    const temporaryPassword: string = reset.json().temporaryPassword;
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(15);
    expect(await auditCount('user.password_reset', { recordId: worker.id })).toBe(1);
    // The sessions opened with the old password end at once.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: before.headers() })).statusCode).toBe(401);
    const oldPassword = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: worker.email, password: worker.password } });
    expect(oldPassword.statusCode).toBe(401);

    const session = await signIn(app, { email: worker.email, password: temporaryPassword }, { totpSecret: before.totpSecret ?? '' });
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers() });
    expect(me.statusCode).toBe(200);
    expect(me.json().session.passwordChangeRequired).toBe(true);
    const work = await app.inject({ method: 'GET', url: '/api/v1/cases?list=mine', headers: session.headers() });
    expect(work.statusCode).toBe(403);
    expect(work.json().reason).toBe('password_change_required');

    const newPassword = 'my own river valley passphrase';
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: session.headers(),
      payload: { currentPassword: temporaryPassword, newPassword },
    });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers() })).json().session.passwordChangeRequired).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/v1/cases?list=mine', headers: session.headers() })).statusCode).toBe(200);
  });

  it("reaches only the administrator's own organization; the national administrator reaches everyone", async () => {
    const admin = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'] }));
    const elsewhere = await createTestUser(testDatabase.database, { organizationCode: 'SHELTER-ALA', roles: ['case_worker'] });
    const refused = await app.inject({ method: 'POST', url: `/api/v1/users/${elsewhere.id}/password-reset`, headers: admin.headers() });
    expect(refused.statusCode).toBe(404);
    // An analyst's statistics span the country: only the national administrator may hand out, or take over, that reach.
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['analyst'] });
    const beyond = await app.inject({ method: 'POST', url: `/api/v1/users/${analyst.id}/password-reset`, headers: admin.headers() });
    expect(beyond.statusCode).toBe(403);
    const adminId = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: admin.headers() })).json().user.id as string;
    const self = await app.inject({ method: 'POST', url: `/api/v1/users/${adminId}/password-reset`, headers: admin.headers() });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0].field).toBe('params.id');

    const national = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD });
    const allowed = await app.inject({ method: 'POST', url: `/api/v1/users/${elsewhere.id}/password-reset`, headers: national.headers() });
    expect(allowed.statusCode).toBe(200);
  });
});

describe('the purge of sessions and sign-in attempts', () => {
  it('deletes what is older than the retention, keeps what is recent or live, and never touches the audit trail', async () => {
    const db = testDatabase.database.db;
    const user = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const session = (label: string, values: { createdAt: Date; endedAt: Date | null; expiresAt: Date }) =>
      db
        .insertInto('sessions')
        .values({
          token_hash: `purge-test-${label}-${user.id}`,
          user_id: user.id,
          csrf_token: 'x',
          mfa_status: 'none',
          created_at: values.createdAt,
          last_seen_at: values.createdAt,
          expires_at: values.expiresAt,
          ended_at: values.endedAt,
          end_reason: values.endedAt ? 'logout' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const oldEnded = await session('old-ended', { createdAt: daysAgo(120), endedAt: daysAgo(100), expiresAt: daysAgo(119) });
    const oldExpired = await session('old-expired', { createdAt: daysAgo(120), endedAt: null, expiresAt: daysAgo(100) });
    const recentEnded = await session('recent', { createdAt: daysAgo(11), endedAt: daysAgo(10), expiresAt: daysAgo(10) });
    const live = await session('live', { createdAt: new Date(), endedAt: null, expiresAt: new Date(Date.now() + 3600_000) });
    const attempt = (days: number) =>
      db
        .insertInto('sign_in_attempts')
        .values({ email_key: `purge-test-${user.id}`, ip: '198.51.100.1', succeeded: false, attempted_at: daysAgo(days) })
        .returning('id')
        .executeTakeFirstOrThrow();
    const oldAttempt = await attempt(91);
    const recentAttempt = await attempt(5);
    const eventsBefore = await db.selectFrom('audit_events').select(['id', 'hash']).orderBy('id').execute();
    // Audit events far older than any retention stay too.
    expect(eventsBefore.length).toBeGreaterThan(0);

    const result = await purgeSignInRecords({ db, retention: { sessionDays: 90, attemptDays: 90 } });
    expect(result.sessions).toBeGreaterThanOrEqual(2);
    expect(result.attempts).toBeGreaterThanOrEqual(1);

    const sessionIds = (await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).map((row) => row.id);
    expect(sessionIds).not.toContain(oldEnded.id);
    expect(sessionIds).not.toContain(oldExpired.id);
    expect(sessionIds).toContain(recentEnded.id);
    expect(sessionIds).toContain(live.id);
    const attemptIds = (await db.selectFrom('sign_in_attempts').select('id').where('email_key', '=', `purge-test-${user.id}`).execute()).map((row) => row.id);
    expect(attemptIds.map(Number)).toEqual([Number(recentAttempt.id)]);
    expect(attemptIds.map(Number)).not.toContain(Number(oldAttempt.id));

    const eventsAfter = await db.selectFrom('audit_events').select(['id', 'hash']).orderBy('id').execute();
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(await auditCount('sessions.purged', {})).toBeGreaterThanOrEqual(1);
  });
});
