import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { PersonIdentity, personSearchRequestSchema } from '../../../shared/person.schemas.js';
import type { LookupKindColumn } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { reachOf, type Reach } from '../../platform/person-reach.js';
import { lookupDigest, nameLookupDigests } from '../../platform/vault/blind-index.js';
import { openJson, sealJson } from '../../platform/vault/cipher.js';
import { readingKeys, type VaultKeys } from '../../platform/vault/data-key.js';
import { normalizeBirthDate, normalizeDocumentNumber, normalizeName, normalizePhone } from '../../platform/vault/name-normalization.js';
import {
  addDigests,
  bumpIdentityVersion,
  insertDigests,
  insertIdentityVersion,
  insertInvolvement,
  insertPerson,
  searchDigests,
  selectIdentityVersions,
  selectPerson,
} from './person.repo.js';

export const identityAad = (personId: string, version: number) => `person:${personId}:identity:v${version}`;

/** The persons a user reaches: the same reach as for cases (platform/person-reach.ts), children and police included. */
function personReachOf(actor: UserActor, permission: 'persons.identity.read' | 'persons.identity.write' | 'persons.identity.search'): Reach {
  return reachOf(actor, permission);
}

/** Names of the identity parts that hold something: what an audit event says was read or written. */
export function filledIdentityFields(identity: PersonIdentity): string[] {
  const fields: string[] = [];
  if (identity.names.length > 0) {
    fields.push('names');
  }
  if (identity.birthDate) {
    fields.push('birthDate');
  }
  if (identity.sex !== 'not_disclosed') {
    fields.push('sex');
  }
  for (const key of ['citizenships', 'documents', 'contacts', 'addresses'] as const) {
    if (identity[key].length > 0) {
      fields.push(key);
    }
  }
  return fields;
}

function safeNormalize(normalize: (value: string) => string, value: string): string | null {
  try {
    const normalized = normalize(value);
    return normalized.length > 0 ? normalized : null;
  } catch {
    return null;
  }
}

/** Keyed hashes of every searchable part, so exact look-ups never need clear text in the database. */
export function identityDigests(keys: VaultKeys, identity: PersonIdentity): { kind: LookupKindColumn; digest: string }[] {
  const digests: { kind: LookupKindColumn; digest: string }[] = [];
  for (const name of identity.names) {
    for (const digest of nameLookupDigests(keys, name)) {
      digests.push({ kind: digest.kind, digest: digest.digest });
    }
  }
  for (const document of identity.documents) {
    const normalized = safeNormalize(normalizeDocumentNumber, document.number);
    if (normalized) {
      digests.push({ kind: 'document', digest: lookupDigest(keys, 'document', normalized) });
    }
  }
  for (const contact of identity.contacts.filter((entry) => entry.kind === 'phone')) {
    const normalized = safeNormalize(normalizePhone, contact.value);
    if (normalized) {
      digests.push({ kind: 'phone', digest: lookupDigest(keys, 'phone', normalized) });
    }
  }
  if (identity.birthDate) {
    const normalized = safeNormalize(normalizeBirthDate, identity.birthDate.value);
    if (normalized) {
      digests.push({ kind: 'birth_date', digest: lookupDigest(keys, 'birth_date', normalized) });
    }
  }
  return digests;
}

export async function createPerson(input: { context: AppContext; actor: UserActor; identity: PersonIdentity; origin: RequestOrigin }) {
  const { context, actor } = input;
  personReachOf(actor, 'persons.identity.write');
  const personId = randomUUID();
  const sealed = sealJson(context.vaultKeys, input.identity, identityAad(personId, 1));
  const digests = identityDigests(context.vaultKeys, input.identity);
  await withPersonScope(context.database.db, actor, async (trx) => {
    await insertPerson(trx, { id: personId, ownerOrganizationId: actor.organizationId, createdBy: actor.userId });
    await insertInvolvement(trx, { personId, organizationId: actor.organizationId, basis: 'recorded', grantedBy: actor.userId });
    await insertIdentityVersion(trx, { personId, version: 1, sealedIdentity: sealed, keyId: context.vaultKeys.keyId, recordedBy: actor.userId, reason: null });
    await insertDigests(trx, personId, digests);
    await recordAudit(trx, {
      actor,
      action: 'person.created',
      record: { type: 'person', id: personId },
      fields: filledIdentityFields(input.identity),
      origin: input.origin,
    });
  });
  return { id: personId, identityVersion: 1 };
}

