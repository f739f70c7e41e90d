import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CriminalCodeTable } from './criminal-code-table.js';
import { RegionTable } from './region-table.js';
import { StateBodyTable } from './state-body-table.js';
import { SystemStatus } from './system-status.js';

/** The public start page: what Senim is, whether it runs, and the reference data everyone shares. */
export function StartPage() {
  const { t } = useTranslation();
  const referenceHeadingId = useId();
  return (
    <>
      <title>{t('startPage.documentTitle')}</title>
      <h1>{t('startPage.heading')}</h1>
      <p className="lead">{t('startPage.lead')}</p>
      <SystemStatus />
      <p>
        <Link to="/public/commissions">{t('commission.startPageLink')}</Link>
      </p>
      <section className="reference" aria-labelledby={referenceHeadingId}>
        <h2 id={referenceHeadingId}>{t('reference.heading')}</h2>
        <p>{t('reference.intro')}</p>
        <p className="note">{t('startPage.publicNote')}</p>
        <RegionTable />
        <StateBodyTable />
        <CriminalCodeTable />
      </section>
    </>
  );
}
