import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenimApp } from '../../http/app.js';
import { closeTestApp, createTestApp } from '../../testing/test-app.js';
import { asOrganizationInDatabase, asSenimItself, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/test-users.js';

let testDatabase: TestDatabase;
let app: SenimApp;
let korgauWorker: SignedIn;
let sanaSezimWorker: SignedIn;
let analyst: SignedIn;
let auditor: SignedIn;

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const database = testDatabase.database;
  korgauWorker = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
  sanaSezimWorker = await signIn(app, await createTestUser(database, { organizationCode: 'NGO-SANA-SEZIM', roles: ['case_worker'] }));
  analyst = await signIn(app, await createTestUser(database, { organizationCode: 'PGO-CLSSA', roles: ['analyst'] }));
  auditor = await signIn(app, await createTestUser(database, { organizationCode: 'HRC', roles: ['auditor'] }));
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

const aigul = {
  names: [
    { given: 'Айгүл', family: 'Сейткали', kind: 'primary', basis: 'declared' },
    { given: 'Aigul', family: 'Seitkali', kind: 'spelling', basis: 'documented' },
  ],
  birthDate: { value: '2001', basis: 'estimated' },
  citizenships: ['KAZ'],
  documents: [{ type: 'passport', number: 'N 1234 5678', issuingCountry: 'KAZ', heldBy: 'withheld' }],
  contacts: [{ kind: 'phone', value: '8 701 555 12 34' }],
};

async function record(worker: SignedIn, identity: object): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: worker.headers(), payload: { identity } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe('the identity vault', () => {
  it('a case worker records Aigul, finds her by another spelling and opens her identity with a purpose that is audited', async () => {
    const personId = await record(korgauWorker, aigul);

    const search = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/search',
      headers: korgauWorker.headers(),
      payload: { name: 'Aygul Seitkali', purpose: 'checking for an earlier referral' },
    });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().items).toEqual([{ personId, matchedOn: ['full_name'] }]);
    const byPhone = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/search',
      headers: korgauWorker.headers(),
      payload: { phone: '+7 (701) 555-12-34', purpose: 'she called the hotline again' },
    });
    expect(byPhone.json().items.map((item: { personId: string }) => item.personId)).toEqual([personId]);

    const withoutPurpose = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/identity`, headers: korgauWorker.headers() });
    expect(withoutPurpose.statusCode).toBe(400);
    expect(withoutPurpose.json().errors[0].field).toBe('query.purpose');

    const opened = await app.inject({
      method: 'GET',
      url: `/api/v1/persons/${personId}/identity?purpose=${encodeURIComponent('preparing the shelter referral')}`,
      headers: korgauWorker.headers(),
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().identity.names[0].given).toBe('Айгүл');
    expect(opened.json().identity.documents[0].heldBy).toBe('withheld');

    const trail = await testDatabase.database.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'fields'])
      .where('record_id', '=', personId)
      .where('action', '=', 'person.identity_read')
      .execute();
    expect(trail).toEqual([{ action: 'person.identity_read', purpose: 'preparing the shelter referral', fields: ['names', 'birthDate', 'citizenships', 'documents', 'contacts'] }]);
  });

  it('keeps every version as trust grows, and earlier spellings stay searchable', async () => {
    const personId = await record(korgauWorker, { names: [{ given: 'Lola' }] });
    const update = await app.inject({
      method: 'PUT',
      url: `/api/v1/persons/${personId}/identity`,
      headers: korgauWorker.headers(),
      payload: { identity: { names: [{ given: 'Дильноза', family: 'Каримова' }], citizenships: ['UZB'] }, reason: 'gave her real name' },
    });
    expect(update.json()).toEqual({ id: personId, identityVersion: 2 });
    const versions = await app.inject({
      method: 'GET',
      url: `/api/v1/persons/${personId}/identity/versions?purpose=${encodeURIComponent('reviewing what she told us')}`,
      headers: korgauWorker.headers(),
    });
    expect(versions.json().items.map((item: { version: number; identity: { names: { given: string }[] } }) => [item.version, item.identity.names[0]?.given])).toEqual([
      [2, 'Дильноза'],
      [1, 'Lola'],
    ]);
    const byOldName = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: korgauWorker.headers(), payload: { name: 'Lola', purpose: 'looking her up' } });
    expect(byOldName.json().items.map((item: { personId: string }) => item.personId)).toContain(personId);
  });

  it('another organization neither finds nor opens a person it is not involved with', async () => {
    const personId = await record(korgauWorker, { names: [{ given: 'Zarina', family: 'Tokhtarova' }] });
    const opened = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/identity?purpose=curious%20look`, headers: sanaSezimWorker.headers() });
    expect(opened.statusCode).toBe(404);
    const search = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: sanaSezimWorker.headers(), payload: { name: 'Zarina Tokhtarova', purpose: 'curious look' } });
    expect(search.json().items).toEqual([]);
    const update = await app.inject({ method: 'PUT', url: `/api/v1/persons/${personId}/identity`, headers: sanaSezimWorker.headers(), payload: { identity: { names: [] } } });
    expect(update.statusCode).toBe(404);
  });

  it('analysts and auditors have no way to identity data, and the refusal is in the audit trail', async () => {
    const personId = await record(korgauWorker, { names: [{ given: 'Madina' }] });
    for (const outsider of [analyst, auditor]) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/identity?purpose=statistics%20please`, headers: outsider.headers() });
      expect(response.statusCode).toBe(403);
    }
    const denials = await testDatabase.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'access.denied').execute();
    expect(denials.length).toBeGreaterThanOrEqual(2);
  });

  it('stores no name, document or phone in clear text, only sealed identities and keyed digests', async () => {
    await record(korgauWorker, { names: [{ given: 'Gulnazira', family: 'Utepbergenova' }], documents: [{ type: 'passport', number: 'N98765432' }] });
    const dump = await asSenimItself(testDatabase.database, (trx) =>
      sql<{ content: string }>`select coalesce(string_agg(sealed_identity, ' '), '') as content from person_identity_versions`.execute(trx),
    );
    const content = dump.rows[0]?.content ?? '';
    expect(content.length).toBeGreaterThan(100);
    for (const secret of ['Gulnazira', 'Utepbergenova', 'N98765432', 'Айгүл', '5551234']) {
      expect(content).not.toContain(secret);
    }
  });
});

describe('row-level security, the wall behind the policy layer', () => {
  it('a query that forgets its scope still sees only what the organization is involved with', async () => {
    const personId = await record(korgauWorker, { names: [{ given: 'Saule' }] });
    const sanaSezimId = (await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', 'NGO-SANA-SEZIM').executeTakeFirstOrThrow()).id;
    const korgauId = (await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', 'NGO-KORGAU-ASTANA').executeTakeFirstOrThrow()).id;
    const countAs = async (organizationId: string) =>
      asOrganizationInDatabase(testDatabase.database, organizationId, async (trx) => {
        // No where clause on purpose: only the database's policy limits this.
        const persons = await sql<{ id: string }>`select id from persons`.execute(trx);
        const versions = await sql<{ person_id: string }>`select person_id from person_identity_versions`.execute(trx);
        return { persons: persons.rows.map((row) => row.id), versions: versions.rows.map((row) => row.person_id) };
      });
    const korgau = await countAs(korgauId);
    expect(korgau.persons).toContain(personId);
    const sanaSezim = await countAs(sanaSezimId);
    expect(sanaSezim.persons).not.toContain(personId);
    expect(sanaSezim.versions).not.toContain(personId);
  });
});
