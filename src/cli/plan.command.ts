import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { readConfig } from '../server/config.js';
import { AppError } from '../shared/errors.js';
import { previewPlanImport, type PlanPreview } from '../server/modules/action-plan/plan-preview.service.js';
import { allReminders } from '../server/modules/action-plan/plan-followup.service.js';
import { DEFAULT_REMINDER_LEAD_DAYS } from '../server/modules/action-plan/plan-reminders.js';
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

function isPlanId(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
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
    .addOption(new Option('--level <level>', 'national, or regional: an akimat’s plan under a national one').choices(['national', 'regional']).default('national'))
    .option('--parent <planId>', 'for a regional plan: the national plan it carries out (see `senim plan list`)')
    .action(async (file: string, options: { coordinator: string; map: string[]; acknowledge: string[]; level: 'national' | 'regional'; parent?: string }) => {
      if (options.parent !== undefined && !isPlanId(options.parent)) {
        throw new Error(`--parent "${options.parent}" is not a plan id; \`senim plan list\` shows them`);
      }
      const text = readPlanFile(file);
      const database = await openConfiguredDatabase(readConfig());
      try {
        const imported = await importPlan({
          database,
          actor: systemActor('cli:plan-import'),
          request: {
            text,
            coordinatorCode: options.coordinator,
            bodyMappings: bodyMappingsOf(options.map),
            acknowledgedProblems: options.acknowledge,
            level: options.level,
            parentPlanId: options.parent ?? null,
          },
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
        for (const item of (await listPlans({ database, actor: systemActor('cli:plan-list') })).items) {
          const standing = `${item.level}${item.parentPlanId === null ? '' : ` under ${item.parentPlanId}`}${item.status === 'draft' ? ', DRAFT' : ''}`;
          console.log(`${item.id}  ${item.periodFromYear}-${item.periodToYear}  ${standing}  ${item.measures} measures  coordinator ${item.coordinatorCode}  ${item.title}`);
        }
      } finally {
        await database.close();
      }
    });

  plan
    .command('remind')
    .description(
      'Print the reminders of every plan in force: reports due within the lead days and reports overdue, per measure, body and period. ' +
        'Nothing is mailed; the same list shows in the application.',
    )
    .option('--date <date>', 'the day to remind on (YYYY-MM-DD); today in Kazakhstan by default')
    .option('--lead-days <days>', 'how many days before a due date to remind', String(DEFAULT_REMINDER_LEAD_DAYS))
    .addOption(new Option('--format <format>', 'text or csv').choices(['text', 'csv']).default('text'))
    .action(async (options: { date?: string; leadDays: string; format: 'text' | 'csv' }) => {
      if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
        throw new Error(`--date "${options.date}" must be written YYYY-MM-DD`);
      }
      const leadDays = Number(options.leadDays);
      if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > 90) {
        throw new Error('--lead-days must be a whole number from 0 to 90');
      }
      const database = await openConfiguredDatabase(readConfig());
      try {
        const reminders = await allReminders({ database, leadDays, on: options.date });
        if (options.format === 'csv') {
          process.stdout.write(
            toCsv(reminders.items, [
              { header: 'plan', value: (row) => row.planId },
              { header: 'kind', value: (row) => row.kind },
              { header: 'days', value: (row) => row.days },
              { header: 'measure', value: (row) => row.measure },
              { header: 'body', value: (row) => row.organizationCode },
              { header: 'period', value: (row) => row.periodLabel },
              { header: 'due_date', value: (row) => row.dueDate },
              { header: 'report_status', value: (row) => row.reportStatus },
            ]),
          );
          return;
        }
        console.log(`${reminders.items.length} reminders on ${reminders.on} (due within ${reminders.leadDays} days, or overdue):`);
        for (const item of reminders.items) {
          const when = item.kind === 'overdue' ? `OVERDUE by ${item.days} days` : item.days === 0 ? 'due TODAY' : `due in ${item.days} days`;
          console.log(`- ${item.organizationCode}: measure ${item.measure}, ${item.periodLabel}, due ${item.dueDate}: ${when} (${item.reportStatus}); ${item.planTitle}`);
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
      if (!isPlanId(planId)) {
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
