// The consolidated report a coordinating body sends the Government by a
// reporting date: every measure, every body's submission, and the gaps named.
// A plain model built from plain data; the renderers only lay it out.

export type ConsolidationLanguage = 'ru' | 'en';

export interface ConsolidatedSubmission {
  organizationCode: string;
  organizationName: string;
  lead: boolean;
  periodLabel: string;
  dueDate: string;
  /** missing: nothing sent; draft: written, not sent; returned: sent back for revision, not yet resubmitted. */
  reportStatus: 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted';
  late: boolean;
  workStatus: 'done' | 'in_progress' | 'not_started' | 'cannot_be_done' | null;
  narrative: string | null;
  cannotReason: string | null;
  /** Names of the files attached to the report. */
  attachments: string[];
  indicators: { peopleTrained: number | null; eventsHeld: number | null; cases: number | null; moneySpentThousandsKzt: number | null };
}

export interface ConsolidatedMeasure {
  number: number;
  action: string;
  submissions: ConsolidatedSubmission[];
}

export interface ConsolidatedReport {
  planTitle: string;
  coordinator: string;
  reportingDate: string;
  /** Reports counted are those due after this date and on or before the reporting date. */
  periodFrom: string;
  language: ConsolidationLanguage;
  measures: ConsolidatedMeasure[];
  totals: { due: number; received: number; accepted: number; missing: number; late: number };
}

/** Only what was sent counts as received; a draft or a returned report is a gap. */
export function isReceived(submission: Pick<ConsolidatedSubmission, 'reportStatus'>): boolean {
  return submission.reportStatus === 'submitted' || submission.reportStatus === 'accepted';
}

export function totalsOf(measures: readonly ConsolidatedMeasure[]): ConsolidatedReport['totals'] {
  const all = measures.flatMap((measure) => measure.submissions);
  return {
    due: all.length,
    received: all.filter(isReceived).length,
    accepted: all.filter((submission) => submission.reportStatus === 'accepted').length,
    missing: all.filter((submission) => !isReceived(submission)).length,
    late: all.filter((submission) => submission.late).length,
  };
}

/** The reporting date six months earlier: consolidation runs on 20 January and 20 July. */
export function previousReportingDate(reportingDate: string): string {
  const [year, month, day] = reportingDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1 - 6, day));
  return date.toISOString().slice(0, 10);
}

const words = {
  ru: {
    title: 'Сводная информация о выполнении Плана мероприятий',
    coordinator: 'Координирующий орган',
    reportingDate: 'Отчётная дата',
    covers: 'Учтены отчёты со сроком представления',
    totals: 'Итого',
    due: 'ожидалось отчётов',
    received: 'получено',
    accepted: 'принято',
    missing: 'не получено',
    late: 'с опозданием',
    measure: 'Мероприятие',
    body: 'Орган',
    lead: 'ответственный исполнитель',
    period: 'Период',
    dueDate: 'Срок',
    status: 'Состояние',
    work: 'Исполнение',
    narrative: 'Что сделано',
    indicators: 'Показатели',
    gaps: 'Не представлено',
    noGaps: 'Все отчёты получены.',
    noReports: 'Отчётов за этот период не ожидалось.',
    reportStatus: { missing: 'не представлен', draft: 'не отправлен (черновик)', submitted: 'представлен', returned: 'возвращён на доработку', accepted: 'принят' },
    workStatus: { done: 'выполнено', in_progress: 'в процессе', not_started: 'не начато', cannot_be_done: 'невозможно выполнить' },
    lateMark: 'с опозданием',
    peopleTrained: 'обучено человек',
    eventsHeld: 'мероприятий',
    cases: 'случаев',
    money: 'израсходовано, тыс. тенге',
    reason: 'причина',
    attachments: 'Приложения',
  },
  en: {
    title: 'Consolidated report on the implementation of the Action Plan',
    coordinator: 'Coordinating body',
    reportingDate: 'Reporting date',
    covers: 'Reports due',
    totals: 'Totals',
    due: 'reports due',
    received: 'received',
    accepted: 'accepted',
    missing: 'not received',
    late: 'late',
    measure: 'Measure',
    body: 'Body',
    lead: 'lead',
    period: 'Period',
    dueDate: 'Due',
    status: 'Status',
    work: 'Implementation',
    narrative: 'What was done',
    indicators: 'Indicators',
    gaps: 'Not received',
    noGaps: 'Every report was received.',
    noReports: 'No report was due for this period.',
    reportStatus: { missing: 'not submitted', draft: 'not sent (draft)', submitted: 'submitted', returned: 'returned for revision', accepted: 'accepted' },
    workStatus: { done: 'done', in_progress: 'in progress', not_started: 'not started', cannot_be_done: 'cannot be done' },
    lateMark: 'late',
    peopleTrained: 'people trained',
    eventsHeld: 'events held',
    cases: 'cases',
    money: 'spent, thousand KZT',
    reason: 'reason',
    attachments: 'Attachments',
  },
} as const;

export function wordsFor(language: ConsolidationLanguage) {
  return words[language];
}

export function describeIndicators(submission: ConsolidatedSubmission, language: ConsolidationLanguage): string {
  const w = words[language];
  const { indicators } = submission;
  return [
    indicators.peopleTrained === null ? null : `${w.peopleTrained}: ${indicators.peopleTrained}`,
    indicators.eventsHeld === null ? null : `${w.eventsHeld}: ${indicators.eventsHeld}`,
    indicators.cases === null ? null : `${w.cases}: ${indicators.cases}`,
    indicators.moneySpentThousandsKzt === null ? null : `${w.money}: ${indicators.moneySpentThousandsKzt}`,
  ]
    .filter((part): part is string => part !== null)
    .join('; ');
}

/** What the body wrote, with the names of the files it attached; nothing for a report not received. */
export function describeNarrative(submission: ConsolidatedSubmission, language: ConsolidationLanguage): string {
  if (!isReceived(submission)) {
    return '';
  }
  const files = submission.attachments.length === 0 ? '' : `\n${words[language].attachments}: ${submission.attachments.join(', ')}`;
  return `${submission.narrative ?? ''}${files}`;
}

export function describeStatus(submission: ConsolidatedSubmission, language: ConsolidationLanguage): string {
  const w = words[language];
  return `${w.reportStatus[submission.reportStatus]}${submission.late ? `, ${w.lateMark}` : ''}`;
}

export function describeWork(submission: ConsolidatedSubmission, language: ConsolidationLanguage): string {
  const w = words[language];
  if (!isReceived(submission) || submission.workStatus === null) {
    return '';
  }
  const work = w.workStatus[submission.workStatus];
  return submission.cannotReason ? `${work} (${w.reason}: ${submission.cannotReason})` : work;
}
