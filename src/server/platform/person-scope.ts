import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidLiteral(value: string) {
  if (!uuidPattern.test(value)) {
    throw new Error('withPersonScope needs the ids of a user and an organization');
  }
  return sql.lit(value);
}

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
 * and case tables to the actor's reach (row-level security; the rule is
 * platform/person-reach.ts). The application's policy checks come first; this
 * is the wall behind them, in case a query ever forgets its scope.
 */
export async function withPersonScope<T>(db: Kysely<Database>, actor: Actor, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const useAppRole = await canUseAppRole(db);
  return db.transaction().execute(async (trx) => {
    // One statement, and one without parameters, so that the pool sends it in the same message as
    // the transaction's begin (preparingPool in database.ts): every round trip to the server costs
    // both processes CPU on every request. Row-level security reads the organization, the user (a
    // child's person and case only for named workers) and whether the organization is law enforcement.
    const role = useAppRole ? sql`, set_config('role', 'senim_app', true)` : sql``;
    // The ids come from our own session row and are checked anyway, as literals go into the SQL text.
    if (actor.kind === 'system') {
      await sql`select set_config('senim.scope', 'all', true), set_config('senim.organization_id', '', true), set_config('senim.user_id', '', true), set_config('senim.law_enforcement', '', true)${role}`.execute(trx);
    } else {
      const organizationId = uuidLiteral(actor.organizationId);
      const userId = uuidLiteral(actor.userId);
      const lawEnforcement = actor.organizationLawEnforcement ? 'true' : 'false';
      await sql`select set_config('senim.scope', 'involved', true), set_config('senim.organization_id', ${organizationId}, true), set_config('senim.user_id', ${userId}, true), set_config('senim.law_enforcement', ${sql.lit(lawEnforcement)}, true)${role}`.execute(trx);
    }
    return fn(trx);
  });
}
