import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPassword,
  describePasswordProblem,
} from './password-policy.js';

const aigerim = { email: 'aigerim.sadykova@police.kz', displayName: 'Aigerim Sadykova' };

describe('checkPassword', () => {
  it('accepts a long passphrase without digits, capitals or symbols', () => {
    expect(checkPassword('river quilt amber nomad', aigerim)).toEqual({ ok: true, problems: [] });
  });

  it('accepts Russian and Kazakh passphrases', () => {
    expect(checkPassword('мой кот любит молоко', aigerim).ok).toBe(true);
    expect(checkPassword('Тұлпар мінген батыр', aigerim).ok).toBe(true);
  });

  it('refuses a common password padded to length, whatever its case', () => {
    for (const password of ['password1234567', 'PASSWORD1234567', 'Password1234567!', 'P@ssw0rd12345678']) {
      expect(checkPassword(password, aigerim).problems, password).toContain('common');
    }
  });

  it('refuses a common Russian password typed with the Cyrillic layout', () => {
    expect(checkPassword('пароль123456789', aigerim).problems).toContain('common');
  });

  it('refuses a short password', () => {
    expect(checkPassword('Xk4!pq', aigerim).problems).toContain('too_short');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('🐎🦅🌙🔥🌾🏔🐺', aigerim).problems).toContain('too_short');
  });

  it('refuses a password longer than the maximum', () => {
    const tooLong = 'river quilt amber nomad '.repeat(6).slice(0, PASSWORD_MAX_LENGTH + 1);
    expect(checkPassword(tooLong, aigerim)).toEqual({ ok: false, problems: ['too_long'] });
  });

  it('refuses repeated and sequential characters', () => {
    for (const password of ['aaaaaaaaaaaaaaaa', '1234567890123456', 'abcdefghijklmnop', 'letmein letmein!']) {
      expect(checkPassword(password, aigerim).problems, password).toContain('repetitive');
    }
  });

  it('refuses a password that is mostly the email address, the name or the system', () => {
    for (const password of ['aigerim.sadykova1', 'Aigerim Sadykova!', 'trafficking2024!', 'сеним сеним 2024']) {
      expect(checkPassword(password, aigerim).problems, password).toContain('contains_context');
    }
  });

  it('refuses tabs and line breaks', () => {
    expect(checkPassword('river quilt\tamber nomad', aigerim).problems).toEqual(['control_characters']);
  });
});

describe('describePasswordProblem', () => {
  it('states the minimum length', () => {
    expect(describePasswordProblem('too_short')).toBe(
      `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
    );
  });
});
