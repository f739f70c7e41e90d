import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInLink } from './return-path.js';

describe('safeReturnPath', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturnPath('/audit?action=auth.signed_in')).toBe('/audit?action=auth.signed_in');
  });

  it('refuses addresses that would leave the site after signing in', () => {
    for (const crafted of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '']) {
      expect(safeReturnPath(crafted), crafted).toBe('/');
    }
  });

  it('does not return to the sign-in page itself', () => {
    expect(safeReturnPath('/sign-in?expired=1')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});

describe('signInLink', () => {
  it('names the page to come back to and whether the session expired', () => {
    expect(signInLink({ returnTo: '/admin/users', expired: true })).toBe('/sign-in?expired=1&returnTo=%2Fadmin%2Fusers');
  });

  it('leaves out the start page, the default', () => {
    expect(signInLink({ returnTo: '/' })).toBe('/sign-in');
    expect(signInLink()).toBe('/sign-in');
  });
});
