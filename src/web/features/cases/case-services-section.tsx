import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceTypes, type ServiceType } from '../../../shared/case.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { formatDate } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, oneOf, optionalDate, serviceProviders } from './case-view.js';
import { recordService, updateService, type CaseService } from './cases-api.js';

const serviceStatuses = ['planned', 'in_progress', 'delivered', 'cancelled'] as const;
type ServiceStatus = (typeof serviceStatuses)[number];
const serviceFields = ['serviceType', 'providerOrganizationId', 'status', 'plannedFrom', 'plannedTo', 'deliveredOn', 'notes'] as const;

/** The assistance plan: the eight types of special social services, who provides each, and how far it got. */
export function CaseServicesSection({ detail, organizationName, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const captionId = useId();
  const manages = can(me.roles, 'cases.services.manage') && detail.summary.status !== 'closed';

  return (
    <section id={caseSectionIds.services} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.services.heading')}</h2>
      {detail.services.length === 0 ? (
        <p>{t('caseView.services.none')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table>
            <caption id={captionId} className="visually-hidden">{t('caseView.services.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseView.services.type')}</th>
                <th scope="col">{t('caseView.services.provider')}</th>
                <th scope="col">{t('caseView.services.dates')}</th>
                <th scope="col">{t('caseView.services.status')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.services.map((service) => (
                <tr key={service.id}>
                  <th scope="row">
                    {t(`caseView.serviceTypes.${service.serviceType}`)}
                    {service.notes !== null && <p className="preserve-lines cell-note">{service.notes}</p>}
                  </th>
                  <td>{organizationName(service.providerOrganizationId)}</td>
                  <td>
                    {service.plannedFrom !== null && <>{t('caseView.services.plannedFromShort', { date: formatDate(service.plannedFrom, language) })} </>}
                    {service.plannedTo !== null && <>{t('caseView.services.plannedToShort', { date: formatDate(service.plannedTo, language) })} </>}
                    {service.deliveredOn !== null && t('caseView.services.deliveredOnShort', { date: formatDate(service.deliveredOn, language) })}
                  </td>
                  <td>
                    {manages ? (
                      <ServiceStatusForm caseId={detail.summary.id} service={service} onChanged={onChanged} />
                    ) : (
                      t(`caseView.serviceStatus.${service.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {manages && <ServiceForm key={detail.services.length} detail={detail} organizationName={organizationName} onChanged={onChanged} />}
    </section>
  );
}

function ServiceStatusForm({ caseId, service, onChanged }: { caseId: string; service: CaseService; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ServiceStatus>(service.status);
  const type = t(`caseView.serviceTypes.${service.serviceType}`);
  return (
    <CaseForm
      label={t('caseView.services.updateLabel', { type })}
      fields={['status', 'deliveredOn'] as const}
      submitLabel={t('caseView.services.update')}
      submitClass="button button-secondary button-small"
      send={async () => {
        const delivered = status === 'delivered' && service.deliveredOn === null ? { deliveredOn: todayInKazakhstan() } : {};
        await updateService(caseId, service.id, { status, ...delivered });
        return t('caseView.services.updatedNotice', { type, status: t(`caseView.serviceStatus.${status}`) });
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <SelectField
          id={fieldId('status')}
          label={t('caseView.services.statusOf', { type })}
          error={errors.status ?? errors.deliveredOn}
          value={status}
          onChange={(event) => {
            setStatus(oneOf(serviceStatuses, event.target.value, service.status));
          }}
        >
          {serviceStatuses.map((option) => (
            <option key={option} value={option}>
              {t(`caseView.serviceStatus.${option}`)}
            </option>
          ))}
        </SelectField>
      )}
    </CaseForm>
  );
}

function ServiceForm({ detail, organizationName, onChanged }: Pick<CaseSectionProps, 'detail' | 'organizationName' | 'onChanged'>) {
  const { t } = useTranslation();
  const providers = serviceProviders(detail);
  const [serviceType, setServiceType] = useState<ServiceType>('social_welfare');
  const [providerOrganizationId, setProvider] = useState(providers[providers.length - 1] ?? '');
  const [status, setStatus] = useState<ServiceStatus>('planned');
  const [plannedFrom, setPlannedFrom] = useState('');
  const [plannedTo, setPlannedTo] = useState('');
  const [deliveredOn, setDeliveredOn] = useState('');
  const [notes, setNotes] = useState('');

  return (
    <CaseForm
      heading={t('caseView.services.formHeading')}
      intro={<p className="field-hint">{t('caseView.services.providerRule')}</p>}
      fields={serviceFields}
      submitLabel={t('caseView.services.record')}
      send={async () => {
        await recordService(detail.summary.id, {
          serviceType,
          providerOrganizationId,
          status,
          plannedFrom: optionalDate(plannedFrom),
          plannedTo: optionalDate(plannedTo),
          deliveredOn: optionalDate(deliveredOn),
          notes: notes.trim() === '' ? null : notes,
        });
        return t('caseView.services.recordedNotice', { type: t(`caseView.serviceTypes.${serviceType}`) });
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <SelectField
            id={fieldId('serviceType')}
            label={t('caseView.services.type')}
            error={errors.serviceType}
            value={serviceType}
            onChange={(event) => {
              setServiceType(oneOf(serviceTypes, event.target.value, 'social_welfare'));
            }}
          >
            {serviceTypes.map((type) => (
              <option key={type} value={type}>
                {t(`caseView.serviceTypes.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId('providerOrganizationId')}
            label={t('caseView.services.provider')}
            error={errors.providerOrganizationId}
            value={providerOrganizationId}
            onChange={(event) => {
              setProvider(event.target.value);
            }}
          >
            {providers.map((organizationId) => (
              <option key={organizationId} value={organizationId}>
                {organizationName(organizationId)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId('status')}
            label={t('caseView.services.status')}
            error={errors.status}
            value={status}
            onChange={(event) => {
              setStatus(oneOf(serviceStatuses, event.target.value, 'planned'));
            }}
          >
            {serviceStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`caseView.serviceStatus.${option}`)}
              </option>
            ))}
          </SelectField>
          <TextField id={fieldId('plannedFrom')} type="date" label={t('caseView.services.plannedFrom')} error={errors.plannedFrom} value={plannedFrom} onChange={(event) => { setPlannedFrom(event.target.value); }} />
          <TextField id={fieldId('plannedTo')} type="date" label={t('caseView.services.plannedTo')} error={errors.plannedTo} value={plannedTo} onChange={(event) => { setPlannedTo(event.target.value); }} />
          <TextField id={fieldId('deliveredOn')} type="date" label={t('caseView.services.deliveredOn')} error={errors.deliveredOn} value={deliveredOn} onChange={(event) => { setDeliveredOn(event.target.value); }} />
          <TextAreaField id={fieldId('notes')} label={t('caseView.services.notes')} error={errors.notes} value={notes} onChange={setNotes} />
        </>
      )}
    </CaseForm>
  );
}
