import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type SenimApp } from '../../http/app.js';
import { systemActor } from '../../platform/actor.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { deriveVaultKeys, withRetiringKeys, type VaultKeys } from '../../platform/vault/data-key.js';
import { createTestDatabase, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, type TestDatabase } from '../../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../../testing/test-users.js';
import { testVaultKeys } from '../../testing/test-vault.js';
import { refuseKeysMissingForRotation, rotateDataKey } from './key-rotation.service.js';

// The data key leaked with a backup: the operator rotates it. Every sealed
// identity, staff name, email and authenticator secret, and every look-up
// digest, moves to the new key; a rotation cut short resumes; afterwards the
// new key alone opens everything.

let testDatabase: TestDatabase;
const apps: SenimApp[] = [];
const oldKeys = testVaultKeys();
const newKeys: VaultKeys = deriveVaultKeys(randomBytes(32));
let worker: TestUser;
let workerTotp: string;
const personIds: string[] = [];
let investigator: TestUser;
let investigatorTotp: string;
let defendantPath: string;

async function appWith(keys: VaultKeys): Promise<SenimApp> {
  const app = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: keys });
  await app.ready();
  apps.push(app);
  return app;
}

async function searchByName(app: SenimApp, session: SignedIn, name: string): Promise<string[]> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: session.headers(), payload: { name, purpose: 'checking for an earlier referral' } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { personId: string }[] }>().items.map((item) => item.personId);
}

