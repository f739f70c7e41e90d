import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keysWithId, type VaultKeys } from './data-key.js';

// Sealed values look like `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url):
// compact enough for a text column, and the key id tells an operator which key
// a row needs without trying to decrypt it.
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Payload = 'json' | 'text';

export type VaultDecryptReason = 'malformed' | 'unknown_version' | 'key_mismatch' | 'authentication_failed';

/** The message never contains plaintext or key material, so it is safe to log. */
export class VaultDecryptError extends Error {
  override name = 'VaultDecryptError';
  readonly reason: VaultDecryptReason;

  constructor(reason: VaultDecryptReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Encrypts a JSON value. `associatedData` names where the value belongs (for
 * example `person:<id>:identity`): it is authenticated, not stored, so a sealed
 * value copied onto another row or field does not open there.
 */
export function sealJson(keys: VaultKeys, value: unknown, associatedData: string): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) {
    throw new TypeError('sealJson needs a value that JSON can represent');
  }
  return seal(keys, Buffer.from(json, 'utf8'), associatedData, 'json');
}

export function openJson<T = unknown>(keys: VaultKeys, sealed: string, associatedData: string): T {
  const plaintext = open(keys, sealed, associatedData, 'json');
  try {
    return JSON.parse(plaintext.toString('utf8')) as T;
  } catch {
    throw new VaultDecryptError('malformed', 'The sealed value does not hold JSON');
  }
}

export function sealText(keys: VaultKeys, text: string, associatedData: string): string {
  return seal(keys, Buffer.from(text, 'utf8'), associatedData, 'text');
}

export function openText(keys: VaultKeys, sealed: string, associatedData: string): string {
  return open(keys, sealed, associatedData, 'text').toString('utf8');
}

function seal(keys: VaultKeys, plaintext: Buffer, associatedData: string, payload: Payload): string {
  requireAssociatedData(associatedData);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(authenticatedData(keys.keyId, payload, associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [VERSION, keys.keyId, ...parts].join('.');
}

function open(keys: VaultKeys, sealed: string, associatedData: string, payload: Payload): Buffer {
  requireAssociatedData(associatedData);
  const fields = sealed.split('.');
  if (fields[0] !== VERSION) {
    throw new VaultDecryptError('unknown_version', 'The sealed value has an unknown format version');
  }
  const [, keyId, ivText, tagText, ciphertextText] = fields;
  if (fields.length !== 5 || keyId === undefined || ivText === undefined || tagText === undefined || ciphertextText === undefined) {
    throw new VaultDecryptError('malformed', 'The sealed value is not in the v1 format');
  }
  // While a rotation is under way the keyring holds the retiring key too; the id picks the one that sealed.
  const sealer = keysWithId(keys, keyId);
  if (sealer === undefined) {
    throw new VaultDecryptError(
      'key_mismatch',
      `The value was sealed with data key ${keyId}, but the loaded key is ${keys.keyId}: ` +
        `set SENIM_DATA_KEY to the key it was sealed with, or re-encrypt the data under the new key`,
    );
  }
  const iv = decodePart(ivText);
  const tag = decodePart(tagText);
  const ciphertext = decodePart(ciphertextText);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new VaultDecryptError('malformed', 'The sealed value has a wrong IV or tag length');
  }
  // authTagLength pins the tag to 16 bytes; without it GCM accepts truncated
  // tags, which are far easier to forge.
  const decipher = createDecipheriv('aes-256-gcm', sealer.encryptionKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(authenticatedData(keyId, payload, associatedData));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new VaultDecryptError(
      'authentication_failed',
      'The sealed value does not open: it was altered, or it belongs to another record or field',
    );
  }
}

// The header and the payload kind are authenticated too, so a text value
// cannot be opened as JSON (or the reverse) and the header cannot be edited.
function authenticatedData(keyId: string, payload: Payload, associatedData: string): Buffer {
  return Buffer.from([VERSION, keyId, payload, associatedData].join('\u0000'), 'utf8');
}

function requireAssociatedData(associatedData: string): void {
  // Without a binding to its row, a ciphertext can be moved to another victim's record unnoticed.
  if (associatedData.length === 0) {
    throw new TypeError('Sealing needs associated data naming the record and field');
  }
}

function decodePart(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  // Node skips characters outside the alphabet, so insist that the text is the
  // exact encoding of what was decoded.
  if (bytes.toString('base64url') !== text) {
    throw new VaultDecryptError('malformed', 'The sealed value is not valid base64url');
  }
  return bytes;
}
