import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { readConfig } from '../server/config.js';
import { previewPlanImport, type PlanPreview } from '../server/modules/action-plan/plan-preview.service.js';
import { toCsv } from '../server/platform/export/csv.js';
import { openConfiguredDatabase } from '../server/runtime.js';

function printText(preview: PlanPreview): void {
  const { plan } = preview;
  console.log(`${plan.title}`);
  console.log(`Period: ${plan.periodFromYear ?? '?'}-${plan.periodToYear ?? '?'}; ${plan.measures.length} measures; ${preview.calendar.length} due reports.`);
  for (const measure of plan.measures) {
    const bodies = measure.responsible
      .map((body) => `${body.bodyCode ?? `?${body.text}`}${body.lead ? ' (lead)' : ''}${body.byAgreement ? ' (by agreement)' : ''}`)
      .join(', ');
    const deadline = preview.deadlines.find((entry) => entry.measure === measure.number);
    const reports = preview.calendar.filter((entry) => entry.measure === measure.number && entry.lead).length;
    console.log(`\n${measure.number}. ${measure.action}`);
    console.log(`   Responsible: ${bodies}`);
    console.log(`   Deadline: "${measure.deadlineText}" -> ${deadline?.described ?? 'NOT UNDERSTOOD'} (${reports} ${reports === 1 ? 'report' : 'reports'})`);
    console.log(`   Costs: ${measure.costsText || '-'}; funding: ${measure.fundingSources.join(', ') || '-'}${measure.budgetProgrammes.length > 0 ? `; programmes ${measure.budgetProgrammes.join(', ')}` : ''}`);
  }
  console.log(`\n${plan.problems.length} to resolve before the import is confirmed:`);
  for (const problem of plan.problems) {
    console.log(`- line ${problem.line ?? '?'}${problem.measureNumber === null ? '' : `, measure ${problem.measureNumber}`}, ${problem.field}: ${problem.message}`);
  }
}

export function registerPlanCommand(program: Command): void {
  const plan = program.command('plan').description('Action Plan tables');
  plan
    .command('preview')
    .description(
      'Read a plan table laid out like the 2009-2011 Action Plan (tab-separated) and show, without storing anything, ' +
        'its measures, responsible bodies, deadlines, the reporting calendar and everything that needs a person to resolve.',
    )
    .argument('<file>', 'the plan as a text file')
    .addOption(new Option('--format <format>', 'text: readable summary; json: everything; csv: every due report').choices(['text', 'json', 'csv']).default('text'))
    .addOption(new Option('--language <language>', 'language of deadline descriptions').choices(['en', 'ru']).default('en'))
    .action(async (file: string, options: { format: 'text' | 'json' | 'csv'; language: 'en' | 'ru' }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
      }
      const database = await openConfiguredDatabase(readConfig());
      try {
        const preview = await previewPlanImport({ database, text, language: options.language });
        if (options.format === 'json') {
          console.log(JSON.stringify(preview, null, 2));
        } else if (options.format === 'csv') {
          process.stdout.write(
            toCsv(preview.calendar, [
              { header: 'measure', value: (row) => row.measure },
              { header: 'body', value: (row) => row.bodyCode ?? row.bodyText },
              { header: 'lead', value: (row) => row.lead },
              { header: 'by_agreement', value: (row) => row.byAgreement },
              { header: 'period', value: (row) => row.periodLabel },
              { header: 'period_start', value: (row) => row.periodStart },
              { header: 'period_end', value: (row) => row.periodEnd },
              { header: 'due_date', value: (row) => row.dueDate },
            ]),
          );
        } else {
          printText(preview);
        }
      } finally {
        await database.close();
      }
    });
}
