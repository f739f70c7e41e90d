import type { z } from 'zod';
import type { publishedReportSchema } from '../../../shared/commission.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { SenimDatabase } from '../../db/database.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { renderConsolidatedReport } from '../action-plan/consolidated-report.render.js';
import { buildConsolidatedReport } from '../action-plan/plan-report.service.js';
import { insertReport, selectReportContent, selectReports } from './commission.repo.js';
import { requireManageable } from './commission.service.js';
import { publishedReport } from './commission.view.js';

/**
 * The working body publishes the consolidated report on the commission's
 * decisions by a reporting date: the document is frozen as it stands (PDF)
 * and anyone may read it from then on. Publishing a date and language twice
 * is refused; the first stays what the public saw.
 */
export async function publishConsolidatedReport(input: {
  database: SenimDatabase;
  actor: UserActor;
  commissionId: string;
  reportingDate: string;
  language: 'ru' | 'en';
  origin: RequestOrigin;
}): Promise<z.infer<typeof publishedReportSchema>> {
  const { database, actor } = input;
  requirePermission(actor, 'plan_reports.review');
  const commission = await requireManageable(database, actor, input.commissionId);
  const report = await buildConsolidatedReport({ database, actor, planId: commission.decisions_plan_id, reportingDate: input.reportingDate, language: input.language });
  const content = await renderConsolidatedReport(report, 'pdf');
  const reportId = await database.db.transaction().execute(async (trx) => {
    const id = await insertReport(trx, { commissionId: commission.id, reportingDate: input.reportingDate, language: input.language, content, publishedBy: actor.userId });
    if (id === '') {
      throw new AppError('conflict', `The report by ${input.reportingDate} in this language is already published`);
    }
    await recordAudit(trx, {
      actor,
      action: 'commission.report_published',
      record: { type: 'commission_report', id },
      origin: input.origin,
      details: { commissionId: commission.id, reportingDate: input.reportingDate, language: input.language, bytes: content.length },
    });
    return id;
  });
  const published = (await selectReports(database.db, [commission.id])).find((row) => row.id === reportId);
  if (!published) {
    throw new Error('the published report vanished');
  }
  return publishedReport(published);
}

/** A published report, for anyone. */
export async function readPublishedReport(input: { database: SenimDatabase; reportId: string }): Promise<{ content: Buffer; fileName: string }> {
  const row = await selectReportContent(input.database.db, input.reportId);
  if (!row) {
    throw new AppError('not_found', 'No such published report');
  }
  return { content: Buffer.from(row.content), fileName: `commission-report-${row.reporting_date}-${row.language}.pdf` };
}
