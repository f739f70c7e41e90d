import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../platform/auth/totp.js';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, sessionCookieOf, signIn } from '../../testing/test-users.js';

let testDatabase: TestDatabase;
let app: SenimApp;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});


describe('signing in', () => {
  it('a case worker enrols an authenticator at first sign-in and only then reaches her work', async () => {
    const worker = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: worker.email, password: worker.password } });
    expect(login.statusCode).toBe(200);
    const body = login.json();
    expect(body.mfa).toBe('enroll');
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Senim:/);
    expect(body.otpauthQrSvg).toContain('<svg');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const headers = { cookie: sessionCookieOf(login), 'x-csrf-token': body.csrfToken };

    const tooEarly = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers, payload: { name: 'Anna', purpose: 'checking before MFA' } });
    expect(tooEarly.statusCode).toBe(401);

    const wrongCode = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers, payload: { code: '000000' } });
    expect(wrongCode.statusCode).toBe(401);

    const secret = new URL(body.otpauthUrl).searchParams.get('secret') ?? '';
    const mfa = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers, payload: { code: currentTotpCode(secret) } });
    expect(mfa.statusCode).toBe(200);

    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: worker.email, mfaEnrolled: true }, roles: ['case_worker'], session: { mfa: 'complete' } });
  });

  it('an analyst, who never sees identities, may sign in without a second factor', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: analyst.email, password: analyst.password } });
    expect(login.json().mfa).toBe('none');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookieOf(login) } });
    expect(me.json().roles).toEqual(['analyst']);
  });

  it('an analyst may choose to protect her account with an authenticator too', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const session = await signIn(app, analyst);
    const start = await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrolment', headers: session.headers() });
    expect(start.statusCode).toBe(200);
    const secret = new URL(start.json().otpauthUrl).searchParams.get('secret') ?? '';
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrolment/confirm', headers: session.headers(), payload: { code: '111111' } });
    expect(wrong.statusCode).toBe(422);
    const confirm = await app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrolment/confirm', headers: session.headers(), payload: { code: currentTotpCode(secret) } });
    expect(confirm.statusCode).toBe(200);
    const next = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: analyst.email, password: analyst.password } });
    expect(next.json().mfa).toBe('required');
  });

  it('an enrolled user gives a code at every sign-in, and a code cannot be used twice', async () => {
    const worker = await createTestUser(testDatabase.database, { organizationCode: 'SHELTER-ALA', roles: ['service_provider'] });
    const first = await signIn(app, worker);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: worker.email, password: worker.password } });
    expect(login.json().mfa).toBe('required');
    expect(login.json().otpauthUrl).toBeUndefined();
    const headers = { cookie: sessionCookieOf(login), 'x-csrf-token': login.json().csrfToken };
    const replay = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers, payload: { code: currentTotpCode(first.totpSecret ?? '') } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toMatch(/already used/);
    const next = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers, payload: { code: currentTotpCode(first.totpSecret ?? '', Date.now() + 30_000) } });
    expect(next.statusCode).toBe(200);
  });

  it('the bootstrap administrator signs in with the configured password', async () => {
    const admin = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD });
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: admin.headers() });
    expect(me.json().roles).toEqual(['administrator', 'national_administrator']);
    expect(me.json().organization.code).toBe('SENIM-OPERATOR');
  });

  it('does not tell a wrong password from an unknown email', async () => {
    const worker = await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: ['analyst'] });
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: worker.email, password: 'not the password at all' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@nowhere.kz', password: 'not the password at all' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().reason).toBe('wrong_credentials');
    expect(unknown.json().reason).toBe('wrong_credentials');
  });

  it('locks an account after five failures with a clear message, even for the right password', async () => {
    const target = await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: ['analyst'] });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failed = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target.email, password: `guess number ${attempt} wrong` } });
      expect(failed.statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target.email, password: target.password } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/Too many failed sign-ins for this account\. Try again after \d\d:\d\d UTC/);
    expect(locked.json().reason).toBe('account_locked');
    expect(new Date(locked.json().retryAfter).getTime()).toBeGreaterThan(Date.now());
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('names the field of a malformed sign-in', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'not-an-email', password: '' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.email', 'body.password']);
  });
});

describe('sessions', () => {
  it('sign-out ends the session on the server, not only in the browser', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const session = await signIn(app, analyst);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers() })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers() })).statusCode).toBe(401);
  });

  it('expires a session left idle and one past its absolute lifetime', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const idle = await signIn(app, analyst);
    await testDatabase.database.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('user_id', '=', analyst.id).execute();
    const afterIdle = await app.inject({ method: 'GET', url: '/api/v1/me', headers: idle.headers() });
    expect(afterIdle.statusCode).toBe(401);
    expect(afterIdle.json().detail).toMatch(/expired/);

    const old = await signIn(app, analyst);
    await testDatabase.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', analyst.id)
      .where('ended_at', 'is', null)
      .execute();
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: old.headers() })).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] });
    const session = await signIn(app, analyst);
    const forged = await app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie: session.cookie }, payload: { language: 'kk' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().detail).toMatch(/x-csrf-token/);
    const genuine = await app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: session.headers(), payload: { language: 'kk' } });
    expect(genuine.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers() })).json().user.language).toBe('kk');
  });
});
