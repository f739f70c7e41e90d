import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiProblem } from '../../api-client.js';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary.js';
import { pickText } from '../../components/formatting.js';
import { describeError, QueryResult } from '../../components/query-result.js';
import { planListSchema } from '../../../shared/plan.schemas.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { SelectField } from '../../components/select-field.js';
import { FieldError } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { Organization } from '../organizations/organizations-api.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { useSignedInUser } from '../session/session-context.js';
import { PlanPreview } from './plan-preview.js';
import {
  importRequestOf,
  isBodyProblem,
  isResolved,
  noResolutions,
  problemIdOfField,
  unresolvedProblems,
  withAcknowledgement,
  withBodyMapping,
  type ProblemResolutions,
} from './plan-import.js';
import { importPlan, plansPath, previewPlanImport, type PlanImportPreview, type PlanImportProblem } from './plans-api.js';
import { translateFieldMessage } from '../../components/field-errors.js';

export function ImportPlanPage() {
  const { t } = useTranslation();
  const directory = useOrganizationDirectory();
  return (
    <div className="form-page">
      <title>{t('planImport.documentTitle')}</title>
      <p className="back-link">
        <Link to="/plans">{t('plans.backToList')}</Link>
      </p>
      <h1>{t('planImport.heading')}</h1>
      <p className="lead">{t('planImport.intro')}</p>
      <QueryResult query={directory}>{(organizations) => <ImportPlanForm directory={organizations} />}</QueryResult>
    </div>
  );
}

type Failure = { message: string; requestId: string | null } | null;

/** Errors of the import keyed by the id of the element they belong to: the text, the coordinating body, or a problem's control. */
type ElementErrors = Record<string, string>;

