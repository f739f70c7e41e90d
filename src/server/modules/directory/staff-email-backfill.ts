import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { sealedEmailColumns } from '../../platform/vault/staff-email.js';

/**
 * Seals every email still in clear (rows made before migration 0019) and
 * empties the clear column, one transaction for all, so that no user is left
 * half-sealed. Runs at every start before the server serves (prepareDatabase);
 * does nothing once all are sealed. Returns how many were sealed.
 */
export async function sealClearStaffEmails(db: Kysely<Database>, keys: VaultKeys): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('users').select(['id', 'email']).where('email', 'is not', null).forUpdate().execute();
    for (const row of rows) {
      await trx
        .updateTable('users')
        .set(sealedEmailColumns(keys, row.id, row.email ?? ''))
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}
