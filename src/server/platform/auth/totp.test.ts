import { describe, expect, it } from 'vitest';
import { currentTotpCode, generateTotpSecret, totpQrCodeSvg, totpUri, verifyTotp } from './totp.js';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const STEP_MS = 30_000;
const NOW = Date.UTC(2026, 2, 8, 9, 15, 10);

describe('TOTP', () => {
  it('matches the RFC 6238 test vector', () => {
    expect(currentTotpCode(RFC_SECRET, 59_000)).toBe('287082');
  });

  it('makes a 160-bit base32 secret', () => {
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('enrols an authenticator app for Senim and the account', async () => {
    const uri = totpUri({ secret: RFC_SECRET, accountName: 'aigerim.sadykova@police.kz' });

    expect(uri).toMatch(/^otpauth:\/\/totp\/Senim:aigerim\.sadykova(@|%40)police\.kz\?/);
    expect(uri).toContain('issuer=Senim');
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(uri).toContain('algorithm=SHA1');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
    expect(await totpQrCodeSvg(uri)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('accepts the code shown now, with or without spaces, and the step before', () => {
    const code = currentTotpCode(RFC_SECRET, NOW);
    const step = Math.floor(NOW / STEP_MS);

    expect(verifyTotp({ secret: RFC_SECRET, code, now: NOW })).toEqual({ ok: true, step });
    expect(verifyTotp({ secret: RFC_SECRET, code: `${code.slice(0, 3)} ${code.slice(3)}`, now: NOW })).toEqual({
      ok: true,
      step,
    });
    const previous = currentTotpCode(RFC_SECRET, NOW - STEP_MS);
    expect(verifyTotp({ secret: RFC_SECRET, code: previous, now: NOW })).toEqual({ ok: true, step: step - 1 });
  });

  it('refuses a code from three steps ago', () => {
    const stale = currentTotpCode(RFC_SECRET, NOW - 3 * STEP_MS);

    expect(verifyTotp({ secret: RFC_SECRET, code: stale, now: NOW })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses the same code a second time', () => {
    const code = currentTotpCode(RFC_SECRET, NOW);
    const first = verifyTotp({ secret: RFC_SECRET, code, now: NOW });
    if (!first.ok) {
      throw new Error('the first use should succeed');
    }

    const again = verifyTotp({ secret: RFC_SECRET, code, now: NOW + 5_000, lastUsedStep: first.step });
    expect(again).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses codes that are not six digits', () => {
    for (const code of ['12ab56', '12345', '1234567', '']) {
      expect(verifyTotp({ secret: RFC_SECRET, code, now: NOW }), code).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