function ImportPlanForm({ directory }: { directory: readonly Organization[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [resolutions, setResolutions] = useState<ProblemResolutions>(noResolutions);
  const [coordinatorCode, setCoordinatorCode] = useState(me.organization.code);
  const [level, setLevel] = useState<'national' | 'regional'>('national');
  const [parentPlanId, setParentPlanId] = useState('');
  const plans = useApiQuery(plansPath, planListSchema);
  const nationalPlans = plans.status === 'success' ? plans.data.items.filter((plan) => plan.level === 'national' && plan.status === 'in_force') : [];
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ElementErrors>({});
  const [failure, setFailure] = useState<Failure>(null);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSummary) {
      summaryRef.current?.focus();
      setFocusSummary(false);
    }
  }, [focusSummary]);

  const textId = `${id}-text`;
  const fileId = `${id}-file`;
  const coordinatorId = `${id}-coordinator`;
  const levelId = `${id}-level`;
  const parentId = `${id}-parent`;
  const problemControlId = (problem: PlanImportProblem): string => `${id}-problem-${problem.id}`;

  const collator = new Intl.Collator(language);
  const organizations = [...directory].sort((a, b) => collator.compare(pickText(a.name, language), pickText(b.name, language)));

  const fail = (elementErrors: ElementErrors, problem: Failure) => {
    setErrors(elementErrors);
    setFailure(problem);
    setFocusSummary(true);
  };

  const changeText = (value: string) => {
    setText(value);
    // A preview belongs to the text it was read from.
    setPreview(null);
    setResolutions(noResolutions);
    setErrors({});
    setFailure(null);
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) {
      return;
    }
    try {
      changeText(await file.text());
    } catch {
      fail({ [fileId]: t('planImport.fileUnreadable') }, null);
    }
  };

  const read = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      fail({ [textId]: t('planImport.textMissing') }, null);
      return;
    }
    setBusy(true);
    try {
      const read = await previewPlanImport(text, language);
      setPreview(read);
      setResolutions(noResolutions);
      setErrors({});
      setFailure(null);
    } catch (error) {
      fail({}, describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const submitImport = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (preview === null) {
      return;
    }
    const unresolved = unresolvedProblems(preview, resolutions);
    if (unresolved.length > 0) {
      fail(Object.fromEntries(unresolved.map((problem) => [problemControlId(problem), t('planImport.problemUnresolved')])), null);
      return;
    }
    if (level === 'regional' && parentPlanId === '') {
      fail({ [parentId]: t('planImport.parentMissing') }, null);
      return;
    }
    setBusy(true);
    try {
      const placement = level === 'regional' ? { level, parentPlanId } : { level };
      const imported = await importPlan(importRequestOf({ text, coordinatorCode, preview, resolutions, placement }));
      void navigate('/plans', { state: { imported: { title: preview.title, measures: imported.measures } } });
    } catch (error) {
      const byElement = importErrors(error, preview);
      fail(byElement, Object.keys(byElement).length === 0 ? describeError(error, t) : null);
    } finally {
      setBusy(false);
    }
  };

  /** The server's 422: each unresolved problem by its id, and the text or the coordinating body when those were refused. */
  const importErrors = (error: unknown, read: PlanImportPreview): ElementErrors => {
    const result: ElementErrors = {};
    if (!(error instanceof ApiProblem)) {
      return result;
    }
    for (const problem of error.problem.errors ?? []) {
      const problemId = problemIdOfField(problem.field);
      const matching = read.problems.find((candidate) => candidate.id === problemId);
      if (matching !== undefined) {
        result[problemControlId(matching)] = t('planImport.problemRefused', { detail: translateFieldMessage(problem, t) });
      } else if (problem.field === 'body.text') {
        result[textId] = t('planImport.textRefused', { detail: translateFieldMessage(problem, t) });
      } else if (problem.field === 'body.coordinatorCode') {
        result[coordinatorId] = t('planImport.coordinatorRefused');
      } else if (problem.field === 'body.parentPlanId') {
        result[parentId] = t('planImport.parentRefused', { detail: translateFieldMessage(problem, t) });
      }
    }
    return result;
  };

  // In the order of the page, which is the order of the error summary.
  const orderedIds = [textId, fileId, ...(preview?.problems.map(problemControlId) ?? []), coordinatorId, levelId, parentId];
  const summaryItems: ErrorSummaryItem[] = orderedIds.flatMap((fieldId) => {
    const message = errors[fieldId];
    return message === undefined ? [] : [{ fieldId, message }];
  });
  const remaining = preview === null ? 0 : unresolvedProblems(preview, resolutions).length;

  return (
    <>
      {(summaryItems.length > 0 || failure !== null) && (
        <ErrorSummary
          ref={summaryRef}
          title={t('common.errorSummaryTitle')}
          items={summaryItems}
          message={failure?.message ?? null}
          requestId={failure?.requestId ?? null}
          requestIdLabel={t('common.requestId')}
        />
      )}
      <form noValidate onSubmit={(event) => void read(event)} aria-labelledby={`${id}-read-heading`}>
        <h2 id={`${id}-read-heading`}>{t('planImport.readHeading')}</h2>
        <div className={errors[textId] === undefined ? 'field' : 'field has-error'}>
          <label htmlFor={textId}>{t('planImport.text')}</label>
          <p id={`${textId}-hint`} className="field-hint">
            {t('planImport.textHint')}
          </p>
          {errors[textId] !== undefined && <FieldError id={`${textId}-error`} message={errors[textId]} />}
          <textarea
            id={textId}
            className="input-wide"
            rows={12}
            spellCheck={false}
            value={text}
            aria-invalid={errors[textId] === undefined ? undefined : true}
            aria-describedby={errors[textId] === undefined ? `${textId}-hint` : `${textId}-hint ${textId}-error`}
            onChange={(event) => {
              changeText(event.target.value);
            }}
          />
        </div>
        <div className={errors[fileId] === undefined ? 'field' : 'field has-error'}>
          <label htmlFor={fileId}>{t('planImport.file')}</label>
          {errors[fileId] !== undefined && <FieldError id={`${fileId}-error`} message={errors[fileId]} />}
          <input
            id={fileId}
            type="file"
            accept=".txt,text/plain"
            aria-invalid={errors[fileId] === undefined ? undefined : true}
            aria-describedby={errors[fileId] === undefined ? undefined : `${fileId}-error`}
            onChange={(event) => void readFile(event)}
          />
        </div>
        <p className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('planImport.read')}
          </button>
        </p>
      </form>

      {preview !== null && (
        <>
          <PlanPreview preview={preview} directory={directory} />
          <form noValidate onSubmit={(event) => void submitImport(event)} aria-labelledby={`${id}-import-heading`}>
            <h2 id={`${id}-import-heading`}>{t('planImport.problemsHeading', { number: preview.problems.length })}</h2>
            {preview.problems.length === 0 ? (
              <p>{t('planImport.noProblems')}</p>
            ) : (
              <>
                <p className="field-hint">{t('planImport.problemsHint')}</p>
                <ol className="problem-list">
                  {preview.problems.map((problem) => (
                    <ProblemItem
                      key={problem.id}
                      problem={problem}
                      controlId={problemControlId(problem)}
                      error={errors[problemControlId(problem)]}
                      resolutions={resolutions}
                      organizations={organizations}
                      onChange={setResolutions}
                    />
                  ))}
                </ol>
              </>
            )}
            <SelectField
              id={coordinatorId}
              label={t('planImport.coordinator')}
              hint={t('planImport.coordinatorHint')}
              error={errors[coordinatorId]}
              value={coordinatorCode}
              onChange={(event) => {
                setCoordinatorCode(event.target.value);
              }}
            >
              {organizations.map((organization) => (
                <option key={organization.code} value={organization.code}>
                  {pickText(organization.name, language)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={levelId}
              label={t('planImport.level')}
              hint={t('planImport.levelHint')}
              value={level}
              onChange={(event) => {
                setLevel(event.target.value === 'regional' ? 'regional' : 'national');
              }}
            >
              <option value="national">{t('planLevel.national')}</option>
              <option value="regional">{t('planLevel.regional')}</option>
            </SelectField>
            {level === 'regional' && (
              <SelectField
                id={parentId}
                label={t('planImport.parent')}
                hint={t('planImport.parentHint')}
                error={errors[parentId]}
                value={parentPlanId}
                onChange={(event) => {
                  setParentPlanId(event.target.value);
                }}
              >
                <option value="">{t('planImport.parentNone')}</option>
                {nationalPlans.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.title}
                  </option>
                ))}
              </SelectField>
            )}
            <p role="status" className="field-hint">
              {remaining === 0 ? t('planImport.allResolved') : t('planImport.remaining', { number: remaining })}
            </p>
            <p className="form-actions">
              <button type="submit" className="button" disabled={busy || remaining > 0}>
                {t('planImport.submit')}
              </button>
              <Link to="/plans" className="button button-secondary">
                {t('common.cancel')}
              </Link>
            </p>
          </form>
        </>
      )}
    </>
  );
}

