import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import {
  describeIndicators,
  describeNarrative,
  describeStatus,
  describeWork,
  isReceived,
  wordsFor,
  type ConsolidatedReport,
  type ConsolidatedSubmission,
} from './consolidated-report.js';
import { createPdf, docxCell as cell, documentMediaType, spreadsheetText as text, type DocumentFormat } from '../../platform/export/documents.js';

export type ConsolidationFormat = DocumentFormat;

export const consolidationMediaType = documentMediaType;

function headerLines(report: ConsolidatedReport): string[] {
  const w = wordsFor(report.language);
  const t = report.totals;
  return [
    `${w.coordinator}: ${report.coordinator}`,
    `${w.reportingDate}: ${report.reportingDate}`,
    `${w.covers}: ${report.periodFrom} – ${report.reportingDate}`,
    `${w.totals}: ${w.due} ${t.due}, ${w.received} ${t.received}, ${w.accepted} ${t.accepted}, ${w.missing} ${t.missing}, ${w.late} ${t.late}`,
  ];
}

function bodyLabel(submission: ConsolidatedSubmission, language: ConsolidatedReport['language']): string {
  return `${submission.organizationName}${submission.lead ? ` (${wordsFor(language).lead})` : ''}`;
}

export async function renderXlsx(report: ConsolidatedReport): Promise<Buffer> {
  const w = wordsFor(report.language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Senim';
  const sheet = workbook.addWorksheet(w.measure);
  sheet.addRow([report.planTitle]).font = { bold: true, size: 13 };
  for (const line of headerLines(report)) {
    sheet.addRow([line]);
  }
  sheet.addRow([]);
  const header = sheet.addRow([w.measure, w.body, w.period, w.dueDate, w.status, w.work, w.narrative, w.indicators]);
  header.font = { bold: true };
  for (const measure of report.measures) {
    for (const submission of measure.submissions) {
      sheet.addRow([
        `${measure.number}. ${text(measure.action)}`,
        text(bodyLabel(submission, report.language)),
        submission.periodLabel,
        submission.dueDate,
        describeStatus(submission, report.language),
        describeWork(submission, report.language),
        text(describeNarrative(submission, report.language)),
        describeIndicators(submission, report.language),
      ]);
    }
  }
  sheet.columns.forEach((column, index) => {
    column.width = [40, 30, 10, 12, 24, 20, 60, 40][index] ?? 20;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  const gaps = workbook.addWorksheet(w.gaps);
  gaps.addRow([w.measure, w.body, w.period, w.dueDate, w.status]).font = { bold: true };
  for (const measure of report.measures) {
    for (const submission of measure.submissions.filter((entry) => !isReceived(entry))) {
      gaps.addRow([measure.number, text(bodyLabel(submission, report.language)), submission.periodLabel, submission.dueDate, describeStatus(submission, report.language)]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function renderDocx(report: ConsolidatedReport): Promise<Buffer> {
  const w = wordsFor(report.language);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: w.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ text: report.planTitle, heading: HeadingLevel.HEADING_2 }),
    ...headerLines(report).map((line) => new Paragraph({ text: line })),
  ];
  for (const measure of report.measures) {
    children.push(new Paragraph({ text: `${w.measure} ${measure.number}. ${measure.action}`, heading: HeadingLevel.HEADING_3 }));
    if (measure.submissions.length === 0) {
      children.push(new Paragraph({ text: w.noReports }));
      continue;
    }
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: [w.body, w.period, w.dueDate, w.status, w.narrative, w.indicators].map((heading) => cell(heading, true)) }),
          ...measure.submissions.map(
            (submission) =>
              new TableRow({
                children: [
                  cell(bodyLabel(submission, report.language)),
                  cell(submission.periodLabel),
                  cell(submission.dueDate),
                  cell([describeStatus(submission, report.language), describeWork(submission, report.language)].filter(Boolean).join('; ')),
                  cell(describeNarrative(submission, report.language)),
                  cell(describeIndicators(submission, report.language)),
                ],
              }),
          ),
        ],
      }),
    );
  }
  children.push(new Paragraph({ text: w.gaps, heading: HeadingLevel.HEADING_2 }));
  const gaps = report.measures.flatMap((measure) => measure.submissions.filter((entry) => !isReceived(entry)).map((entry) => ({ measure, entry })));
  if (gaps.length === 0) {
    children.push(new Paragraph({ text: w.noGaps }));
  }
  for (const { measure, entry } of gaps) {
    children.push(new Paragraph({ text: `${w.measure} ${measure.number}: ${bodyLabel(entry, report.language)}, ${entry.periodLabel} (${w.dueDate.toLowerCase()} ${entry.dueDate}): ${describeStatus(entry, report.language)}`, bullet: { level: 0 } }));
  }
  const document = new Document({ creator: 'Senim', title: w.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

export async function renderPdf(report: ConsolidatedReport): Promise<Buffer> {
  const w = wordsFor(report.language);
  const content: object[] = [
    { text: w.title, style: 'title' },
    { text: report.planTitle, style: 'subtitle' },
    ...headerLines(report).map((line) => ({ text: line })),
  ];
  for (const measure of report.measures) {
    content.push({ text: `${w.measure} ${measure.number}. ${measure.action}`, style: 'measure' });
    if (measure.submissions.length === 0) {
      content.push({ text: w.noReports, italics: true });
      continue;
    }
    content.push({
      table: {
        headerRows: 1,
        widths: ['18%', '8%', '10%', '16%', '30%', '18%'],
        body: [
          [w.body, w.period, w.dueDate, w.status, w.narrative, w.indicators].map((heading) => ({ text: heading, bold: true })),
          ...measure.submissions.map((submission) => [
            bodyLabel(submission, report.language),
            submission.periodLabel,
            submission.dueDate,
            [describeStatus(submission, report.language), describeWork(submission, report.language)].filter(Boolean).join('; '),
            describeNarrative(submission, report.language),
            describeIndicators(submission, report.language),
          ]),
        ],
      },
      fontSize: 8,
    });
  }
  return createPdf({ title: w.title, content });
}

export async function renderConsolidatedReport(report: ConsolidatedReport, format: ConsolidationFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(report);
    case 'pdf':
      return renderPdf(report);
    case 'xlsx':
      return renderXlsx(report);
  }
}
