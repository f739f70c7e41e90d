import { z } from 'zod';
import { personIdentitySchema } from './person.schemas.js';

// The National Referral Mechanism's case data. Values follow HTCDS 2.0 where
// the standard has a list (docs/domain.md maps each to its HTCDS name), and
// the seed documents where Kazakhstan's practice is more specific.

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const referralSources = [
  'police',
  'migration_police',
  'juvenile_police',
  'labour_inspector',
  'ngo_outreach',
  'health',
  'education',
  'consulate_abroad',
  'hotline',
  'border_service',
  'self_referral',
  're_applicant',
  'other',
] as const;

export const meetingContexts = [
  'detention_facility',
  'raid',
  'workplace_inspection',
  'shelter',
  'hotline_call',
  'abroad',
  'border_crossing',
  'street_outreach',
  'health_facility',
  'education_facility',
  'came_to_office',
  'other',
] as const;

export const exploitationForms = [
  'sexual',
  'labour',
  'forced_begging',
  'forced_criminality',
  'organ_removal',
  'illegal_adoption',
  'forced_marriage',
  'mixed',
  'other',
] as const;

/** ISIC Rev. 4 sections, as HTCDS's ForcedLabourIndustry. */
export const labourSectors = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;

/** HTCDS vic_MethodsOfControl. */
export const methodsOfControl = [
  'physical_threats',
  'threatens_law_enforcement',
  'threatens_children_family',
  'debt_bondage',
  'false_promises',
  'physical_abuse',
  'sexual_abuse',
  'takes_earnings',
  'restricts_financial_access',
  'restricts_medical_care',
  'withholds_necessities',
  'psychological_abuse',
  'psychoactive_substance',
  'excessive_working_hours',
  'withholds_documents',
  'restricts_movement',
  'other',
] as const;

/** HTCDS vic_MethodOfRecruitment, shortened. */
export const recruitmentMethods = [
  'at_place_of_business',
  'at_work',
  'online_social_network',
  'online_advertisement',
  'family',
  'friends',
  'intimate_partner',
  'recruitment_agency',
  'abduction',
  'other',
] as const;

export const serviceTypes = ['social_welfare', 'medical', 'psychological', 'educational', 'employment', 'cultural', 'economic', 'legal'] as const;
export const consentScopes = ['processing', 'referral', 'police_sharing'] as const;
export const caseStatuses = ['active', 'follow_up', 'closed'] as const;
export const closureOutcomes = ['reintegrated', 'left_programme', 'expelled_negative', 'returned_home', 'transferred', 'deceased', 'other'] as const;
export const pathwaySteps = ['consent', 'screening', 'identification', 'referral', 'assistance', 'closure', 'follow_up', 'closed'] as const;
export const sexes = ['female', 'male', 'other', 'not_disclosed'] as const;

export type ReferralSource = (typeof referralSources)[number];
export type ExploitationForm = (typeof exploitationForms)[number];
export type ServiceType = (typeof serviceTypes)[number];
export type ConsentScope = (typeof consentScopes)[number];
export type PathwayStep = (typeof pathwaySteps)[number];
export type ClosureOutcome = (typeof closureOutcomes)[number];

const citizenship = z
  .string()
  .regex(/^([A-Z]{3}|stateless|unknown)$/, "must be an ISO 3166 alpha-3 code, 'stateless' or 'unknown'")
  .describe("ISO 3166 alpha-3, 'stateless' or 'unknown'");

export const consentInputSchema = z.object({
  scope: z.enum(consentScopes),
  organizationId: z.uuid().nullable().default(null).describe('For referral and police sharing: the organization agreed to; null: any'),
  given: z.boolean(),
  method: z.enum(['written', 'oral', 'by_guardian']),
});

