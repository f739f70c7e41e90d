import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { GENERATE_KEY_HINT, SECRET_KEY_BYTES, createSecretKeyFileIfMissing, decodeSecretKey, generateSecretKeyHex, syncDirectory } from '../key-file.js';

/**
 * The keys that protect victims' identifying data. The two secret buffers are
 * non-enumerable on purpose: a VaultKeys object that ends up in a log line,
 * JSON.stringify() or console.log() shows only its keyId. The flip side is that
 * `{ ...keys }` drops them, so pass the object itself around.
 */
export interface VaultKeys {
  /** 8 hex characters naming the key in sealed values; reveals nothing about it. */
  keyId: string;
  /** 32 bytes for AES-256-GCM. */
  encryptionKey: Buffer;
  /** 32 bytes for HMAC-SHA256 blind indexes. */
  lookupKey: Buffer;
}

export class VaultKeyError extends Error {
  override name = 'VaultKeyError';
}

export const DATA_KEY_FILE_NAME = 'senim-data.key';

const KEY_BYTES = SECRET_KEY_BYTES;
const GENERATE_HINT = GENERATE_KEY_HINT;
// The salt only separates Senim's derivations from any other use of the same
// master key; HKDF needs no secret salt.
const HKDF_SALT = 'senim/vault';
const INFO_ENCRYPTION = 'senim/vault/v1/encryption';
const INFO_LOOKUP = 'senim/vault/v1/lookup';
const INFO_KEY_ID = 'senim/vault/v1/key-id';

export function generateDataKeyHex(): string {
  return generateSecretKeyHex();
}

/** Reads SENIM_DATA_KEY: 32 bytes as 64 hex characters, or base64 / base64url (44 or 43 characters). */
export function parseDataKey(text: string): Buffer {
  return decodeDataKey(text, 'SENIM_DATA_KEY');
}

export function deriveVaultKeys(master: Buffer): VaultKeys {
  if (master.length !== KEY_BYTES) {
    throw new VaultKeyError(`The data key must be ${KEY_BYTES} bytes`);
  }
  const derive = (info: string): Buffer => Buffer.from(hkdfSync('sha256', master, HKDF_SALT, info, KEY_BYTES));
  // The id comes from its own derivation, so publishing it in every sealed
  // value gives an attacker no material related to the two secret keys.
  const idMaterial = derive(INFO_KEY_ID);
  const keyId = createHash('sha256').update(idMaterial).digest('hex').slice(0, 8);
  idMaterial.fill(0);
  return hideSecrets(keyId, derive(INFO_ENCRYPTION), derive(INFO_LOOKUP));
}

export interface LoadVaultKeysOptions {
  env: NodeJS.ProcessEnv;
  /** Folder of the embedded database; null when it lives in memory. */
  dataDir: string | null;
  /** True for the embedded database (PGlite), false for a PostgreSQL server. */
  embedded: boolean;
  warn: (message: string) => void;
}

/**
 * SENIM_DATA_KEY wins. Without it, the embedded database keeps a key file in its
 * data folder (convenient for a laptop, unsafe for production, hence the
 * warning), an in-memory database gets a throwaway key, and a PostgreSQL server
 * refuses to start: its data and backups travel far from this machine.
 */
export function loadVaultKeys(options: LoadVaultKeysOptions): VaultKeys {
  const { env, dataDir, embedded, warn } = options;
  const fromEnvironment = env.SENIM_DATA_KEY?.trim();
  // An empty variable counts as unset, as in readConfig().
  if (fromEnvironment) {
    const keys = keysFrom(parseDataKey(fromEnvironment));
    if (embedded && dataDir !== null) {
      warnAboutStaleKeyFile(join(dataDir, DATA_KEY_FILE_NAME), keys, warn);
    }
    return keys;
  }
  if (!embedded) {
    throw new VaultKeyError(`SENIM_DATA_KEY must be set when DATABASE_URL is used: ${GENERATE_HINT}`);
  }
  if (dataDir === null) {
    return keysFrom(randomBytes(KEY_BYTES));
  }
  return loadKeyFile(dataDir, warn);
}

function loadKeyFile(dataDir: string, warn: (message: string) => void): VaultKeys {
  const path = join(dataDir, DATA_KEY_FILE_NAME);
  const created = createKeyFileIfMissing(dataDir, path);
  const keys = keysFrom(readKeyFile(path));
  const advice =
    `It sits next to the data it protects: whoever copies the data folder or its backups can read victims' identities. ` +
    `In production set SENIM_DATA_KEY to the file's contents (or, before any data is stored, a new key: ${GENERATE_HINT}), ` +
    `keep it out of the data folder and its backups, and delete the file.`;
  warn(created ? `Generated the data encryption key ${path} (key id ${keys.keyId}). ${advice}` : `Using the data encryption key ${path} (key id ${keys.keyId}). ${advice}`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    warn(`The data encryption key ${path} can be read by other users of this machine: run \`chmod 600 ${path}\`.`);
  }
  return keys;
}

