import { z } from 'zod';
import {
  planImportPreviewSchema,
  planMeasureListSchema,
  planSummarySchema,
  reportAttachmentSchema,
  planReportSchema,
  type reportStatusSchema,
  workStatusSchema,
  type obligationSchema,
  type planImportConfirmSchema,
  type planReportRequestSchema,
  type reminderSchema,
} from '../../../shared/plan.schemas.js';
import { sendJson } from '../../api-client.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';

export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanImportPreview = z.infer<typeof planImportPreviewSchema>;
export type PlanImportProblem = PlanImportPreview['problems'][number];
export type PlanImportRequest = z.input<typeof planImportConfirmSchema>;
export type Obligation = z.infer<typeof obligationSchema>;
export type PlanReport = z.infer<typeof planReportSchema>;
export type PlanReportRequest = z.input<typeof planReportRequestSchema>;
export type WorkStatus = z.infer<typeof workStatusSchema>;
export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ObligationStatus = Obligation['reportStatus'];
export type ReportAttachment = z.infer<typeof reportAttachmentSchema>;
export type PlanReminder = z.infer<typeof reminderSchema>;

export const workStatuses: readonly WorkStatus[] = workStatusSchema.options;
export const obligationStatuses: readonly ObligationStatus[] = ['missing', 'draft', 'submitted', 'returned', 'accepted'];

export const plansPath = '/api/v1/plans';

export function planReportPath(reportId: string): string {
  return `/api/v1/plan-reports/${encodeURIComponent(reportId)}`;
}

/** The plan's reading is worded in Russian or English only; Kazakh readers get the Russian. */
export function previewLanguageOf(language: UiLanguage): 'ru' | 'en' {
  return language === 'en' ? 'en' : 'ru';
}

export function previewPlanImport(text: string, language: UiLanguage): Promise<PlanImportPreview> {
  return sendJson('POST', `/api/v1/plans/import/preview?language=${previewLanguageOf(language)}`, { schema: planImportPreviewSchema, body: { text } });
}

const importedSchema = z.object({ id: z.uuid(), measures: z.number().int() });

export function importPlan(request: PlanImportRequest): Promise<{ id: string; measures: number }> {
  return sendJson('POST', plansPath, { schema: importedSchema, body: request });
}

export function savePlanReport(planId: string, request: PlanReportRequest): Promise<PlanReport> {
  return sendJson('PUT', `/api/v1/plans/${encodeURIComponent(planId)}/reports`, { schema: planReportSchema, body: request });
}

export function returnPlanReport(reportId: string, reason: string): Promise<PlanReport> {
  return sendJson('POST', `${planReportPath(reportId)}/return`, { schema: planReportSchema, body: { reason } });
}

export function acceptPlanReport(reportId: string): Promise<PlanReport> {
  return sendJson('POST', `${planReportPath(reportId)}/accept`, { schema: planReportSchema });
}

/** The address of the report a body writes on one measure for one period. */
export function ownReportLink(planId: string, measure: number, periodLabel: string): string {
  return `/plans/${encodeURIComponent(planId)}/reports/${measure}/${encodeURIComponent(periodLabel)}`;
}

/** The address of an existing report, whoever wrote it. */
export function reportLink(reportId: string): string {
  return `/plan-reports/${encodeURIComponent(reportId)}`;
}

const attachmentListSchema = z.object({ items: z.array(reportAttachmentSchema) });

export function attachReportFile(reportId: string, file: { fileName: string; content: string }): Promise<ReportAttachment[]> {
  return sendJson('POST', `${planReportPath(reportId)}/attachments`, { schema: attachmentListSchema, body: file }).then((list) => list.items);
}

export function removeReportFile(attachmentId: string): Promise<ReportAttachment[]> {
  return sendJson('DELETE', attachmentPath(attachmentId), { schema: attachmentListSchema }).then((list) => list.items);
}

/** Where a file attached to a report downloads from. */
export function attachmentPath(attachmentId: string): string {
  return `/api/v1/plan-report-attachments/${encodeURIComponent(attachmentId)}`;
}

export function planPath(planId: string): string {
  return `${plansPath}/${encodeURIComponent(planId)}`;
}

export function seedNextPlan(planId: string, request: { title: string; periodFromYear: number; periodToYear: number }): Promise<{ id: string; measures: number }> {
  return sendJson('POST', `${planPath(planId)}/next-plan`, { schema: importedSchema, body: request });
}

export function confirmPlan(planId: string): Promise<PlanSummary> {
  return sendJson('POST', `${planPath(planId)}/confirm`, { schema: planSummarySchema });
}

export function removeDraftMeasure(planId: string, measure: number): Promise<z.infer<typeof planMeasureListSchema>> {
  return sendJson('DELETE', `${planPath(planId)}/measures/${measure}`, { schema: planMeasureListSchema });
}
