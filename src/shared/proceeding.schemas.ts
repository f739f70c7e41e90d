import { z } from 'zod';
import { isoDateSchema, localizedTextSchema, pageOf, paginationQuerySchema } from './http.schemas.js';

// Criminal proceedings as the Unified Register of Pre-trial Investigations
// (ERDR) holds them, their qualification under the Criminal Code, their
// stages, and the referral mechanism's cases they concern.

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** The stages as the Committee for Legal Statistics counts them (server rules: modules/justice/proceeding-stages.ts). */
export const proceedingStageValues = [
  'registered',
  'pre_trial_investigation',
  'suspended_perpetrator_unknown',
  'discontinued_non_rehabilitating',
  'discontinued_rehabilitating',
  'sent_to_court',
  'first_instance_verdict',
  'appeal',
  'cassation',
  'final',
] as const;

export const proceduralStatuses = ['victim', 'witness', 'suspect', 'accused'] as const;
export const investigatingUnits = ['criminal_police', 'migration_police', 'juvenile_police', 'border_service'] as const;
export const qualificationPhases = ['registration', 'investigation', 'indictment', 'court'] as const;
export const nonPunishmentReviews = ['pending', 'applied', 'not_applicable'] as const;
export const proceedingWorklists = ['stalled', 'suspended', 'non_punishment'] as const;

export type ProceedingStageValue = (typeof proceedingStageValues)[number];
export type ProceduralStatus = (typeof proceduralStatuses)[number];
export type QualificationPhase = (typeof qualificationPhases)[number];
export type NonPunishmentReview = (typeof nonPunishmentReviews)[number];

export const proceedingStageSchema = z.enum(proceedingStageValues);
export const codeEditionSchema = z.enum(['1997', '2014']);

/**
 * The ERDR number: digits only. The register has issued 15-digit numbers
 * since it opened on 1 January 2015; proceedings registered before then
 * (under the 1997 Code) keep the shorter number of their criminal case,
 * so the request schema asks for 15 digits only from 2015 on.
 */
export const registerNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{6,20}$/, 'must be the register number: digits only (15 for the ERDR, from 2015)')
  .describe('ERDR number: 15 digits from 2015; the criminal case number, 6 to 20 digits, before');

/** What the case code looks like (cases/case-code.ts): region, year, six characters, e.g. ALA-26-7K2M9Q. */
export const caseCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,4}-\d{2}-[0-9A-Z]{6}$/, 'must be a case code such as ALA-26-7K2M9Q')
  .describe('The NRM case code, e.g. ALA-26-7K2M9Q');

/** Part and paragraph as the code numbers them: '3' and '2' (2014), or a letter paragraph 'b' / 'б' (1997). */
const partSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}(-\d)?$/, "must be a part number such as '3' or '3-1'")
  .describe("Part of the article, '3'");
const paragraphSchema = z
  .string()
  .trim()
  .regex(/^(\d{1,2}|[a-z]|[а-яё])$/u, "must be a paragraph number or letter such as '2' or 'b'")
  .describe("Paragraph of the part: a number (2014 Code) or a letter (1997 Code)");

export const qualificationArticleInputSchema = z
  .object({
    articleId: z.number().int().positive().max(2_147_483_647).describe('criminal_code_articles id, from GET /proceedings/articles'),
    part: partSchema.optional(),
    paragraph: paragraphSchema.optional(),
  })
  .refine((article) => article.paragraph === undefined || article.part !== undefined, { path: ['paragraph'], message: 'give the part the paragraph belongs to' });

export type QualificationArticleInput = z.infer<typeof qualificationArticleInputSchema>;

const articleListSchema = z
  .array(qualificationArticleInputSchema)
  .min(1)
  .max(10)
  .refine((articles) => new Set(articles.map((article) => article.articleId)).size === articles.length, { message: 'name each article once' });

export const victimLinkInputSchema = z.object({
  caseCode: caseCodeSchema,
  proceduralStatus: z.enum(proceduralStatuses),
});

export const registerProceedingRequestSchema = z
  .object({
    registerNumber: registerNumberSchema,
    registeredOn: isoDateSchema,
    registeringOrganizationId: z.uuid().describe('A law-enforcement body or the prosecutor’s office'),
    investigatingOrganizationId: z.uuid().describe('A law-enforcement body or the prosecutor’s office'),
    investigatingUnit: z.enum(investigatingUnits).nullable().default(null),
    regionCode: z.string().regex(/^KZ-[A-Z]{3}$/, 'must be a region code such as KZ-ALA'),
    investigatorUserId: z.uuid().optional().describe('Default: the user registering it'),
    articles: articleListSchema.describe('At registration, articles of the Code in force on registeredOn'),
    victims: z
      .array(victimLinkInputSchema)
      .max(50)
      .default([])
      .refine((victims) => new Set(victims.map((victim) => victim.caseCode)).size === victims.length, { message: 'name each case once' }),
  })
  .superRefine((request, context) => {
    if (request.registeredOn >= '2015-01-01' && !/^\d{15}$/.test(request.registerNumber)) {
      context.addIssue({ code: 'custom', path: ['registerNumber'], message: 'an ERDR number has 15 digits' });
    }
  });

export type RegisterProceedingRequest = z.infer<typeof registerProceedingRequestSchema>;

export const stageMoveRequestSchema = z.object({
  stage: proceedingStageSchema,
  occurredOn: isoDateSchema,
  reason: z.string().trim().max(2000).optional().describe('Required when the move is back to an earlier stage'),
});

export const requalificationRequestSchema = z.object({
  decidedOn: isoDateSchema,
  phase: z.enum(['investigation', 'indictment', 'court']),
  reason: text(2000),
  articles: articleListSchema.describe('Articles of either edition: a 1997 proceeding may be tried under the 2014 Code'),
});

