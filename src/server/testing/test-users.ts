import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../shared/permissions.js';
import type { SenimDatabase } from '../db/database.js';
import type { SenimApp } from '../http/app.js';
import { hashPassword } from '../platform/auth/password-hash.js';
import { currentTotpCode } from '../platform/auth/totp.js';
import { regionIdsFor, replaceUserRegions, replaceUserRoles } from '../modules/directory/directory.repo.js';
import { sealDisplayName } from '../modules/directory/staff-name.js';
import type { VaultKeys } from '../platform/vault/data-key.js';
import { sealedEmailColumns } from '../platform/vault/staff-email.js';
import { testVaultKeys } from './test-vault.js';

export const TEST_USER_PASSWORD = 'correct horse battery staple kz';

let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organizationId: string;
}

/** A user made directly in the database, unique per call, in an existing organization. */
export async function createTestUser(
  database: SenimDatabase,
  input: { organizationCode: string; roles: Role[]; regionCodes?: string[]; label?: string; vaultKeys?: VaultKeys },
): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_USER_PASSWORD);
  const passwordHash = await cachedHash;
  const organization = await database.db.selectFrom('organizations').select('id').where('code', '=', input.organizationCode).executeTakeFirstOrThrow();
  const email = `${input.label ?? input.roles.join('-')}.${randomBytes(4).toString('hex')}@test.senim.local`.replaceAll('_', '-');
  const regionIds = await regionIdsFor(database.db, input.regionCodes ?? []);
  const id = await database.db.transaction().execute(async (trx) => {
    const userId = randomUUID();
    const user = await trx
      .insertInto('users')
      .values({
        id: userId,
        organization_id: organization.id,
        ...sealedEmailColumns(input.vaultKeys ?? testVaultKeys(), userId, email),
        display_name_sealed: sealDisplayName(input.vaultKeys ?? testVaultKeys(), userId, `Test ${input.roles.join(', ')}`),
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceUserRoles(trx, user.id, input.roles);
    await replaceUserRegions(trx, user.id, [...regionIds.values()]);
    return user.id;
  });
  return { id, email, password: TEST_USER_PASSWORD, organizationId: organization.id };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** The TOTP secret enrolled at sign-in, when there was an enrolment. */
  totpSecret: string | null;
  headers: (extra?: Record<string, string>) => Record<string, string>;
}

/** The session cookie an answer sets, with its attributes (Secure, HttpOnly...). */
export function sessionSetCookieOf(response: { headers: Record<string, unknown> }): string {
  const setCookie = response.headers['set-cookie'];
  const all = Array.isArray(setCookie) ? (setCookie as string[]) : typeof setCookie === 'string' ? [setCookie] : [];
  const session = all.find((cookie) => cookie.startsWith('senim_session='));
  if (!session) {
    throw new Error('No session cookie was set');
  }
  return session;
}

/** What a browser sends back: the session cookie's name and value. */
export function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  return sessionSetCookieOf(response).split(';')[0] ?? '';
}

/**
 * Signs in through the API exactly as the web client does, acting as the
 * authenticator app when the account enrols or owes a TOTP code.
 */
export async function signIn(app: SenimApp, user: { email: string; password: string }, options: { totpSecret?: string } = {}): Promise<SignedIn> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
  if (login.statusCode !== 200) {
    throw new Error(`Sign-in of ${user.email} failed: ${login.statusCode} ${login.body}`);
  }
  const body = login.json<{ mfa: string; csrfToken: string; otpauthUrl?: string }>();
  const cookie = sessionCookieOf(login);
  const headers = (extra: Record<string, string> = {}) => ({ cookie, 'x-csrf-token': body.csrfToken, ...extra });
  let totpSecret: string | null = null;
  if (body.mfa === 'enroll' || body.mfa === 'required') {
    totpSecret = body.otpauthUrl ? new URL(body.otpauthUrl).searchParams.get('secret') : (options.totpSecret ?? null);
    if (!totpSecret) {
      throw new Error(`${user.email} owes a TOTP code but no secret is known`);
    }
    let mfa = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: headers(), payload: { code: currentTotpCode(totpSecret) } });
    // A second sign-in within the same 30 s may not reuse the code (replay protection): use the next one, as the window allows.
    if (mfa.statusCode === 401 && mfa.body.includes('already used')) {
      mfa = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: headers(), payload: { code: currentTotpCode(totpSecret, Date.now() + 30_000) } });
    }
    if (mfa.statusCode !== 200) {
      throw new Error(`MFA of ${user.email} failed: ${mfa.statusCode} ${mfa.body}`);
    }
  }
  return { cookie, csrfToken: body.csrfToken, totpSecret, headers };
}
