import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { readConfig } from '../server/config.js';
import { importProceedings, type ProceedingImportReport } from '../server/modules/justice/proceeding-import.js';
import { systemActor } from '../server/platform/actor.js';
import { openConfiguredDatabase } from '../server/runtime.js';
import { todayInKazakhstan } from '../shared/kazakhstan-calendar.js';

function readExport(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}

function printReport(file: string, report: ProceedingImportReport): void {
  console.log(`${file}: ${report.rows} ${report.rows === 1 ? 'row' : 'rows'}: ${report.created} created, ${report.advanced} advanced, ${report.unchanged} unchanged, ${report.rejected.length} rejected.`);
  if (report.ignoredColumns.length > 0) {
    console.log(`Columns left aside: ${report.ignoredColumns.join(', ')}.`);
  }
  for (const rejection of report.rejected) {
    console.log(`  line ${rejection.line}  ${rejection.registerNumber ?? '-'}  ${rejection.problem}: ${rejection.reason}`);
  }
}

export function registerJusticeCommand(program: Command): void {
  const justice = program.command('justice').description('Criminal proceedings');
  justice
    .command('import')
    .description(
      'Load criminal proceedings from an export of the Committee for Legal Statistics (CSV, UTF-8, comma or semicolon; ' +
        'columns in docs/justice-import.md). Idempotent by register number: a later export adds the stages and the court’s ' +
        'qualification reached since, and never overwrites. Every rejected row is listed with its line and reason; the exit ' +
        'code is non-zero only when the file cannot be read.',
    )
    .argument('<file>', 'the export as a CSV file')
    .addOption(new Option('--format <format>', 'text: a summary and every rejected row; json: the same as data').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: { format: 'text' | 'json' }) => {
      const text = readExport(file);
      const database = await openConfiguredDatabase(readConfig());
      try {
        const report = await importProceedings({ database, actor: systemActor('cli:justice-import'), text, source: basename(file), today: todayInKazakhstan() });
        if (options.format === 'json') {
          console.log(JSON.stringify(report, null, 2));
        } else {
          printReport(file, report);
        }
      } finally {
        await database.close();
      }
    });
}
