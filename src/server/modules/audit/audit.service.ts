import type { z } from 'zod';
import type { auditEventPageSchema, auditSearchQuerySchema } from '../../../shared/audit.schemas.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { chainedContentOf, recordAuditAlone } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { staffNamesForAudit, userIdByEmail } from '../directory/directory.service.js';
import { selectAuditEvents } from './audit.repo.js';

export async function searchAuditEvents(input: {
  context: AppContext;
  actor: UserActor;
  query: z.infer<typeof auditSearchQuerySchema>;
  origin: RequestOrigin;
}): Promise<z.infer<typeof auditEventPageSchema>> {
  const { query } = input;
  // 'all': an oversight body's auditor reads every event. Any narrower grant
  // (the internal auditor's 'organization') reads the events its own
  // organization's staff caused.
  const scope = requirePermission(input.actor, 'audit.read');
  const { rows, total } = await selectAuditEvents(input.context.database.db, {
    actorOrganizationId: scope === 'all' ? null : input.actor.organizationId,
    userId: query.userId ?? null,
    actor: query.actor ?? null,
    actorUserId: query.actor?.includes('@') ? await userIdByEmail({ context: input.context, email: query.actor }) : null,
    recordType: query.recordType ?? null,
    recordId: query.recordId ?? null,
    action: query.action ?? null,
    outcome: query.outcome ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    limit: query.limit,
    offset: query.offset,
  });
  const names = await staffNamesForAudit({ context: input.context, userIds: rows.flatMap((row) => (row.actor_user_id === null ? [] : [row.actor_user_id])) });
  // Watching the watchers: a search of the trail is itself in the trail.
  await recordAuditAlone(input.context.database.db, {
    actor: input.actor,
    action: 'audit.searched',
    fields: Object.keys(query).filter((key) => key !== 'limit' && key !== 'offset'),
    origin: input.origin,
    details: { results: rows.length },
  });
  return {
    items: rows.map((row) => ({ ...chainedContentOf(row), actorName: row.actor_user_id === null ? null : (names.get(row.actor_user_id) ?? null) })),
    page: { limit: query.limit, offset: query.offset, total },
  };
}
