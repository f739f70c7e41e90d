import { z } from 'zod';
import { isoDateSchema, localizedTextSchema } from './http.schemas.js';
import {
  codeEditionSchema,
  investigatingUnits,
  nonPunishmentReviews,
  proceduralStatuses,
  proceedingArticleSchema,
  proceedingStageSchema,
  qualificationPhases,
} from './proceeding.schemas.js';

// What a victim's case holds of the criminal proceedings it is linked to:
// the proceedings as her case worker may see them (never the investigative
// file, never a defendant), the state protection the investigating body
// decided for her, and the compensation she claimed in court or from the
// Victims Compensation Fund. Nothing here asks for citizenship: a foreign
// victim is entitled as a citizen is.

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Tenge, whole: the largest sum a Kazakh court or fund could pay stays far below this. */
const tenge = z.number().int('must be whole tenge').max(1_000_000_000_000);

export const protectionDecisions = ['pending', 'granted', 'refused'] as const;
export type ProtectionDecision = (typeof protectionDecisions)[number];

/** Security measures of the Law of 5 July 2000 No. 72-II on state protection of persons participating in criminal proceedings. */
export const protectionMeasures = [
  'personal_security',
  'protection_of_home_and_property',
  'special_protective_means',
  'temporary_safe_place',
  'confidentiality_of_identity',
  'transfer_of_work_or_study',
  'change_of_residence',
  'change_of_documents',
  'change_of_appearance',
  'closed_court_session',
] as const;
export type ProtectionMeasure = (typeof protectionMeasures)[number];

export const compensationDecisions = ['pending', 'granted', 'refused'] as const;
export type CompensationDecision = (typeof compensationDecisions)[number];

export const sentenceKinds = ['imprisonment', 'suspended', 'restricted_freedom', 'fine'] as const;

const measureListSchema = z
  .array(z.enum(protectionMeasures))
  .max(protectionMeasures.length)
  .refine((measures) => new Set(measures).size === measures.length, { message: 'name each measure once' });

// --- State protection (recorded by the investigating body) ---------------

export const protectionRequestSchema = z.object({
  caseId: z.uuid().describe('The case of the protected person; it must be linked to the proceeding'),
  requestedOn: isoDateSchema,
  decision: z.enum(protectionDecisions).default('pending'),
  decidedOn: isoDateSchema.nullable().default(null).describe('Required once granted or refused'),
  measures: measureListSchema.default([]).describe('At least one when granted'),
  startsOn: isoDateSchema.nullable().default(null),
  endsOn: isoDateSchema.nullable().default(null).describe('May be in the future: the end decided for the measures'),
  refusalReason: text(2000).nullable().default(null).describe('Required when refused'),
});

export type ProtectionRequest = z.infer<typeof protectionRequestSchema>;

/** A change to a protection record: what is given replaces what was recorded; the rules apply to the result. */
export const protectionUpdateSchema = z
  .object({
    requestedOn: isoDateSchema.optional(),
    decision: z.enum(protectionDecisions).optional(),
    decidedOn: isoDateSchema.nullable().optional(),
    measures: measureListSchema.optional(),
    startsOn: isoDateSchema.nullable().optional(),
    endsOn: isoDateSchema.nullable().optional(),
    refusalReason: text(2000).nullable().optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: 'change at least one field' });

export type ProtectionUpdate = z.infer<typeof protectionUpdateSchema>;

export const protectionSchema = z
  .object({
    id: z.uuid(),
    proceedingId: z.uuid(),
    caseId: z.uuid(),
    requestedOn: isoDateSchema,
    decision: z.enum(protectionDecisions),
    decidedOn: isoDateSchema.nullable(),
    measures: z.array(z.enum(protectionMeasures)),
    startsOn: isoDateSchema.nullable(),
    endsOn: isoDateSchema.nullable(),
    refusalReason: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'StateProtection' });

export type Protection = z.infer<typeof protectionSchema>;

