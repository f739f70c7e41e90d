import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentScopes } from '../../../shared/case.schemas.js';
import { formatDateTimeInKazakhstan, pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, isWithdrawable, oneOf } from './case-view.js';
import { recordConsent, withdrawConsent, type ConsentInput } from './cases-api.js';

const consentMethods = ['written', 'oral', 'by_guardian'] as const;
const consentFields = ['scope', 'organizationId', 'given', 'method'] as const;

/** The person's consents: to processing (which comes first), to referral and to sharing with the police. */
export function CaseConsentSection({ detail, organizationName, organizations, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const captionId = useId();
  const caseId = detail.summary.id;
  const [draft, setDraft] = useState<Required<ConsentInput>>({ scope: 'processing', organizationId: null, given: true, method: 'written' });
  const open = detail.summary.status !== 'closed';
  const collator = new Intl.Collator(language);
  const choices = [...organizations].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));

  return (
    <section id={caseSectionIds.consents} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.consents.heading')}</h2>
      <p className="field-hint">{t('caseView.consents.intro')}</p>
      {detail.consents.length === 0 ? (
        <p>{t('caseView.consents.none')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table>
            <caption id={captionId} className="visually-hidden">{t('caseView.consents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseView.consents.scope')}</th>
                <th scope="col">{t('caseView.consents.organization')}</th>
                <th scope="col">{t('caseView.consents.answer')}</th>
                <th scope="col">{t('caseView.consents.method')}</th>
                <th scope="col">{t('caseView.consents.recordedAt')}</th>
                <th scope="col">{t('caseView.consents.withdrawal')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.consents.map((consent) => (
                <tr key={consent.id}>
                  <th scope="row">{t(`caseView.consentScopes.${consent.scope}`)}</th>
                  <td>{consent.organizationId === null ? t('caseView.consents.anyOrganization') : organizationName(consent.organizationId)}</td>
                  <td>{consent.given ? t('caseView.consents.given') : t('caseView.consents.refused')}</td>
                  <td>{t(`caseView.consentMethods.${consent.method}`)}</td>
                  <td>{formatDateTimeInKazakhstan(consent.recordedAt, language)}</td>
                  <td>
                    {consent.withdrawnAt !== null ? (
                      t('caseView.consents.withdrawnAt', { time: formatDateTimeInKazakhstan(consent.withdrawnAt, language) })
                    ) : isWithdrawable(consent) && open ? (
                      <CaseForm
                        label={t('caseView.consents.withdrawLabel', { scope: t(`caseView.consentScopes.${consent.scope}`) })}
                        fields={[]}
                        submitLabel={t('caseView.consents.withdraw')}
                        submitClass="button button-secondary button-small"
                        send={async () => {
                          await withdrawConsent(caseId, consent.id);
                          return t('caseView.consents.withdrawnNotice');
                        }}
                        onDone={onChanged}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {open && can(me.roles, 'cases.read') && (
        <CaseForm
          heading={t('caseView.consents.formHeading')}
          fields={consentFields}
          submitLabel={t('caseView.consents.record')}
          send={async () => {
            await recordConsent(caseId, draft);
            return t('caseView.consents.recordedNotice');
          }}
          onDone={onChanged}
        >
          {({ errors, fieldId }) => (
            <>
              <SelectField
                id={fieldId('scope')}
                label={t('caseView.consents.scope')}
                error={errors.scope}
                value={draft.scope}
                onChange={(event) => {
                  const scope = oneOf(consentScopes, event.target.value, 'processing');
                  setDraft((previous) => ({ ...previous, scope, organizationId: scope === 'processing' ? null : previous.organizationId }));
                }}
              >
                {consentScopes.map((scope) => (
                  <option key={scope} value={scope}>
                    {t(`caseView.consentScopes.${scope}`)}
                  </option>
                ))}
              </SelectField>
              {draft.scope !== 'processing' && (
                <SelectField
                  id={fieldId('organizationId')}
                  label={t('caseView.consents.organization')}
                  hint={t('caseView.consents.organizationHint')}
                  error={errors.organizationId}
                  value={draft.organizationId ?? ''}
                  onChange={(event) => {
                    const value = event.target.value;
                    setDraft((previous) => ({ ...previous, organizationId: value === '' ? null : value }));
                  }}
                >
                  <option value="">{t('caseView.consents.anyOrganization')}</option>
                  {choices.map((organization) => (
                    <option key={organization.id} value={organization.id}>
                      {pickText(organization.name, language)}
                    </option>
                  ))}
                </SelectField>
              )}
              <SelectField
                id={fieldId('given')}
                label={t('caseView.consents.answer')}
                error={errors.given}
                value={draft.given ? 'given' : 'refused'}
                onChange={(event) => {
                  const given = event.target.value === 'given';
                  setDraft((previous) => ({ ...previous, given }));
                }}
              >
                <option value="given">{t('caseView.consents.given')}</option>
                <option value="refused">{t('caseView.consents.refused')}</option>
              </SelectField>
              <SelectField
                id={fieldId('method')}
                label={t('caseView.consents.method')}
                error={errors.method}
                value={draft.method}
                onChange={(event) => {
                  const method = oneOf(consentMethods, event.target.value, 'written');
                  setDraft((previous) => ({ ...previous, method }));
                }}
              >
                {consentMethods.map((method) => (
                  <option key={method} value={method}>
                    {t(`caseView.consentMethods.${method}`)}
                  </option>
                ))}
              </SelectField>
            </>
          )}
        </CaseForm>
      )}
    </section>
  );
}
