import type { Kysely } from 'kysely';
import type { PersonIdentity } from '../../../shared/person.schemas.js';
import type { Database, LookupKindColumn } from '../../db/schema.js';
import { systemActor } from '../../platform/actor.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { openJson, openText, sealJson, sealText } from '../../platform/vault/cipher.js';
import { readingKeys, withRetiringKeys, type VaultKeys } from '../../platform/vault/data-key.js';
import { openStaffEmail, sealedEmailColumns } from '../../platform/vault/staff-email.js';
import { TOTP_AAD } from '../auth/auth.service.js';
import { openDisplayName, sealDisplayName } from '../directory/staff-name.js';
import { defendantIdentityAad } from '../justice/defendant.service.js';
import { identityAad, identityDigests } from '../persons/person.service.js';
import {
  countLeftToRekey,
  finishRotation,
  insertRotation,
  recordBatch,
  replaceDigests,
  selectLatestRotation,
  selectDefendantsToRekey,
  selectPersonsToRekey,
  selectRunningRotation,
  selectUsersToRekey,
  selectVersionsForUpdate,
  updateDefendantSeal,
  updateUserSeals,
  updateVersionSeal,
} from './key-rotation.repo.js';

// `senim keys rotate` moves every sealed value and every keyed look-up digest
// from one data key to another, in batches of its own transactions. Each row
// names the key that sealed it, so a rotation that stops (a crash, Ctrl-C,
// --max-batches) resumes by looking for rows still under the old key; the
// key_rotations row keeps the pair of keys and the counts. Meanwhile both keys
// read: a server started with SENIM_DATA_KEY=<new> and
// SENIM_PREVIOUS_DATA_KEY=<old> seals with the new key and opens either.

export class KeyRotationError extends Error {
  override name = 'KeyRotationError';
}

export interface RotationOutcome {
  rotationId: number;
  oldKeyId: string;
  newKeyId: string;
  /** A rotation of the same keys had been started before and is carried on. */
  resumed: boolean;
  /** True when no row uses the old key any more. */
  finished: boolean;
  batches: number;
  users: number;
  persons: number;
  /** Suspects and accused in criminal proceedings whose sealed identity was re-encrypted. */
  defendants: number;
}

export interface RotateInput {
  db: Kysely<Database>;
  /** The key in use until now (with any key it still reads). */
  oldKeys: VaultKeys;
  newKeys: VaultKeys;
  batchSize: number;
  /** Stop after this many batches (null: until done); the next run resumes. */
  maxBatches: number | null;
  onBatch?: (progress: { kind: 'users' | 'persons' | 'defendants'; rows: number; batches: number }) => void;
}

const rotator = systemActor('cli:keys-rotate');