async function openIdentity(app: SenimApp, session: SignedIn, personId: string, path: '/identity' | '/identity/versions' = '/identity') {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/persons/${personId}${path}?purpose=${encodeURIComponent('preparing the shelter referral')}`,
    headers: session.headers(),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Signs the worker in again with her authenticator; the codes of this half-minute are spent already (replay protection). */
async function signInWorker(app: SenimApp, email: string): Promise<SignedIn> {
  await testDatabase.database.db.updateTable('users').set({ last_totp_step: null }).where('id', '=', worker.id).execute();
  return signIn(app, { email, password: worker.password }, { totpSecret: workerTotp });
}

async function keyIdsInUse(): Promise<{ users: string[]; versions: string[]; rotations: { state: string; old_key_id: string; new_key_id: string }[] }> {
  const db = testDatabase.database.db;
  const users = await db.selectFrom('users').select(['display_name_sealed', 'email_sealed', 'totp_secret_encrypted']).execute();
  const versions = await withPersonScope(db, systemActor('test'), (trx) => trx.selectFrom('person_identity_versions').select(['key_id', 'sealed_identity']).execute());
  const keyOf = (sealed: string | null) => (sealed === null ? [] : [sealed.split('.')[1] ?? '']);
  return {
    users: [...new Set(users.flatMap((row) => [...keyOf(row.display_name_sealed), ...keyOf(row.email_sealed), ...keyOf(row.totp_secret_encrypted)]))].sort(),
    versions: [...new Set(versions.flatMap((row) => [row.key_id, ...keyOf(row.sealed_identity)]))].sort(),
    rotations: await db.selectFrom('key_rotations').select(['state', 'old_key_id', 'new_key_id']).orderBy('id').execute(),
  };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase({ demo: true });
  const app = await appWith(oldKeys);
  worker = await createTestUser(testDatabase.database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
  const session = await signIn(app, worker);
  workerTotp = session.totpSecret ?? '';
  const identities = [
    { names: [{ given: 'Айгүл', family: 'Сейтқали' }], sex: 'female', citizenships: ['KAZ'] },
    { names: [{ given: 'Бахыт', family: 'Ержанов' }], sex: 'male', citizenships: ['KGZ'] },
    { names: [{ given: 'Нодира', family: 'Каримова' }], sex: 'female', citizenships: ['UZB'] },
  ];
  for (const identity of identities) {
    const created = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: session.headers(), payload: { identity } });
    expect(created.statusCode, created.body).toBe(201);
    personIds.push(created.json().id);
  }
  // A second version: the earlier spelling must stay findable after the rotation.
  const updated = await app.inject({
    method: 'PUT',
    url: `/api/v1/persons/${personIds[2]}/identity`,
    headers: session.headers(),
    payload: { identity: { names: [{ given: 'Nodira', family: 'Karimova' }], sex: 'female', citizenships: ['UZB'] }, reason: 'passport found' },
  });
  expect(updated.statusCode, updated.body).toBe(200);

  // A suspect in a criminal proceeding: sealed like a victim, so rotated like one.
  investigator = await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-ALA'] });
  const police = await signIn(app, investigator);
  investigatorTotp = police.totpSecret ?? '';
  const db = testDatabase.database.db;
  const mia = await db.selectFrom('organizations').select('id').where('code', '=', 'MIA').executeTakeFirstOrThrow();
  const article = await db.selectFrom('criminal_code_articles').select('id').where('edition', '=', '2014').where('article', '=', '128').executeTakeFirstOrThrow();
  const proceeding = await app.inject({
    method: 'POST',
    url: '/api/v1/proceedings',
    headers: police.headers(),
    payload: {
      registerNumber: '257510000000451',
      registeredOn: '2025-03-10',
      registeringOrganizationId: mia.id,
      investigatingOrganizationId: mia.id,
      regionCode: 'KZ-ALA',
      articles: [{ articleId: article.id, part: '3' }],
    },
  });
  expect(proceeding.statusCode, proceeding.body).toBe(201);
  const defendant = await app.inject({
    method: 'POST',
    url: `/api/v1/proceedings/${proceeding.json().id}/defendants`,
    headers: police.headers(),
    payload: { identity: { names: [{ given: 'Ерлан', family: 'Досымов' }] }, sex: 'male', citizenship: 'KAZ', role: 'organizer', proceduralStatus: 'accused' },
  });
  expect(defendant.statusCode, defendant.body).toBe(201);
  defendantPath = `/api/v1/proceedings/${proceeding.json().id}/defendants/${defendant.json().id}/identity?purpose=investigation`;
});

afterAll(async () => {
  for (const app of apps) {
    await app.close();
  }
  await testDatabase.drop();
});

describe('senim keys rotate', () => {
  it('stops after one batch when told to, and the data read with both keys meanwhile', async () => {
    const first = await rotateDataKey({ db: testDatabase.database.db, oldKeys, newKeys, batchSize: 1, maxBatches: 1 });
    expect(first).toMatchObject({ finished: false, resumed: false, batches: 1, users: 1, oldKeyId: oldKeys.keyId, newKeyId: newKeys.keyId });
    const midway = await keyIdsInUse();
    expect(midway.users).toEqual([newKeys.keyId, oldKeys.keyId].sort());
    expect(midway.rotations).toEqual([{ state: 'running', old_key_id: oldKeys.keyId, new_key_id: newKeys.keyId }]);

    // Either key alone would fail on half the rows: the server refuses to start with one.
    await expect(refuseKeysMissingForRotation(testDatabase.database.db, oldKeys)).rejects.toThrow(/unfinished/);
    await expect(refuseKeysMissingForRotation(testDatabase.database.db, newKeys)).rejects.toThrow(/unfinished/);
    const keyring = withRetiringKeys(newKeys, [oldKeys]);
    await refuseKeysMissingForRotation(testDatabase.database.db, keyring);

    const app = await appWith(keyring);
    const session = await signInWorker(app, worker.email);
    expect(await searchByName(app, session, 'Aygul Seitkali')).toEqual([personIds[0]]);
    expect((await openIdentity(app, session, personIds[0] ?? '')).identity.names[0].given).toBe('Айгүл');
  });

  it('resumes where it stopped, and afterwards the new key alone opens and finds everything', async () => {
    const rest = await rotateDataKey({ db: testDatabase.database.db, oldKeys, newKeys, batchSize: 2, maxBatches: null });
    expect(rest).toMatchObject({ finished: true, resumed: true, persons: 3, defendants: 1 });
    const after = await keyIdsInUse();
    expect(after.users).toEqual([newKeys.keyId]);
    expect(after.versions).toEqual([newKeys.keyId]);
    expect(after.rotations).toEqual([{ state: 'finished', old_key_id: oldKeys.keyId, new_key_id: newKeys.keyId }]);
    await expect(refuseKeysMissingForRotation(testDatabase.database.db, oldKeys)).rejects.toThrow(/re-encrypted under data key/);
    await refuseKeysMissingForRotation(testDatabase.database.db, newKeys);

    const app = await appWith(newKeys);
    // Sign-in by email (any case), the authenticator secret, the staff name: all under the new key.
    const session = await signInWorker(app, worker.email.toUpperCase());
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers() });
    expect(me.json().user).toMatchObject({ email: worker.email, displayName: 'Test case_worker' });
    expect(await searchByName(app, session, 'Aygul Seitkali')).toEqual([personIds[0]]);
    expect(await searchByName(app, session, 'Бахыт')).toEqual([personIds[1]]);
    // Both versions of Nodira's identity open, and both spellings find her.
    expect(await searchByName(app, session, 'Каримова')).toEqual([personIds[2]]);
    expect(await searchByName(app, session, 'Karimova Nodira')).toEqual([personIds[2]]);
    const history = await openIdentity(app, session, personIds[2] ?? '', '/identity/versions');
    expect(history.items.map((item: { identity: { names: { given: string }[] } }) => item.identity.names[0]?.given).sort()).toEqual(['Nodira', 'Нодира']);

    const defendantKeys = await testDatabase.database.db.selectFrom('proceeding_defendants').select('key_id').execute();
    expect(defendantKeys.map((row) => row.key_id)).toEqual([newKeys.keyId]);
    const police = await signIn(app, investigator, { totpSecret: investigatorTotp });
    const defendant = await app.inject({ method: 'GET', url: defendantPath, headers: police.headers() });
    expect(defendant.statusCode, defendant.body).toBe(200);
    expect(defendant.json().identity.names[0].family).toBe('Досымов');

    const admin = await signIn(app, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD }, { totpSecret: '' });
    const users = await app.inject({ method: 'GET', url: '/api/v1/users?limit=100', headers: admin.headers() });
    expect(users.statusCode, users.body).toBe(200);
    expect(users.json().items.map((user: { email: string }) => user.email)).toContain(worker.email);
  });

  it('refuses a second rotation to the same key, and one that would cross a rotation under way', async () => {
    await expect(rotateDataKey({ db: testDatabase.database.db, oldKeys: newKeys, newKeys, batchSize: 10, maxBatches: null })).rejects.toThrow(/key in use/);
    const third = deriveVaultKeys(randomBytes(32));
    const started = await rotateDataKey({ db: testDatabase.database.db, oldKeys: newKeys, newKeys: third, batchSize: 1, maxBatches: 1 });
    expect(started.finished).toBe(false);
    await expect(rotateDataKey({ db: testDatabase.database.db, oldKeys: newKeys, newKeys: deriveVaultKeys(randomBytes(32)), batchSize: 1, maxBatches: 1 })).rejects.toThrow(/under way/);
  });
});
