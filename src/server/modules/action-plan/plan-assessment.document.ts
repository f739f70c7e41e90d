import type { AssessmentLanguage, Fulfilment, MoneyByYear, PlanAssessment } from './plan-assessment.js';
import type { TabularDocument } from '../../platform/export/documents.js';

const words = {
  ru: {
    title: 'Оценка выполнения Плана мероприятий',
    coordinator: 'Координирующий орган',
    period: 'Период плана',
    assessedOn: 'Учтены отчёты со сроком по',
    totals: 'Мероприятий',
    fulfilmentHeading: 'Выполнение по мероприятиям',
    moneyHeading: 'Средства: смета и израсходовано',
    gapsHeading: 'Не представлено',
    measure: 'Мероприятие',
    body: 'Орган',
    lead: 'ответственный исполнитель',
    fulfilment: 'Выполнение',
    reports: 'Отчётов получено / ожидалось',
    year: 'Год',
    estimate: 'Смета, тыс. тенге',
    spent: 'Израсходовано, тыс. тенге',
    noYear: 'без года',
    wholePlan: 'Весь план',
    notEstimated: '—',
    periodLabel: 'Период',
    dueDate: 'Срок',
    noGaps: 'Все отчёты получены.',
    noMeasures: 'В плане нет мероприятий.',
    noMoney: 'Средства не предусмотрены и не израсходованы.',
    fulfilments: { done: 'выполнено', partly: 'выполнено частично', not_done: 'не выполнено', never_reported: 'отчёты не представлены' },
  },
  en: {
    title: 'Assessment of the implementation of the Action Plan',
    coordinator: 'Coordinating body',
    period: 'Plan period',
    assessedOn: 'Reports due up to',
    totals: 'Measures',
    fulfilmentHeading: 'Fulfilment by measure',
    moneyHeading: 'Money: estimate and spent',
    gapsHeading: 'Never reported',
    measure: 'Measure',
    body: 'Body',
    lead: 'lead',
    fulfilment: 'Fulfilment',
    reports: 'Reports received / due',
    year: 'Year',
    estimate: 'Estimate, thousand KZT',
    spent: 'Spent, thousand KZT',
    noYear: 'no year',
    wholePlan: 'Whole plan',
    notEstimated: '—',
    periodLabel: 'Period',
    dueDate: 'Due',
    noGaps: 'Every report was received.',
    noMeasures: 'The plan has no measures.',
    noMoney: 'No money was estimated or spent.',
    fulfilments: { done: 'done', partly: 'partly done', not_done: 'not done', never_reported: 'never reported' },
  },
} as const;

export function fulfilmentWord(fulfilment: Fulfilment, language: AssessmentLanguage): string {
  return words[language].fulfilments[fulfilment];
}

function moneyRow(label: string, row: MoneyByYear, language: AssessmentLanguage): string[] {
  const w = words[language];
  const amount = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return [label, row.year === null ? w.noYear : String(row.year), row.estimateThousandsKzt === null ? w.notEstimated : amount.format(row.estimateThousandsKzt), amount.format(row.spentThousandsKzt)];
}

const hasMoney = (row: MoneyByYear): boolean => row.estimateThousandsKzt !== null || row.spentThousandsKzt > 0;

/** The assessment laid out as the Government receives it: fulfilment, money, and what never came in. */
export function assessmentDocument(assessment: PlanAssessment): TabularDocument {
  const w = words[assessment.language];
  const t = assessment.totals;
  const fulfilments = (['done', 'partly', 'not_done', 'never_reported'] as const).map((fulfilment) => `${w.fulfilments[fulfilment]} ${t[fulfilment]}`).join(', ');
  return {
    title: w.title,
    subtitle: assessment.planTitle,
    lines: [
      `${w.coordinator}: ${assessment.coordinator}`,
      `${w.period}: ${assessment.periodFromYear}–${assessment.periodToYear}`,
      `${w.assessedOn}: ${assessment.assessedOn}`,
      `${w.totals}: ${t.measures}; ${fulfilments}`,
    ],
    sections: [
      {
        heading: w.fulfilmentHeading,
        columns: [
          { heading: w.measure, width: 36 },
          { heading: w.fulfilment, width: 14 },
          { heading: w.body, width: 30 },
          { heading: w.reports, width: 20 },
        ],
        rows: assessment.measures.flatMap((measure) =>
          measure.bodies.length === 0
            ? [[`${measure.number}. ${measure.action}`, fulfilmentWord(measure.fulfilment, assessment.language), '', '']]
            : measure.bodies.map((body, index) => [
                index === 0 ? `${measure.number}. ${measure.action}` : '',
                index === 0 ? fulfilmentWord(measure.fulfilment, assessment.language) : '',
                `${body.organizationName}${body.lead ? ` (${w.lead})` : ''}: ${fulfilmentWord(body.fulfilment, assessment.language)}`,
                `${body.reportsReceived} / ${body.reportsDue}`,
              ]),
        ),
        empty: w.noMeasures,
      },
      {
        heading: w.moneyHeading,
        columns: [
          { heading: w.measure, width: 40 },
          { heading: w.year, width: 14 },
          { heading: w.estimate, width: 23 },
          { heading: w.spent, width: 23 },
        ],
        rows: [
          ...assessment.measures.flatMap((measure) => measure.money.filter(hasMoney).map((row) => moneyRow(`${measure.number}. ${measure.action}`, row, assessment.language))),
          ...assessment.money.filter(hasMoney).map((row) => moneyRow(w.wholePlan, row, assessment.language)),
        ],
        empty: w.noMoney,
      },
      {
        heading: w.gapsHeading,
        columns: [
          { heading: w.measure, width: 15 },
          { heading: w.body, width: 50 },
          { heading: w.periodLabel, width: 17 },
          { heading: w.dueDate, width: 18 },
        ],
        rows: assessment.neverReported.map((gap) => [String(gap.measure), gap.organizationName, gap.periodLabel, gap.dueDate]),
        empty: w.noGaps,
      },
    ],
  };
}
