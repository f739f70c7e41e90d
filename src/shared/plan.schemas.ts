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
