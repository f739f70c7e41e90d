import { sql, type Transaction } from 'kysely';
import type { Database, InvolvementBasis, LookupKindColumn } from '../../db/schema.js';
import { personInReach, type Reach } from '../../platform/person-reach.js';

// Every function here runs inside withPersonScope(): row-level security has
// already narrowed the person tables to the actor's reach (0016); the reads
// say the same reach first (platform/person-reach.ts).

export async function insertPerson(
  trx: Transaction<Database>,
  input: { id: string; ownerOrganizationId: string; createdBy: string | null },
): Promise<void> {
  // No RETURNING: the new row is not yet visible to its creator until the involvement below exists.
  await trx.insertInto('persons').values({ id: input.id, owner_organization_id: input.ownerOrganizationId, created_by: input.createdBy }).execute();
}

export async function insertInvolvement(
  trx: Transaction<Database>,
  input: { personId: string; organizationId: string; basis: InvolvementBasis; grantedBy: string | null },
): Promise<void> {
  await trx
    .insertInto('person_involvements')
    .values({ person_id: input.personId, organization_id: input.organizationId, basis: input.basis, granted_by: input.grantedBy })
    .onConflict((oc) => oc.columns(['person_id', 'organization_id', 'basis']).doNothing())
    .execute();
}

export async function insertIdentityVersion(
  trx: Transaction<Database>,
  input: { personId: string; version: number; sealedIdentity: string; keyId: string; recordedBy: string | null; reason: string | null },
): Promise<void> {
  await trx
    .insertInto('person_identity_versions')
    .values({
      person_id: input.personId,
      version: input.version,
      sealed_identity: input.sealedIdentity,
      key_id: input.keyId,
      recorded_by: input.recordedBy,
      reason: input.reason,
    })
    .execute();
}

/**
 * The digests of a person recorded in this transaction. A plain insert of
 * distinct entries: ON CONFLICT would make the database check that the writer
 * may read the rows, and a police body recording a person without the
 * person's consent to share with it may not (0016).
 */
export async function insertDigests(trx: Transaction<Database>, personId: string, digests: { kind: LookupKindColumn; digest: string }[]): Promise<void> {
  const distinct = [...new Map(digests.map((entry) => [`${entry.kind}:${entry.digest}`, entry])).values()];
  if (distinct.length === 0) {
    return;
  }
  await trx
    .insertInto('person_lookup_digests')
    .values(distinct.map((entry) => ({ person_id: personId, kind: entry.kind, digest: entry.digest })))
    .execute();
}

/** Digests added to those a person already has: a spelling known before is skipped. */
export async function addDigests(trx: Transaction<Database>, personId: string, digests: { kind: LookupKindColumn; digest: string }[]): Promise<void> {
  if (digests.length === 0) {
    return;
  }
  await trx
    .insertInto('person_lookup_digests')
    .values(digests.map((entry) => ({ person_id: personId, kind: entry.kind, digest: entry.digest })))
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'digest']).doNothing())
    .execute();
}

function inReach(reach: Reach, personColumn: 'persons.id' | 'person_identity_versions.person_id' | 'person_lookup_digests.person_id') {
  return personInReach(reach, sql.ref(personColumn));
}

export async function selectPerson(trx: Transaction<Database>, reach: Reach, personId: string) {
  return trx
    .selectFrom('persons')
    .select(['id', 'owner_organization_id', 'identity_version'])
    .where('id', '=', personId)
    .where(inReach(reach, 'persons.id'))
    .forUpdate()
    .executeTakeFirst();
}

export async function selectIdentityVersions(trx: Transaction<Database>, reach: Reach, personId: string, onlyLatest: boolean) {
  let query = trx
    .selectFrom('person_identity_versions')
    .select(['person_id', 'version', 'sealed_identity', 'recorded_at'])
    .where('person_id', '=', personId)
    .where(inReach(reach, 'person_identity_versions.person_id'))
    .orderBy('version', 'desc');
  if (onlyLatest) {
    query = query.limit(1);
  }
  return query.execute();
}

export async function bumpIdentityVersion(trx: Transaction<Database>, personId: string, version: number): Promise<void> {
  await trx.updateTable('persons').set({ identity_version: version, updated_at: new Date() }).where('id', '=', personId).execute();
}

export async function searchDigests(trx: Transaction<Database>, reach: Reach, digests: { kind: LookupKindColumn; digest: string }[], limit: number) {
  if (digests.length === 0) {
    return [];
  }
  return trx
    .selectFrom('person_lookup_digests')
    .select(['person_id', sql<LookupKindColumn[]>`array_agg(distinct kind order by kind)`.as('kinds'), sql<number>`count(distinct kind)`.as('strength')])
    .where((eb) => eb.or(digests.map((entry) => eb.and([eb('kind', '=', entry.kind), eb('digest', '=', entry.digest)]))))
    .where(inReach(reach, 'person_lookup_digests.person_id'))
    .groupBy('person_id')
    .orderBy('strength', 'desc')
    .orderBy('person_id')
    .limit(limit)
    .execute();
}
