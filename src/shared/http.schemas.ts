import { z } from 'zod';
import { errorStatus, fieldRules, problemReasons, type ErrorCode } from './errors.js';

const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** RFC 9457 problem details, the body of every error response. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes).describe('Stable machine-readable code; clients translate it'),
    detail: z.string(),
    instance: z.string().describe('The request path'),
    requestId: z.string().describe('Appears in the server log for this request'),
    reason: z.enum(problemReasons).optional().describe('A finer cause within the code, where clients must tell causes apart'),
    retryAfter: z.iso.datetime().optional().describe('With rate_limited: when to try again'),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          rule: z.enum(fieldRules).optional().describe('The general rule broken, for clients to word in their language'),
          limit: z.number().optional().describe('With a min_ or max_ rule: the bound'),
          format: z.string().optional().describe("With the format rule: which format ('email', 'date', 'regex'...)"),
        }),
      )
      .optional()
      .describe('The offending fields, where the problem is in the input'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export const MAX_PAGE_SIZE = 200;

export const paginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe(`Page size, 1 to ${MAX_PAGE_SIZE}`),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    page: z.object({
      limit: z.number().int(),
      offset: z.number().int(),
      total: z.number().int(),
    }),
  });
}

export const isoDateSchema = z.iso.date().describe('Calendar date, YYYY-MM-DD');

export const localizedTextSchema = z.object({ ru: z.string(), kk: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
