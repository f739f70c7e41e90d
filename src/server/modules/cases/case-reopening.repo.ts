import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface Reopening {
  /** When the case was reopened. */
  reopenedAt: string;
  /** When the person came back. */
  contactDate: string | null;
  /** Why, in the worker's words; absent on cases reopened before the reason was kept. */
  reason: string | null;
}

/** Every reopening of a case, oldest first, from its timeline (behind the case's row-level security: run it in the reader's person scope). */
export async function selectReopenings(trx: Transaction<Database>, caseId: string): Promise<Reopening[]> {
  const rows = await trx
    .selectFrom('case_events')
    .select(['occurred_at', 'details'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'case.reopened')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => {
    const details = (row.details ?? {}) as { contactDate?: unknown; reason?: unknown };
    return {
      reopenedAt: new Date(row.occurred_at).toISOString(),
      contactDate: typeof details.contactDate === 'string' ? details.contactDate : null,
      reason: typeof details.reason === 'string' ? details.reason : null,
    };
  });
}
