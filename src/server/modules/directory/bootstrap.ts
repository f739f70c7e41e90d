import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/permissions.js';
import type { Database } from '../../db/schema.js';
import { systemActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { checkPassword, describePasswordProblem } from '../../platform/auth/password-policy.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { replaceUserRegions, replaceUserRoles } from './directory.repo.js';
import { sealedEmailColumns } from '../../platform/vault/staff-email.js';
import { sealDisplayName } from './staff-name.js';

export const OPERATOR_ORGANIZATION_CODE = 'SENIM-OPERATOR';

/** The organization that runs this Senim installation; its administrators manage the others. */
export async function ensureOperatorOrganization(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('organizations')
    .values({
      code: OPERATOR_ORGANIZATION_CODE,
      kind: 'operator',
      abbreviation_ru: 'Оператор Senim',
      abbreviation_kk: 'Senim операторы',
      abbreviation_en: 'Senim operator',
      name_ru: 'Оператор информационной системы Senim',
      name_kk: 'Senim ақпараттық жүйесінің операторы',
      name_en: 'Operator of the Senim information system',
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const row = await db.selectFrom('organizations').select('id').where('code', '=', OPERATOR_ORGANIZATION_CODE).executeTakeFirstOrThrow();
  return row.id;
}

export interface BootstrapResult {
  created: boolean;
  email: string;
  /** Set only when the password was generated: it is shown once and never stored in clear. */
  generatedPassword: string | null;
}

/**
 * On a database without users, creates the first national administrator from
 * SENIM_ADMIN_EMAIL and SENIM_ADMIN_PASSWORD (or a random password to be
 * printed once). Does nothing once any user exists.
 */
export async function ensureBootstrapAdministrator(
  db: Kysely<Database>,
  input: { email: string; password: string | null; vaultKeys: VaultKeys },
): Promise<BootstrapResult> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) {
    return { created: false, email: input.email, generatedPassword: null };
  }
  const generatedPassword = input.password ? null : randomBytes(18).toString('base64url');
  const password = input.password ?? generatedPassword ?? '';
  const check = checkPassword(password, { email: input.email });
  if (!check.ok) {
    throw new AppError('validation_failed', `SENIM_ADMIN_PASSWORD is not acceptable: ${check.problems.map(describePasswordProblem).join(' ')}`);
  }
  const organizationId = await ensureOperatorOrganization(db);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const user = await trx
      .insertInto('users')
      .values({
        id,
        organization_id: organizationId,
        ...sealedEmailColumns(input.vaultKeys, id, input.email),
        display_name_sealed: sealDisplayName(input.vaultKeys, id, 'Senim administrator'),
        password_hash: passwordHash,
        language: 'en',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const adminRoles: Role[] = ['national_administrator', 'administrator'];
    await replaceUserRoles(trx, user.id, adminRoles);
    await replaceUserRegions(trx, user.id, []);
    await recordAudit(trx, {
      actor: systemActor('bootstrap'),
      action: 'system.bootstrap_admin_created',
      record: { type: 'user', id: user.id },
      fields: ['email', 'roles'],
    });
  });
  return { created: true, email: input.email, generatedPassword };
}
