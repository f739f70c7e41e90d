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
    level: z.enum(['national', 'regional']),
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
