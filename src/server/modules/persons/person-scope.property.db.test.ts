import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, type Role } from '../../../shared/permissions.js';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';

// Random organizations, users and persons with random involvements: no user
// ever reads or finds a person outside the reach the policy gives them.

const organizationCodes = ['NGO-KORGAU-ASTANA', 'NGO-SANA-SEZIM', 'SHELTER-ALA', 'MIA', 'HOTLINE-11616', 'PGO-CLSSA'] as const;
const candidateRoles: Role[] = ['case_worker', 'first_responder', 'service_provider', 'investigator', 'hotline_operator', 'analyst', 'auditor', 'coordinator'];

let testDatabase: TestDatabase;
let app: SenimApp;
const organizationIds = new Map<string, string>();

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const rows = await testDatabase.database.db.selectFrom('organizations').select(['id', 'code']).where('code', 'in', [...organizationCodes]).execute();
  for (const row of rows) {
    organizationIds.set(row.code, row.id);
  }
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

interface WorldUser {
  organizationCode: string;
  role: Role;
  session: SignedIn;
}

const worldArbitrary = fc.record({
  users: fc.array(fc.record({ organization: fc.constantFrom(...organizationCodes), role: fc.constantFrom(...candidateRoles) }), { minLength: 2, maxLength: 5 }),
  persons: fc.array(
    fc.record({ recorder: fc.nat(), sharedWith: fc.subarray([...organizationCodes], { maxLength: 3 }) }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('scope, property-based', () => {
  it('a user reads and finds exactly the persons their organization is involved with, and only with the right role', async () => {
    await fc.assert(
      fc.asyncProperty(worldArbitrary, async (world) => {
        const users: WorldUser[] = [];
        for (const spec of world.users) {
          const user = await createTestUser(testDatabase.database, { organizationCode: spec.organization, roles: [spec.role] });
          users.push({ organizationCode: spec.organization, role: spec.role, session: await signIn(app, user) });
        }
        const writers = users.filter((user) => scopeOf([user.role], 'persons.identity.write') !== null);
        const persons: { id: string; name: string; involved: Set<string> }[] = [];
        for (const spec of world.persons) {
          const recorder = writers[spec.recorder % Math.max(writers.length, 1)];
          if (!recorder) {
            continue;
          }
          const name = `Prop${randomBytes(5).toString('hex')}`;
          const created = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: recorder.session.headers(), payload: { identity: { names: [{ given: name }] } } });
          expect(created.statusCode, created.body).toBe(201);
          const id = created.json<{ id: string }>().id;
          // What referrals and identification will do: involve more organizations.
          for (const code of spec.sharedWith) {
            await testDatabase.database.db
              .insertInto('person_involvements')
              .values({ person_id: id, organization_id: organizationIds.get(code) ?? '', basis: 'referral', granted_by: null })
              .onConflict((oc) => oc.doNothing())
              .execute();
          }
          persons.push({ id, name, involved: new Set([recorder.organizationCode, ...spec.sharedWith]) });
        }
        for (const user of users) {
          for (const person of persons) {
            const mayRead = scopeOf([user.role], 'persons.identity.read') !== null;
            const maySearch = scopeOf([user.role], 'persons.identity.search') !== null;
            const involved = person.involved.has(user.organizationCode);
            const read = await app.inject({ method: 'GET', url: `/api/v1/persons/${person.id}/identity?purpose=property%20check`, headers: user.session.headers() });
            expect(read.statusCode, `${user.role}@${user.organizationCode} reading a person of ${[...person.involved].join(',')}`).toBe(
              !mayRead ? 403 : involved ? 200 : 404,
            );
            const search = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: user.session.headers(), payload: { name: person.name, purpose: 'property check' } });
            if (!maySearch) {
              expect(search.statusCode).toBe(403);
            } else {
              const found = search.json<{ items: { personId: string }[] }>().items.some((item) => item.personId === person.id);
              expect(found, `${user.role}@${user.organizationCode} searching a person of ${[...person.involved].join(',')}`).toBe(involved);
            }
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
