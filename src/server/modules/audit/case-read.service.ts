import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { caseReadPageSchema, caseReadSearchQuerySchema } from '../../../shared/case-read.schemas.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import { systemActor, type RequestOrigin, type UserActor } from '../../platform/actor.js';
import { recordAudit, recordAuditAlone } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import {
  digestOfReads,
  insertSeal,
  lastSealedReadId,
  lastSettledReadId,
  lockCaseReadSealing,
  selectCaseReads,
  selectSealEvents,
  selectSeals,
  withAuditRead,
} from './case-read.repo.js';

/**
 * How long a read waits before it is sealed. A read's id is drawn when its
 * statement runs, its row is seen when its transaction commits; a case page's
 * transaction lasts milliseconds, so a minute leaves no read behind a seal.
 */
export const CASE_READ_SETTLE_SECONDS = 60;

/**
 * Puts the reads recorded since the last seal into the audit chain: one event
 * carrying their number and SHA-256, so that a read removed or changed later
 * no longer matches. Reads are written without touching the chain (its head
 * lock would queue every case page); this is where they join it.
 */
export async function sealCaseReads(input: { db: Kysely<Database>; settleSeconds?: number }): Promise<{ fromId: number; toId: number; reads: number } | null> {
  return withAuditRead(input.db, async (trx) => {
    await lockCaseReadSealing(trx);
    const fromId = (await lastSealedReadId(trx)) + 1;
    const toId = await lastSettledReadId(trx, fromId - 1, input.settleSeconds ?? CASE_READ_SETTLE_SECONDS);
    if (toId === null) {
      return null;
    }
    const { reads, digest } = await digestOfReads(trx, fromId, toId);
    await insertSeal(trx, { fromId, toId, reads, digest });
    await recordAudit(trx, {
      actor: systemActor('case-read-seal'),
      action: 'case.reads_sealed',
      details: { fromId, toId, reads, digest },
    });
    return { fromId, toId, reads };
  });
}

export type CaseReadVerification = { ok: true; seals: number; reads: number } | { ok: false; seals: number; problems: string[] };

/** Recomputes every seal from the reads and compares it with the chain's copy. */
export async function verifyCaseReadSeals(input: { db: Kysely<Database> }): Promise<CaseReadVerification> {
  return withAuditRead(input.db, async (trx) => {
    const seals = await selectSeals(trx);
    const events = new Map<number, Record<string, unknown>>();
    for (const event of await selectSealEvents(trx)) {
      events.set(Number(event.details.toId), event.details);
    }
    const problems: string[] = [];
    let expectedFrom = 1;
    let reads = 0;
    for (const seal of seals) {
      const range = `reads ${seal.from_id}..${seal.to_id}`;
      if (Number(seal.from_id) !== expectedFrom) {
        problems.push(`${range}: the seal before ended at ${expectedFrom - 1}`);
      }
      const event = events.get(Number(seal.to_id));
      if (!event || event.digest !== seal.digest || Number(event.reads) !== seal.reads || Number(event.fromId) !== Number(seal.from_id)) {
        problems.push(`${range}: the audit chain holds no matching seal event`);
      }
      const now = await digestOfReads(trx, Number(seal.from_id), Number(seal.to_id));
      if (now.digest !== seal.digest || now.reads !== seal.reads) {
        problems.push(`${range}: sealed ${seal.reads} reads, now ${now.reads} that digest differently: reads were changed, removed or added`);
      }
      reads += now.reads;
      expectedFrom = Number(seal.to_id) + 1;
    }
    if (events.size !== seals.length) {
      problems.push(`the audit chain holds ${events.size} seal events for ${seals.length} seals`);
    }
    return problems.length === 0 ? { ok: true, seals: seals.length, reads } : { ok: false, seals: seals.length, problems };
  });
}

/**
 * Who opened a case, which view and when, for an auditor: by case id or code,
 * by user, by period. Reads up to a minute old are sealed first. An auditor
 * whose reach is its organization sees its own staff's reads, as for events.
 */
export async function searchCaseReads(input: {
  context: AppContext;
  actor: UserActor;
  query: z.infer<typeof caseReadSearchQuerySchema>;
  origin: RequestOrigin;
}): Promise<z.infer<typeof caseReadPageSchema>> {
  const { query, actor } = input;
  const scope = requirePermission(actor, 'audit.read');
  const db = input.context.database.db;
  await sealCaseReads({ db });
  const { rows, total, sealedUpTo } = await withAuditRead(db, (trx) =>
    selectCaseReads(trx, {
      caseId: query.caseId ?? null,
      caseCode: query.caseCode ?? null,
      userId: query.userId ?? null,
      organizationId: scope === 'all' ? null : actor.organizationId,
      from: query.from ?? null,
      to: query.to ?? null,
      limit: query.limit,
      offset: query.offset,
    }),
  );
  // Watching the watchers: a search of the reads is in the trail like a search of the events.
  await recordAuditAlone(db, {
    actor,
    action: 'audit.searched',
    fields: ['caseReads', ...Object.keys(query).filter((key) => key !== 'limit' && key !== 'offset')],
    origin: input.origin,
    details: { results: rows.length },
  });
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      caseId: row.case_id,
      caseCode: row.case_code,
      userId: row.user_id,
      organizationId: row.organization_id,
      view: row.view,
      readAt: new Date(row.read_at).toISOString(),
      requestId: row.request_id,
      sealed: Number(row.id) <= sealedUpTo,
    })),
    page: { limit: query.limit, offset: query.offset, total },
  };
}

const SEAL_EVERY_MS = 5 * 60 * 1000;

/**
 * Seals case reads every five minutes while the server runs (an auditor's
 * search seals too). Returns a function that stops it, waiting for a seal
 * under way so that the database is not closed beneath it.
 */
export function scheduleCaseReadSealing(input: { db: Kysely<Database>; logger: Logger }): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = sealCaseReads({ db: input.db }).then(
      (sealed) => {
        if (sealed) {
          input.logger.info(sealed, 'case reads sealed into the audit chain');
        }
      },
      (error: unknown) => {
        // A failed seal loses nothing: the next one covers the same reads.
        input.logger.error({ err: error }, 'sealing case reads failed');
      },
    );
  };
  const timer = setInterval(run, SEAL_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
