import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions.js';
import type { SenimApp } from '../../http/app.js';
import type { UserActor } from '../../platform/actor.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';

// Who may see a person follows who may see the person's case: police only on
// the person's consent to share with them, a child only for the workers named
// on her case, on every route that touches the person and in the database's
// own wall.

let testDatabase: TestDatabase;
let app: SenimApp;
const ids: Record<string, string> = {};

interface Staff {
  user: TestUser;
  session: SignedIn;
  actor: UserActor;
}

async function staff(organizationCode: string, roles: Role[]): Promise<Staff> {
  const user = await createTestUser(testDatabase.database, { organizationCode, roles });
  const organization = await testDatabase.database.db.selectFrom('organizations').select('law_enforcement').where('id', '=', user.organizationId).executeTakeFirstOrThrow();
  return {
    user,
    session: await signIn(app, user),
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      organizationId: user.organizationId,
      organizationLawEnforcement: organization.law_enforcement,
      roles,
      regionIds: [],
      sessionId: 'test',
      language: 'en',
    },
  };
}

let namedWorker: Staff;
// An organization's administrator who has given itself the case worker role: same organization, never named.
let selfMadeWorker: Staff;
let police: Staff;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  for (const code of ['MIA', 'NGO-KORGAU-ASTANA']) {
    ids[code] = (await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  }
  namedWorker = await staff('NGO-KORGAU-ASTANA', ['case_worker']);
  selfMadeWorker = await staff('NGO-KORGAU-ASTANA', ['administrator', 'case_worker']);
  police = await staff('MIA', ['first_responder']);
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const intakeBase = {
  referralSource: 'self_referral',
  meetingContext: 'came_to_office',
  firstContactDate: '2026-11-02',
  regionCode: 'KZ-AST',
  sex: 'female',
  ageBasis: 'declared',
  citizenship: 'KAZ',
};

async function call(who: Staff, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return app.inject({ method, url: `/api/v1${url}`, headers: who.session.headers(), ...(payload ? { payload } : {}) });
}

/** What each route that touches a person gives this user, for the person and name given. */
async function whatTheySee(who: Staff, personId: string, caseId: string, name: string) {
  const search = await call(who, 'POST', '/persons/search', { name, purpose: 'looking for an earlier case' });
  expect(search.statusCode, search.body).toBe(200);
  const intake = await call(who, 'POST', '/cases', { ...intakeBase, ageYears: 30, personId, consents: [{ scope: 'processing', given: true, method: 'written' }] });
  return {
    search: search.json<{ items: { personId: string }[] }>().items.some((item) => item.personId === personId),
    identity: (await call(who, 'GET', `/persons/${personId}/identity?purpose=checking%20her%20papers`)).statusCode,
    versions: (await call(who, 'GET', `/persons/${personId}/identity/versions?purpose=checking%20her%20papers`)).statusCode,
    update: (await call(who, 'PUT', `/persons/${personId}/identity`, { identity: { names: [{ given: name }] }, reason: 'spelling' })).statusCode,
    print: (await call(who, 'GET', `/cases/${caseId}/summary.pdf?includeIdentity=true&purpose=court%20file`)).statusCode,
    intake: intake.statusCode,
    intakeField: intake.statusCode === 404 ? intake.json<{ errors: { field: string }[] }>().errors[0]?.field : null,
  };
}

/** The vault's rows of the person as the database shows them to this user, with no where clause of ours on reach. */
async function vaultRowsFor(who: Staff, personId: string) {
  return withPersonScope(testDatabase.database.db, who.actor, async (trx) => ({
    persons: (await sql<{ id: string }>`select id from persons where id = ${personId}`.execute(trx)).rows.length,
    versions: (await sql<{ version: number }>`select version from person_identity_versions where person_id = ${personId}`.execute(trx)).rows.length,
    digests: (await sql<{ kind: string }>`select kind from person_lookup_digests where person_id = ${personId}`.execute(trx)).rows.length,
  }));
}

const nothing = { search: false, identity: 404, versions: 404, update: 404, print: 404, intake: 404, intakeField: 'body.personId' };

describe('a child’s identity', () => {
  it('stays with the workers named on her case: not the police she agreed to share with, nor a colleague who made himself a case worker', async () => {
    const name = `Aruzhan${Date.now().toString(36)}`;
    const intake = await call(namedWorker, 'POST', '/cases', {
      ...intakeBase,
      ageYears: 15,
      identity: { names: [{ given: name, family: 'Serikova' }], documents: [{ type: 'passport', number: 'N 5550 1234' }] },
      consents: [
        { scope: 'processing', given: true, method: 'written' },
        { scope: 'police_sharing', organizationId: ids.MIA, given: true, method: 'written' },
      ],
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const { id: caseId, personId } = intake.json<{ id: string; personId: string }>();

    // The case itself was already closed to them; now the person is too.
    for (const outsider of [selfMadeWorker, police]) {
      expect((await call(outsider, 'GET', `/cases/${caseId}`)).statusCode).toBe(404);
      expect(await whatTheySee(outsider, personId, caseId, name)).toEqual(nothing);
      expect(await vaultRowsFor(outsider, personId)).toEqual({ persons: 0, versions: 0, digests: 0 });
    }

    const named = await whatTheySee(namedWorker, personId, caseId, name);
    expect(named).toEqual({ search: true, identity: 200, versions: 200, update: 200, print: 200, intake: 201, intakeField: null });
    expect((await vaultRowsFor(namedWorker, personId)).persons).toBe(1);

    // Once named, the colleague works with her like anyone named.
    expect((await call(namedWorker, 'POST', `/cases/${caseId}/workers`, { email: selfMadeWorker.user.email })).statusCode).toBe(201);
    expect((await call(selfMadeWorker, 'GET', `/persons/${personId}/identity?purpose=taking%20over%20the%20case`)).statusCode).toBe(200);
    expect((await vaultRowsFor(selfMadeWorker, personId)).versions).toBeGreaterThan(0);
  });
});

describe('the police', () => {
  it('reach a person only through her consent to share with them: not one they recorded themselves without it', async () => {
    const name = `Gulmira${Date.now().toString(36)}`;
    const recorded = await call(police, 'POST', '/persons', { identity: { names: [{ given: name, family: 'Nurlanova' }] } });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const personId = recorded.json<{ id: string }>().id;
    expect((await call(police, 'GET', `/persons/${personId}/identity?purpose=statement%20for%20the%20investigator`)).statusCode).toBe(404);
    expect((await call(police, 'GET', `/persons/${personId}/identity/versions?purpose=statement%20for%20the%20investigator`)).statusCode).toBe(404);
    const search = await call(police, 'POST', '/persons/search', { name, purpose: 'statement for the investigator' });
    expect(search.json<{ items: { personId: string }[] }>().items).toEqual([]);
    const intake = await call(police, 'POST', '/cases', { ...intakeBase, ageYears: 30, personId, consents: [{ scope: 'processing', given: true, method: 'written' }] });
    expect(intake.statusCode).toBe(404);
    expect(await vaultRowsFor(police, personId)).toEqual({ persons: 0, versions: 0, digests: 0 });
  });

  it('see an adult’s person while she consents to share with them, and lose sight of it when she withdraws', async () => {
    const name = `Dinara${Date.now().toString(36)}`;
    const intake = await call(police, 'POST', '/cases', {
      ...intakeBase,
      referralSource: 'police',
      meetingContext: 'raid',
      ageYears: 27,
      identity: { names: [{ given: name, family: 'Abenova' }] },
      consents: [
        { scope: 'processing', given: true, method: 'written' },
        { scope: 'police_sharing', organizationId: ids.MIA, given: true, method: 'written' },
      ],
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const { id: caseId, personId, visibleToYou } = intake.json<{ id: string; personId: string; visibleToYou: boolean }>();
    expect(visibleToYou).toBe(true);
    expect((await call(police, 'GET', `/persons/${personId}/identity?purpose=statement%20for%20the%20investigator`)).statusCode).toBe(200);
    const found = await call(police, 'POST', '/persons/search', { name, purpose: 'statement for the investigator' });
    expect(found.json<{ items: { personId: string }[] }>().items.map((item) => item.personId)).toContain(personId);
    expect((await vaultRowsFor(police, personId)).persons).toBe(1);

    const detail = await call(police, 'GET', `/cases/${caseId}`);
    const consent = detail.json<{ consents: { id: string; scope: string }[] }>().consents.find((entry) => entry.scope === 'police_sharing');
    const withdrawn = await call(police, 'POST', `/cases/${caseId}/consents/${consent?.id ?? ''}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    expect((await call(police, 'GET', `/cases/${caseId}`)).statusCode).toBe(404);
    expect(await whatTheySee(police, personId, caseId, name)).toEqual(nothing);
    expect(await vaultRowsFor(police, personId)).toEqual({ persons: 0, versions: 0, digests: 0 });
  });
});