interface ProblemItemProps {
  problem: PlanImportProblem;
  controlId: string;
  error: string | undefined;
  resolutions: ProblemResolutions;
  organizations: readonly Organization[];
  onChange: (resolutions: ProblemResolutions) => void;
}

function ProblemItem({ problem, controlId, error, resolutions, organizations, onChange }: ProblemItemProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = error === undefined ? descriptionId : `${descriptionId} ${errorId}`;
  const where =
    problem.measureNumber === null
      ? t('planImport.problemWhereLine', { line: problem.line ?? '?' })
      : t('planImport.problemWhere', { measure: problem.measureNumber, line: problem.line ?? '?' });
  return (
    <li className={error === undefined ? 'field' : 'field has-error'}>
      <div id={descriptionId}>
        <p className="problem-where">
          <strong>{where}</strong> {problem.message}
        </p>
        <p className="field-hint">
          {t('planImport.asWritten')} <q className="wrap-anywhere">{problem.text}</q>
          {isResolved(problem, resolutions) && <span className="problem-resolved"> {t('planImport.resolved')}</span>}
        </p>
      </div>
      {error !== undefined && <FieldError id={errorId} message={error} />}
      {isBodyProblem(problem) ? (
        <>
          <label htmlFor={controlId}>{t('planImport.mapTo', { text: problem.text })}</label>
          <select
            id={controlId}
            className="input-wide"
            value={resolutions.bodyMappings[problem.text] ?? ''}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={describedBy}
            onChange={(event) => {
              onChange(withBodyMapping(resolutions, problem.text, event.target.value));
            }}
          >
            <option value="">{t('planImport.mapToNone')}</option>
            {organizations.map((organization) => (
              <option key={organization.code} value={organization.code}>
                {pickText(organization.name, language)}
              </option>
            ))}
          </select>
        </>
      ) : (
        <div className="checkbox-field">
          <input
            id={controlId}
            type="checkbox"
            checked={resolutions.acknowledged.includes(problem.id)}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={describedBy}
            onChange={(event) => {
              onChange(withAcknowledgement(resolutions, problem.id, event.target.checked));
            }}
          />
          <label htmlFor={controlId}>{t('planImport.accept')}</label>
        </div>
      )}
    </li>
  );
}
