import { z } from 'zod';

export const planImportRequestSchema = z.object({
  text: z.string().min(1, 'is empty').max(2_000_000).describe('The plan table as text, laid out like the 2009-2011 Action Plan'),
});

const importProblemSchema = z.object({
  id: z.string().describe("Stable for the same text: 'P1', 'P2'..."),
  measureNumber: z.number().int().nullable(),
  field: z.string(),
  text: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
});

export const planImportPreviewSchema = z
  .object({
    title: z.string(),
    periodFromYear: z.number().int().nullable(),
    periodToYear: z.number().int().nullable(),
    measures: z.array(
      z.object({
        number: z.number().int(),
        action: z.string(),
        responsible: z.array(z.object({ text: z.string(), bodyCode: z.string().nullable(), lead: z.boolean(), byAgreement: z.boolean() })),
        deadlineText: z.string(),
        deadline: z.string().nullable().describe('The rule read from the phrase, in words; null when not understood'),
        reports: z.number().int().describe('How many reports the rule asks of each body'),
        costsText: z.string(),
        fundingSources: z.array(z.string()),
      }),
    ),
    problems: z.array(importProblemSchema),
  })
  .meta({ id: 'PlanImportPreview' });

export const planImportConfirmSchema = planImportRequestSchema.extend({
  coordinatorCode: z.string().trim().min(2).max(40).describe('The body that gathers the reports, e.g. MJ'),
  bodyMappings: z
    .record(z.string().min(1).max(500), z.string().min(2).max(40))
    .default({})
    .describe('A body the plan names that Senim did not recognize, as written, mapped to an organization code'),
  acknowledgedProblems: z.array(z.string().regex(/^P\d{1,4}$/, "must be a problem id such as 'P3'")).max(500).default([]),
  level: z.enum(['national', 'regional']).default('national').describe('A regional plan is an akimat’s, under a national plan'),
  parentPlanId: z.uuid('must be a plan id').nullable().default(null).describe('For a regional plan: the national plan it implements'),
});

export const planSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    level: z.enum(['national', 'regional', 'commission']).describe("'commission': the decisions of an Inter-Agency Commission, tracked as measures"),
    coordinatorCode: z.string(),
    periodFromYear: z.number().int(),
    periodToYear: z.number().int(),
    measures: z.number().int(),
    createdAt: z.iso.datetime(),
    status: z.enum(['draft', 'in_force']).describe('A draft (seeded from the last plan) owes no reports until its coordinator confirms it'),
    parentPlanId: z.uuid().nullable().describe('The national plan a regional plan implements'),
    seededFromPlanId: z.uuid().nullable().describe('The plan whose assessment seeded this one'),
  })
  .meta({ id: 'PlanSummary' });

export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const planCalendarEntrySchema = z.object({
  measure: z.number().int(),
  organizationCode: z.string(),
  lead: z.boolean(),
  byAgreement: z.boolean(),
  periodLabel: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  dueDate: z.iso.date(),
});

export const planCalendarSchema = z.object({ items: z.array(planCalendarEntrySchema) }).meta({ id: 'PlanCalendar' });

export const planCalendarQuerySchema = z.object({
  organization: z.string().trim().min(2).max(40).optional().describe('Only the reports due from this body (organization code)'),
});

export const workStatusSchema = z.enum(['done', 'in_progress', 'not_started', 'cannot_be_done']);
export const reportStatusSchema = z.enum(['draft', 'submitted', 'returned', 'accepted']);

const count = z.number().int().min(0).max(10_000_000);

export const reportIndicatorsSchema = z.object({
  peopleTrained: count.nullable().default(null),
  eventsHeld: count.nullable().default(null),
  cases: count.nullable().default(null),
  moneySpentThousandsKzt: z.number().min(0).max(1e12).nullable().default(null).describe('Money spent, in thousands of tenge'),
});

export const planReportRequestSchema = z
  .object({
    measure: z.number().int().min(1).max(10_000),
    periodLabel: z.string().trim().min(4).max(40).describe("The period as the calendar names it: '2009-Q1', '2010-H2', '2010'"),
    workStatus: workStatusSchema,
    narrative: z.string().trim().min(1, 'say what was done').max(20_000),
    cannotReason: z.string().trim().min(1).max(2_000).nullable().default(null),
    indicators: reportIndicatorsSchema.default({ peopleTrained: null, eventsHeld: null, cases: null, moneySpentThousandsKzt: null }),
    submit: z.boolean().default(false).describe('false keeps a draft; true sends it to the coordinating body'),
  })
  .refine((report) => report.workStatus !== 'cannot_be_done' || report.cannotReason !== null, {
    message: 'say why it cannot be done',
    path: ['cannotReason'],
  });

export const reportAttachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('SHA-256 of the content, hex'),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanReportAttachment' });

export const planReportSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    measure: z.number().int(),
    organizationCode: z.string(),
    periodLabel: z.string(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    dueDate: z.iso.date(),
    status: reportStatusSchema,
    workStatus: workStatusSchema,
    narrative: z.string(),
    cannotReason: z.string().nullable(),
    indicators: reportIndicatorsSchema,
    submittedAt: z.iso.datetime().nullable(),
    late: z.boolean().describe('Submitted after the due date, or still not submitted after it'),
    returnReason: z.string().nullable(),
    attachments: z.array(reportAttachmentSchema),
    steps: z.array(z.object({ step: z.enum(['saved', 'submitted', 'returned', 'accepted']), takenAt: z.iso.datetime(), note: z.string().nullable() })),
  })
  .meta({ id: 'PlanReport' });

