import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

const summaryColumns = ['id', 'report_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

export async function selectAttachmentsOf(db: Executor, reportIds: readonly string[]) {
  if (reportIds.length === 0) {
    return [];
  }
  return db.selectFrom('plan_report_attachments').select(summaryColumns).where('report_id', 'in', reportIds).orderBy('uploaded_at').orderBy('file_name').execute();
}

/** An attachment with what decides who reaches it: the reporting body and the plan's coordinating body. */
export async function selectAttachment(db: Executor, attachmentId: string) {
  return db
    .selectFrom('plan_report_attachments as a')
    .innerJoin('plan_reports as r', 'r.id', 'a.report_id')
    .innerJoin('plan_measures as m', 'm.id', 'r.measure_id')
    .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
    .select(['a.id', 'a.report_id', 'a.file_name', 'a.media_type', 'r.organization_id', 'r.status as report_status', 'p.coordinator_organization_id'])
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
}

export async function selectAttachmentContent(db: Executor, attachmentId: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('plan_report_attachments').select('content').where('id', '=', attachmentId).executeTakeFirst();
  return row?.content ?? null;
}

export async function countAttachments(db: Executor, reportId: string): Promise<number> {
  const row = await db.selectFrom('plan_report_attachments').select((eb) => eb.fn.countAll<string>().as('count')).where('report_id', '=', reportId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertAttachment(
  trx: Transaction<Database>,
  input: { reportId: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; content: Uint8Array; uploadedBy: string },
): Promise<string> {
  const row = await trx
    .insertInto('plan_report_attachments')
    .values({
      report_id: input.reportId,
      file_name: input.fileName,
      media_type: input.mediaType,
      size_bytes: input.sizeBytes,
      sha256: input.sha256,
      content: input.content,
      uploaded_by: input.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAttachment(trx: Transaction<Database>, attachmentId: string): Promise<void> {
  await trx.deleteFrom('plan_report_attachments').where('id', '=', attachmentId).execute();
}
