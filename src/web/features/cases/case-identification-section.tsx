import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exploitationForms, labourSectors, methodsOfControl, recruitmentMethods } from '../../../shared/case.schemas.js';
import { formatDate, formatDateTimeInKazakhstan, formatList } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { can } from '../session/access.js';
import { useSignedInUser } from '../session/session-context.js';
import { CaseForm, ChoiceGroup, type CaseSectionProps } from './case-form-section.js';
import { caseSectionIds, oneOf } from './case-view.js';
import type { IdentificationDecision, IdentificationRequest } from './cases-api.js';
import { decideIdentification } from './cases-api.js';

const outcomes = ['identified', 'not_identified', 'pending'] as const;
const scopes = ['', 'internal', 'cross_border'] as const;
const identificationFields = ['outcome', 'exploitationForms', 'traffickingScope', 'labourSectors', 'methodsOfControl', 'recruitmentMethods', 'reasons', 'reviewsDecisionId'] as const;

type Draft = Required<Omit<IdentificationRequest, 'reviewsDecisionId' | 'traffickingScope'>> & { traffickingScope: (typeof scopes)[number]; reviewsDecisionId: string };

const emptyDraft: Draft = {
  outcome: 'identified',
  exploitationForms: [],
  traffickingScope: '',
  labourSectors: [],
  methodsOfControl: [],
  recruitmentMethods: [],
  reasons: '',
  reviewsDecisionId: '',
};

