import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerListSchema, serviceTypes, type ServiceType } from '../../../shared/case.schemas.js';
import { formatDateRange, formatDateTimeInKazakhstan, formatList, pickText } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { useRegions } from '../users/use-region-names.js';
import { CaseForm, CheckboxField, ChoiceGroup, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, oneOf, optionalDate, referralsAwaiting } from './case-view.js';
import { referralProvidersPath, requestReferral, respondToReferral, type Referral } from './cases-api.js';

const referralFields = ['toOrganizationId', 'serviceTypes', 'reason', 'placement', 'overrideConsent'] as const;

/** Referrals to shelters and service providers: who was asked for what, and what they answered. */
export function CaseReferralSection({ detail, organizationName, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const captionId = useId();
  const awaiting = can(me.roles, 'cases.referrals.respond') ? referralsAwaiting(detail, me.organization.id) : [];
  const open = detail.summary.status === 'active';

  return (
    <section id={caseSectionIds.referrals} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.referrals.heading')}</h2>
      {detail.referrals.length === 0 ? (
        <p>{t('caseView.referrals.none')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table>
            <caption id={captionId} className="visually-hidden">{t('caseView.referrals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseView.referrals.to')}</th>
                <th scope="col">{t('caseView.referrals.services')}</th>
                <th scope="col">{t('caseView.referrals.requested')}</th>
                <th scope="col">{t('caseView.referrals.status')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.referrals.map((referral) => (
                <ReferralRow key={referral.id} referral={referral} organizationName={organizationName} />
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {awaiting.map((referral) => (
        <ReferralAnswer key={referral.id} referral={referral} onChanged={onChanged} />
      ))}
      {open && can(me.roles, 'cases.refer') && <ReferralForm key={detail.referrals.length} detail={detail} onChanged={onChanged} />}
    </section>
  );
}

function ReferralRow({ referral, organizationName }: { referral: Referral; organizationName: (id: string) => string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <tr>
      <th scope="row">
        {organizationName(referral.toOrganizationId)}
        <span className="cell-note"> {t('caseView.referrals.from', { organization: organizationName(referral.fromOrganizationId) })}</span>
      </th>
      <td>
        {formatList(referral.serviceTypes.map((type) => t(`caseView.serviceTypes.${type}`)), language)}
        {referral.placement && <span className="cell-note"> {t('caseView.referrals.withPlacement')}</span>}
        <p className="preserve-lines cell-note">{referral.reason}</p>
      </td>
      <td>
        {formatDateTimeInKazakhstan(referral.requestedAt, language)}
        {referral.consentOverridden && <strong className="late-mark"> {t('caseView.referrals.overridden')}</strong>}
      </td>
      <td>
        {t(`caseView.referralStatus.${referral.status}`)}
        {referral.placementFrom !== null && referral.placementTo !== null && (
          <span className="cell-note"> {t('caseView.referrals.placementDates', { dates: formatDateRange(referral.placementFrom, referral.placementTo, language) })}</span>
        )}
        {referral.declineReason !== null && <p className="preserve-lines cell-note">{referral.declineReason}</p>}
      </td>
    </tr>
  );
}

/** The receiving organization answers on the case page as well as in its incoming list. */
function ReferralAnswer({ referral, onChanged }: { referral: Referral; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const [placementFrom, setPlacementFrom] = useState('');
  const [placementTo, setPlacementTo] = useState('');
  const [reason, setReason] = useState('');
  const services = formatList(referral.serviceTypes.map((type) => t(`caseView.serviceTypes.${type}`)), language);
  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('caseView.referrals.answerHeading')}</h3>
      <p>{t('caseView.referrals.answerIntro', { services })}</p>
      <CaseForm
        label={t('caseView.referrals.accept')}
        fields={['placementFrom', 'placementTo'] as const}
        submitLabel={t('caseView.referrals.accept')}
        send={async () => {
          const from = optionalDate(placementFrom);
          const to = optionalDate(placementTo);
          await respondToReferral(referral.id, { decision: 'accept', ...(from === null ? {} : { placementFrom: from }), ...(to === null ? {} : { placementTo: to }) });
          return t('caseView.referrals.acceptedNotice');
        }}
        onDone={onChanged}
      >
        {({ errors, fieldId }) =>
          referral.placement && (
            <>
              <TextField id={fieldId('placementFrom')} type="date" label={t('caseView.referrals.placementFrom')} error={errors.placementFrom} value={placementFrom} onChange={(event) => setPlacementFrom(event.target.value)} />
              <TextField id={fieldId('placementTo')} type="date" label={t('caseView.referrals.placementTo')} error={errors.placementTo} value={placementTo} onChange={(event) => setPlacementTo(event.target.value)} />
            </>
          )
        }
      </CaseForm>
      <CaseForm
        label={t('caseView.referrals.decline')}
        fields={['reason'] as const}
        submitLabel={t('caseView.referrals.decline')}
        submitClass="button button-warning"
        send={async () => {
          await respondToReferral(referral.id, { decision: 'decline', reason });
          return t('caseView.referrals.declinedNotice');
        }}
        onDone={onChanged}
      >
        {({ errors, fieldId }) => <TextAreaField id={fieldId('reason')} label={t('caseView.referrals.declineReason')} error={errors.reason} value={reason} onChange={setReason} />}
      </CaseForm>
    </section>
  );
}

function ReferralForm({ detail, onChanged }: Pick<CaseSectionProps, 'detail' | 'onChanged'>) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const regions = useRegions();
  const finderId = useId();
  const [regionCode, setRegionCode] = useState(detail.summary.regionCode);
  const [serviceType, setServiceType] = useState<ServiceType | ''>('');
  const [toOrganizationId, setToOrganizationId] = useState('');
  const [services, setServices] = useState<ServiceType[]>([]);
  const [reason, setReason] = useState('');
  const [placement, setPlacement] = useState(false);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const providers = useApiQuery(referralProvidersPath({ regionCode, ...(serviceType === '' ? {} : { serviceType }) }), providerListSchema);
  const mayOverride = can(me.roles, 'cases.consent.override');

  return (
    <CaseForm
      heading={t('caseView.referrals.formHeading')}
      intro={<p className="field-hint">{t('caseView.referrals.consentRule')}</p>}
      fields={referralFields}
      submitLabel={t('caseView.referrals.request')}
      check={() => (toOrganizationId === '' ? { toOrganizationId: t('caseView.referrals.providerMissing') } : {})}
      send={async () => {
        await requestReferral(detail.summary.id, {
          toOrganizationId,
          serviceTypes: services,
          reason,
          placement,
          ...(override ? { overrideConsent: { reason: overrideReason } } : {}),
        });
        return t('caseView.referrals.requestedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <fieldset className="filters" aria-describedby={`${finderId}-hint`}>
            <legend>{t('caseView.referrals.finder')}</legend>
            <p id={`${finderId}-hint`} className="field-hint">
              {t('caseView.referrals.finderHint')}
            </p>
            <div className="filter-grid">
              <SelectField
                id={`${finderId}-region`}
                label={t('caseView.referrals.region')}
                value={regionCode}
                onChange={(event) => {
                  setRegionCode(event.target.value);
                }}
              >
                {regions.status !== 'success' && <option value={regionCode}>{regionCode}</option>}
                {regions.status === 'success' &&
                  regions.data.items.map((region) => (
                    <option key={region.code} value={region.code}>
                      {pickText(region.name, language)}
                    </option>
                  ))}
              </SelectField>
              <SelectField
                id={`${finderId}-service`}
                label={t('caseView.referrals.service')}
                value={serviceType}
                onChange={(event) => {
                  setServiceType(oneOf(['', ...serviceTypes] as const, event.target.value, ''));
                }}
              >
                <option value="">{t('caseView.referrals.anyService')}</option>
                {serviceTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`caseView.serviceTypes.${type}`)}
                  </option>
                ))}
              </SelectField>
            </div>
          </fieldset>
          <QueryResult query={providers}>
            {(list) =>
              list.items.length === 0 ? (
                <p>{t('caseView.referrals.noProviders')}</p>
              ) : (
                <fieldset id={fieldId('toOrganizationId')} tabIndex={-1} className={errors.toOrganizationId === undefined ? 'field' : 'field has-error'}>
                  <legend>{t('caseView.referrals.provider')}</legend>
                  {errors.toOrganizationId !== undefined && <p className="field-error">{errors.toOrganizationId}</p>}
                  <ul className="checkbox-list">
                    {list.items.map((provider) => (
                      <li key={provider.organizationId} className="checkbox-field">
                        <input
                          id={`${finderId}-${provider.organizationId}`}
                          type="radio"
                          name={`${finderId}-provider`}
                          checked={toOrganizationId === provider.organizationId}
                          onChange={() => {
                            setToOrganizationId(provider.organizationId);
                          }}
                        />
                        <label htmlFor={`${finderId}-${provider.organizationId}`}>
                          {pickText(provider.name, language)}
                          <span className="cell-note">
                            {' '}
                            {provider.capacity === null
                              ? t('caseView.referrals.noBeds')
                              : t('caseView.referrals.beds', { capacity: provider.capacity, occupied: provider.occupied, free: provider.free ?? 0 })}
                            {'; '}
                            {formatList(provider.serviceTypes.map((type) => t(`caseView.serviceTypes.${type}`)), language)}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )
            }
          </QueryResult>
          <ChoiceGroup
            id={fieldId('serviceTypes')}
            legend={t('caseView.referrals.services')}
            options={serviceTypes}
            labelOf={(type) => t(`caseView.serviceTypes.${type}`)}
            chosen={services}
            error={errors.serviceTypes}
            onChange={setServices}
          />
          <TextAreaField id={fieldId('reason')} label={t('caseView.referrals.reason')} error={errors.reason} value={reason} onChange={setReason} />
          <CheckboxField id={fieldId('placement')} label={t('caseView.referrals.placement')} checked={placement} onChange={setPlacement} />
          {mayOverride && (
            <>
              <CheckboxField id={`${fieldId('overrideConsent')}-on`} label={t('caseView.referrals.override')} checked={override} onChange={setOverride} />
              {override && (
                <TextAreaField
                  id={fieldId('overrideConsent')}
                  label={t('caseView.referrals.overrideReason')}
                  hint={t('caseView.referrals.overrideHint')}
                  error={errors.overrideConsent}
                  value={overrideReason}
                  onChange={setOverrideReason}
                />
              )}
            </>
          )}
        </>
      )}
    </CaseForm>
  );
}
