import { describe, expect, it } from 'vitest';
import { groupSecret, isSixDigitCode, normalizeCode, secretOf } from './totp-secret.js';

describe('the authenticator key written out for manual entry', () => {
  it('is read from the secret parameter of the otpauth URL', () => {
    const url = 'otpauth://totp/Senim:worker%40ngo.kz?issuer=Senim&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';
    expect(secretOf(url)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('is missing rather than wrong when the URL has none or is not a URL', () => {
    expect(secretOf('otpauth://totp/Senim?issuer=Senim')).toBeNull();
    expect(secretOf('not a url')).toBeNull();
  });

  it('is shown in groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJB')).toBe('JBSW Y3DP EHPK 3PXP JB');
  });
});

describe('a typed code', () => {
  it('loses the spaces and dashes that apps show inside it', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
  });

  it('must be six digits', () => {
    expect(isSixDigitCode('123456')).toBe(true);
    expect(isSixDigitCode('12345')).toBe(false);
    expect(isSixDigitCode('12345a')).toBe(false);
  });
});
