import { z } from 'zod';
import { pageOf, paginationQuerySchema } from './http.schemas.js';

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorKind: z.enum(['user', 'system', 'anonymous']),
    actorUserId: z.uuid().nullable(),
    actorOrganizationId: z.uuid().nullable(),
    actorLabel: z.string(),
    /** The acting staff member's name, opened from the directory by the audit search (the label holds only the id). */
    actorName: z.string().nullable().optional(),
    action: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    fields: z.array(z.string()),
    purpose: z.string().nullable(),
    outcome: z.enum(['success', 'denied', 'failure']),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

export const auditSearchQuerySchema = paginationQuerySchema.extend({
  userId: z.uuid().optional().describe('Events by this user'),
  actor: z.string().trim().min(1).max(254).optional().describe('Events by this email (looked up in the directory), or by this label (user:<id>, system:<purpose>)'),
  recordType: z.string().trim().min(1).max(50).optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('From this instant (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Until this instant (exclusive)'),
});

export const auditEventPageSchema = pageOf(auditEventSchema);
