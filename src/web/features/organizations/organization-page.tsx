import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { hasFieldErrors, type FieldErrors } from '../../components/field-errors.js';
import { pickText } from '../../components/formatting.js';
import { describeError, QueryResult } from '../../components/query-result.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { OrganizationFields } from './organization-fields.js';
import {
  changesOf,
  checkDraft,
  draftOf,
  organizationFieldErrors,
  organizationFields,
  withChange,
  type OrganizationDraft,
  type OrganizationField,
} from './organization-form.js';
import { updateOrganization, type Organization } from './organizations-api.js';
import { useOrganizationDirectory } from './use-organization-directory.js';

/** One organization: what stays (code, kind) and a form for the rest. */
export function OrganizationPage() {
  const { organizationId = '' } = useParams();
  const directory = useOrganizationDirectory();
  return (
    <QueryResult query={directory}>
      {(organizations) => {
        const organization = organizations.find((candidate) => candidate.id === organizationId);
        return organization === undefined ? (
          <OrganizationNotFound />
        ) : (
          <OrganizationDetails key={organization.id} initial={organization} directory={organizations} />
        );
      }}
    </QueryResult>
  );
}

function OrganizationNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('organization.notFoundDocumentTitle')}</title>
      <h1>{t('organization.notFoundHeading')}</h1>
      <p>{t('organization.notFoundBody')}</p>
      <p>
        <Link to="/admin/organizations">{t('organization.backToList')}</Link>
      </p>
    </>
  );
}

type Feedback = { kind: 'done'; message: string } | { kind: 'failed'; message: string; requestId: string | null } | null;

interface OrganizationDetailsProps {
  initial: Organization;
  directory: readonly Organization[];
}

function OrganizationDetails({ initial, directory }: OrganizationDetailsProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const id = useId();
  const [organization, setOrganization] = useState(initial);
  const [draft, setDraft] = useState<OrganizationDraft>(() => draftOf(initial));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<OrganizationField>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
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
    const missing = checkDraft(draft, 'edit', t);
    if (hasFieldErrors(missing)) {
      setErrors(missing);
      setFeedback(null);
      setFocusSummary(true);
      return;
    }
    setErrors({});
    const change = changesOf(organization, draft);
    if (change === null) {
      setFeedback({ kind: 'done', message: t('organization.nothingChanged') });
      return;
    }
    setBusy(true);
    setFeedback(null);
    try {
      await updateOrganization(organization.id, change);
      setOrganization(withChange(organization, change));
      setFeedback({ kind: 'done', message: t('organization.saved') });
    } catch (error) {
      const byField = organizationFieldErrors(error, t);
      setErrors(byField);
      if (!hasFieldErrors(byField)) {
        setFeedback({ kind: 'failed', ...describeError(error, t) });
      }
      setFocusSummary(true);
    } finally {
      setBusy(false);
    }
  };

  const summaryItems: ErrorSummaryItem[] = organizationFields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });
  const name = pickText(organization.name, language);

  return (
    <div className="form-page">
      <title>{t('organization.documentTitle', { name })}</title>
      <p className="back-link">
        <Link to="/admin/organizations">{t('organization.backToList')}</Link>
      </p>
      <h1>{name}</h1>
      <dl className="details">
        <div>
          <dt>{t('organizationForm.code')}</dt>
          <dd>{organization.code}</dd>
        </div>
        <div>
          <dt>{t('organizationForm.kind')}</dt>
          <dd>{t(`organizationKinds.${organization.kind}`)}</dd>
        </div>
      </dl>
      <p className="field-hint">{t('organization.fixedHint')}</p>

      <div role="status" className={feedback?.kind === 'done' ? 'notice notice-success' : undefined}>
        {feedback?.kind === 'done' ? feedback.message : null}
      </div>

      <section className="panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('organization.editHeading')}</h2>
        <form noValidate onSubmit={(event) => void submit(event)}>
          {(summaryItems.length > 0 || feedback?.kind === 'failed') && (
            <ErrorSummary
              ref={summaryRef}
              title={feedback?.kind === 'failed' ? t('organization.saveFailed') : t('common.errorSummaryTitle')}
              items={summaryItems}
              message={feedback?.kind === 'failed' ? feedback.message : null}
              requestId={feedback?.kind === 'failed' ? feedback.requestId : null}
              requestIdLabel={t('common.requestId')}
            />
          )}
          <OrganizationFields
            mode="edit"
            draft={draft}
            onChange={setDraft}
            errors={errors}
            fieldId={fieldId}
            directory={directory}
            saved={organization}
          />
          <p className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('organization.save')}
            </button>
          </p>
        </form>
      </section>
    </div>
  );
}
