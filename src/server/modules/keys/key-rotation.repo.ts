import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database, LookupKindColumn } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

// A sealed value is `v1.<keyId>.<iv>.<tag>.<ciphertext>`: its second field
// names the key that sealed it, so the rows themselves say what is left to do.
const keyOf = (column: string) => sql<string>`split_part(${sql.ref(column)}, '.', 2)`;

function notYetRekeyed(eb: ExpressionBuilder<Database, 'users'>, newKeyId: string) {
  return eb.or([
    eb(keyOf('display_name_sealed'), '<>', newKeyId),
    eb('email', 'is not', null),
    eb('email_sealed', 'is', null),
    eb(keyOf('email_sealed'), '<>', newKeyId),
    eb(keyOf('totp_secret_encrypted'), '<>', newKeyId),
    eb(keyOf('totp_pending_secret_encrypted'), '<>', newKeyId),
  ]);
}

export async function selectRunningRotation(db: Executor) {
  return db.selectFrom('key_rotations').selectAll().where('state', '=', 'running').executeTakeFirst();
}

export async function selectLatestRotation(db: Executor) {
  return db.selectFrom('key_rotations').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertRotation(db: Executor, input: { oldKeyId: string; newKeyId: string }) {
  return db.insertInto('key_rotations').values({ old_key_id: input.oldKeyId, new_key_id: input.newKeyId }).returningAll().executeTakeFirstOrThrow();
}

export async function recordBatch(trx: Transaction<Database>, input: { rotationId: number; persons: number; users: number }): Promise<void> {
  await trx
    .updateTable('key_rotations')
    .set((eb) => ({
      persons_done: eb('persons_done', '+', input.persons),
      users_done: eb('users_done', '+', input.users),
      batches: eb('batches', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', input.rotationId)
    .execute();
}

export async function finishRotation(db: Executor, rotationId: number): Promise<void> {
  const now = new Date();
  await db.updateTable('key_rotations').set({ state: 'finished', finished_at: now, updated_at: now }).where('id', '=', rotationId).execute();
}

/** Users with anything not yet sealed by the new key: name, email (or a clear one), authenticator secrets. */
export async function selectUsersToRekey(trx: Transaction<Database>, newKeyId: string, limit: number) {
  return trx
    .selectFrom('users')
    .select(['id', 'email', 'email_sealed', 'display_name_sealed', 'totp_secret_encrypted', 'totp_pending_secret_encrypted'])
    .where((eb) => notYetRekeyed(eb, newKeyId))
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute();
}

export async function updateUserSeals(
  trx: Transaction<Database>,
  userId: string,
  values: {
    email: null;
    email_sealed: string;
    email_digest: string;
    display_name_sealed: string;
    totp_secret_encrypted: string | null;
    totp_pending_secret_encrypted: string | null;
  },
): Promise<void> {
  await trx.updateTable('users').set(values).where('id', '=', userId).execute();
}

/** Persons with an identity version not sealed by the new key (run with the system actor's scope). */
export async function selectPersonsToRekey(trx: Transaction<Database>, newKeyId: string, limit: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('person_identity_versions')
    .select('person_id')
    .distinct()
    .where('key_id', '<>', newKeyId)
    .orderBy('person_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.person_id);
}

export async function selectVersionsForUpdate(trx: Transaction<Database>, personId: string) {
  return trx
    .selectFrom('person_identity_versions')
    .select(['version', 'sealed_identity'])
    .where('person_id', '=', personId)
    .orderBy('version')
    .forUpdate()
    .execute();
}

export async function updateVersionSeal(trx: Transaction<Database>, input: { personId: string; version: number; sealedIdentity: string; keyId: string }): Promise<void> {
  await trx
    .updateTable('person_identity_versions')
    .set({ sealed_identity: input.sealedIdentity, key_id: input.keyId })
    .where('person_id', '=', input.personId)
    .where('version', '=', input.version)
    .execute();
}

/** A person's look-up digests, all of them replaced: the old ones were keyed by the retiring key. */
export async function replaceDigests(trx: Transaction<Database>, personId: string, digests: { kind: LookupKindColumn; digest: string }[]): Promise<void> {
  await trx.deleteFrom('person_lookup_digests').where('person_id', '=', personId).execute();
  const unique = [...new Map(digests.map((entry) => [`${entry.kind}:${entry.digest}`, entry])).values()];
  if (unique.length > 0) {
    await trx
      .insertInto('person_lookup_digests')
      .values(unique.map((entry) => ({ person_id: personId, kind: entry.kind, digest: entry.digest })))
      .execute();
  }
}

/** Defendants whose sealed identity is under another key than the new one. */
export async function selectDefendantsToRekey(trx: Transaction<Database>, newKeyId: string, limit: number) {
  return trx
    .selectFrom('proceeding_defendants')
    .select(['id', 'sealed_identity'])
    .where('sealed_identity', 'is not', null)
    .where('key_id', '<>', newKeyId)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute();
}

export async function updateDefendantSeal(trx: Transaction<Database>, input: { defendantId: string; sealedIdentity: string; keyId: string }): Promise<void> {
  await trx.updateTable('proceeding_defendants').set({ sealed_identity: input.sealedIdentity, key_id: input.keyId }).where('id', '=', input.defendantId).execute();
}

/** What still uses a key other than `newKeyId`: none of any when a rotation is done (run with the system actor's scope). */
export async function countLeftToRekey(trx: Transaction<Database>, newKeyId: string): Promise<{ users: number; identityVersions: number; defendants: number }> {
  const users = await trx
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('count'))
    .where((eb) => notYetRekeyed(eb, newKeyId))
    .executeTakeFirstOrThrow();
  const versions = await trx
    .selectFrom('person_identity_versions')
    .select(sql<number>`count(*)`.as('count'))
    .where('key_id', '<>', newKeyId)
    .executeTakeFirstOrThrow();
  const defendants = await trx
    .selectFrom('proceeding_defendants')
    .select(sql<number>`count(*)`.as('count'))
    .where('sealed_identity', 'is not', null)
    .where('key_id', '<>', newKeyId)
    .executeTakeFirstOrThrow();
  return { users: Number(users.count), identityVersions: Number(versions.count), defendants: Number(defendants.count) };
}
