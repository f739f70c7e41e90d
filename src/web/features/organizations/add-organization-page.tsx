import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { hasFieldErrors, type FieldErrors } from '../../components/field-errors.js';
import { pickText } from '../../components/formatting.js';
import { describeError, QueryResult } from '../../components/query-result.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { filtersToParams } from './organization-filters.js';
import { OrganizationFields } from './organization-fields.js';
import {
  checkDraft,
  emptyDraft,
  newOrganizationOf,
  organizationFieldErrors,
  organizationFields,
  type OrganizationDraft,
  type OrganizationField,
} from './organization-form.js';
import { createOrganization, type Organization } from './organizations-api.js';
import { useOrganizationDirectory } from './use-organization-directory.js';

export function AddOrganizationPage() {
  const { t } = useTranslation();
  const directory = useOrganizationDirectory();
  return (
    <div className="form-page">
      <title>{t('addOrganization.documentTitle')}</title>
      <p className="back-link">
        <Link to="/admin/organizations">{t('organization.backToList')}</Link>
      </p>
      <h1>{t('addOrganization.heading')}</h1>
      <QueryResult query={directory}>{(organizations) => <AddOrganizationForm directory={organizations} />}</QueryResult>
    </div>
  );
}

function AddOrganizationForm({ directory }: { directory: readonly Organization[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const id = useId();
  const [draft, setDraft] = useState<OrganizationDraft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<OrganizationField>>({});
  const [problem, setProblem] = useState<{ message: string; requestId: string | null } | null>(null);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSummary) {
      summaryRef.current?.focus();
      setFocusSummary(false);
    }
  }, [focusSummary]);

  const fieldId = (field: OrganizationField): string => `${id}-${field.replace('.', '-')}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = checkDraft(draft, 'create', t);
    if (hasFieldErrors(missing)) {
      setErrors(missing);
      setProblem(null);
      setFocusSummary(true);
      return;
    }
    setBusy(true);
    try {
      const request = newOrganizationOf(draft);
      await createOrganization(request);
      // The list opens on the new organization's kind, where it is easy to find.
      void navigate(
        { pathname: '/admin/organizations', search: new URLSearchParams(filtersToParams({ kind: request.kind, region: '' })).toString() },
        { state: { created: { name: pickText(request.name, language), code: request.code } } },
      );
    } catch (error) {
      const byField = organizationFieldErrors(error, t);
      setErrors(byField);
      setProblem(hasFieldErrors(byField) ? null : describeError(error, t));
      setFocusSummary(true);
    } finally {
      setBusy(false);
    }
  };

  const summaryItems: ErrorSummaryItem[] = organizationFields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {(summaryItems.length > 0 || problem !== null) && (
        <ErrorSummary
          ref={summaryRef}
          title={t('common.errorSummaryTitle')}
          items={summaryItems}
          message={problem?.message ?? null}
          requestId={problem?.requestId ?? null}
          requestIdLabel={t('common.requestId')}
        />
      )}
      <OrganizationFields mode="create" draft={draft} onChange={setDraft} errors={errors} fieldId={fieldId} directory={directory} saved={null} />
      <p className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('addOrganization.submit')}
        </button>
        <Link to="/admin/organizations" className="button button-secondary">
          {t('common.cancel')}
        </Link>
      </p>
    </form>
  );
}
