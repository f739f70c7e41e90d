import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import type { TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';
import { testVaultKeys } from '../../testing/test-vault.js';
import { sealClearStaffEmails } from './staff-email-backfill.js';
import { sealDisplayName } from './staff-name.js';

// Who helps victims is worth as much to a trafficker as who the victims are:
// a staff member's email is sealed like her name, and sign-in finds her by a
// keyed digest of it.

let testDatabase: TestDatabase;
let app: SenimApp;
let ngoAdmin: SignedIn;
let auditor: SignedIn;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  ngoAdmin = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'] }));
  auditor = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'HRC', roles: ['auditor'] }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const worker = (email: string) => ({ email, displayName: 'Динара Ержанова', roles: ['case_worker'], regionCodes: ['KZ-AST'], password: 'apricot valley morning tea' });

async function rowsMentioning(text: string): Promise<string[]> {
  const users = await testDatabase.database.db.selectFrom('users').selectAll().execute();
  return users.filter((row) => JSON.stringify(row).toLowerCase().includes(text.toLowerCase())).map((row) => row.id);
}

describe('a staff email in the database', () => {
  it('is sealed: no column of the users table holds it, yet the administrator reads it back', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: worker('Dinara.Yerzhanova@korgau.test') });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json<{ id: string; email: string }>();
    expect(user.email).toBe('Dinara.Yerzhanova@korgau.test');

    expect(await rowsMentioning('dinara.yerzhanova')).toEqual([]);
    const clear = await testDatabase.database.db.selectFrom('users').select('id').where('email', 'is not', null).execute();
    expect(clear).toEqual([]);

    const detail = await app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: ngoAdmin.headers() });
    expect(detail.json().email).toBe('Dinara.Yerzhanova@korgau.test');
    const list = await app.inject({ method: 'GET', url: '/api/v1/users?limit=100', headers: ngoAdmin.headers() });
    expect(list.json().items.map((item: { email: string }) => item.email)).toContain('Dinara.Yerzhanova@korgau.test');
  });

  it('still signs its owner in, typed in any case and with stray spaces', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: '  DINARA.yerzhanova@KORGAU.test ', password: 'apricot valley morning tea' } });
    expect(login.statusCode, login.body).toBe(200);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'dinara.yerzhanova@korgau.tes', password: 'apricot valley morning tea' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('is not kept in clear by failed sign-ins either: the attempts and the audit trail hold a keyed digest', async () => {
    const typed = 'Colleague.Mistyped@korgau.test';
    const failed = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: typed, password: 'not the password at all' } });
    expect(failed.statusCode).toBe(401);
    const attempts = await testDatabase.database.db.selectFrom('sign_in_attempts').select('email_key').execute();
    expect(attempts.filter((row) => row.email_key.toLowerCase().includes('mistyped'))).toEqual([]);
    const events = await testDatabase.database.db
      .selectFrom('audit_events')
      .select(['actor_label', 'details'])
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((row) => JSON.stringify(row).toLowerCase().includes('mistyped'))).toEqual([]);
    // Five wrong passwords for the same address, typed in another case, still lock it.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: typed.toUpperCase(), password: 'not the password at all' } });
    }
    const locked = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: typed, password: 'not the password at all' } });
    expect(locked.statusCode).toBe(429);
  });

  it('cannot be given to a second user, whatever its case', async () => {
    const again = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: worker('dinara.YERZHANOVA@korgau.test') });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('body.email');
  });

  it('left in clear by an older Senim is sealed at start, and its owner still signs in', async () => {
    const db = testDatabase.database.db;
    const organization = await db.selectFrom('organizations').select('id').where('code', '=', 'NGO-KORGAU-ASTANA').executeTakeFirstOrThrow();
    const id = randomUUID();
    // A row as migrations before 0019 left it: the email in clear.
    await db
      .insertInto('users')
      .values({
        id,
        organization_id: organization.id,
        email: 'Old.Timer@korgau.test',
        display_name_sealed: sealDisplayName(testVaultKeys(), id, 'Old Timer'),
        password_hash: await hashPassword('walnut harbor evening light'),
      })
      .execute();
    expect(await sealClearStaffEmails(db, testVaultKeys())).toBe(1);
    expect(await rowsMentioning('old.timer')).toEqual([]);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'old.timer@korgau.test', password: 'walnut harbor evening light' } });
    expect(login.statusCode, login.body).toBe(200);
    expect(await sealClearStaffEmails(db, testVaultKeys())).toBe(0);
  });
});

describe('the audit trail', () => {
  it('names a staff member by id, and the auditor sees her name and finds her events by email', async () => {
    const analyst = await createTestUser(testDatabase.database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'], label: 'Named.Analyst' });
    await signIn(app, analyst);
    const events = await testDatabase.database.db.selectFrom('audit_events').select(['actor_label', 'action']).where('actor_user_id', '=', analyst.id).execute();
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.actor_label).toBe(`user:${analyst.id}`);
    }
    const mentions = await testDatabase.database.db.selectFrom('audit_events').select('id').where('actor_label', 'ilike', `%${analyst.email}%`).execute();
    expect(mentions).toEqual([]);

    const search = await app.inject({ method: 'GET', url: `/api/v1/audit/events?actor=${encodeURIComponent(analyst.email.toUpperCase())}`, headers: auditor.headers() });
    expect(search.statusCode, search.body).toBe(200);
    const found = search.json<{ items: { actorUserId: string; actorName: string; actorLabel: string }[] }>().items;
    expect(found.length).toBe(events.length);
    expect(found[0]).toMatchObject({ actorUserId: analyst.id, actorLabel: `user:${analyst.id}`, actorName: 'Test analyst' });
  });
});
