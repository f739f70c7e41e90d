import { z } from 'zod';

/** The demo data a first start loads after it begins to answer: cases loaded so far, of how many. */
export const demoLoadSchema = z
  .object({
    state: z.enum(['loading', 'loaded', 'failed']),
    loaded: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .meta({ id: 'DemoLoad' });

export type DemoLoad = z.infer<typeof demoLoadSchema>;

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    database: z.object({
      kind: z.enum(['pglite', 'postgresql']),
      migration: z.object({ version: z.number().int(), name: z.string() }).nullable(),
    }),
    serverTime: z.iso.datetime(),
    /** Null when this start of the server loads no demo data. */
    demo: demoLoadSchema.nullable(),
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof healthSchema>;