export const intakeRequestSchema = z
  .object({
    referralSource: z.enum(referralSources),
    meetingContext: z.enum(meetingContexts),
    firstContactDate: isoDate,
    regionCode: z.string().regex(/^KZ-[A-Z]{3}$/, 'must be a region code such as KZ-AST'),
    circumstances: z.string().trim().max(4000).optional().describe('What happened, without names, addresses or documents'),
    sex: z.enum(sexes).default('not_disclosed'),
    ageYears: z.number().int().min(0).max(119).nullable().default(null),
    ageBasis: z.enum(['documented', 'declared', 'estimated', 'unknown']).default('unknown'),
    citizenship: citizenship.default('unknown'),
    /** Omitted: the case starts with no identity at all, only its code. */
    identity: personIdentitySchema.optional(),
    /** A person already known (a re-applicant): the new case is a new episode of theirs. */
    personId: z.uuid().optional(),
    consents: z.array(consentInputSchema).max(10).default([]),
    /** Hand the case over at once (a police referral): a referral to this organization is requested. */
    referral: z
      .object({
        toOrganizationId: z.uuid(),
        serviceTypes: z.array(z.enum(serviceTypes)).min(1).max(8),
        reason: text(1000),
        placement: z.boolean().default(false),
      })
      .optional(),
  })
  .refine((intake) => !(intake.identity && intake.personId), { message: 'give either an identity or a personId, not both', path: ['personId'] });

export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

export const anonymousNotificationRequestSchema = z.object({
  contactDate: isoDate,
  regionCode: z.string().regex(/^KZ-[A-Z]{3}$/, 'must be a region code such as KZ-AST'),
  referralSource: z.enum(referralSources),
  meetingContext: z.enum(meetingContexts),
  sex: z.enum(sexes).default('not_disclosed'),
  ageGroup: z.enum(['child', 'adult', 'unknown']),
  citizenship: citizenship.default('unknown'),
  exploitationForms: z.array(z.enum(exploitationForms)).max(9).default([]),
  traffickingScope: z.enum(['internal', 'cross_border']).nullable().default(null),
});

export const anonymousNotificationSchema = anonymousNotificationRequestSchema
  .extend({ id: z.uuid(), organizationId: z.uuid(), recordedAt: z.iso.datetime() })
  .meta({ id: 'AnonymousNotification' });

export const anonymousNotificationListSchema = z.object({ items: z.array(anonymousNotificationSchema), total: z.number().int() });

export const consentSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(consentScopes),
    organizationId: z.uuid().nullable(),
    given: z.boolean(),
    method: z.enum(['written', 'oral', 'by_guardian']),
    recordedAt: z.iso.datetime(),
    withdrawnAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CaseConsent' });

// --- Screening -------------------------------------------------------------

export const indicatorStrengths = ['strong', 'medium', 'weak'] as const;
export const delphiDimensions = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_abuse_of_vulnerability',
  'exploitation',
  'coercion_at_destination',
  'abuse_of_vulnerability_at_destination',
] as const;
export type DelphiDimension = (typeof delphiDimensions)[number];

export const indicatorSchema = z.object({
  code: z.string().regex(/^[a-z0-9_.]{2,80}$/, 'lower-case letters, digits, dots and underscores'),
  dimension: z.enum(delphiDimensions),
  strength: z.enum(indicatorStrengths),
  text: z.object({ ru: text(500), en: text(500), kk: text(500).optional() }),
  /** ILO forced labour indicator number (1-11) this corresponds to, if any. */
  iloIndicator: z.number().int().min(1).max(11).optional(),
});

export const questionnaireDefinitionSchema = z
  .object({ indicators: z.array(indicatorSchema).min(1).max(300) })
  .refine((definition) => new Set(definition.indicators.map((indicator) => indicator.code)).size === definition.indicators.length, {
    message: 'indicator codes must be unique',
    path: ['indicators'],
  });

export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;

