import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../components/formatting.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { Organization } from '../organizations/organizations-api.js';
import type { PlanImportPreview } from './plans-api.js';

export interface PlanPreviewProps {
  preview: PlanImportPreview;
  directory: readonly Organization[];
}

/** What Senim read from the plan's text, before anything is stored. */
export function PlanPreview({ preview, directory }: PlanPreviewProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  const bodyName = (code: string | null, text: string): string => {
    const organization = code === null ? undefined : directory.find((candidate) => candidate.code === code);
    return organization === undefined ? text : pickText(organization.name, language);
  };
  const period =
    preview.periodFromYear === null || preview.periodToYear === null
      ? t('planImport.periodUnknown')
      : t('plans.period', { from: preview.periodFromYear, to: preview.periodToYear });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('planImport.previewHeading')}</h2>
      <dl className="details">
        <div>
          <dt>{t('planImport.title')}</dt>
          <dd>{preview.title === '' ? t('common.none') : preview.title}</dd>
        </div>
        <div>
          <dt>{t('plans.colPeriod')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('plans.colMeasures')}</dt>
          <dd>{preview.measures.length}</dd>
        </div>
      </dl>
      <TableScroller captionId={captionId}>
        <table>
          <caption id={captionId}>{t('planImport.measuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planImport.colNumber')}</th>
              <th scope="col">{t('planImport.colAction')}</th>
              <th scope="col">{t('planImport.colBodies')}</th>
              <th scope="col">{t('planImport.colDeadline')}</th>
              <th scope="col">{t('planImport.colRule')}</th>
              <th scope="col">{t('planImport.colReports')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.measures.map((measure) => (
              <tr key={measure.number}>
                <th scope="row" className="numeric">
                  {measure.number}
                </th>
                <td>{measure.action}</td>
                <td>
                  <ul className="plain-list">
                    {measure.responsible.map((body, index) => (
                      <li key={`${body.text}-${index}`}>
                        {bodyName(body.bodyCode, body.text)}
                        {body.bodyCode === null && <span className="cell-note"> {t('planImport.bodyUnknown')}</span>}
                        {body.lead && <span className="cell-note"> {t('planImport.lead')}</span>}
                        {body.byAgreement && <span className="cell-note"> {t('planImport.byAgreement')}</span>}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{measure.deadlineText}</td>
                <td>{measure.deadline ?? <span className="cell-note">{t('planImport.ruleUnknown')}</span>}</td>
                <td className="numeric">{measure.reports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </section>
  );
}
