import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let ngoAdmin: SignedIn;
let nationalAdmin: SignedIn;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  ngoAdmin = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'] }));
  nationalAdmin = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD });
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const newWorker = (email: string) => ({
  email,
  displayName: 'Динара Ержанова',
  roles: ['case_worker'],
  regionCodes: ['KZ-AST'],
  password: 'apricot valley morning tea',
});

describe('an NGO administrator manages the users of her organization', () => {
  it('adds a case worker, who then signs in and must enrol an authenticator', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: newWorker('dinara@korgau.test') });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: 'dinara@korgau.test', roles: ['case_worker'], regionCodes: ['KZ-AST'], mfaEnrolled: false });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'dinara@korgau.test', password: 'apricot valley morning tea' } });
    expect(login.json().mfa).toBe('enroll');
  });

  it('is told which field is wrong: a common password, a taken email, an unknown region', async () => {
    const weak = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: { ...newWorker('weak@korgau.test'), password: 'password1234567' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.password');
    const taken = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: newWorker('DINARA@korgau.test') });
    expect(taken.statusCode).toBe(409);
    const region = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: { ...newWorker('region@korgau.test'), regionCodes: ['KZ-XXX'] } });
    expect(region.statusCode).toBe(422);
    expect(region.json().errors[0].field).toBe('body.regionCodes');
  });

  it('cannot add users elsewhere nor hand out the national administrator role', async () => {
    const mia = await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', 'MIA').executeTakeFirstOrThrow();
    const elsewhere = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: { ...newWorker('cop@mia.test'), organizationId: mia.id } });
    expect(elsewhere.statusCode).toBe(403);
    const promotion = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: { ...newWorker('boss@korgau.test'), roles: ['national_administrator'] } });
    expect(promotion.statusCode).toBe(403);
  });

  it('disabling a user ends her sessions at once', async () => {
    const colleague = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['analyst'] });
    const session = await signIn(app, colleague);
    const disabled = await app.inject({ method: 'PATCH', url: `/api/v1/users/${colleague.id}`, headers: ngoAdmin.headers(), payload: { status: 'disabled' } });
    expect(disabled.json().status).toBe('disabled');
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers() })).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: colleague.email, password: colleague.password } });
    expect(again.statusCode).toBe(401);
  });

  it('ends one session of a colleague whose phone was stolen', async () => {
    const colleague = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['analyst'] });
    const stolen = await signIn(app, colleague);
    const list = await app.inject({ method: 'GET', url: `/api/v1/users/${colleague.id}/sessions`, headers: ngoAdmin.headers() });
    const [live] = list.json().items;
    expect((await app.inject({ method: 'POST', url: `/api/v1/sessions/${live.id}/revoke`, headers: ngoAdmin.headers() })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: stolen.headers() })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: `/api/v1/sessions/${live.id}/revoke`, headers: ngoAdmin.headers() })).statusCode).toBe(409);
  });
});

describe('the national administrator manages organizations', () => {
  it('adds a crisis centre serving two regions, which then appears for signed-in users', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: nationalAdmin.headers(),
      payload: {
        code: 'CC-PAV-DEMO',
        kind: 'crisis_centre',
        name: { ru: 'Кризисный центр Павлодара', kk: 'Павлодар дағдарыс орталығы', en: 'Pavlodar crisis centre' },
        abbreviation: { ru: 'КЦ Павлодар', kk: 'ДО Павлодар', en: 'Pavlodar CC' },
        regionCodes: ['KZ-PAV', 'KZ-SEV'],
        capacity: 12,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await app.inject({ method: 'GET', url: '/api/v1/reference/organizations?region=KZ-SEV&kind=crisis_centre', headers: ngoAdmin.headers() });
    expect(list.json().items.map((organization: { code: string }) => organization.code)).toContain('CC-PAV-DEMO');
    const trail = await testDatabase.database.db.selectFrom('audit_events').select('action').where('record_id', '=', created.json().id).execute();
    expect(trail).toEqual([{ action: 'organization.created' }]);
  });

  it('moves a unit under another body, refuses a cycle, and removes the parent again', async () => {
    const clssa = (await app.inject({ method: 'GET', url: '/api/v1/reference/organizations?limit=200&kind=state_body', headers: ngoAdmin.headers() }))
      .json()
      .items.find((organization: { code: string }) => organization.code === 'PGO-CLSSA');
    const pgo = (await app.inject({ method: 'GET', url: '/api/v1/reference/organizations?limit=200&kind=state_body', headers: ngoAdmin.headers() }))
      .json()
      .items.find((organization: { code: string }) => organization.code === 'PGO');
    expect(clssa.parentCode).toBe('PGO');
    // The register form of a criminal proceeding offers the bodies marked so.
    expect([pgo.lawEnforcement, clssa.lawEnforcement]).toEqual([true, true]);
    const cycle = await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${pgo.id}`, headers: nationalAdmin.headers(), payload: { parentCode: 'PGO-CLSSA' } });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0]).toEqual({ field: 'body.parentCode', message: 'would make a cycle' });
    const detached = await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${clssa.id}`, headers: nationalAdmin.headers(), payload: { parentCode: null } });
    expect(detached.statusCode).toBe(200);
    const one = await app.inject({ method: 'GET', url: `/api/v1/reference/organizations/${clssa.id}`, headers: ngoAdmin.headers() });
    expect(one.json()).toMatchObject({ code: 'PGO-CLSSA', parentCode: null });
  });

  it('refuses an organization without a name in every language', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: nationalAdmin.headers(),
      payload: { code: 'NGO-NAMELESS', kind: 'ngo', name: { ru: 'НПО', kk: ' ', en: 'NGO' }, abbreviation: { ru: 'Н', kk: 'Н', en: 'N' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.name.kk');
  });
});