export const questionnaireSchema = z
  .object({
    id: z.uuid(),
    audience: z.enum(['adult', 'child']),
    version: z.number().int(),
    title: z.string(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    definition: questionnaireDefinitionSchema,
  })
  .meta({ id: 'ScreeningQuestionnaire' });

export const questionnaireListSchema = z.object({ items: z.array(questionnaireSchema) });

export const newQuestionnaireRequestSchema = z.object({
  audience: z.enum(['adult', 'child']),
  title: text(200),
  definition: questionnaireDefinitionSchema,
});

export const screeningRequestSchema = z.object({
  questionnaireId: z.uuid(),
  interviewedOn: isoDate,
  answers: z
    .array(z.object({ indicatorCode: z.string().min(1).max(80), answer: z.enum(['yes', 'no', 'unknown']), note: z.string().trim().max(1000).optional() }))
    .min(1, 'answer at least one indicator')
    .max(300),
});

export const dimensionResultSchema = z.object({
  dimension: z.enum(delphiDimensions),
  positive: z.boolean(),
  strong: z.number().int(),
  medium: z.number().int(),
  weak: z.number().int(),
});

export const screeningAssessmentSchema = z
  .object({
    preliminary: z.enum(['probable_victim', 'exploited_migrant', 'deception_and_exploitation', 'insufficient_indicators']),
    dimensions: z.array(dimensionResultSchema),
    reasons: z.array(z.string()),
    childRuleApplied: z.boolean(),
  })
  .meta({ id: 'ScreeningAssessment' });

export type ScreeningAssessment = z.infer<typeof screeningAssessmentSchema>;

export const screeningSchema = z
  .object({
    id: z.uuid(),
    questionnaireId: z.uuid(),
    questionnaireVersion: z.number().int(),
    audience: z.enum(['adult', 'child']),
    interviewedOn: isoDate,
    organizationId: z.uuid(),
    recordedAt: z.iso.datetime(),
    assessment: screeningAssessmentSchema,
    answers: z.array(z.object({ indicatorCode: z.string(), answer: z.enum(['yes', 'no', 'unknown']), note: z.string().nullable() })),
  })
  .meta({ id: 'CaseScreening' });

// --- Identification --------------------------------------------------------

export const identificationRequestSchema = z
  .object({
    outcome: z.enum(['identified', 'not_identified', 'pending']),
    exploitationForms: z.array(z.enum(exploitationForms)).max(9).default([]),
    traffickingScope: z.enum(['internal', 'cross_border']).nullable().default(null),
    labourSectors: z.array(z.enum(labourSectors)).max(21).default([]),
    methodsOfControl: z.array(z.enum(methodsOfControl)).max(20).default([]),
    recruitmentMethods: z.array(z.enum(recruitmentMethods)).max(10).default([]),
    reasons: text(4000),
    reviewsDecisionId: z.uuid().optional().describe('The earlier decision this one reviews'),
  })
  .refine((decision) => decision.outcome !== 'identified' || decision.exploitationForms.length > 0, {
    message: 'an identification names at least one form of exploitation',
    path: ['exploitationForms'],
  });

export const identificationDecisionSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    decidedAt: z.iso.datetime(),
    outcome: z.enum(['identified', 'not_identified', 'pending']),
    exploitationForms: z.array(z.enum(exploitationForms)),
    traffickingScope: z.enum(['internal', 'cross_border']).nullable(),
    reasons: z.string(),
    reviewsDecisionId: z.uuid().nullable(),
  })
  .meta({ id: 'IdentificationDecision' });

// --- Referrals and services ------------------------------------------------

export const referralRequestSchema = z.object({
  toOrganizationId: z.uuid(),
  serviceTypes: z.array(z.enum(serviceTypes)).min(1, 'request at least one service').max(8),
  reason: text(1000),
  placement: z.boolean().default(false).describe('A bed in a shelter or crisis centre is requested'),
  overrideConsent: z
    .object({ reason: text(1000) })
    .optional()
    .describe('Refer without the person’s consent to this organization (a separate, audited permission)'),
});

export const referralResponseRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), placementFrom: isoDate.optional(), placementTo: isoDate.optional() }),
  z.object({ decision: z.literal('decline'), reason: text(1000) }),
]);

export const referralSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseCode: z.string(),
    fromOrganizationId: z.uuid(),
    toOrganizationId: z.uuid(),
    serviceTypes: z.array(z.enum(serviceTypes)),
    reason: z.string(),
    requestedAt: z.iso.datetime(),
    status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
    respondedAt: z.iso.datetime().nullable(),
    declineReason: z.string().nullable(),
    placement: z.boolean(),
    placementFrom: isoDate.nullable(),
    placementTo: isoDate.nullable(),
    consentOverridden: z.boolean(),
  })
  .meta({ id: 'CaseReferral' });

export const referralListSchema = z.object({ items: z.array(referralSchema), total: z.number().int() });

