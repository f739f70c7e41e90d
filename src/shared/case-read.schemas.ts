import { z } from 'zod';
import { pageOf, paginationQuerySchema } from './http.schemas.js';

/** Who opened a case, which view, when: what an auditor asks of a child's case. */
export const caseReadSchema = z
  .object({
    id: z.number().int(),
    caseId: z.uuid(),
    caseCode: z.string(),
    userId: z.uuid(),
    organizationId: z.uuid(),
    view: z.enum(['case', 'timeline', 'summary']),
    readAt: z.iso.datetime(),
    requestId: z.string().nullable(),
    /** Whether a digest of this read is in the audit chain yet (reads are sealed in batches). */
    sealed: z.boolean(),
  })
  .meta({ id: 'CaseRead' });

export const caseReadSearchQuerySchema = paginationQuerySchema.extend({
  caseId: z.uuid().optional().describe('Reads of this case'),
  caseCode: z.string().trim().min(3).max(40).optional().describe('Reads of the case with this code, such as AST-26-7K2M9Q'),
  userId: z.uuid().optional().describe('Reads by this user'),
  from: z.iso.datetime({ offset: true }).optional().describe('From this instant (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Until this instant (exclusive)'),
});

export const caseReadPageSchema = pageOf(caseReadSchema);
