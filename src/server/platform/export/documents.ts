import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import { csvCell } from './csv.js';

// The documents Senim hands out (the plan's reports for the Government, a
// case summary for a court) share these: DOCX, PDF and XLSX, the fonts, and a
// tabular layout any of them can be written in.

export type DocumentFormat = 'docx' | 'pdf' | 'xlsx';

export const documentMediaType: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A cell a spreadsheet would run as a formula is defused, as in CSV exports. */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? csvCell(value) : value;
}

/** A table cell whose lines stay lines. */
export function docxCell(text: string, bold = false): TableCell {
  return new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) });
}

// Roboto, shipped with pdfmake, has Cyrillic glyphs: Russian and Kazakh text prints as written.
const robotoDir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(robotoDir, 'Roboto-Regular.ttf'),
    bold: join(robotoDir, 'Roboto-Medium.ttf'),
    italics: join(robotoDir, 'Roboto-Italic.ttf'),
    bolditalics: join(robotoDir, 'Roboto-MediumItalic.ttf'),
  },
});
// A report must never fetch anything: no URL, and no file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(robotoDir));

export function createPdf(input: { title: string; content: object[] }): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageOrientation: 'landscape',
      content: input.content,
      defaultStyle: { font: 'Roboto', fontSize: 9 },
      styles: { title: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] }, subtitle: { fontSize: 11, bold: true, margin: [0, 0, 0, 6] }, measure: { bold: true, margin: [0, 10, 0, 4] } },
      info: { title: input.title, creator: 'Senim' },
    })
    .getBuffer();
}

export interface TabularSection {
  heading: string;
  columns: ReadonlyArray<{ heading: string; /** Share of the page width in a PDF, in percent. */ width: number }>;
  rows: string[][];
  /** Said instead of an empty table. */
  empty: string;
}

export interface TabularDocument {
  title: string;
  subtitle: string;
  lines: string[];
  sections: TabularSection[];
}

// Excel refuses these in sheet names, and names longer than 31 characters.
const sheetName = (heading: string): string => heading.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

async function tabularXlsx(document: TabularDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Senim';
  for (const [index, section] of document.sections.entries()) {
    const sheet = workbook.addWorksheet(sheetName(section.heading));
    if (index === 0) {
      sheet.addRow([spreadsheetText(document.subtitle)]).font = { bold: true, size: 13 };
      for (const line of document.lines) {
        sheet.addRow([line]);
      }
      sheet.addRow([]);
    }
    sheet.addRow(section.columns.map((column) => column.heading)).font = { bold: true };
    for (const row of section.rows) {
      sheet.addRow(row.map(spreadsheetText));
    }
    sheet.columns.forEach((column, position) => {
      column.width = Math.max(10, (section.columns[position]?.width ?? 15) * 1.6);
      column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function tabularDocx(document: TabularDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: document.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ text: document.subtitle, heading: HeadingLevel.HEADING_2 }),
    ...document.lines.map((line) => new Paragraph({ text: line })),
  ];
  for (const section of document.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_3 }));
    if (section.rows.length === 0) {
      children.push(new Paragraph({ text: section.empty }));
      continue;
    }
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: section.columns.map((column) => docxCell(column.heading, true)) }),
          ...section.rows.map((row) => new TableRow({ children: row.map((value) => docxCell(value)) })),
        ],
      }),
    );
  }
  return Packer.toBuffer(new Document({ creator: 'Senim', title: document.title, sections: [{ children }] }));
}

function tabularPdf(document: TabularDocument): Promise<Buffer> {
  const content: object[] = [{ text: document.title, style: 'title' }, { text: document.subtitle, style: 'subtitle' }, ...document.lines.map((line) => ({ text: line }))];
  for (const section of document.sections) {
    content.push({ text: section.heading, style: 'measure' });
    if (section.rows.length === 0) {
      content.push({ text: section.empty, italics: true });
      continue;
    }
    content.push({
      table: {
        headerRows: 1,
        widths: section.columns.map((column) => `${column.width}%`),
        body: [section.columns.map((column) => ({ text: column.heading, bold: true })), ...section.rows],
      },
      fontSize: 8,
    });
  }
  return createPdf({ title: document.title, content });
}

export function renderTabularDocument(document: TabularDocument, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return tabularDocx(document);
    case 'pdf':
      return tabularPdf(document);
    case 'xlsx':
      return tabularXlsx(document);
  }
}