export const protectionParamsSchema = z.object({ id: z.uuid(), protectionId: z.uuid() });

// --- Civil claim in the criminal case (recorded on the victim's case) -----

export const civilClaimRequestSchema = z.object({
  proceedingId: z.uuid().describe('A proceeding linked to this case'),
  claimedTenge: tenge.positive('must be more than 0'),
  claimedOn: isoDateSchema,
  awardedTenge: tenge.min(0, 'must not be negative').nullable().default(null).describe('What the court awarded; 0 when it dismissed the claim'),
  awardedOn: isoDateSchema.nullable().default(null).describe('Given with awardedTenge'),
  paidTenge: tenge.min(0, 'must not be negative').nullable().default(null).describe('Paid so far, in total; may come before an award (voluntary reparation) and is not capped by it'),
  paidOn: isoDateSchema.nullable().default(null).describe('Given with paidTenge: the date of the last payment'),
});

export type CivilClaimRequest = z.infer<typeof civilClaimRequestSchema>;

export const civilClaimUpdateSchema = z
  .object({
    proceedingId: z.uuid().optional(),
    claimedTenge: tenge.positive('must be more than 0').optional(),
    claimedOn: isoDateSchema.optional(),
    awardedTenge: tenge.min(0, 'must not be negative').nullable().optional(),
    awardedOn: isoDateSchema.nullable().optional(),
    paidTenge: tenge.min(0, 'must not be negative').nullable().optional(),
    paidOn: isoDateSchema.nullable().optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: 'change at least one field' });

export type CivilClaimUpdate = z.infer<typeof civilClaimUpdateSchema>;

export const civilClaimSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    proceedingId: z.uuid(),
    registerNumber: z.string(),
    claimedTenge: z.number().int(),
    claimedOn: isoDateSchema,
    awardedTenge: z.number().int().nullable(),
    awardedOn: isoDateSchema.nullable(),
    paidTenge: z.number().int().nullable(),
    paidOn: isoDateSchema.nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CivilClaim' });

export type CivilClaim = z.infer<typeof civilClaimSchema>;

export const civilClaimParamsSchema = z.object({ id: z.uuid(), claimId: z.uuid() });

// --- Victims Compensation Fund (recorded on the victim's case) ------------

/** MCI, to the tiyn-like hundredth the fund's decisions use. */
const mciAmount = z
  .number()
  .positive('must be more than 0')
  .max(99_999_999.99)
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, { message: 'at most two decimals' });

export const fundCompensationRequestSchema = z.object({
  proceedingId: z.uuid().nullable().default(null).describe('A proceeding linked to this case, when the application names one'),
  appliedOn: isoDateSchema,
  decision: z.enum(compensationDecisions).default('pending'),
  decidedOn: isoDateSchema.nullable().default(null).describe('Required once granted or refused; its year chooses the MCI'),
  amountMci: mciAmount.nullable().default(null).describe('Required when granted: the amount in monthly calculation indices'),
  paidOn: isoDateSchema.nullable().default(null).describe('Only after a grant'),
  refusalReason: text(2000).nullable().default(null).describe('Required when refused'),
});

export type FundCompensationRequest = z.infer<typeof fundCompensationRequestSchema>;

export const fundCompensationUpdateSchema = z
  .object({
    proceedingId: z.uuid().nullable().optional(),
    appliedOn: isoDateSchema.optional(),
    decision: z.enum(compensationDecisions).optional(),
    decidedOn: isoDateSchema.nullable().optional(),
    amountMci: mciAmount.nullable().optional(),
    paidOn: isoDateSchema.nullable().optional(),
    refusalReason: text(2000).nullable().optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), { message: 'change at least one field' });

export type FundCompensationUpdate = z.infer<typeof fundCompensationUpdateSchema>;

