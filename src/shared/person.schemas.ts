import { z } from 'zod';

const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const personNameSchema = z
  .object({
    given: trimmed(100).optional(),
    family: trimmed(100).optional(),
    patronymic: trimmed(100).optional(),
    kind: z.enum(['primary', 'alias', 'spelling']).default('primary').describe("'spelling': the same name in another script or transliteration"),
    basis: z.enum(['documented', 'declared']).default('declared'),
  })
  .refine((name) => name.given || name.family || name.patronymic, { message: 'give at least one part of the name' });

export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A full date, or only the year (and month) when that is all that is known');

/**
 * Who a person is, as far as it is known and disclosed. Every part is
 * optional: a case may start with no identity at all, and people who fear
 * traffickers or the police often give partial or changing answers.
 */
export const personIdentitySchema = z
  .object({
    names: z.array(personNameSchema).max(20).default([]),
    birthDate: z
      .object({ value: partialDateSchema, basis: z.enum(['documented', 'declared', 'estimated']) })
      .nullable()
      .default(null),
    sex: z.enum(['female', 'male', 'other', 'not_disclosed']).default('not_disclosed'),
    citizenships: z
      .array(z.string().regex(/^([A-Z]{3}|stateless|unknown)$/, "must be an ISO 3166 alpha-3 code, 'stateless' or 'unknown'"))
      .max(5)
      .default([]),
    documents: z
      .array(
        z.object({
          type: z.enum(['passport', 'id_card', 'birth_certificate', 'residence_permit', 'migration_card', 'other']),
          number: trimmed(50),
          issuingCountry: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code').optional(),
          heldBy: z.enum(['person', 'withheld', 'authorities', 'lost', 'unknown']).default('unknown').describe("'withheld': kept by an employer or trafficker"),
        }),
      )
      .max(10)
      .default([]),
    contacts: z
      .array(z.object({ kind: z.enum(['phone', 'email', 'messenger', 'other']), value: trimmed(200) }))
      .max(10)
      .default([]),
    addresses: z
      .array(z.object({ kind: z.enum(['current', 'home_country', 'registration', 'other']), text: trimmed(500) }))
      .max(10)
      .default([]),
  })
  .meta({ id: 'PersonIdentity' });

export type PersonIdentity = z.infer<typeof personIdentitySchema>;

export const purposeSchema = z
  .string()
  .trim()
  .min(5, 'say why you need it (at least 5 characters)')
  .max(300)
  .describe('Why the identity is opened; kept in the audit trail');

export const createPersonRequestSchema = z.object({ identity: personIdentitySchema });

export const personCreatedSchema = z.object({ id: z.uuid(), identityVersion: z.number().int() }).meta({ id: 'PersonCreated' });

export const identityReadQuerySchema = z.object({ purpose: purposeSchema });

export const personIdentityRecordSchema = z
  .object({
    personId: z.uuid(),
    version: z.number().int(),
    recordedAt: z.iso.datetime(),
    identity: personIdentitySchema,
  })
  .meta({ id: 'PersonIdentityRecord' });

export const personIdentityHistorySchema = z.object({ items: z.array(personIdentityRecordSchema) });

export const updateIdentityRequestSchema = z.object({
  identity: personIdentitySchema,
  reason: z.string().trim().max(300).optional().describe('Why it changed, e.g. "documents recovered"'),
});

export const personSearchRequestSchema = z
  .object({
    name: z.string().trim().min(2).max(200).optional().describe('Any part of a name, in any script'),
    documentNumber: z.string().trim().min(3).max(50).optional(),
    phone: z.string().trim().min(5).max(40).optional(),
    birthDate: partialDateSchema.optional(),
    purpose: purposeSchema,
  })
  .refine((search) => search.name || search.documentNumber || search.phone || search.birthDate, {
    message: 'give a name, document number, phone or birth date',
  });

export const personSearchResultSchema = z
  .object({
    items: z.array(
      z.object({
        personId: z.uuid(),
        matchedOn: z.array(z.enum(['name', 'full_name', 'document', 'phone', 'birth_date'])),
      }),
    ),
  })
  .meta({ id: 'PersonSearchResult' });
