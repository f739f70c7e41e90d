import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('MJ, MIA')).toBe('"MJ, MIA"');
    expect(csvCell('the "Healthy Choice" NGO')).toBe('"the ""Healthy Choice"" NGO"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvCell('+7 701 555 12 34')).toBe("'+7 701 555 12 34");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes a header and one line per row', () => {
    const csv = toCsv([{ measure: 5, due: '2009-04-20' }], [
      { header: 'measure', value: (row) => row.measure },
      { header: 'due', value: (row) => row.due },
    ]);
    expect(csv).toBe('measure,due\r\n5,2009-04-20\r\n');
  });
});
