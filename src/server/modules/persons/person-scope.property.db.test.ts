import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, type Role } from '../../../shared/permissions.js';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';

// Random organizations, users and persons with random involvements: no user
// ever reads or finds a person outside the reach the policy gives them. Some
// persons are children (a case under 18) with some users named on the case;
// the police body (MIA) is involved with some on the person's consent and with
// others on another basis, which never opens a person to police.

const organizationCodes = ['NGO-KORGAU-ASTANA', 'NGO-SANA-SEZIM', 'SHELTER-ALA', 'MIA', 'HOTLINE-11616', 'PGO-CLSSA'] as const;
const candidateRoles: Role[] = ['case_worker', 'first_responder', 'service_provider', 'investigator', 'hotline_operator', 'analyst', 'auditor', 'coordinator'];

let testDatabase: TestDatabase;
let app: SenimApp;
const organizationIds = new Map<string, string>();
const lawEnforcement = new Set<string>();
let regionId = 0;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const rows = await testDatabase.database.db.selectFrom('organizations').select(['id', 'code', 'law_enforcement']).where('code', 'in', [...organizationCodes]).execute();
  for (const row of rows) {
    organizationIds.set(row.code, row.id);
    if (row.law_enforcement) {
      lawEnforcement.add(row.code);
    }
  }
  expect(lawEnforcement.has('MIA')).toBe(true);
  regionId = (await testDatabase.database.db.selectFrom('regions').select('id').where('code', '=', 'KZ-AST').executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

interface WorldUser {
  id: string;
  organizationCode: string;
  role: Role;
  session: SignedIn;
}

const worldArbitrary = fc.record({
  users: fc.array(fc.record({ organization: fc.constantFrom(...organizationCodes), role: fc.constantFrom(...candidateRoles) }), { minLength: 2, maxLength: 5 }),
  persons: fc.array(
    fc.record({
      recorder: fc.nat(),
      sharedWith: fc.subarray([...organizationCodes], { maxLength: 3 }),
      policeConsent: fc.boolean(),
      child: fc.boolean(),
      named: fc.subarray([0, 1, 2, 3, 4]),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('scope, property-based', () => {
  it('a user reads and finds exactly the persons in reach: involved, police only on consent, a child only when named, and only with the right role', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (world) => {
        const users: WorldUser[] = [];
        for (const spec of world.users) {
          const user = await createTestUser(testDatabase.database, { organizationCode: spec.organization, roles: [spec.role] });
          users.push({ id: user.id, organizationCode: spec.organization, role: spec.role, session: await signIn(app, user) });
        }
        const writers = users.filter((user) => scopeOf([user.role], 'persons.identity.write') !== null);
        const persons: { id: string; name: string; reaching: Set<string>; child: boolean; named: Set<string> }[] = [];
        for (const spec of world.persons) {
          const recorder = writers[spec.recorder % Math.max(writers.length, 1)];
          if (!recorder) {
            continue;
          }
          const name = `Prop${randomBytes(5).toString('hex')}`;
          const created = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: recorder.session.headers(), payload: { identity: { names: [{ given: name }] } } });
          expect(created.statusCode, created.body).toBe(201);
          const id = created.json<{ id: string }>().id;
          // What referrals, identification and consent will do: involve more organizations.
          const bases = new Map<string, string>([[recorder.organizationCode, 'recorded']]);
          for (const code of spec.sharedWith) {
            bases.set(code, lawEnforcement.has(code) && spec.policeConsent ? 'police_consent' : 'referral');
          }
          for (const [code, basis] of bases) {
            if (basis === 'recorded') {
              continue;
            }
            await testDatabase.database.db
              .insertInto('person_involvements')
              .values({ person_id: id, organization_id: organizationIds.get(code) ?? '', basis: basis as 'referral' | 'police_consent', granted_by: null })
              .onConflict((oc) => oc.doNothing())
              .execute();
          }
          const named = new Set(spec.named.flatMap((index) => (users[index] ? [users[index].id] : [])));
          if (spec.child) {
            await asSenimItself(testDatabase.database, async (trx) => {
              const caseId = randomUUID();
              await trx
                .insertInto('nrm_cases')
                .values({
                  id: caseId,
                  code: `AST-26-${randomBytes(4).toString('hex').toUpperCase()}`,
                  person_id: id,
                  owner_organization_id: organizationIds.get(recorder.organizationCode) ?? '',
                  region_id: regionId,
                  referral_source: 'self_referral',
                  meeting_context: 'came_to_office',
                  first_contact_date: '2026-11-02',
                  sex: 'female',
                  age_years: 11,
                  age_basis: 'declared',
                  citizenship: 'KAZ',
                  decision_due_on: '2026-11-09',
                })
                .execute();
              for (const userId of named) {
                await trx.insertInto('case_workers').values({ case_id: caseId, user_id: userId, named_by: null }).execute();
              }
            });
          }
          const reaching = new Set([...bases].filter(([code, basis]) => !lawEnforcement.has(code) || basis === 'police_consent').map(([code]) => code));
          persons.push({ id, name, reaching, child: spec.child, named });
        }
        for (const user of users) {
          for (const person of persons) {
            const mayRead = scopeOf([user.role], 'persons.identity.read') !== null;
            const maySearch = scopeOf([user.role], 'persons.identity.search') !== null;
            const involved = person.reaching.has(user.organizationCode) && (!person.child || person.named.has(user.id));
            const read = await app.inject({ method: 'GET', url: `/api/v1/persons/${person.id}/identity?purpose=property%20check`, headers: user.session.headers() });
            expect(read.statusCode, `${user.role}@${user.organizationCode} reading a person reached by ${[...person.reaching].join(',')}${person.child ? ', a child' : ''}`).toBe(
              !mayRead ? 403 : involved ? 200 : 404,
            );
            const search = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: user.session.headers(), payload: { name: person.name, purpose: 'property check' } });
            if (!maySearch) {
              expect(search.statusCode).toBe(403);
            } else {
              const found = search.json<{ items: { personId: string }[] }>().items.some((item) => item.personId === person.id);
              expect(found, `${user.role}@${user.organizationCode} searching a person reached by ${[...person.reaching].join(',')}${person.child ? ', a child' : ''}`).toBe(involved);
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
