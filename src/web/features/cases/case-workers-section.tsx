import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds } from './case-view.js';
import { nameCaseWorker } from './cases-api.js';

/** Named workers: a child's case is visible only to them, so naming one is how a colleague gets to it. */
export function CaseWorkersSection({ detail, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const [email, setEmail] = useState('');
  if (!can(me.roles, 'cases.read') || detail.summary.status === 'closed') {
    return null;
  }
  return (
    <section id={caseSectionIds.workers} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.workersSection.heading')}</h2>
      <CaseForm
        label={t('caseView.workersSection.heading')}
        intro={<p className="field-hint">{detail.summary.child ? t('caseView.workersSection.childIntro') : t('caseView.workersSection.intro')}</p>}
        fields={['email'] as const}
        submitLabel={t('caseView.workersSection.name')}
        send={async () => {
          await nameCaseWorker(detail.summary.id, email.trim());
          setEmail('');
          return t('caseView.workersSection.namedNotice', { email: email.trim() });
        }}
        onDone={onChanged}
      >
        {({ errors, fieldId }) => (
          <TextField
            id={fieldId('email')}
            type="email"
            autoComplete="off"
            label={t('caseView.workersSection.email')}
            error={errors.email}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        )}
      </CaseForm>
    </section>
  );
}
