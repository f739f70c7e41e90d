import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityInWords } from '../../../shared/i18n/identity-in-words.js';
import { formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds } from './case-view.js';
import { caseSummaryPdfPath, fetchPersonIdentity, type PersonIdentityRecord } from './cases-api.js';

const minPurpose = 5;

/**
 * The person's identity is kept apart from the case and opened only on
 * purpose: each opening is written to the audit trail with the reason given.
 */
export function CaseIdentitySection({ detail }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const [purpose, setPurpose] = useState('');
  const [record, setRecord] = useState<PersonIdentityRecord | null>(null);
  const mayRead = can(me.roles, 'persons.identity.read');
  const purposeGiven = purpose.trim().length >= minPurpose;
  const caseId = detail.summary.id;

  return (
    <section id={caseSectionIds.identity} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.identity.heading')}</h2>
      <p>
        <a className="button button-secondary" href={caseSummaryPdfPath(caseId, { language })} download>
          {t('caseView.identity.summaryWithout')}
        </a>
      </p>
      {mayRead && (
        <>
          <p className="notice notice-warning">{t('caseView.identity.audited')}</p>
          <CaseForm
            label={t('caseView.identity.show')}
            fields={['purpose'] as const}
            submitLabel={t('caseView.identity.show')}
            check={() => (purposeGiven ? {} : { purpose: t('caseView.identity.purposeMissing', { min: minPurpose }) })}
            send={async () => {
              setRecord(await fetchPersonIdentity(detail.summary.personId, purpose.trim()));
              return t('caseView.identity.shownNotice');
            }}
            onDone={() => undefined}
          >
            {({ errors, fieldId }) => (
              <TextField
                id={fieldId('purpose')}
                label={t('caseView.identity.purpose')}
                hint={t('caseView.identity.purposeHint')}
                autoComplete="off"
                className="input-wide"
                error={errors.purpose}
                value={purpose}
                onChange={(event) => {
                  setPurpose(event.target.value);
                }}
              />
            )}
          </CaseForm>
          {purposeGiven && (
            <p>
              <a className="button button-secondary" href={caseSummaryPdfPath(caseId, { language, includeIdentity: true, purpose: purpose.trim() })} download>
                {t('caseView.identity.summaryWith')}
              </a>
            </p>
          )}
          {record !== null && <IdentityView record={record} />}
        </>
      )}
      {!mayRead && <p className="field-hint">{t('caseView.identity.notForYou')}</p>}
    </section>
  );
}

function IdentityView({ record }: { record: PersonIdentityRecord }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const words = identityInWords(record.identity, t);
  const rows: { label: string; items: string[] }[] = [
    { label: t('caseView.identity.names'), items: words.names },
    { label: t('caseView.identity.birthDate'), items: words.birthDate === null ? [] : [words.birthDate] },
    { label: t('caseView.identity.citizenships'), items: words.citizenships },
    { label: t('caseView.identity.documents'), items: words.documents },
    { label: t('caseView.identity.contacts'), items: words.contacts },
    { label: t('caseView.identity.addresses'), items: words.addresses },
  ];
  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('caseView.identity.shownHeading', { version: record.version, time: formatDateTimeInKazakhstan(record.recordedAt, language) })}</h3>
      <dl className="details">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.items.length === 0 && t('caseView.notRecorded')}
              {row.items.length === 1 && row.items[0]}
              {row.items.length > 1 && (
                <ul className="plain-list">
                  {row.items.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
