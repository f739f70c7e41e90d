/** The base32 secret inside an otpauth:// URL, or null when the URL carries none. */
export function secretOf(otpauthUrl: string): string | null {
  try {
    const secret = new URL(otpauthUrl).searchParams.get('secret');
    return secret === null || secret === '' ? null : secret.toUpperCase();
  } catch {
    return null;
  }
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": groups of four are easier to copy by hand. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/gu) ?? []).join(' ');
}

/** What the user typed, without the spaces and dashes some apps show inside a code. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/gu, '');
}

export function isSixDigitCode(code: string): boolean {
  return /^\d{6}$/u.test(code);
}
