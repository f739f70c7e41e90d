import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { attachmentUploadSchema, reportAttachmentSchema } from '../../../shared/plan.schemas.js';
import type { SenimDatabase } from '../../db/database.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { selectReport } from './plan-report.repo.js';
import { reviewsPlan } from './plan-reviewer.js';
import { checkAttachment } from './report-attachment-file.js';
import { countAttachments, deleteAttachment, insertAttachment, selectAttachment, selectAttachmentContent, selectAttachmentsOf } from './report-attachment.repo.js';

// A report carries at most this many files: enough for letters, tables and photos of one period.
const MAX_ATTACHMENTS_PER_REPORT = 20;

type AttachmentSummary = z.infer<typeof reportAttachmentSchema>;

/** While the body may still change its report: not yet sent, or sent back for revision. */
const changeable = (status: string): boolean => status === 'draft' || status === 'returned';

export async function attachmentsOfReports(database: SenimDatabase, reportIds: readonly string[]): Promise<Map<string, AttachmentSummary[]>> {
  const rows = await selectAttachmentsOf(database.db, reportIds);
  const byReport = new Map<string, AttachmentSummary[]>();
  for (const row of rows) {
    const list = byReport.get(row.report_id) ?? [];
    list.push({ id: row.id, fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes, sha256: row.sha256, uploadedAt: new Date(row.uploaded_at).toISOString() });
    byReport.set(row.report_id, list);
  }
  return byReport;
}

async function ownChangeableReport(database: SenimDatabase, actor: UserActor, reportId: string) {
  requirePermission(actor, 'plan_reports.submit');
  const report = await selectReport(database.db, reportId);
  if (!report || report.organization_id !== actor.organizationId) {
    throw new AppError('not_found', 'No such report of your organization');
  }
  if (!changeable(report.status)) {
    throw new AppError('conflict', `Files are attached while the report is a draft or returned for revision; this one is ${report.status}`);
  }
  return report;
}

/** The reporting body attaches a file to its report while it can still change it. */
export async function addAttachment(input: {
  database: SenimDatabase;
  actor: UserActor;
  reportId: string;
  upload: z.infer<typeof attachmentUploadSchema>;
  origin: RequestOrigin;
}): Promise<AttachmentSummary[]> {
  const { database, actor } = input;
  const report = await ownChangeableReport(database, actor, input.reportId);
  const content = Buffer.from(input.upload.content, 'base64');
  const checked = checkAttachment({ fileName: input.upload.fileName, content });
  if (!checked.ok) {
    throw new AppError('unprocessable', `The file cannot be attached: ${checked.message}`, { fields: [{ field: `body.${checked.field}`, message: checked.message }] });
  }
  await database.db.transaction().execute(async (trx) => {
    if ((await countAttachments(trx, report.id)) >= MAX_ATTACHMENTS_PER_REPORT) {
      throw new AppError('conflict', `A report carries at most ${MAX_ATTACHMENTS_PER_REPORT} files; remove one first`);
    }
    const id = await insertAttachment(trx, { reportId: report.id, ...checked, content, uploadedBy: actor.userId });
    await recordAudit(trx, {
      actor,
      action: 'plan_report.attachment_added',
      record: { type: 'plan_report', id: report.id },
      origin: input.origin,
      details: { attachment: id, sizeBytes: checked.sizeBytes, sha256: checked.sha256, mediaType: checked.mediaType },
    });
  });
  return (await attachmentsOfReports(database, [report.id])).get(report.id) ?? [];
}

/** Only the reporting body and the body that coordinates the plan read a report's files. */
export async function readAttachment(input: { database: SenimDatabase; actor: UserActor; attachmentId: string }): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const { database, actor } = input;
  requirePermission(actor, 'plan_reports.submit');
  const attachment = await selectAttachment(database.db, input.attachmentId);
  const mayRead = attachment && (attachment.organization_id === actor.organizationId || reviewsPlan(actor, attachment));
  const content = mayRead ? await selectAttachmentContent(database.db, attachment.id) : null;
  if (!attachment || !mayRead || content === null) {
    throw new AppError('not_found', 'No such file in your reach');
  }
  return { fileName: attachment.file_name, mediaType: attachment.media_type, content: Buffer.from(content) };
}

export async function removeAttachment(input: { database: SenimDatabase; actor: UserActor; attachmentId: string; origin: RequestOrigin }): Promise<AttachmentSummary[]> {
  const { database, actor } = input;
  requirePermission(actor, 'plan_reports.submit');
  const attachment = await selectAttachment(database.db, input.attachmentId);
  if (!attachment || attachment.organization_id !== actor.organizationId) {
    throw new AppError('not_found', 'No such file of your organization');
  }
  await ownChangeableReport(database, actor, attachment.report_id);
  await database.db.transaction().execute(async (trx) => {
    await deleteAttachment(trx, attachment.id);
    await recordAudit(trx, {
      actor,
      action: 'plan_report.attachment_removed',
      record: { type: 'plan_report', id: attachment.report_id },
      origin: input.origin,
      details: { attachment: attachment.id },
    });
  });
  return (await attachmentsOfReports(database, [attachment.report_id])).get(attachment.report_id) ?? [];
}

/** A Content-Disposition that keeps a Cyrillic name (RFC 6266) with an ASCII fallback for old clients. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
