import { useTranslation } from 'react-i18next';
import { formatDate, formatList } from '../../components/formatting.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { formatMci, formatTenge, proceedingEventNote, type EventArticle } from './case-justice-view.js';

/** The line under a proceeding event on the case's timeline: the stage, articles, verdict or amounts it recorded. */
export function ProceedingEventNote({ kind, details }: { kind: string; details: Readonly<Record<string, unknown>> }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const note = proceedingEventNote(kind, details, language);
  if (note === null) {
    return null;
  }
  const date = (value: string) => formatDate(value, language);
  const articles = (list: readonly EventArticle[]) =>
    list.map((article) => (article.edition === null ? article.text : t('caseJustice.events.articleOfEdition', { article: article.text, edition: article.edition }))).join(', ');
  const money = (value: number) => formatTenge(value, language);

  const text = ((): string => {
    switch (note.kind) {
      case 'linked': {
        const stage = note.stage === null ? null : t(`justice.stages.${note.stage}`);
        const refs = articles(note.articles);
        return [stage, refs === '' ? null : t('caseJustice.events.articles', { articles: refs })].filter((part) => part !== null).join('; ');
      }
      case 'stage':
        return note.date === null ? t(`justice.stages.${note.stage}`) : t('caseJustice.events.stage', { stage: t(`justice.stages.${note.stage}`), date: date(note.date) });
      case 'requalified': {
        const refs = t('caseJustice.events.articles', { articles: articles(note.articles) });
        return note.date === null || note.phase === null ? refs : t('caseJustice.events.requalified', { articles: refs, date: date(note.date), phase: t(`caseJustice.phases.${note.phase}`) });
      }
      case 'verdict': {
        const outcomes = formatList(
          note.outcomes.map(({ outcome, count }) => t(`caseJustice.outcomes.${outcome}`, { count })),
          language,
        );
        const court = note.instance === null ? '' : t(`caseJustice.events.instances.${note.instance}`);
        const head = note.date === null ? court : t('caseJustice.events.stage', { stage: court, date: date(note.date) });
        const under = note.articles.length === 0 ? '' : `. ${t('caseJustice.convictedUnder', { articles: articles(note.articles) })}`;
        return `${head}${outcomes === '' ? '' : `: ${outcomes}`}${under}`;
      }
      case 'protection': {
        const measures = formatList(
          note.measures.map((measure) => t(`caseJustice.measures.${measure}`)),
          language,
        );
        return `${t(`caseJustice.events.protection.${note.decision}`)}${measures === '' ? '' : `: ${measures}`}`;
      }
      case 'civil_claim': {
        const amounts = [
          note.claimedTenge === null ? null : t('caseJustice.events.claimed', { amount: money(note.claimedTenge) }),
          note.awardedTenge === null ? null : t('caseJustice.claim.awarded', { amount: money(note.awardedTenge) }),
          note.paidTenge === null ? null : t('caseJustice.claim.paid', { amount: money(note.paidTenge) }),
        ].filter((part) => part !== null);
        return t('caseJustice.events.claim', { amounts: amounts.join('; ') });
      }
      case 'fund': {
        const amountText =
          note.amountMci === null || note.amountTenge === null ? '' : `: ${t('caseJustice.fund.amount', { mci: formatMci(note.amountMci, language), tenge: money(note.amountTenge) })}`;
        const paid = note.paidOn === null ? '' : `. ${t('caseJustice.fund.paidOnShort', { date: date(note.paidOn) })}`;
        return `${t('caseJustice.events.fund', { decision: t(`caseJustice.fund.decisions.${note.decision}`) })}${amountText}${paid}`;
      }
    }
  })();

  return text === '' ? null : <p className="cell-note">{text}</p>;
}