export const providerQuerySchema = z.object({
  regionCode: z.string().regex(/^KZ-[A-Z]{3}$/, 'must be a region code such as KZ-AST'),
  serviceType: z.enum(serviceTypes).optional(),
});

export const providerSchema = z.object({
  organizationId: z.uuid(),
  kind: z.string(),
  name: z.object({ ru: z.string(), kk: z.string(), en: z.string() }),
  serviceTypes: z.array(z.enum(serviceTypes)),
  capacity: z.number().int().nullable(),
  occupied: z.number().int(),
  free: z.number().int().nullable(),
});

export const providerListSchema = z.object({ items: z.array(providerSchema) });

export const serviceRequestSchema = z.object({
  serviceType: z.enum(serviceTypes),
  providerOrganizationId: z.uuid(),
  status: z.enum(['planned', 'in_progress', 'delivered', 'cancelled']).default('planned'),
  plannedFrom: isoDate.nullable().default(null),
  plannedTo: isoDate.nullable().default(null),
  deliveredOn: isoDate.nullable().default(null),
  notes: z.string().trim().max(2000).nullable().default(null),
});

export const serviceUpdateRequestSchema = z.object({
  status: z.enum(['planned', 'in_progress', 'delivered', 'cancelled']),
  plannedFrom: isoDate.nullable().optional(),
  plannedTo: isoDate.nullable().optional(),
  deliveredOn: isoDate.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

export const caseServiceSchema = z
  .object({
    id: z.uuid(),
    serviceType: z.enum(serviceTypes),
    providerOrganizationId: z.uuid(),
    referralId: z.uuid().nullable(),
    status: z.enum(['planned', 'in_progress', 'delivered', 'cancelled']),
    plannedFrom: isoDate.nullable(),
    plannedTo: isoDate.nullable(),
    deliveredOn: isoDate.nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'CaseService' });

// --- Foreign persons, children, closure ----------------------------------

export const migrationStatusRequestSchema = z.object({
  documentsStatus: z.enum(['held', 'missing', 'withheld_by_exploiter', 'with_authorities', 'unknown']),
  reflectionDays: z.number().int().min(1).max(365).optional().describe('Default 30 (Council of Europe Convention, art. 13)'),
  stayUntilCourtRuling: z.boolean().default(false),
  nonPunishment: z.boolean().default(false),
  nonPunishmentNote: z.string().trim().max(2000).nullable().default(null),
  registrationExtendedUntil: isoDate.nullable().default(null),
  residencePermitUntil: isoDate.nullable().default(null),
  workPermitUntil: isoDate.nullable().default(null),
  returnStatus: z.enum(['none', 'requested', 'with_consulate', 'with_iom', 'completed']).default('none'),
});

export const migrationStatusSchema = migrationStatusRequestSchema
  .extend({ reflectionDays: z.number().int(), reflectionEndsOn: isoDate, reflectionDaysLeft: z.number().int() })
  .meta({ id: 'CaseMigrationStatus' });

export const childProtectionRequestSchema = z.object({
  guardianKind: z.enum(['none_yet', 'parent', 'guardian', 'legal_representative', 'guardianship_authority']),
  guardianOrganizationId: z.uuid().nullable().default(null),
  bestInterestsAssessedOn: isoDate.nullable().default(null),
  bestInterestsSummary: z.string().trim().max(4000).nullable().default(null),
  placementOrganizationId: z.uuid().nullable().default(null).describe('A juvenile adaptation centre or shelter'),
});

export const childProtectionSchema = childProtectionRequestSchema.meta({ id: 'CaseChildProtection' });

export const closureRequestSchema = z
  .object({
    outcome: z.enum(closureOutcomes),
    reason: z.string().trim().max(2000).optional(),
    followUp: z.boolean().default(true).describe('Keep the case in follow-up rather than closing it outright'),
  })
  .refine((closure) => !['left_programme', 'expelled_negative', 'other', 'transferred'].includes(closure.outcome) || (closure.reason ?? '').length > 0, {
    message: 'say why (required for this outcome)',
    path: ['reason'],
  });

export const followUpRequestSchema = z.object({
  contactedOn: isoDate,
  method: z.enum(['visit', 'phone', 'message', 'office']),
  note: text(2000),
  endFollowUp: z.boolean().default(false),
});

export const reopenRequestSchema = z.object({ reason: text(2000), contactDate: isoDate });

export const nameWorkerRequestSchema = z.object({ email: z.email().describe('A user of an organization involved in the case') });

// --- The case page ------------------------------------------------------

export const dueItemSchema = z.object({
  kind: z.enum(['identification_decision', 'reflection_period_end', 'referral_response', 'guardian', 'consent', 'screening']),
  dueOn: isoDate.nullable(),
  overdue: z.boolean(),
});

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    personId: z.uuid(),
    status: z.enum(caseStatuses),
    step: z.enum(pathwaySteps),
    episode: z.number().int(),
    possibleRetrafficking: z.boolean(),
    ownerOrganizationId: z.uuid(),
    regionCode: z.string(),
    referralSource: z.enum(referralSources),
    meetingContext: z.enum(meetingContexts),
    firstContactDate: isoDate,
    createdAt: z.iso.datetime(),
    sex: z.enum(sexes),
    ageYears: z.number().int().nullable(),
    ageBasis: z.enum(['documented', 'declared', 'estimated', 'unknown']),
    child: z.boolean().describe('Under 18, or age uncertain (presumed a child)'),
    citizenship: z.string(),
    foreign: z.boolean(),
    latestDecision: z.enum(['identified', 'not_identified', 'pending']).nullable(),
    exploitationForms: z.array(z.enum(exploitationForms)),
  })
  .meta({ id: 'CaseSummary' });

