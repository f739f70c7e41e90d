import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenshipName } from '../../../shared/i18n/citizenship-name.js';
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
  const { identity } = record;
  const none = t('caseView.notRecorded');
  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('caseView.identity.shownHeading', { version: record.version, time: formatDateTimeInKazakhstan(record.recordedAt, language) })}</h3>
      <dl className="details">
        <div>
          <dt>{t('caseView.identity.names')}</dt>
          <dd>
            {identity.names.length === 0
              ? none
              : identity.names.map((name) => [name.family, name.given, name.patronymic].filter((part) => part !== undefined).join(' ')).join('; ')}
          </dd>
        </div>
        <div>
          <dt>{t('caseView.identity.birthDate')}</dt>
          <dd>{identity.birthDate === null ? none : identity.birthDate.value}</dd>
        </div>
        <div>
          <dt>{t('caseView.identity.citizenships')}</dt>
          <dd>{identity.citizenships.length === 0 ? none : identity.citizenships.map((code) => citizenshipName(code, t)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('caseView.identity.documents')}</dt>
          <dd>{identity.documents.length === 0 ? none : identity.documents.map((document) => `${t(`caseView.identityDocuments.${document.type}`)} ${document.number}`).join('; ')}</dd>
        </div>
        <div>
          <dt>{t('caseView.identity.contacts')}</dt>
          <dd>{identity.contacts.length === 0 ? none : identity.contacts.map((contact) => contact.value).join('; ')}</dd>
        </div>
        <div>
          <dt>{t('caseView.identity.addresses')}</dt>
          <dd>{identity.addresses.length === 0 ? none : identity.addresses.map((address) => address.text).join('; ')}</dd>
        </div>
      </dl>
    </section>
  );
}
