import { readFileSync, statSync } from 'node:fs';
import { createHash, createPrivateKey, createPublicKey, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { GENERATE_KEY_HINT, SECRET_KEY_BYTES, createSecretKeyFileIfMissing, decodeSecretKey, generateSecretKeyHex } from './key-file.js';

/**
 * The key of the audit chain. It lives outside the database, so that whoever
 * can write the database cannot recompute the chain after editing an event.
 * It is its own key, not derived from SENIM_DATA_KEY: rotating the data key
 * must never make the audit trail unverifiable.
 *
 * From the one secret come two keys: an HMAC-SHA256 key that links the chain,
 * and an Ed25519 key pair that signs anchors. Anyone may check an anchor with
 * the public key alone, without holding a secret that could forge events.
 * The secret parts are non-enumerable, so a key in a log line shows its id only.
 */
export interface AuditKey {
  /** 16 hex characters: the start of the public key's SHA-256. */
  keyId: string;
  /** The Ed25519 public key (32 bytes, base64url), which checks anchors. */
  publicKey: string;
  /** 32 bytes for HMAC-SHA256 over each event. */
  chainKey: Buffer;
  /** Signs anchors. */
  signingKey: KeyObject;
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

export const AUDIT_KEY_FILE_NAME = 'senim-audit.key';

const KEY_BYTES = SECRET_KEY_BYTES;
const GENERATE_HINT = GENERATE_KEY_HINT;
const HKDF_SALT = 'senim/audit';
const INFO_CHAIN = 'senim/audit/v1/chain';
const INFO_ANCHOR_SIGNING = 'senim/audit/v1/anchor-signing';
// An Ed25519 private key is its 32-byte seed behind this fixed PKCS #8 header (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// And a public key is its 32 bytes behind this SubjectPublicKeyInfo header.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateAuditKeyHex(): string {
  return generateSecretKeyHex();
}

export function parseAuditKey(text: string, source = 'SENIM_AUDIT_KEY'): Buffer {
  return decodeSecretKey(text, source, (message) => new AuditKeyError(message));
}

/** The same secret always gives the same keys, so an anchor signed today checks with the key of tomorrow. */
export function deriveAuditKey(master: Buffer): AuditKey {
  if (master.length !== KEY_BYTES) {
    throw new AuditKeyError(`The audit key must be ${KEY_BYTES} bytes`);
  }
  const derive = (info: string): Buffer => Buffer.from(hkdfSync('sha256', master, HKDF_SALT, info, KEY_BYTES));
  const seed = derive(INFO_ANCHOR_SIGNING);
  const signingKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  seed.fill(0);
  const publicRaw = createPublicKey(signingKey).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
  const key = {
    keyId: createHash('sha256').update(publicRaw).digest('hex').slice(0, 16),
    publicKey: publicRaw.toString('base64url'),
  } as AuditKey;
  Object.defineProperties(key, {
    chainKey: { value: derive(INFO_CHAIN), enumerable: false },
    signingKey: { value: signingKey, enumerable: false },
  });
  return Object.freeze(key);
}

export function signWithAuditKey(key: AuditKey, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), key.signingKey).toString('base64url');
}

/** Checks a signature with a public key alone (base64url, 32 bytes): what an outside auditor can do. */
export function verifyAuditSignature(publicKey: string, message: string, signature: string): boolean {
  const raw = Buffer.from(publicKey, 'base64url');
  if (raw.length !== KEY_BYTES) {
    return false;
  }
  const keyObject = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(message, 'utf8'), keyObject, Buffer.from(signature, 'base64url'));
}

export interface LoadAuditKeyOptions {
  env: NodeJS.ProcessEnv;
  /** Folder of the embedded database; null when it lives in memory. */
  dataDir: string | null;
  /** True for the embedded database (PGlite), false for a PostgreSQL server. */
  embedded: boolean;
  warn: (message: string) => void;
}

/**
 * SENIM_AUDIT_KEY wins. Without it, the embedded database keeps a key file in
 * its data folder (a laptop's convenience: whoever can write that folder can
 * also rewrite the trail, hence the warning), an in-memory database gets a
 * throwaway key, and a PostgreSQL server refuses to start.
 */
export function loadAuditKey(options: LoadAuditKeyOptions): AuditKey {
  const { env, dataDir, embedded, warn } = options;
  const fromEnvironment = env.SENIM_AUDIT_KEY?.trim();
  if (fromEnvironment) {
    return keyFrom(parseAuditKey(fromEnvironment));
  }
  if (!embedded) {
    throw new AuditKeyError(`SENIM_AUDIT_KEY must be set when DATABASE_URL is used: ${GENERATE_HINT}`);
  }
  if (dataDir === null) {
    return keyFrom(randomBytes(KEY_BYTES));
  }
  const path = join(dataDir, AUDIT_KEY_FILE_NAME);
  const created = createKeyFileIfMissing(dataDir, path);
  const text = readFileSync(path, 'utf8').trim();
  if (text.length === 0) {
    throw new AuditKeyError(`The audit key file ${path} is empty. If the audit trail holds no keyed events yet, delete it and start again.`);
  }
  const key = keyFrom(parseAuditKey(text, `The audit key file ${path}`));
  const advice =
    `It sits next to the audit trail it protects: whoever can write the data folder can rewrite the trail and its chain. ` +
    `In production set SENIM_AUDIT_KEY to the file's contents, keep it away from the database and its backups, and delete the file.`;
  warn(`${created ? 'Generated' : 'Using'} the audit key ${path} (key id ${key.keyId}). ${advice}`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    warn(`The audit key ${path} can be read by other users of this machine: run \`chmod 600 ${path}\`.`);
  }
  return key;
}

function keyFrom(master: Buffer): AuditKey {
  try {
    return deriveAuditKey(master);
  } finally {
    master.fill(0);
  }
}

/** Returns true when this process created the file; 'wx' makes two processes starting together share one key. */
function createKeyFileIfMissing(dataDir: string, path: string): boolean {
  return createSecretKeyFileIfMissing(dataDir, path);
}
