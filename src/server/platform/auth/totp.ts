import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

// The settings every authenticator app supports; Google Authenticator ignores others.
const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
// One step either side absorbs clock drift and typing time (RFC 6238 §5.2).
const ACCEPTED_STEPS_AROUND_NOW = 1;
const SECRET_BYTES = 20;
const CODE_FORMAT = /^\d{6}$/u;

export type TotpVerification =
  | { ok: true; step: number }
  | { ok: false; reason: 'malformed' | 'invalid' | 'replayed' };

function totpFor(secret: string, label = 'Senim', issuer = 'Senim'): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), ...TOTP_SETTINGS });
}

/** A new shared secret, base32-encoded as authenticator apps expect. */
export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app reads from the enrolment QR code. */
export function totpUri(options: { secret: string; accountName: string; issuer?: string }): string {
  return totpFor(options.secret, options.accountName, options.issuer).toString();
}

export async function totpQrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * Checks a code typed by the user. The step it matched must be stored and passed
 * back as lastUsedStep, so a code seen over someone's shoulder cannot be reused.
 */
export function verifyTotp(options: {
  secret: string;
  code: string;
  now?: number;
  lastUsedStep?: number | null;
}): TotpVerification {
  const token = options.code.replace(/\s/gu, '');
  if (!CODE_FORMAT.test(token)) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = options.now ?? Date.now();
  const delta = totpFor(options.secret).validate({ token, timestamp, window: ACCEPTED_STEPS_AROUND_NOW });
  if (delta === null) {
    return { ok: false, reason: 'invalid' };
  }
  const step = TOTP.counter({ period: TOTP_SETTINGS.period, timestamp }) + delta;
  const lastUsedStep = options.lastUsedStep ?? null;
  if (lastUsedStep !== null && step <= lastUsedStep) {
    return { ok: false, reason: 'replayed' };
  }
  return { ok: true, step };
}

/** The code an authenticator app would show at `now`. */
export function currentTotpCode(secret: string, now: number = Date.now()): string {
  return totpFor(secret).generate({ timestamp: now });
}
