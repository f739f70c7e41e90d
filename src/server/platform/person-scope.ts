import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';

const appRoleAvailability = new WeakMap<Kysely<Database>, Promise<boolean>>();

/** Whether this connection can switch to senim_app (the embedded database and superusers can). */
async function canUseAppRole(db: Kysely<Database>): Promise<boolean> {
  let known = appRoleAvailability.get(db);
  if (!known) {
    known = sql<{ usable: boolean }>`
      select case when exists (select 1 from pg_roles where rolname = 'senim_app')
        then pg_has_role(current_user, 'senim_app', 'member') else false end as usable`
      .execute(db)
      .then((result) => result.rows[0]?.usable === true);
    appRoleAvailability.set(db, known);
  }
  return known;
}

/**
 * Runs fn in a transaction in which the database itself limits the person
 * tables to what the actor's organization is involved in (row-level
 * security). The application's policy checks come first; this is the wall
 * behind them, in case a query ever forgets its scope.
 */
export async function withPersonScope<T>(db: Kysely<Database>, actor: Actor, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const useAppRole = await canUseAppRole(db);
  return db.transaction().execute(async (trx) => {
    // One statement, and one without parameters, so that the pool sends it in the same message as
    // the transaction's begin (preparingPool in database.ts): every round trip to the server costs
    // both processes CPU on every request. The organization id comes from our own session row.
    const role = useAppRole ? sql`, set_config('role', 'senim_app', true)` : sql``;
    if (actor.kind === 'system') {
      await sql`select set_config('senim.scope', 'all', true), set_config('senim.organization_id', '', true)${role}`.execute(trx);
    } else {
      await sql`select set_config('senim.scope', 'involved', true), set_config('senim.organization_id', ${sql.lit(actor.organizationId)}, true)${role}`.execute(trx);
    }
    return fn(trx);
  });
}