export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListQuerySchema = z.object({
  list: z
    .enum(['in_reach', 'mine', 'decisions_overdue', 'reflection_ending', 'children_without_guardian'])
    .default('in_reach')
    .describe('mine: cases I recorded or am named on; the others are worklists'),
  code: z.string().trim().min(3).max(40).optional(),
  personId: z.uuid().optional(),
  status: z.enum(caseStatuses).optional(),
  days: z.coerce.number().int().min(0).max(365).optional().describe('decisions_overdue: older than this many working days past target; reflection_ending: ends within'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const caseListSchema = z.object({ items: z.array(caseSummarySchema), total: z.number().int() });

export const caseDetailSchema = z
  .object({
    summary: caseSummarySchema,
    circumstances: z.string().nullable(),
    dueNext: z.array(dueItemSchema),
    involved: z.array(z.object({ organizationId: z.uuid(), basis: z.string() })),
    workers: z.array(z.object({ userId: z.uuid(), organizationId: z.uuid() })),
    consents: z.array(consentSchema),
    screenings: z.array(screeningSchema),
    decisions: z.array(identificationDecisionSchema),
    decisionDueOn: isoDate,
    referrals: z.array(referralSchema),
    services: z.array(caseServiceSchema),
    migration: migrationStatusSchema.nullable(),
    childProtection: childProtectionSchema.nullable(),
    closure: z.object({ outcome: z.enum(closureOutcomes), reason: z.string().nullable(), closedAt: z.iso.datetime() }).nullable(),
    followUps: z.array(z.object({ id: z.uuid(), contactedOn: isoDate, method: z.string(), note: z.string() })),
    labourSectors: z.array(z.enum(labourSectors)),
    methodsOfControl: z.array(z.enum(methodsOfControl)),
    recruitmentMethods: z.array(z.enum(recruitmentMethods)),
    traffickingScope: z.enum(['internal', 'cross_border']).nullable(),
  })
  .meta({ id: 'CaseDetail' });

export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseEventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  occurredAt: z.iso.datetime(),
  organizationId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const caseEventListSchema = z.object({ items: z.array(caseEventSchema), total: z.number().int() });

export const intakeReceiptSchema = z
  .object({ id: z.uuid(), code: z.string(), personId: z.uuid(), visibleToYou: z.boolean().describe('False when a law-enforcement body records a case without consent to share with police') })
  .meta({ id: 'IntakeReceipt' });

export const intakeReceiptListSchema = z.object({
  items: z.array(z.object({ code: z.string(), recordedAt: z.iso.datetime() })),
  total: z.number().int(),
});

export const caseSummaryQuerySchema = z.object({ language: z.enum(['ru', 'en', 'kk']).default('ru'), includeIdentity: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'), purpose: z.string().trim().min(5).max(300).optional() });

