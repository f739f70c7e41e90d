import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { readConfig } from '../server/config.js';
import { AppError } from '../shared/errors.js';
import { previewPlanImport, type PlanPreview } from '../server/modules/action-plan/plan-preview.service.js';
import { importPlan, listPlans, planCalendar } from '../server/modules/action-plan/plan.service.js';
import { systemActor } from '../server/platform/actor.js';
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
  console.log(`\n${plan.problems.length} to resolve before the import is confirmed (\`senim plan import\` --map a body, --acknowledge the rest by id):`);
  for (const [index, problem] of plan.problems.entries()) {
    console.log(`- P${index + 1}  line ${problem.line ?? '?'}${problem.measureNumber === null ? '' : `, measure ${problem.measureNumber}`}, ${problem.field}: ${problem.message}`);
  }
}

interface CalendarCsvRow {
  measure: number;
  body: string;
  lead: boolean;
  byAgreement: boolean;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

function calendarCsv(rows: CalendarCsvRow[]): string {
  return toCsv(rows, [
    { header: 'measure', value: (row) => row.measure },
    { header: 'body', value: (row) => row.body },
    { header: 'lead', value: (row) => row.lead },
    { header: 'by_agreement', value: (row) => row.byAgreement },
    { header: 'period', value: (row) => row.periodLabel },
    { header: 'period_start', value: (row) => row.periodStart },
    { header: 'period_end', value: (row) => row.periodEnd },
    { header: 'due_date', value: (row) => row.dueDate },
  ]);
}

function readPlanFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function bodyMappingsOf(pairs: string[]): Record<string, string> {
  const mappings: Record<string, string> = {};
  for (const pair of pairs) {
    const separator = pair.lastIndexOf('=');
    if (separator <= 0 || separator === pair.length - 1) {
      throw new Error(`--map "${pair}" must be "body as written in the plan=ORGANIZATION-CODE"`);
    }
    mappings[pair.slice(0, separator).trim()] = pair.slice(separator + 1).trim();
  }
  return mappings;
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
      const text = readPlanFile(file);
      const database = await openConfiguredDatabase(readConfig());
      try {
        const preview = await previewPlanImport({ database, text, language: options.language });
        if (options.format === 'json') {
          console.log(JSON.stringify(preview, null, 2));
        } else if (options.format === 'csv') {
          process.stdout.write(calendarCsv(preview.calendar.map((row) => ({ ...row, body: row.bodyCode ?? row.bodyText }))));
        } else {
          printText(preview);
        }
      } finally {
        await database.close();
      }
    });

  plan
    .command('import')
    .description(
      'Store a plan table. Every problem `plan preview` lists must be resolved first: map each unknown body with ' +
        '--map "as written=CODE", and acknowledge the others (which `plan preview` shows with ids P1, P2...) with --acknowledge.',
    )
    .argument('<file>', 'the plan as a text file')
    .requiredOption('--coordinator <code>', 'organization code of the body that gathers the reports (MJ for the 2009-2011 plan)')
    .option('--map <body=CODE>', 'map a body the plan names to an organization (repeatable)', collect, [])
    .option('--acknowledge <id>', 'accept a listed problem as it is (repeatable): P1, P2...', collect, [])
    .action(async (file: string, options: { coordinator: string; map: string[]; acknowledge: string[] }) => {
      const text = readPlanFile(file);
      const database = await openConfiguredDatabase(readConfig());
      try {
        const imported = await importPlan({
          database,
          actor: systemActor('cli:plan-import'),
          request: { text, coordinatorCode: options.coordinator, bodyMappings: bodyMappingsOf(options.map), acknowledgedProblems: options.acknowledge },
        });
        console.log(`Imported plan ${imported.id} with ${imported.measures} measures.`);
      } catch (error) {
        if (error instanceof AppError && error.code === 'unprocessable' && error.fields.length > 0) {
          console.error(`${error.message}:`);
          for (const field of error.fields) {
            console.error(`  ${field.field.replace(/^problems\./, '')}  ${field.message}`);
          }
          process.exitCode = 2;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });

  plan
    .command('list')
    .description('List the stored plans with their ids')
    .action(async () => {
      const database = await openConfiguredDatabase(readConfig());
      try {
        for (const item of (await listPlans({ database })).items) {
          console.log(`${item.id}  ${item.periodFromYear}-${item.periodToYear}  ${item.measures} measures  coordinator ${item.coordinatorCode}  ${item.title}`);
        }
      } finally {
        await database.close();
      }
    });

  plan
    .command('calendar')
    .description('Print every report due under a stored plan: measure, body, period and due date')
    .argument('<plan>', 'the plan id (see `senim plan list`)')
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('csv'))
    .option('--organization <code>', 'only the reports due from this body')
    .action(async (planId: string, options: { format: 'json' | 'csv'; organization?: string }) => {
      if (!/^[0-9a-f-]{36}$/i.test(planId)) {
        throw new Error(`"${planId}" is not a plan id; \`senim plan list\` shows them`);
      }
      const database = await openConfiguredDatabase(readConfig());
      try {
        const calendar = await planCalendar({ database, planId, organizationCode: options.organization });
        if (options.format === 'json') {
          console.log(JSON.stringify(calendar.items, null, 2));
          return;
        }
        process.stdout.write(calendarCsv(calendar.items.map((row) => ({ ...row, body: row.organizationCode }))));
      } finally {
        await database.close();
      }
    });
}