export async function rotateDataKey(input: RotateInput): Promise<RotationOutcome> {
  const { db, oldKeys, newKeys, batchSize } = input;
  if (oldKeys.keyId === newKeys.keyId) {
    throw new KeyRotationError(`The new key is the key in use (key id ${newKeys.keyId}): generate another one with \`openssl rand -hex 32\``);
  }
  const running = await selectRunningRotation(db);
  if (running && (running.old_key_id !== oldKeys.keyId || running.new_key_id !== newKeys.keyId)) {
    throw new KeyRotationError(
      `A rotation from data key ${running.old_key_id} to ${running.new_key_id} is under way (started ${new Date(running.started_at).toISOString()}); ` +
        `finish it first: run this command again with those two keys (the loaded keys are ${oldKeys.keyId} and ${newKeys.keyId})`,
    );
  }
  const rotation = running ?? (await insertRotation(db, { oldKeyId: oldKeys.keyId, newKeyId: newKeys.keyId }));
  // Opens what either key sealed; everything written goes under the new key alone.
  const keyring = withRetiringKeys(newKeys, readingKeys(oldKeys));
  const outcome: RotationOutcome = {
    rotationId: rotation.id,
    oldKeyId: oldKeys.keyId,
    newKeyId: newKeys.keyId,
    resumed: running !== undefined,
    finished: false,
    batches: 0,
    users: 0,
    persons: 0,
    defendants: 0,
  };
  const mayGoOn = () => input.maxBatches === null || outcome.batches < input.maxBatches;
  // A row seen twice in one run was written again under the old key meanwhile: a process still seals with it.
  const seen = new Set<string>();
  const refuseSeenAgain = (ids: readonly string[]): void => {
    if (ids.length > 0 && ids.every((id) => seen.has(id))) {
      throw new KeyRotationError(
        `Rows re-encrypted a moment ago are under key ${oldKeys.keyId} again: a server or command still seals with the old key. ` +
          'Restart it with SENIM_DATA_KEY set to the new key and SENIM_PREVIOUS_DATA_KEY to the old one, then run this command again.',
      );
    }
    for (const id of ids) {
      seen.add(id);
    }
  };

  while (mayGoOn()) {
    const rows = await db.transaction().execute(async (trx) => {
      const users = await selectUsersToRekey(trx, newKeys.keyId, batchSize);
      refuseSeenAgain(users.map((user) => user.id));
      for (const user of users) {
        await updateUserSeals(trx, user.id, {
          ...sealedEmailColumns(newKeys, user.id, openStaffEmail(keyring, user.id, user)),
          display_name_sealed: sealDisplayName(newKeys, user.id, openDisplayName(keyring, user.id, user.display_name_sealed)),
          totp_secret_encrypted: resealText(keyring, newKeys, user.totp_secret_encrypted, TOTP_AAD(user.id)),
          totp_pending_secret_encrypted: resealText(keyring, newKeys, user.totp_pending_secret_encrypted, TOTP_AAD(user.id)),
        });
      }
      if (users.length > 0) {
        await recordBatch(trx, { rotationId: rotation.id, users: users.length, persons: 0 });
      }
      return users.length;
    });
    if (rows === 0) {
      break;
    }
    outcome.batches += 1;
    outcome.users += rows;
    input.onBatch?.({ kind: 'users', rows, batches: outcome.batches });
  }

  while (mayGoOn()) {
    // The vault's row-level security lets only the system actor's scope update and delete here (migration 0019).
    const rows = await withPersonScope(db, rotator, async (trx) => {
      const personIds = await selectPersonsToRekey(trx, newKeys.keyId, batchSize);
      refuseSeenAgain(personIds);
      for (const personId of personIds) {
        const digests: { kind: LookupKindColumn; digest: string }[] = [];
        for (const version of await selectVersionsForUpdate(trx, personId)) {
          const aad = identityAad(personId, version.version);
          const identity = openJson<PersonIdentity>(keyring, version.sealed_identity, aad);
          await updateVersionSeal(trx, { personId, version: version.version, sealedIdentity: sealJson(newKeys, identity, aad), keyId: newKeys.keyId });
          // Every version's spellings stay searchable, as when they were recorded.
          digests.push(...identityDigests(newKeys, identity));
        }
        await replaceDigests(trx, personId, digests);
      }
      if (personIds.length > 0) {
        await recordBatch(trx, { rotationId: rotation.id, users: 0, persons: personIds.length });
      }
      return personIds.length;
    });
    if (rows === 0) {
      break;
    }
    outcome.batches += 1;
    outcome.persons += rows;
    input.onBatch?.({ kind: 'persons', rows, batches: outcome.batches });
  }

  while (mayGoOn()) {
    const rows = await db.transaction().execute(async (trx) => {
      const defendants = await selectDefendantsToRekey(trx, newKeys.keyId, batchSize);
      refuseSeenAgain(defendants.map((defendant) => defendant.id));
      for (const defendant of defendants) {
        const aad = defendantIdentityAad(defendant.id);
        const sealedIdentity = sealJson(newKeys, openJson(keyring, defendant.sealed_identity ?? '', aad), aad);
        await updateDefendantSeal(trx, { defendantId: defendant.id, sealedIdentity, keyId: newKeys.keyId });
      }
      if (defendants.length > 0) {
        await recordBatch(trx, { rotationId: rotation.id, users: 0, persons: 0 });
      }
      return defendants.length;
    });
    if (rows === 0) {
      break;
    }
    outcome.batches += 1;
    outcome.defendants += rows;
    input.onBatch?.({ kind: 'defendants', rows, batches: outcome.batches });
  }

  const left = await withPersonScope(db, rotator, (trx) => countLeftToRekey(trx, newKeys.keyId));
  if (left.users > 0 || left.identityVersions > 0 || left.defendants > 0) {
    return outcome;
  }
  await finishRotation(db, rotation.id);
  return { ...outcome, finished: true };
}

function resealText(keyring: VaultKeys, newKeys: VaultKeys, sealed: string | null, aad: string): string | null {
  return sealed === null ? null : sealText(newKeys, openText(keyring, sealed, aad), aad);
}

/**
 * Refuses to start with keys that cannot read the data: during a rotation both
 * keys are needed, after one the new key. Without this check the server would
 * start and fail on every sealed value it opens.
 */
export async function refuseKeysMissingForRotation(db: Kysely<Database>, keys: VaultKeys): Promise<void> {
  const latest = await selectLatestRotation(db);
  if (!latest) {
    return;
  }
  const loaded = readingKeys(keys).map((candidate) => candidate.keyId);
  if (latest.state === 'running' && !(loaded.includes(latest.old_key_id) && loaded.includes(latest.new_key_id))) {
    throw new KeyRotationError(
      `A rotation of the data key from ${latest.old_key_id} to ${latest.new_key_id} is unfinished and the loaded keys are ${loaded.join(', ')}. ` +
        'Finish it: run `npx senim keys rotate` again with the same keys; or start with SENIM_DATA_KEY set to the new key and SENIM_PREVIOUS_DATA_KEY to the old one.',
    );
  }
  if (latest.state === 'finished' && !loaded.includes(latest.new_key_id)) {
    throw new KeyRotationError(
      `The data were re-encrypted under data key ${latest.new_key_id} (senim keys rotate), but the loaded key is ${loaded.join(', ')}: ` +
        'set SENIM_DATA_KEY to the new key (on the embedded database without SENIM_DATA_KEY, run `npx senim keys rotate --new-key-file FILE` again to install it).',
    );
  }
}