/** The decision on whether the person is a victim, by an organization the Criteria authorize; a later one may review it. */
export function CaseIdentificationSection({ detail, organizationName, onChanged }: CaseSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const me = useSignedInUser();
  const headingId = useId();
  const decided = detail.summary.latestDecision !== null && detail.summary.latestDecision !== 'pending';
  const newestFirst = [...detail.decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  const open = detail.summary.status === 'active';
  const overdue = detail.dueNext.some((item) => item.kind === 'identification_decision' && item.overdue);

  return (
    <section id={caseSectionIds.identification} aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseView.identification.heading')}</h2>
      {!decided && (
        <p className={overdue ? 'late-mark' : undefined}>
          {t('caseView.identification.dueOn', { date: formatDate(detail.decisionDueOn, language) })}
          {overdue && ` (${t('caseView.overdue')})`}
        </p>
      )}
      {detail.summary.latestDecision === 'identified' && (
        <dl className="details">
          {detail.traffickingScope !== null && (
            <div>
              <dt>{t('caseView.identification.scope')}</dt>
              <dd>{t(`caseView.traffickingScope.${detail.traffickingScope}`)}</dd>
            </div>
          )}
          {detail.labourSectors.length > 0 && (
            <div>
              <dt>{t('caseView.identification.sectors')}</dt>
              <dd>{formatList(detail.labourSectors.map((sector) => t(`caseView.labourSectors.${sector}`)), language)}</dd>
            </div>
          )}
          {detail.methodsOfControl.length > 0 && (
            <div>
              <dt>{t('caseView.identification.methods')}</dt>
              <dd>{formatList(detail.methodsOfControl.map((method) => t(`caseView.methodsOfControl.${method}`)), language)}</dd>
            </div>
          )}
          {detail.recruitmentMethods.length > 0 && (
            <div>
              <dt>{t('caseView.identification.recruitment')}</dt>
              <dd>{formatList(detail.recruitmentMethods.map((method) => t(`caseView.recruitmentMethods.${method}`)), language)}</dd>
            </div>
          )}
        </dl>
      )}
      {newestFirst.length === 0 ? (
        <p>{t('caseView.identification.none')}</p>
      ) : (
        <ol className="plain-list">
          {newestFirst.map((decision) => (
            <li key={decision.id} className="case-record">
              <DecisionRecord decision={decision} organizationName={organizationName} />
            </li>
          ))}
        </ol>
      )}
      {open && can(me.roles, 'cases.identify') && <DecisionForm key={newestFirst.length} caseId={detail.summary.id} decisions={newestFirst} mustReview={decided} onChanged={onChanged} />}
    </section>
  );
}

function DecisionRecord({ decision, organizationName }: { decision: IdentificationDecision; organizationName: (id: string) => string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <>
      <p>
        <strong>{t(`caseView.outcome.${decision.outcome}`)}</strong>
        {decision.exploitationForms.length > 0 && `: ${formatList(decision.exploitationForms.map((form) => t(`caseView.exploitationForms.${form}`)), language)}`}
        {decision.traffickingScope !== null && `; ${t(`caseView.traffickingScope.${decision.traffickingScope}`)}`}
      </p>
      <p className="cell-note">
        {t('caseView.identification.decidedBy', { organization: organizationName(decision.organizationId), time: formatDateTimeInKazakhstan(decision.decidedAt, language) })}
        {decision.reviewsDecisionId !== null && ` ${t('caseView.identification.isReview')}`}
      </p>
      <p className="preserve-lines">{decision.reasons}</p>
    </>
  );
}

interface DecisionFormProps {
  caseId: string;
  /** Newest first. */
  decisions: IdentificationDecision[];
  /** Once identified or not, a further decision reviews one: the API refuses a second first decision. */
  mustReview: boolean;
  onChanged: (notice: string) => void;
}

function DecisionForm({ caseId, decisions, mustReview, onChanged }: DecisionFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [draft, setDraft] = useState<Draft>({ ...emptyDraft, reviewsDecisionId: mustReview ? (decisions[0]?.id ?? '') : '' });
  const change = (part: Partial<Draft>) => {
    setDraft((previous) => ({ ...previous, ...part }));
  };

  return (
    <CaseForm
      heading={mustReview ? t('caseView.identification.reviewHeading') : t('caseView.identification.formHeading')}
      intro={<p className="field-hint">{t('caseView.identification.formIntro')}</p>}
      fields={identificationFields}
      submitLabel={t('caseView.identification.record')}
      send={async () => {
        const { reviewsDecisionId, traffickingScope, ...rest } = draft;
        await decideIdentification(caseId, {
          ...rest,
          traffickingScope: traffickingScope === '' ? null : traffickingScope,
          ...(reviewsDecisionId === '' ? {} : { reviewsDecisionId }),
        });
        return t('caseView.identification.recordedNotice');
      }}
      onDone={onChanged}
    >
      {({ errors, fieldId }) => (
        <>
          <SelectField
            id={fieldId('outcome')}
            label={t('caseView.identification.outcome')}
            error={errors.outcome}
            value={draft.outcome}
            onChange={(event) => {
              change({ outcome: oneOf(outcomes, event.target.value, 'identified') });
            }}
          >
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`caseView.outcome.${outcome}`)}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup
            id={fieldId('exploitationForms')}
            legend={t('caseView.identification.forms')}
            options={exploitationForms}
            labelOf={(form) => t(`caseView.exploitationForms.${form}`)}
            chosen={draft.exploitationForms}
            error={errors.exploitationForms}
            onChange={(chosen) => {
              change({ exploitationForms: chosen });
            }}
          />
          <SelectField
            id={fieldId('traffickingScope')}
            label={t('caseView.identification.scope')}
            error={errors.traffickingScope}
            value={draft.traffickingScope}
            onChange={(event) => {
              change({ traffickingScope: oneOf(scopes, event.target.value, '') });
            }}
          >
            {scopes.map((scope) => (
              <option key={scope} value={scope}>
                {scope === '' ? t('caseView.notKnown') : t(`caseView.traffickingScope.${scope}`)}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup
            id={fieldId('labourSectors')}
            legend={t('caseView.identification.sectors')}
            options={labourSectors}
            labelOf={(sector) => t(`caseView.labourSectors.${sector}`)}
            chosen={draft.labourSectors}
            error={errors.labourSectors}
            onChange={(chosen) => {
              change({ labourSectors: chosen });
            }}
          />
          <ChoiceGroup
            id={fieldId('methodsOfControl')}
            legend={t('caseView.identification.methods')}
            options={methodsOfControl}
            labelOf={(method) => t(`caseView.methodsOfControl.${method}`)}
            chosen={draft.methodsOfControl}
            error={errors.methodsOfControl}
            onChange={(chosen) => {
              change({ methodsOfControl: chosen });
            }}
          />
          <ChoiceGroup
            id={fieldId('recruitmentMethods')}
            legend={t('caseView.identification.recruitment')}
            options={recruitmentMethods}
            labelOf={(method) => t(`caseView.recruitmentMethods.${method}`)}
            chosen={draft.recruitmentMethods}
            error={errors.recruitmentMethods}
            onChange={(chosen) => {
              change({ recruitmentMethods: chosen });
            }}
          />
          <TextAreaField
            id={fieldId('reasons')}
            label={t('caseView.identification.reasons')}
            error={errors.reasons}
            rows={5}
            value={draft.reasons}
            onChange={(reasons) => {
              change({ reasons });
            }}
          />
          {decisions.length > 0 && (
            <SelectField
              id={fieldId('reviewsDecisionId')}
              label={t('caseView.identification.reviews')}
              hint={t('caseView.identification.reviewsHint')}
              error={errors.reviewsDecisionId}
              value={draft.reviewsDecisionId}
              onChange={(event) => {
                change({ reviewsDecisionId: event.target.value });
              }}
            >
              {!mustReview && <option value="">{t('caseView.identification.notAReview')}</option>}
              {decisions.map((decision) => (
                <option key={decision.id} value={decision.id}>
                  {t('caseView.identification.reviewOption', { outcome: t(`caseView.outcome.${decision.outcome}`), time: formatDateTimeInKazakhstan(decision.decidedAt, language) })}
                </option>
              ))}
            </SelectField>
          )}
        </>
      )}
    </CaseForm>
  );
}