export const fundCompensationSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    proceedingId: z.uuid().nullable(),
    registerNumber: z.string().nullable(),
    appliedOn: isoDateSchema,
    decision: z.enum(compensationDecisions),
    decidedOn: isoDateSchema.nullable(),
    amountMci: z.number().nullable(),
    mciYear: z.number().int().nullable().describe('The year whose MCI converted the amount: the year of the decision'),
    mciValueTenge: z.number().int().nullable().describe('One MCI in that year, in tenge'),
    amountTenge: z.number().int().nullable(),
    paidOn: isoDateSchema.nullable(),
    refusalReason: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'FundCompensation' });

export type FundCompensation = z.infer<typeof fundCompensationSchema>;

export const fundCompensationParamsSchema = z.object({ id: z.uuid(), compensationId: z.uuid() });

// --- Monthly calculation index -----------------------------------------

export const monthlyCalculationIndexSchema = z
  .object({ year: z.number().int(), valueTenge: z.number().int().describe('One MCI in tenge, as the budget law set it on 1 January') })
  .meta({ id: 'MonthlyCalculationIndex' });

export type MonthlyCalculationIndex = z.infer<typeof monthlyCalculationIndexSchema>;

export const monthlyCalculationIndexListSchema = z.object({ items: z.array(monthlyCalculationIndexSchema) });

// --- The case's view of its proceedings ------------------------------------

export type CaseProceedingArticle = z.infer<typeof proceedingArticleSchema>;

export const caseProceedingOutcomeSchema = z
  .object({
    convicted: z.number().int(),
    acquitted: z.number().int(),
    dismissed: z.number().int(),
    sentences: z.array(z.object({ kind: z.enum(sentenceKinds), count: z.number().int() })).describe('Of the convicted, by the kind of sentence'),
    confiscations: z.number().int().describe('Convictions with confiscation of property'),
    convictionArticles: z.array(proceedingArticleSchema).describe('The articles of conviction, each once'),
    lastDecidedOn: isoDateSchema,
  })
  .meta({ id: 'CaseProceedingOutcome' });

export type CaseProceedingOutcome = z.infer<typeof caseProceedingOutcomeSchema>;

export const caseProceedingSchema = z
  .object({
    proceedingId: z.uuid(),
    registerNumber: z.string(),
    registeredOn: isoDateSchema,
    codeEdition: codeEditionSchema,
    investigatingBody: z.object({ id: z.uuid(), abbreviation: localizedTextSchema, name: localizedTextSchema }),
    investigatingUnit: z.enum(investigatingUnits).nullable(),
    region: z.object({ code: z.string(), name: localizedTextSchema }),
    stage: proceedingStageSchema,
    stageSince: isoDateSchema,
    stages: z.array(z.object({ stage: proceedingStageSchema, occurredOn: isoDateSchema })).describe('Every stage with its date, oldest first'),
    articlesAtRegistration: z.array(proceedingArticleSchema),
    articlesNow: z.array(proceedingArticleSchema).describe('The qualification in force'),
    qualifiedOn: isoDateSchema.describe('When the qualification in force was decided'),
    qualificationPhase: z.enum(qualificationPhases),
    proceduralStatus: z.enum(proceduralStatuses).describe("This person's status in the proceeding"),
    nonPunishmentReview: z.enum(nonPunishmentReviews).nullable().describe('Set while the person is a suspect or accused'),
    outcome: caseProceedingOutcomeSchema.nullable().describe('The verdicts in force, as counts; null before any verdict'),
    protections: z.array(protectionSchema).describe("State protection of this case's person in this proceeding"),
    civilClaims: z.array(civilClaimSchema).describe("This case's civil claims in this proceeding"),
  })
  .meta({ id: 'CaseProceeding' });

export type CaseProceeding = z.infer<typeof caseProceedingSchema>;

export const caseProceedingListSchema = z
  .object({
    items: z.array(caseProceedingSchema).describe('Newest registration first'),
    fundCompensations: z.array(fundCompensationSchema).describe("This case's applications to the Victims Compensation Fund, with or without a proceeding"),
  })
  .meta({ id: 'CaseProceedings' });

export type CaseProceedingList = z.infer<typeof caseProceedingListSchema>;
