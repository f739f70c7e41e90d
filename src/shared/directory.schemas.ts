import { z } from 'zod';
import { pageOf, paginationQuerySchema } from './http.schemas.js';
import { roles } from './permissions.js';
import { organizationKindSchema, regionCodeParamsSchema } from './reference.schemas.js';

const regionCodeSchema = regionCodeParamsSchema.shape.code;

export const idParamsSchema = z.object({ id: z.uuid('must be a UUID') });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    organizationId: z.uuid(),
    organizationCode: z.string(),
    roles: z.array(z.enum(roles)),
    regionCodes: z.array(z.string()).describe("The user's own regions; empty: those of the organization"),
    status: z.enum(['active', 'disabled']),
    mfaEnrolled: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const userListQuerySchema = paginationQuerySchema.extend({
  organizationId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const userPageSchema = pageOf(userSchema);

export const createUserRequestSchema = z.object({
  email: z.string().trim().max(254).email('must be an email address'),
  displayName: z.string().trim().min(1, 'is required').max(200),
  organizationId: z.uuid().optional().describe("Defaults to the administrator's own organization"),
  roles: z.array(z.enum(roles)).min(1, 'give at least one role').max(roles.length),
  regionCodes: z.array(regionCodeSchema).max(40).default([]),
  password: z.string().max(1024).describe('Initial password; the password rules apply'),
});

export const updateUserRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    roles: z.array(z.enum(roles)).min(1, 'give at least one role').max(roles.length).optional(),
    regionCodes: z.array(regionCodeSchema).max(40).optional(),
    status: z.enum(['active', 'disabled']).optional().describe('Disabling ends every session of the user'),
    resetMfa: z.literal(true).optional().describe('Forget the authenticator: the user enrols again at next sign-in'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });

export const sessionSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    endReason: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'Session' });

export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

const nameText = z.string().trim().min(1, 'is required').max(300);
const localizedNameSchema = z.object({ ru: nameText, kk: nameText, en: nameText });

export const createOrganizationRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'must be 2-40 capital letters, digits or dashes'),
  kind: organizationKindSchema,
  name: localizedNameSchema,
  abbreviation: localizedNameSchema,
  byAgreement: z.boolean().default(false),
  parentCode: z.string().trim().min(2).max(40).optional(),
  regionCodes: z.array(regionCodeSchema).max(40).default([]),
  publicPhone: z.string().trim().max(40).nullable().default(null),
  capacity: z.number().int().min(0).max(100_000).nullable().default(null),
});

export const updateOrganizationRequestSchema = createOrganizationRequestSchema
  .omit({ code: true, kind: true, parentCode: true })
  .extend({ parentCode: z.string().trim().min(2).max(40).nullable().describe('null: no parent any more') })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
