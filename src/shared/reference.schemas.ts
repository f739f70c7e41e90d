import { z } from 'zod';
import { isoDateSchema, localizedTextSchema, pageOf, paginationQuerySchema } from './http.schemas.js';

export const regionKindSchema = z.enum(['region', 'city']);

export const regionSchema = z
  .object({
    code: z.string(),
    kind: regionKindSchema.describe("'city' is a city of republican significance"),
    timeZone: z.string().describe('IANA time zone used to show dates in this region'),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    name: localizedTextSchema.describe('The name in use on the requested date (or the last one, for a region that ended)'),
    names: z
      .array(z.object({ name: localizedTextSchema, validFrom: isoDateSchema, validTo: isoDateSchema.nullable() }))
      .describe('Every name the region has had, oldest first'),
    succeededBy: z.array(z.string()).describe('Codes of the regions that took over its territory'),
  })
  .meta({ id: 'Region' });

export type Region = z.infer<typeof regionSchema>;

export const regionListQuerySchema = paginationQuerySchema.extend({
  on: isoDateSchema.optional().describe('Only regions that existed on this date, named as on that date (default: today)'),
  history: z
    .enum(['true', 'false'])
    .optional()
    .describe("'true' lists every region that ever existed, ignoring 'on'"),
  kind: regionKindSchema.optional(),
});

export const regionPageSchema = pageOf(regionSchema);

export const regionCodeParamsSchema = z.object({
  code: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/, 'must be a region code such as KZ-AST')
    .describe('Region code, e.g. KZ-AST'),
});

export const organizationKindSchema = z.enum([
  'state_body',
  'akimat',
  'ngo',
  'shelter',
  'crisis_centre',
  'international_organization',
  'hotline',
  'operator',
]);

export type OrganizationKind = z.infer<typeof organizationKindSchema>;

export const stateBodySchema = z
  .object({
    code: z.string(),
    abbreviation: localizedTextSchema,
    name: localizedTextSchema,
    byAgreement: z.boolean().describe('Not subordinate to the Government: reports voluntarily'),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'StateBody' });

export const stateBodyPageSchema = pageOf(stateBodySchema);

/** What a signed-in user sees of an organization; a shelter's address is never part of it. */
export const organizationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: organizationKindSchema,
    abbreviation: localizedTextSchema,
    name: localizedTextSchema,
    byAgreement: z.boolean(),
    parentCode: z.string().nullable(),
    regionCodes: z.array(z.string()).describe('Regions served; empty means the whole country'),
    publicPhone: z.string().nullable(),
    capacity: z.number().int().nullable(),
    lawEnforcement: z.boolean().describe('A law-enforcement body or the prosecutor’s office: registers and investigates criminal proceedings, and reaches a case only on the person’s consent'),
  })
  .meta({ id: 'Organization' });

export const organizationListQuerySchema = paginationQuerySchema.extend({
  kind: organizationKindSchema.optional(),
  region: regionCodeParamsSchema.shape.code.optional().describe('Only organizations serving this region (or the whole country)'),
});

export const organizationPageSchema = pageOf(organizationSchema);

export const criminalCodeEditionSchema = z.enum(['1997', '2014']);

export const criminalCodeArticleSchema = z
  .object({
    edition: criminalCodeEditionSchema,
    article: z.string(),
    title: localizedTextSchema,
    category: z.enum(['thb', 'exploitation', 'related']),
    maxPrisonYears: z.number().int().nullable(),
    correspondingArticles: z
      .array(z.string())
      .describe('Articles of the other edition of the Code that cover the same offence'),
  })
  .meta({ id: 'CriminalCodeArticle' });

export const criminalCodeArticleListQuerySchema = paginationQuerySchema.extend({
  edition: criminalCodeEditionSchema.optional(),
});

export const criminalCodeArticlePageSchema = pageOf(criminalCodeArticleSchema);
