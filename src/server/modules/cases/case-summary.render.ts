import type { PersonIdentity } from '../../../shared/person.schemas.js';
import { createPdf } from '../action-plan/report-document.render.js';
import type { CaseSummaryForPrint } from './case-summary.service.js';

// The printable case summary. Kazakh readers get the Russian wording until the
// Kazakh one is reviewed, as with the plan's documents.

const words = {
  ru: {
    title: 'Сводка по делу',
    printed: 'Напечатано',
    confidential: 'Конфиденциально. Не передавать третьим лицам.',
    noIdentity: 'Идентифицирующие данные не включены.',
    identity: 'Личность',
    names: 'Имена',
    birthDate: 'Дата рождения',
    documents: 'Документы',
    case: 'Дело',
    status: 'Статус',
    step: 'Этап',
    region: 'Регион',
    firstContact: 'Первый контакт',
    source: 'Источник направления',
    age: 'Возраст',
    child: 'Ребёнок (или возраст не установлен)',
    citizenship: 'Гражданство',
    decisions: 'Решения об идентификации',
    decisionDue: 'Срок решения',
    referrals: 'Направления',
    services: 'План помощи',
    closure: 'Закрытие',
    consents: 'Согласия',
    none: 'нет',
    yes: 'да',
    no: 'нет',
    withdrawn: 'отозвано',
  },
  en: {
    title: 'Case summary',
    printed: 'Printed',
    confidential: 'Confidential. Do not pass on to third parties.',
    noIdentity: 'Identifying data not included.',
    identity: 'Identity',
    names: 'Names',
    birthDate: 'Birth date',
    documents: 'Documents',
    case: 'Case',
    status: 'Status',
    step: 'Step',
    region: 'Region',
    firstContact: 'First contact',
    source: 'Referral source',
    age: 'Age',
    child: 'Child (or age uncertain)',
    citizenship: 'Citizenship',
    decisions: 'Identification decisions',
    decisionDue: 'Decision due',
    referrals: 'Referrals',
    services: 'Assistance plan',
    closure: 'Closure',
    consents: 'Consents',
    none: 'none',
    yes: 'yes',
    no: 'no',
    withdrawn: 'withdrawn',
  },
} as const;

const humanize = (code: string) => code.replaceAll('_', ' ');

function identityLines(identity: PersonIdentity, w: (typeof words)['ru' | 'en']): string[] {
  const names = identity.names.map((name) => [name.family, name.given, name.patronymic].filter(Boolean).join(' ') + ` (${name.kind}, ${name.basis})`);
  return [
    `${w.names}: ${names.length > 0 ? names.join('; ') : w.none}`,
    `${w.birthDate}: ${identity.birthDate ? `${identity.birthDate.value} (${identity.birthDate.basis})` : w.none}`,
    `${w.documents}: ${identity.documents.length > 0 ? identity.documents.map((document) => `${document.type} ${document.number} (${document.heldBy})`).join('; ') : w.none}`,
  ];
}

export async function renderCaseSummaryPdf(print: CaseSummaryForPrint): Promise<Buffer> {
  const w = words[print.language === 'en' ? 'en' : 'ru'];
  const { detail } = print;
  const { summary } = detail;
  const organization = (id: string) => print.organizationNames.get(id) ?? id;
  const table = (rows: string[][]) => (rows.length === 0 ? { text: w.none, italics: true } : { table: { headerRows: 0, widths: rows[0]?.map(() => '*') ?? [], body: rows }, layout: 'lightHorizontalLines' });
  const content: object[] = [
    { text: `${w.title} ${summary.code}`, style: 'title' },
    { text: `${w.printed}: ${print.printedAt.slice(0, 16).replace('T', ' ')} UTC. ${w.confidential}`, italics: true, margin: [0, 0, 0, 8] },
    { text: w.identity, style: 'subtitle' },
    ...(print.identity ? identityLines(print.identity, w).map((line) => ({ text: line })) : [{ text: w.noIdentity, italics: true }]),
    { text: w.case, style: 'subtitle', margin: [0, 10, 0, 6] },
    table([
      [w.status, humanize(summary.status), w.step, humanize(summary.step)],
      [w.region, summary.regionCode, w.firstContact, summary.firstContactDate],
      [w.source, humanize(summary.referralSource), w.citizenship, summary.citizenship],
      [w.age, summary.ageYears === null ? w.none : `${summary.ageYears} (${summary.ageBasis})`, w.child, summary.child ? w.yes : w.no],
      [w.decisionDue, detail.decisionDueOn, '', ''],
    ]),
    { text: w.consents, style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.consents.map((consent) => [
        humanize(consent.scope),
        consent.organizationId ? organization(consent.organizationId) : '',
        consent.given ? w.yes : w.no,
        consent.withdrawnAt ? `${w.withdrawn} ${consent.withdrawnAt.slice(0, 10)}` : consent.recordedAt.slice(0, 10),
      ]),
    ),
    { text: w.decisions, style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.decisions.map((decision) => [
        decision.decidedAt.slice(0, 10),
        organization(decision.organizationId),
        humanize(decision.outcome),
        decision.exploitationForms.map(humanize).join(', '),
        decision.reasons,
      ]),
    ),
    { text: w.referrals, style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.referrals.map((referral) => [
        referral.requestedAt.slice(0, 10),
        organization(referral.toOrganizationId),
        referral.serviceTypes.map(humanize).join(', '),
        humanize(referral.status),
        referral.declineReason ?? '',
      ]),
    ),
    { text: w.services, style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.services.map((service) => [
        humanize(service.serviceType),
        organization(service.providerOrganizationId),
        humanize(service.status),
        [service.plannedFrom, service.plannedTo].filter(Boolean).join(' – '),
        service.deliveredOn ?? '',
      ]),
    ),
    { text: w.closure, style: 'subtitle', margin: [0, 10, 0, 6] },
    detail.closure ? { text: `${detail.closure.closedAt.slice(0, 10)}: ${humanize(detail.closure.outcome)}${detail.closure.reason ? ` (${detail.closure.reason})` : ''}` } : { text: w.none, italics: true },
  ];
  return createPdf({ title: `${w.title} ${summary.code}`, content });
}