/** Returns true when this process created the file. */
function createKeyFileIfMissing(dataDir: string, path: string): boolean {
  return createSecretKeyFileIfMissing(dataDir, path);
}

function readKeyFile(path: string): Buffer {
  // Another process may have created the file a moment ago and not yet written
  // it; give it a little time before calling the file broken.
  for (let attempt = 0; ; attempt += 1) {
    const text = readFileSync(path, 'utf8').trim();
    if (text.length > 0 || attempt >= 20) {
      if (text.length === 0) {
        throw new VaultKeyError(`The data key file ${path} is empty. If no data has been stored yet, delete it and start again.`);
      }
      return decodeDataKey(text, `The data key file ${path}`);
    }
    sleepSync(50);
  }
}

function warnAboutStaleKeyFile(path: string, keys: VaultKeys, warn: (message: string) => void): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    return;
  }
  let fileKeys: VaultKeys;
  try {
    fileKeys = keysFrom(decodeDataKey(text, path));
  } catch {
    return;
  }
  if (fileKeys.keyId !== keys.keyId) {
    warn(
      `SENIM_DATA_KEY (key id ${keys.keyId}) differs from the key file ${path} (key id ${fileKeys.keyId}): ` +
        `data sealed with the file's key cannot be opened until it is re-encrypted.`,
    );
  }
}

function keysFrom(master: Buffer): VaultKeys {
  try {
    return deriveVaultKeys(master);
  } finally {
    master.fill(0);
  }
}

function decodeDataKey(text: string, source: string): Buffer {
  return decodeSecretKey(text, source, (message) => new VaultKeyError(message));
}

function hideSecrets(keyId: string, encryptionKey: Buffer, lookupKey: Buffer): VaultKeys {
  const keys = { keyId } as VaultKeys;
  Object.defineProperties(keys, {
    encryptionKey: { value: encryptionKey, enumerable: false },
    lookupKey: { value: lookupKey, enumerable: false },
  });
  return Object.freeze(keys);
}

function sleepSync(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

// Keys being retired by a rotation (`senim keys rotate`), by the keyring they
// belong to. Kept beside the object rather than in it, so a VaultKeys stays
// the same frozen three fields wherever it travels.
const retiringKeysOf = new WeakMap<VaultKeys, readonly VaultKeys[]>();

/**
 * A keyring: `current` seals and computes every new digest; the retiring keys
 * still open what they sealed and find what they keyed, so that the data stays
 * readable while a rotation moves it from one key to the other.
 */
export function withRetiringKeys(current: VaultKeys, retiring: readonly VaultKeys[]): VaultKeys {
  const others = retiring.filter((keys) => keys.keyId !== current.keyId);
  if (others.length === 0) {
    return current;
  }
  const ring = hideSecrets(current.keyId, current.encryptionKey, current.lookupKey);
  retiringKeysOf.set(ring, others);
  return ring;
}

/** Every key that may open a value or have keyed a digest: the current one first. */
export function readingKeys(keys: VaultKeys): readonly VaultKeys[] {
  return [keys, ...(retiringKeysOf.get(keys) ?? [])];
}

/** The key that sealed a value named by its key id, if the keyring holds it. */
export function keysWithId(keys: VaultKeys, keyId: string): VaultKeys | undefined {
  return readingKeys(keys).find((candidate) => candidate.keyId === keyId);
}

/**
 * SENIM_PREVIOUS_DATA_KEY: the key a rotation is retiring, set beside the new
 * SENIM_DATA_KEY only until `senim keys rotate` says no row uses it any more.
 */
export function loadPreviousVaultKeys(env: NodeJS.ProcessEnv): VaultKeys[] {
  const text = env.SENIM_PREVIOUS_DATA_KEY?.trim();
  return text ? [keysFrom(decodeDataKey(text, 'SENIM_PREVIOUS_DATA_KEY'))] : [];
}

/** Reads a key written in a file (the new key of a rotation), as SENIM_DATA_KEY is read. */
export function readDataKeyFile(path: string): VaultKeys {
  return keysFrom(decodeDataKey(readFileSync(path, 'utf8'), `The key file ${path}`));
}

/** Reads a key given in a variable (SENIM_NEW_DATA_KEY), as SENIM_DATA_KEY is read. */
export function parseNamedDataKey(text: string, name: string): VaultKeys {
  return keysFrom(decodeDataKey(text, name));
}

/**
 * Puts a new key into the embedded database's key file, at the end of a
 * rotation: written beside it owner-only, flushed, then renamed over it, so a
 * crash leaves either the old file or the new one, never half of one.
 */
export function replaceDataKeyFile(dataDir: string, keyText: string): VaultKeys {
  const keys = keysFrom(decodeDataKey(keyText, 'The new key'));
  const path = join(dataDir, DATA_KEY_FILE_NAME);
  const next = `${path}.next`;
  rmSync(next, { force: true });
  const descriptor = openSync(next, 'wx', 0o600);
  try {
    writeSync(descriptor, `${keyText.trim()}\n`);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(next, path);
  syncDirectory(dataDir);
  return keys;
}
