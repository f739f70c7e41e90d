import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { roles as allRoles, scopeOf, type Role } from '../../../shared/permissions.js';
import { organizationPageSchema } from '../../../shared/reference.schemas.js';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { fieldErrorsOf, hasFieldErrors, type FieldErrors } from '../../components/field-errors.js';
import { pickText } from '../../components/formatting.js';
import { describeError } from '../../components/query-result.js';
import { FieldError, TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSignedInUser } from '../session/session-context.js';
import { grantableRoles, RegionCheckboxes, RoleCheckboxes } from './role-region-fields.js';
import { createUser, organizationsPath } from './users-api.js';

type Field = 'email' | 'displayName' | 'organizationId' | 'roles' | 'regionCodes' | 'password';
const fields: readonly Field[] = ['email', 'displayName', 'organizationId', 'roles', 'regionCodes', 'password'];

export function AddUserPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const id = useId();
  const available = grantableRoles(me.roles);
  const chooseOrganization = scopeOf(me.roles, 'users.manage') === 'all';

  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organizationId, setOrganizationId] = useState(me.organization.id);
  const [roles, setRoles] = useState<Role[]>([]);
  const [regionCodes, setRegionCodes] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [problem, setProblem] = useState<{ message: string; requestId: string | null } | null>(null);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSummary) {
      summaryRef.current?.focus();
      setFocusSummary(false);
    }
  }, [focusSummary]);

  const fieldId = (field: Field): string => `${id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FieldErrors<Field> = {};
    if (email.trim() === '') {
      missing.email = t('userForm.emailMissing');
    }
    if (displayName.trim() === '') {
      missing.displayName = t('userForm.displayNameMissing');
    }
    if (roles.length === 0) {
      missing.roles = t('fieldErrors.rolesRequired');
    }
    if (password === '') {
      missing.password = t('userForm.passwordMissing');
    }
    if (hasFieldErrors(missing)) {
      setErrors(missing);
      setProblem(null);
      setFocusSummary(true);
      return;
    }
    setBusy(true);
    try {
      const created = await createUser({
        email: email.trim(),
        displayName: displayName.trim(),
        roles,
        regionCodes,
        password,
        ...(chooseOrganization && organizationId !== me.organization.id ? { organizationId } : {}),
      });
      void navigate('/admin/users', { state: { created: { displayName: created.displayName, email: created.email } } });
    } catch (error) {
      const byField = fieldErrorsOf(error, fields, t);
      setErrors(byField);
      setProblem(hasFieldErrors(byField) ? null : describeError(error, t));
      setFocusSummary(true);
    } finally {
      setBusy(false);
    }
  };

  const summaryItems: ErrorSummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message === undefined ? [] : [{ fieldId: fieldId(field), message }];
  });

  return (
    <div className="form-page">
      <title>{t('addUser.documentTitle')}</title>
      <p className="back-link">
        <Link to="/admin/users">{t('user.backToList')}</Link>
      </p>
      <h1>{t('addUser.heading')}</h1>
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
        <TextField
          id={fieldId('email')}
          label={t('userForm.email')}
          hint={t('userForm.emailHint')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          error={errors.email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <TextField
          id={fieldId('displayName')}
          label={t('userForm.displayName')}
          autoComplete="off"
          value={displayName}
          error={errors.displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
          }}
        />
        {chooseOrganization && (
          <OrganizationSelect id={fieldId('organizationId')} value={organizationId} error={errors.organizationId} onChange={setOrganizationId} />
        )}
        <RoleCheckboxes
          idPrefix={fieldId('roles')}
          available={available}
          selected={roles}
          // An organization's administrator is told why the national roles are not offered.
          {...(available.length < allRoles.length ? { hint: `${t('userForm.rolesHint')} ${t('userForm.nationalOnly')}` } : {})}
          error={errors.roles}
          onChange={setRoles}
        />
        <RegionCheckboxes idPrefix={fieldId('regionCodes')} selected={regionCodes} error={errors.regionCodes} onChange={setRegionCodes} />
        <TextField
          id={fieldId('password')}
          label={t('userForm.password')}
          hint={t('userForm.passwordHint')}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          error={errors.password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
        <p className="checkbox-field">
          <input
            id={`${id}-show-password`}
            type="checkbox"
            checked={showPassword}
            onChange={(event) => {
              setShowPassword(event.target.checked);
            }}
          />
          <label htmlFor={`${id}-show-password`}>{t('userForm.showPassword')}</label>
        </p>
        <p className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('addUser.submit')}
          </button>
          <Link to="/admin/users" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </p>
      </form>
    </div>
  );
}

interface OrganizationSelectProps {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (organizationId: string) => void;
}

/** National administrators add users to any organization; others always to their own. */
function OrganizationSelect({ id, value, error, onChange }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const query = useApiQuery(organizationsPath, organizationPageSchema);
  const collator = new Intl.Collator(language);
  const organizations =
    query.status === 'success'
      ? [...query.data.items].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)))
      : [];
  const hasOwn = organizations.some((organization) => organization.id === me.organization.id);
  const errorId = `${id}-error`;
  return (
    <div className={error === undefined ? 'field' : 'field has-error'}>
      <label htmlFor={id}>{t('userForm.organization')}</label>
      {error !== undefined && <FieldError id={errorId} message={error} />}
      <select
        id={id}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {!hasOwn && <option value={me.organization.id}>{pickText(me.organization.name, language)}</option>}
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {pickText(organization.name, language)} ({organization.code})
          </option>
        ))}
      </select>
    </div>
  );
}
