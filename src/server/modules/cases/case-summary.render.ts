import type { TFunction } from 'i18next';
import { citizenshipName } from '../../../shared/i18n/citizenship-name.js';
import { identityInWords } from '../../../shared/i18n/identity-in-words.js';
import type { PersonIdentity } from '../../../shared/person.schemas.js';
import { printedWordsIn } from '../../platform/printed-words.js';
import { createPdf } from '../../platform/export/documents.js';
import type { CaseSummaryForPrint } from './case-summary.service.js';

// The printable case summary, in the reader's language with the interface's
// words: labels and every recorded value (status, step, forms of exploitation,
// services...) read as they do on the case page.

function identityLines(identity: PersonIdentity, t: TFunction): string[] {
  const none = t('caseSummary.none');
  const words = identityInWords(identity, t);
  const listed = (items: string[], separator: string) => (items.length > 0 ? items.join(separator) : none);
  return [
    `${t('caseSummary.names')}: ${listed(words.names, '; ')}`,
    `${t('caseSummary.birthDate')}: ${words.birthDate ?? none}`,
    `${t('caseSummary.citizenship')}: ${listed(words.citizenships, ', ')}`,
    `${t('caseSummary.documents')}: ${listed(words.documents, '; ')}`,
  ];
}

/** What the summary says, as pdfmake content: a plain function of what is printed, so its wording is tested without a PDF. */
export function caseSummaryDocument(print: CaseSummaryForPrint): { title: string; content: object[] } {
  const t = printedWordsIn(print.language);
  const { detail } = print;
  const { summary } = detail;
  const organization = (id: string) => print.organizationNames.get(id) ?? id;
  const none = t('caseSummary.none');
  const table = (rows: string[][]) => (rows.length === 0 ? { text: none, italics: true } : { table: { headerRows: 0, widths: rows[0]?.map(() => '*') ?? [], body: rows }, layout: 'lightHorizontalLines' });
  const title = `${t('caseSummary.title')} ${summary.code}`;
  const content: object[] = [
    { text: title, style: 'title' },
    { text: `${t('caseSummary.printed', { time: print.printedAt.slice(0, 16).replace('T', ' ') })} ${t('caseSummary.confidential')}`, italics: true, margin: [0, 0, 0, 8] },
    { text: t('caseSummary.identity'), style: 'subtitle' },
    ...(print.identity ? identityLines(print.identity, t).map((line) => ({ text: line })) : [{ text: t('caseSummary.noIdentity'), italics: true }]),
    { text: t('caseSummary.case'), style: 'subtitle', margin: [0, 10, 0, 6] },
    table([
      [t('caseSummary.status'), t(`caseView.status.${summary.status}`), t('caseSummary.step'), t(`caseView.step.${summary.step}`)],
      [t('caseSummary.region'), print.regionName, t('caseSummary.firstContact'), summary.firstContactDate],
      [t('caseSummary.source'), t(`caseView.referralSources.${summary.referralSource}`), t('caseSummary.citizenship'), citizenshipName(summary.citizenship, t)],
      [
        t('caseSummary.age'),
        summary.ageYears === null ? none : `${summary.ageYears} (${t(`caseView.ageBasis.${summary.ageBasis}`)})`,
        t('caseSummary.child'),
        summary.child ? t('caseSummary.yes') : t('caseSummary.no'),
      ],
      [t('caseSummary.decisionDue'), detail.decisionDueOn, '', ''],
    ]),
    { text: t('caseSummary.consents'), style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.consents.map((consent) => [
        t(`caseView.consentScopes.${consent.scope}`),
        consent.organizationId ? organization(consent.organizationId) : t('caseSummary.anyOrganization'),
        consent.given ? t('caseSummary.yes') : t('caseSummary.no'),
        consent.withdrawnAt ? t('caseSummary.withdrawn', { date: consent.withdrawnAt.slice(0, 10) }) : consent.recordedAt.slice(0, 10),
      ]),
    ),
    { text: t('caseSummary.decisions'), style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.decisions.map((decision) => [
        decision.decidedAt.slice(0, 10),
        organization(decision.organizationId),
        t(`caseView.outcome.${decision.outcome}`),
        decision.exploitationForms.map((form) => t(`caseView.exploitationForms.${form}`)).join(', '),
        decision.reasons,
      ]),
    ),
    { text: t('caseSummary.referrals'), style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.referrals.map((referral) => [
        referral.requestedAt.slice(0, 10),
        organization(referral.toOrganizationId),
        referral.serviceTypes.map((type) => t(`caseView.serviceTypes.${type}`)).join(', '),
        t(`caseView.referralStatus.${referral.status}`),
        referral.declineReason ?? '',
      ]),
    ),
    { text: t('caseSummary.services'), style: 'subtitle', margin: [0, 10, 0, 6] },
    table(
      detail.services.map((service) => [
        t(`caseView.serviceTypes.${service.serviceType}`),
        organization(service.providerOrganizationId),
        t(`caseView.serviceStatus.${service.status}`),
        [service.plannedFrom, service.plannedTo].filter(Boolean).join(' – '),
        service.deliveredOn ?? '',
      ]),
    ),
    { text: t('caseSummary.closure'), style: 'subtitle', margin: [0, 10, 0, 6] },
    detail.closure
      ? { text: `${detail.closure.closedAt.slice(0, 10)}: ${t(`caseView.closureOutcomes.${detail.closure.outcome}`)}${detail.closure.reason ? ` (${detail.closure.reason})` : ''}` }
      : { text: none, italics: true },
    ...(print.reopenings.length > 0
      ? [
          { text: t('caseSummary.reopenings'), style: 'subtitle', margin: [0, 10, 0, 6] },
          table(print.reopenings.map((reopening) => [reopening.reopenedAt.slice(0, 10), reopening.contactDate ?? none, reopening.reason ?? t('caseSummary.reasonNotKept')])),
        ]
      : []),
  ];
  return { title, content };
}

export async function renderCaseSummaryPdf(print: CaseSummaryForPrint): Promise<Buffer> {
  return createPdf(caseSummaryDocument(print));
}
