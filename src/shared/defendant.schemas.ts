import { z } from 'zod';
import { partialDateSchema } from './person.schemas.js';
import { isoDateSchema, localizedTextSchema } from './http.schemas.js';
import { codeEditionSchema, proceedingStageSchema } from './proceeding.schemas.js';

// Suspects and accused in a criminal proceeding, and the verdicts on them.
// Who a defendant is stays sealed in the vault; everything else here is the
// coarse facts the Committee for Legal Statistics counts.

const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const citizenship = z
  .string()
  .regex(/^([A-Z]{3}|stateless|unknown)$/, "must be an ISO 3166 alpha-3 code, 'stateless' or 'unknown'")
  .describe("ISO 3166 alpha-3, 'stateless' or 'unknown'");

export const defendantSexes = ['female', 'male', 'unknown'] as const;
export const defendantRoles = ['organizer', 'perpetrator', 'accomplice', 'instigator', 'other'] as const;
export const defendantStatuses = ['suspect', 'accused'] as const;
export const verdictInstances = ['first_instance', 'appeal', 'cassation'] as const;
export const verdictOutcomes = ['convicted', 'acquitted', 'dismissed'] as const;
export const sentenceKinds = ['imprisonment', 'suspended', 'restricted_freedom', 'fine'] as const;

export type VerdictOutcome = (typeof verdictOutcomes)[number];
export type SentenceKind = (typeof sentenceKinds)[number];

/**
 * Who a suspect or accused is, as far as the investigation knows: often
 * only a first name or a nickname at first, so every part is optional.
 */
export const defendantIdentitySchema = z
  .object({
    names: z
      .array(
        z
          .object({ given: trimmed(100).optional(), family: trimmed(100).optional(), patronymic: trimmed(100).optional() })
          .refine((name) => name.given || name.family || name.patronymic, { message: 'give at least one part of the name' }),
      )
      .max(10)
      .default([]),
    birthDate: partialDateSchema.nullable().default(null),
    documents: z
      .array(
        z.object({
          type: z.enum(['passport', 'id_card', 'residence_permit', 'other']),
          number: trimmed(50),
          issuingCountry: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code').optional(),
        }),
      )
      .max(10)
      .default([]),
  })
  .meta({ id: 'DefendantIdentity' });

export type DefendantIdentity = z.infer<typeof defendantIdentitySchema>;

export const createDefendantRequestSchema = z.object({
  identity: defendantIdentitySchema.optional().describe('Omitted while the suspect is unknown; sealed in the vault, never stored in clear'),
  sex: z.enum(defendantSexes),
  ageYears: z.number().int().min(14, 'criminal liability starts at 14').max(119).nullable().default(null),
  citizenship,
  organizedGroup: z.boolean().default(false).describe('Acted as part of an organized group or criminal organization'),
  role: z.enum(defendantRoles),
  proceduralStatus: z.enum(defendantStatuses).default('suspect'),
});

export const updateDefendantRequestSchema = z
  .object({
    identity: defendantIdentitySchema.nullable().optional().describe('Replaces the sealed identity as a whole; null removes it'),
    sex: z.enum(defendantSexes).optional(),
    ageYears: z.number().int().min(14, 'criminal liability starts at 14').max(119).nullable().optional(),
    citizenship: citizenship.optional(),
    organizedGroup: z.boolean().optional(),
    role: z.enum(defendantRoles).optional(),
    proceduralStatus: z.enum(defendantStatuses).optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: 'give at least one field to change' });

export const defendantParamsSchema = z.object({ id: z.uuid('must be a UUID'), defendantId: z.uuid('must be a UUID') });

export const sentenceSchema = z
  .object({
    kind: z.enum(sentenceKinds),
    months: z.number().int().min(1).max(600).nullable().default(null).describe('Term of imprisonment, restricted freedom or probation'),
    fineTenge: z.number().int().min(1).max(1_000_000_000_000).nullable().default(null),
    confiscation: z.boolean().default(false).describe('Confiscation of property, beside the main sentence'),
  })
  .meta({ id: 'Sentence' });

export const verdictRequestSchema = z.object({
  instance: z.enum(verdictInstances),
  decidedOn: isoDateSchema,
  outcome: z.enum(verdictOutcomes),
  convictionArticleId: z.number().int().positive().max(2_147_483_647).optional().describe('With a conviction: the article of the Criminal Code'),
  convictionPart: z
    .string()
    .trim()
    .regex(/^\d{1,2}(-\d)?$/, "must be a part number such as '3' or '3-1'")
    .optional()
    .describe("With a conviction: the part of the article, as the Code numbers it ('3')"),
  sentence: sentenceSchema.optional().describe('With a conviction only'),
});

export const convictionArticleSchema = z.object({
  id: z.number().int(),
  edition: codeEditionSchema,
  article: z.string(),
  title: localizedTextSchema,
});

export const verdictSchema = z
  .object({
    id: z.number().int(),
    defendantId: z.uuid(),
    instance: z.enum(verdictInstances),
    decidedOn: isoDateSchema,
    outcome: z.enum(verdictOutcomes),
    convictionArticle: convictionArticleSchema.nullable(),
    convictionPart: z.string().nullable(),
    sentence: z
      .object({ kind: z.enum(sentenceKinds), months: z.number().int().nullable(), fineTenge: z.number().int().nullable(), confiscation: z.boolean() })
      .nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'Verdict' });

export const defendantSchema = z
  .object({
    id: z.uuid(),
    proceedingId: z.uuid(),
    sex: z.enum(defendantSexes),
    ageYears: z.number().int().nullable(),
    citizenship: z.string(),
    organizedGroup: z.boolean(),
    role: z.enum(defendantRoles),
    proceduralStatus: z.enum(defendantStatuses),
    identityRecorded: z.boolean().describe('Whether a sealed identity is on record; opening it is a separate, audited read'),
    verdictInForce: verdictSchema.nullable().describe('The latest verdict by decision date'),
    verdicts: z.array(verdictSchema).describe('Every verdict recorded, latest first'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Defendant' });

export const defendantListSchema = z.object({ items: z.array(defendantSchema) }).meta({ id: 'DefendantList' });

export const defendantIdentityQuerySchema = z.object({
  purpose: z.string().trim().min(5, 'say why you need it (at least 5 characters)').max(300).describe('Why the identity is opened; kept in the audit trail'),
});

export const defendantIdentityRecordSchema = z
  .object({
    defendantId: z.uuid(),
    identity: defendantIdentitySchema.nullable().describe('Null while no identity is on record'),
  })
  .meta({ id: 'DefendantIdentityRecord' });

export const verdictRecordedSchema = z
  .object({
    verdict: verdictSchema,
    proceedingStage: proceedingStageSchema.describe('The proceeding’s stage after the verdict: the first one moves it out of "sent to court"'),
  })
  .meta({ id: 'VerdictRecorded' });