export const linkCaseRequestSchema = victimLinkInputSchema;

export const caseLinkUpdateRequestSchema = z
  .object({
    proceduralStatus: z.enum(proceduralStatuses).optional(),
    nonPunishmentReview: z.enum(['applied', 'not_applicable']).optional().describe('The recorded review of the non-punishment principle'),
    nonPunishmentNote: z.string().trim().max(2000).optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: 'change at least one field' });

export const proceedingIdParamsSchema = z.object({ id: z.uuid() });
export const proceedingCaseParamsSchema = z.object({ id: z.uuid(), caseId: z.uuid() });

export const proceedingListQuerySchema = paginationQuerySchema.extend({
  stage: proceedingStageSchema.optional(),
  articleId: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('Proceedings whose current qualification names this article'),
  registerNumber: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, 'must be digits')
    .optional()
    .describe('Register numbers starting with these digits'),
  worklist: z
    .enum(proceedingWorklists)
    .optional()
    .describe('stalled: no movement for `days`; suspended: perpetrator not identified; non_punishment: a linked suspect or accused awaiting review'),
  days: z.coerce.number().int().min(1).max(3650).default(60).describe('stalled: days without movement'),
});

export type ProceedingListQuery = z.infer<typeof proceedingListQuerySchema>;

export const articleListQuerySchema = z.object({
  edition: codeEditionSchema.optional(),
  on: isoDateSchema.optional().describe('Only the edition in force on this date (a registration date)'),
});

// --- What the API answers ---------------------------------------------

export const proceedingArticleSchema = z
  .object({
    articleId: z.number().int(),
    edition: codeEditionSchema,
    article: z.string().describe("As the reference table names it: '128', '125(3)(b)'"),
    part: z.string().nullable(),
    paragraph: z.string().nullable(),
    ref: localizedTextSchema.describe('The article with part and paragraph as printed: "128 ч.3", "128(3)"'),
    title: localizedTextSchema,
  })
  .meta({ id: 'ProceedingArticle' });

export const codeArticleChoiceSchema = z
  .object({ articleId: z.number().int(), edition: codeEditionSchema, article: z.string(), title: localizedTextSchema, category: z.enum(['thb', 'exploitation', 'related']) })
  .meta({ id: 'CodeArticleChoice' });

export const codeArticleChoiceListSchema = z.object({ items: z.array(codeArticleChoiceSchema) });

export const qualificationSchema = z
  .object({
    sequence: z.number().int(),
    decidedOn: isoDateSchema,
    phase: z.enum(qualificationPhases),
    reason: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    articles: z.array(proceedingArticleSchema),
  })
  .meta({ id: 'ProceedingQualification' });

export const proceedingSummarySchema = z
  .object({
    id: z.uuid(),
    registerNumber: z.string(),
    registeredOn: isoDateSchema,
    codeEdition: codeEditionSchema,
    registeringOrganizationId: z.uuid(),
    investigatingOrganizationId: z.uuid(),
    investigatingUnit: z.enum(investigatingUnits).nullable(),
    regionCode: z.string(),
    investigatorUserId: z.uuid().nullable(),
    stage: proceedingStageSchema,
    stageSince: isoDateSchema,
    lastMovementAt: z.iso.datetime(),
    source: z.enum(['entered', 'imported']),
    articles: z.array(proceedingArticleSchema).describe('The qualification in force'),
    linkedCases: z.number().int(),
    nonPunishmentPending: z.number().int().describe('Linked suspects or accused whose non-punishment review is pending'),
  })
  .meta({ id: 'ProceedingSummary' });

export type ProceedingSummary = z.infer<typeof proceedingSummarySchema>;

export const proceedingPageSchema = pageOf(proceedingSummarySchema);

export const stageChangeSchema = z
  .object({ stage: proceedingStageSchema, occurredOn: isoDateSchema, reason: z.string().nullable(), recordedAt: z.iso.datetime() })
  .meta({ id: 'ProceedingStageChange' });

export const nextStageSchema = z.object({
  stage: proceedingStageSchema,
  move: z.enum(['forward', 'back']).describe('back: needs a reason'),
});

/** A case's place in a proceeding, as the link records it (what linking or updating answers). */
export const caseLinkSchema = z
  .object({
    caseId: z.uuid(),
    caseCode: z.string(),
    proceduralStatus: z.enum(proceduralStatuses),
    nonPunishmentReview: z.enum(nonPunishmentReviews).nullable().describe('pending: a suspect or accused victim whose non-punishment is not reviewed yet'),
    nonPunishmentNote: z.string().nullable(),
    linkedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProceedingCaseLink' });

export const linkedCaseSchema = caseLinkSchema
  .extend({
    identity: z
      .object({ personId: z.uuid(), displayName: z.string().nullable() })
      .nullable()
      .describe('Only where the user reaches the person (police: with consent to share); reading it is audited'),
    identityWithheld: z.boolean().describe('True when the person did not consent to share with you: the case code is all you see'),
  })
  .meta({ id: 'ProceedingLinkedCase' });

export type LinkedCase = z.infer<typeof linkedCaseSchema>;

export const proceedingDetailSchema = z
  .object({
    summary: proceedingSummarySchema,
    qualifications: z.array(qualificationSchema).describe('Oldest first; the last is in force'),
    stageHistory: z.array(stageChangeSchema).describe('Oldest first'),
    nextStages: z.array(nextStageSchema),
    cases: z.array(linkedCaseSchema),
  })
  .meta({ id: 'ProceedingDetail' });

export type ProceedingDetail = z.infer<typeof proceedingDetailSchema>;

export const proceedingReceiptSchema = z.object({ id: z.uuid(), registerNumber: z.string() }).meta({ id: 'ProceedingReceipt' });
