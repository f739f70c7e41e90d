import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

// The two secrets Senim keeps outside its database (the data key and the
// audit key) are written and read alike: 32 random bytes, as hex or base64,
// and on the embedded database a generated owner-only file in its folder.

export const SECRET_KEY_BYTES = 32;
export const GENERATE_KEY_HINT = 'generate one with `openssl rand -hex 32`';

export function generateSecretKeyHex(): string {
  return randomBytes(SECRET_KEY_BYTES).toString('hex');
}

/**
 * Reads 32 bytes written as 64 hex characters or as base64/base64url (44
 * characters, or 43 without padding). The value itself never appears in an
 * error: its length helps spot a truncated or half-sized key.
 */
export function decodeSecretKey(text: string, source: string, fail: (message: string) => Error): Buffer {
  const trimmed = text.trim();
  const expected =
    `${source} must be ${SECRET_KEY_BYTES} random bytes written as 64 hexadecimal characters or as base64/base64url ` +
    `(44 characters, or 43 without padding): ${GENERATE_KEY_HINT}`;
  let key: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    key = Buffer.from(trimmed, 'hex');
  } else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    // Node's base64 decoder reads both alphabets, with or without padding.
    key = Buffer.from(trimmed, 'base64');
  } else {
    throw fail(`${expected} (got ${trimmed.length} characters)`);
  }
  if (key.length !== SECRET_KEY_BYTES) {
    throw fail(expected);
  }
  if (key.every((byte) => byte === key[0])) {
    throw fail(`${source} looks like a placeholder (all bytes equal): ${GENERATE_KEY_HINT}`);
  }
  return key;
}

/**
 * Creates the key file with a new random key unless it exists; returns true
 * when this process created it. 'wx' fails if the file exists, so two
 * processes starting together end up with one key: the loser reads the
 * winner's file. What a key seals or links is worthless if a crash loses the
 * key, so the file reaches the disk before anything uses it.
 */
export function createSecretKeyFileIfMissing(directory: string, path: string): boolean {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx', 0o600);
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }
  try {
    writeSync(descriptor, `${generateSecretKeyHex()}\n`);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  syncDirectory(directory);
  return true;
}

export function syncDirectory(directory: string): void {
  // Makes the new directory entry durable; not every platform can open a
  // directory, and the file's own fsync already happened.
  try {
    const descriptor = openSync(directory, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return;
  }
}
