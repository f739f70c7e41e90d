import { z } from 'zod';

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    database: z.object({
      kind: z.enum(['pglite', 'postgresql']),
      migration: z.object({ version: z.number().int(), name: z.string() }).nullable(),
    }),
    serverTime: z.iso.datetime(),
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof healthSchema>;