describe('roles reach no further than the one who grants them', () => {
  it("an NGO administrator cannot make herself a national auditor, and so never reads the country's audit trail", async () => {
    const adminUser = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'] });
    const admin = await signIn(app, adminUser);
    const promotion = await app.inject({ method: 'PATCH', url: `/api/v1/users/${adminUser.id}`, headers: admin.headers(), payload: { roles: ['administrator', 'auditor'] } });
    expect(promotion.statusCode).toBe(403);
    expect(promotion.headers['content-type']).toContain('application/problem+json');
    expect(promotion.json().errors[0]).toEqual({ field: 'body.roles', message: 'you cannot change your own roles' });
    // Whatever the answer, a new session carries the roles she holds now.
    const again = await signIn(app, adminUser, admin.totpSecret ? { totpSecret: admin.totpSecret } : {});
    const trail = await app.inject({ method: 'GET', url: '/api/v1/audit/events', headers: again.headers() });
    expect(trail.statusCode).toBe(403);
    const held = await testDatabase.database.db.selectFrom('user_roles').select('role').where('user_id', '=', adminUser.id).execute();
    expect(held).toEqual([{ role: 'administrator' }]);
    const denial = await testDatabase.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'details'])
      .where('actor_user_id', '=', adminUser.id)
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ outcome: 'denied', details: { grant: 'own_roles' } });
  });

  it('nor make a colleague an auditor or an analyst, nor take the role away from one; the national administrator can', async () => {
    const colleague = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const auditor = await app.inject({ method: 'PATCH', url: `/api/v1/users/${colleague.id}`, headers: ngoAdmin.headers(), payload: { roles: ['case_worker', 'auditor'] } });
    expect(auditor.statusCode).toBe(403);
    expect(auditor.json().errors[0].field).toBe('body.roles');
    const analyst = await app.inject({ method: 'POST', url: '/api/v1/users', headers: ngoAdmin.headers(), payload: { ...newWorker('stats@korgau.test'), roles: ['analyst'] } });
    expect(analyst.statusCode).toBe(403);
    const granted = await app.inject({ method: 'PATCH', url: `/api/v1/users/${colleague.id}`, headers: nationalAdmin.headers(), payload: { roles: ['auditor'] } });
    expect(granted.statusCode, granted.body).toBe(200);
    const removal = await app.inject({ method: 'PATCH', url: `/api/v1/users/${colleague.id}`, headers: ngoAdmin.headers(), payload: { roles: ['case_worker'] } });
    expect(removal.statusCode).toBe(403);
  });

  it("an internal auditor granted by her organization's administrator reads what her organization's staff did, and nothing of others", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: ngoAdmin.headers(),
      payload: { ...newWorker('internal.audit@korgau.test'), roles: ['internal_auditor'], regionCodes: [] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const korgau = created.json().organizationId;
    const internal = await signIn(app, { email: 'internal.audit@korgau.test', password: 'apricot valley morning tea' });
    const trail = await app.inject({ method: 'GET', url: '/api/v1/audit/events?limit=200', headers: internal.headers() });
    expect(trail.statusCode, trail.body).toBe(200);
    const events: { actorOrganizationId: string | null }[] = trail.json().items;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.actorOrganizationId === korgau)).toBe(true);
    // The national administrator's own work (another organization) is out of her sight.
    const national = await app.inject({ method: 'GET', url: '/api/v1/audit/events?action=organization.created', headers: internal.headers() });
    expect(national.json().page.total).toBe(0);
  });
});