export const obligationSchema = planCalendarEntrySchema.extend({
  reportId: z.uuid().nullable(),
  reportStatus: z.enum(['missing', 'draft', 'submitted', 'returned', 'accepted']),
  late: z.boolean(),
});

export const obligationListSchema = z.object({ items: z.array(obligationSchema) }).meta({ id: 'PlanObligations' });

export const obligationQuerySchema = z.object({
  organization: z.string().trim().min(2).max(40).optional().describe('Coordinating body only: one body’s obligations'),
  status: z.enum(['missing', 'draft', 'submitted', 'returned', 'accepted']).optional(),
  late: z.enum(['true', 'false']).optional(),
});

export const returnReportRequestSchema = z.object({ reason: z.string().trim().min(5, 'say what must be revised').max(2_000) });

export const measureParamsSchema = z.object({
  id: z.uuid('must be a UUID'),
  number: z.coerce.number().int().min(1).max(10_000),
});

export const measureDeadlineSchema = z
  .object({
    number: z.number().int(),
    deadlineText: z.string(),
    rule: z.unknown().nullable().describe('The deadline rule (see DeadlineRule); null when none is set'),
    description: z.string().nullable(),
  })
  .meta({ id: 'MeasureDeadline' });

// Base64 of at most 5 MiB; the service checks the decoded size and the type.
const MAX_ATTACHMENT_BASE64 = Math.ceil((5 * 1024 * 1024) / 3) * 4;

export const attachmentUploadSchema = z.object({
  fileName: z.string().trim().min(1, 'give the file a name').max(255).describe('pdf, docx, xlsx, jpg, png or txt'),
  content: z
    .string()
    .min(1, 'the file is empty')
    .max(MAX_ATTACHMENT_BASE64, 'the file is larger than 5 MiB')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the file in base64')
    .describe('The file, base64-encoded; at most 5 MiB'),
});

export const reminderSchema = z.object({
  planId: z.uuid(),
  planTitle: z.string(),
  measure: z.number().int(),
  organizationCode: z.string(),
  periodLabel: z.string(),
  dueDate: z.iso.date(),
  reportStatus: z.enum(['missing', 'draft', 'returned']),
  kind: z.enum(['due_soon', 'overdue']),
  days: z.number().int().describe('Days left until the due date, or days past it'),
});

export const reminderListSchema = z.object({ on: z.iso.date(), leadDays: z.number().int(), items: z.array(reminderSchema) }).meta({ id: 'PlanReminders' });

export const reminderQuerySchema = z.object({
  leadDays: z.coerce.number().int().min(0).max(90).default(10).describe('How many days ahead of a due date to remind'),
  on: z.iso.date().optional().describe('The day to remind on; today in Kazakhstan by default'),
});

const fulfilmentSchema = z.enum(['done', 'partly', 'not_done', 'never_reported']);
const moneyByYearSchema = z.object({ year: z.number().int().nullable(), estimateThousandsKzt: z.number().nullable(), spentThousandsKzt: z.number() });

export const planAssessmentSchema = z
  .object({
    planTitle: z.string(),
    coordinator: z.string(),
    periodFromYear: z.number().int(),
    periodToYear: z.number().int(),
    assessedOn: z.iso.date(),
    language: z.enum(['ru', 'en']),
    measures: z.array(
      z.object({
        number: z.number().int(),
        action: z.string(),
        fulfilment: fulfilmentSchema,
        bodies: z.array(
          z.object({
            organizationCode: z.string(),
            organizationName: z.string(),
            lead: z.boolean(),
            fulfilment: fulfilmentSchema,
            reportsDue: z.number().int(),
            reportsReceived: z.number().int(),
            lastWorkStatus: workStatusSchema.nullable(),
          }),
        ),
        estimateKind: z.enum(['not_required', 'not_stated', 'within_existing_funds', 'amounts']),
        money: z.array(moneyByYearSchema),
      }),
    ),
    money: z.array(moneyByYearSchema),
    neverReported: z.array(z.object({ measure: z.number().int(), organizationCode: z.string(), organizationName: z.string(), periodLabel: z.string(), dueDate: z.iso.date() })),
    totals: z.object({ measures: z.number().int(), done: z.number().int(), partly: z.number().int(), not_done: z.number().int(), never_reported: z.number().int() }),
  })
  .meta({ id: 'PlanAssessment' });

export const assessmentQuerySchema = z.object({
  language: z.enum(['ru', 'en']).default('ru'),
  on: z.iso.date().optional().describe('Count reports due up to this day; today in Kazakhstan by default'),
});

export const nextPlanRequestSchema = z
  .object({
    title: z.string().trim().min(5).max(500).describe('The title of the next plan'),
    periodFromYear: z.number().int().min(2000).max(2100),
    periodToYear: z.number().int().min(2000).max(2100),
  })
  .refine((request) => request.periodToYear >= request.periodFromYear && request.periodToYear - request.periodFromYear < 20, {
    message: 'must be on or after the first year, within 20 years',
    path: ['periodToYear'],
  });

export const planMeasureListSchema = z
  .object({
    items: z.array(
      z.object({
        number: z.number().int(),
        action: z.string(),
        deadlineText: z.string(),
        deadline: z.string().nullable().describe('The deadline rule in words; null when none is set'),
        bodies: z.array(z.object({ organizationCode: z.string(), lead: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'PlanMeasures' });