export async function readIdentity(input: { context: AppContext; actor: UserActor; personId: string; purpose: string; history: boolean; origin: RequestOrigin }) {
  const { context, actor } = input;
  const reach = personReachOf(actor, 'persons.identity.read');
  return withPersonScope(context.database.db, actor, async (trx) => {
    const rows = await selectIdentityVersions(trx, reach, input.personId, !input.history);
    if (rows.length === 0) {
      throw new AppError('not_found', 'No such person in your reach');
    }
    const records = rows.map((row) => ({
      personId: row.person_id,
      version: row.version,
      recordedAt: new Date(row.recorded_at).toISOString(),
      identity: openJson<PersonIdentity>(context.vaultKeys, row.sealed_identity, identityAad(row.person_id, row.version)),
    }));
    await recordAudit(trx, {
      actor,
      action: 'person.identity_read',
      record: { type: 'person', id: input.personId },
      fields: [...new Set(records.flatMap((record) => filledIdentityFields(record.identity)))],
      purpose: input.purpose,
      origin: input.origin,
      details: { versions: records.map((record) => record.version).join(',') },
    });
    return records;
  });
}

export async function updateIdentity(input: {
  context: AppContext;
  actor: UserActor;
  personId: string;
  identity: PersonIdentity;
  reason: string | null;
  origin: RequestOrigin;
}) {
  const { context, actor } = input;
  const reach = personReachOf(actor, 'persons.identity.write');
  return withPersonScope(context.database.db, actor, async (trx) => {
    const person = await selectPerson(trx, reach, input.personId);
    if (!person) {
      throw new AppError('not_found', 'No such person in your reach');
    }
    const version = person.identity_version + 1;
    await insertIdentityVersion(trx, {
      personId: input.personId,
      version,
      sealedIdentity: sealJson(context.vaultKeys, input.identity, identityAad(input.personId, version)),
      keyId: context.vaultKeys.keyId,
      recordedBy: actor.userId,
      reason: input.reason,
    });
    // Earlier spellings stay searchable: a person is often found under a name given before.
    await addDigests(trx, input.personId, identityDigests(context.vaultKeys, input.identity));
    await bumpIdentityVersion(trx, input.personId, version);
    await recordAudit(trx, {
      actor,
      action: 'person.identity_updated',
      record: { type: 'person', id: input.personId },
      fields: filledIdentityFields(input.identity),
      origin: input.origin,
      details: { version },
    });
    return { id: input.personId, identityVersion: version };
  });
}

export async function searchPersons(input: {
  context: AppContext;
  actor: UserActor;
  search: z.infer<typeof personSearchRequestSchema>;
  origin: RequestOrigin;
}) {
  const { context, actor, search } = input;
  const reach = personReachOf(actor, 'persons.identity.search');
  const digests: { kind: LookupKindColumn; digest: string }[] = [];
  // Under every key of the keyring: during a key rotation some persons are still keyed by the retiring key.
  for (const keys of readingKeys(context.vaultKeys)) {
    if (search.name) {
      // One word finds every person with that name part; several words must match a whole name, in any order.
      const words = search.name.split(/\s+/).filter((word) => safeNormalize(normalizeName, word) !== null);
      const wanted = words.length > 1 ? 'full_name' : 'name';
      digests.push(...nameLookupDigests(keys, { given: search.name }).filter((digest) => digest.kind === wanted));
    }
    const documentNumber = search.documentNumber ? safeNormalize(normalizeDocumentNumber, search.documentNumber) : null;
    if (documentNumber) {
      digests.push({ kind: 'document', digest: lookupDigest(keys, 'document', documentNumber) });
    }
    const phone = search.phone ? safeNormalize(normalizePhone, search.phone) : null;
    if (phone) {
      digests.push({ kind: 'phone', digest: lookupDigest(keys, 'phone', phone) });
    }
    if (search.birthDate) {
      const birthDate = safeNormalize(normalizeBirthDate, search.birthDate);
      if (!birthDate) {
        throw new AppError('validation_failed', 'The birth date is not a real date', { fields: [{ field: 'body.birthDate', message: 'is not a real date' }] });
      }
      digests.push({ kind: 'birth_date', digest: lookupDigest(keys, 'birth_date', birthDate) });
    }
  }
  return withPersonScope(context.database.db, actor, async (trx) => {
    const rows = await searchDigests(trx, reach, digests, 50);
    await recordAudit(trx, {
      actor,
      action: 'person.searched',
      fields: Object.keys(search).filter((key) => key !== 'purpose'),
      purpose: search.purpose,
      origin: input.origin,
      details: { results: rows.length },
    });
    return { items: rows.map((row) => ({ personId: row.person_id, matchedOn: row.kinds })) };
  });
}
