import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anonymousNotificationListSchema, exploitationForms, sexes, type ExploitationForm } from '../../../shared/case.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { formatDate, formatList } from '../../components/formatting.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSignedInUser } from '../session/session-context.js';
import { useRegionNames } from '../users/use-region-names.js';
import { ChoiceGroup } from './case-form-section.js';
import { anonymousNotificationsPath, recordAnonymousNotification } from './cases-api.js';
import { CitizenshipFields, MeetingFields, OptionSelect, PagedTable, ProblemsSummary, RegionSelect, useFormProblems } from './intake-fields.js';
import {
  checkNotificationDraft,
  emptyNotificationDraft,
  notificationFields,
  notificationRequestOf,
  type NotificationDraft,
  type NotificationField,
} from './notification-form.js';

const pageSize = 20;

function notificationFieldOf(path: string): NotificationField | null {
  const name = path.split('.')[1];
  if (name === 'citizenship') {
    return 'otherCitizenship';
  }
  return notificationFields.find((field) => field === name) ?? null;
}

/**
 * An adult who refuses any help or record is still counted: only the
 * facts that identify no one are kept, and no case is opened.
 */
export function AnonymousNotificationPage() {
  const { t } = useTranslation();
  const [recorded, setRecorded] = useState(0);
  return (
    <div className="form-page">
      <title>{t('cases.notifications.documentTitle')}</title>
      <p className="back-link">
        <Link to="/cases">{t('cases.backToWorklists')}</Link>
      </p>
      <h1>{t('cases.notifications.heading')}</h1>
      <p className="lead">{t('cases.notifications.intro')}</p>
      <p className="notice notice-warning">{t('cases.notifications.childWarning')}</p>
      {recorded > 0 && (
        <p className="notice notice-success" role="status">
          {t('cases.notifications.recorded')}
        </p>
      )}
      <NotificationForm
        key={recorded}
        onRecorded={() => {
          setRecorded((count) => count + 1);
        }}
      />
      <NotificationList key={`list-${recorded}`} />
    </div>
  );
}

function NotificationForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const id = useId();
  const today = todayInKazakhstan();
  const [draft, setDraft] = useState<NotificationDraft>(() => emptyNotificationDraft(today, me.regions));
  const [busy, setBusy] = useState(false);
  const problems = useFormProblems<NotificationField>(notificationFieldOf);
  const { errors } = problems;
  const fieldId = (field: NotificationField) => `${id}-${field}`;
  const change = (part: Partial<NotificationDraft>) => {
    setDraft((previous) => ({ ...previous, ...part }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkNotificationDraft(draft, today, t);
    if (Object.keys(found).length > 0) {
      problems.showErrors(found);
      return;
    }
    setBusy(true);
    try {
      await recordAnonymousNotification(notificationRequestOf(draft));
      onRecorded();
    } catch (error) {
      problems.showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('cases.notifications.formLabel')}>
      <ProblemsSummary problems={problems} fields={notificationFields} fieldId={fieldId} />
      <TextField
        id={fieldId('contactDate')}
        label={t('cases.notifications.contactDate')}
        type="date"
        className="input-short"
        max={today}
        error={errors.contactDate}
        value={draft.contactDate}
        onChange={(event) => {
          change({ contactDate: event.target.value });
        }}
      />
      <RegionSelect id={fieldId('regionCode')} label={t('cases.intake.region')} error={errors.regionCode} value={draft.regionCode} onChange={(regionCode) => { change({ regionCode }); }} />
      <MeetingFields
        referralSource={{ id: fieldId('referralSource'), value: draft.referralSource, error: errors.referralSource }}
        meetingContext={{ id: fieldId('meetingContext'), value: draft.meetingContext, error: errors.meetingContext }}
        onChange={change}
      />
      <OptionSelect
        id={`${id}-sex`}
        label={t('cases.intake.sex')}
        value={draft.sex}
        options={sexes}
        labelOf={(value) => t(`cases.sexes.${value}`)}
        onChange={(sex) => {
          change({ sex: sex === '' ? 'not_disclosed' : sex });
        }}
      />
      <OptionSelect
        id={fieldId('ageGroup')}
        label={t('cases.notifications.ageGroup')}
        error={errors.ageGroup}
        value={draft.ageGroup}
        options={['adult', 'unknown', 'child'] as const}
        labelOf={(value) => t(`cases.notifications.ageGroups.${value}`)}
        onChange={(ageGroup) => {
          change({ ageGroup: ageGroup === '' ? 'unknown' : ageGroup });
        }}
      />
      <CitizenshipFields id={id} citizenship={draft.citizenship} otherCitizenship={draft.otherCitizenship} error={errors.otherCitizenship} onChange={change} />
      <ChoiceGroup<ExploitationForm>
        id={`${id}-exploitationForms`}
        legend={t('cases.notifications.exploitationForms')}
        hint={t('cases.notifications.exploitationFormsHint')}
        options={exploitationForms}
        labelOf={(value) => t(`cases.exploitationForms.${value}`)}
        chosen={draft.exploitationForms}
        onChange={(chosen) => {
          change({ exploitationForms: chosen });
        }}
      />
      <OptionSelect
        id={`${id}-traffickingScope`}
        label={t('cases.notifications.traffickingScope')}
        value={draft.traffickingScope}
        options={['internal', 'cross_border'] as const}
        labelOf={(value) => t(`cases.traffickingScopes.${value}`)}
        choose={t('cases.notifications.scopeUnknown')}
        onChange={(traffickingScope) => {
          change({ traffickingScope });
        }}
      />
      <p className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('cases.notifications.submit')}
        </button>
      </p>
    </form>
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const regionName = useRegionNames();
  return (
    <PagedTable
      heading={t('cases.notifications.listHeading')}
      caption={t('cases.notifications.caption')}
      none={t('cases.notifications.none')}
      pageSize={pageSize}
      pathOf={anonymousNotificationsPath}
      schema={anonymousNotificationListSchema}
      columns={[t('cases.notifications.contactDate'), t('cases.colRegion'), t('cases.intake.referralSource'), t('cases.colPerson'), t('cases.notifications.exploitationForms')]}
      row={(notification) => ({
        key: notification.id,
        cells: [
          formatDate(notification.contactDate, language),
          regionName(notification.regionCode),
          t(`cases.referralSources.${notification.referralSource}`),
          `${t(`cases.sexes.${notification.sex}`)}, ${t(`cases.notifications.ageGroups.${notification.ageGroup}`)}`,
          notification.exploitationForms.length === 0
            ? t('cases.notifications.formsUnknown')
            : formatList(notification.exploitationForms.map((form) => t(`cases.exploitationForms.${form}`)), language),
        ],
      })}
    />
  );
}
