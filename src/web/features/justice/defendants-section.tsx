import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defendantListSchema, defendantRoles, defendantSexes, sentenceKinds, verdictInstances, verdictOutcomes, type DefendantIdentity } from '../../../shared/defendant.schemas.js';
import { codeArticleChoiceListSchema } from '../../../shared/proceeding.schemas.js';
import { citizenshipName } from '../../../shared/i18n/citizenship-name.js';
import { formatDate } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { CheckboxField } from '../cases/case-form-section.js';
import { CitizenshipFields, OptionSelect } from '../cases/intake-fields.js';
import { useArticleLabel } from './article-rows.js';
import { articleChoicesPath, defendantsPath, openDefendantIdentity, recordDefendant, recordVerdict, type Defendant, type Verdict } from './justice-api.js';
import { JusticeForm } from './justice-form.js';
import type { ProceedingSectionProps } from './proceeding-page.js';
import {
  defendantRequestOf,
  emptyDefendantDraft,
  emptyVerdictDraft,
  sentenceTakesTerm,
  termMonthsOf,
  verdictRequestOf,
  wholeNumberOf,
  yearsAndMonthsOf,
  type DefendantDraft,
  type VerdictDraft,
} from './proceeding-form.js';

/**
 * Suspects and accused: the coarse facts the statistics count, and the
 * verdict on each. Who they are stays sealed; opening it is a separate,
 * recorded step.
 */
export function DefendantsSection({ detail, manage, onChanged }: ProceedingSectionProps) {
  const { t } = useTranslation();
  const query = useApiQuery(defendantsPath(detail.summary.id), defendantListSchema);
  return (
    <section id="proceeding-defendants" aria-labelledby="proceeding-defendants-heading" className="case-section">
      <h2 id="proceeding-defendants-heading">{t('justice.defendants.heading')}</h2>
      <QueryResult query={query}>
        {(list) => (
          <>
            {list.items.length === 0 && <p>{t('justice.defendants.none')}</p>}
            {list.items.map((defendant, index) => (
              <DefendantEntry key={defendant.id} proceedingId={detail.summary.id} number={index + 1} defendant={defendant} manage={manage} onChanged={onChanged} />
            ))}
          </>
        )}
      </QueryResult>
      {manage && (
        <details>
          <summary>{t('justice.defendants.add')}</summary>
          <AddDefendantForm proceedingId={detail.summary.id} onChanged={onChanged} />
        </details>
      )}
    </section>
  );
}

interface DefendantEntryProps {
  proceedingId: string;
  number: number;
  defendant: Defendant;
  manage: boolean;
  onChanged: (notice: string) => void;
}

function DefendantEntry({ proceedingId, number, defendant, manage, onChanged }: DefendantEntryProps) {
  const { t } = useTranslation();
  const facts = [
    t(`justice.defendants.sexes.${defendant.sex}`),
    defendant.ageYears === null ? t('justice.defendants.ageUnknown') : t('justice.defendants.age', { years: defendant.ageYears }),
    citizenshipName(defendant.citizenship, t),
    t(`justice.defendants.roles.${defendant.role}`),
    ...(defendant.organizedGroup ? [t('justice.defendants.organizedGroup')] : []),
  ];
  return (
    <article className="case-record" aria-labelledby={`defendant-${defendant.id}`}>
      <h3 id={`defendant-${defendant.id}`}>{t('justice.defendants.entryHeading', { number, status: t(`justice.defendants.statuses.${defendant.proceduralStatus}`) })}</h3>
      <p>{facts.join(', ')}</p>
      <IdentityReveal proceedingId={proceedingId} defendant={defendant} />
      <p>
        <strong>{t('justice.defendants.verdictInForce')}</strong> {defendant.verdictInForce === null ? t('justice.defendants.noVerdict') : <VerdictWords verdict={defendant.verdictInForce} />}
      </p>
      {defendant.verdicts.length > 1 && (
        <ul className="plain-list cell-note">
          {defendant.verdicts.slice(1).map((verdict) => (
            <li key={verdict.id}>
              <VerdictWords verdict={verdict} />
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <details>
          <summary>{t('justice.verdict.record', { number })}</summary>
          <VerdictForm proceedingId={proceedingId} defendantId={defendant.id} number={number} onChanged={onChanged} />
        </details>
      )}
    </article>
  );
}

function VerdictWords({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const parts = [t(`justice.verdict.outcomes.${verdict.outcome}`)];
  if (verdict.convictionArticle !== null) {
    const article = verdict.convictionPart === null ? verdict.convictionArticle.article : t('justice.verdict.articlePart', { article: verdict.convictionArticle.article, part: verdict.convictionPart });
    parts.push(t('justice.verdict.underArticle', { article, edition: verdict.convictionArticle.edition }));
  }
  if (verdict.sentence !== null) {
    const { kind, months, fineTenge, confiscation } = verdict.sentence;
    const term = months === null ? null : yearsAndMonthsOf(months);
    parts.push(
      [
        t(`justice.verdict.sentences.${kind}`),
        ...(term === null ? [] : [t('justice.verdict.term', { years: term.years, months: term.months })]),
        ...(fineTenge === null ? [] : [t('justice.verdict.fineAmount', { amount: new Intl.NumberFormat(language).format(fineTenge) })]),
        ...(confiscation ? [t('justice.verdict.withConfiscation')] : []),
      ].join(' '),
    );
  }
  return (
    <>
      {parts.join('; ')} <span className="cell-note">({t('justice.verdict.byInstance', { instance: t(`justice.verdict.instances.${verdict.instance}`), date: formatDate(verdict.decidedOn, language) })})</span>
    </>
  );
}

function identityText(identity: DefendantIdentity): string {
  const names = identity.names.map((name) => [name.family, name.given, name.patronymic].filter((part) => part !== undefined).join(' '));
  return [...names, ...(identity.birthDate === null ? [] : [identity.birthDate]), ...identity.documents.map((document) => document.number)].join('; ');
}

/** The sealed identity, opened on request with a stated purpose: the server records who opened it and why. */
function IdentityReveal({ proceedingId, defendant }: { proceedingId: string; defendant: Defendant }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const [opened, setOpened] = useState<DefendantIdentity | null | undefined>(undefined);
  if (!defendant.identityRecorded) {
    return <p className="cell-note">{t('justice.defendants.identityUnknown')}</p>;
  }
  if (opened !== undefined) {
    return (
      <p>
        <strong>{t('justice.defendants.identity')}</strong> {opened === null ? t('justice.defendants.identityUnknown') : identityText(opened)}
      </p>
    );
  }
  return (
    <JusticeForm
      label={t('justice.defendants.showIdentity')}
      intro={<p className="field-hint">{t('justice.defendants.identityAudited')}</p>}
      fields={['purpose'] as const}
      submitLabel={t('justice.defendants.showIdentity')}
      submitClass="button button-secondary button-small"
      check={() => (purpose.trim().length < 5 ? { purpose: t('justice.fieldErrors.purpose') } : {})}
      send={async () => {
        const record = await openDefendantIdentity(proceedingId, defendant.id, purpose.trim());
        setOpened(record.identity);
        return '';
      }}
      onDone={() => undefined}
    >
      {(place) => (
        <TextField
          id={place.fieldId('purpose')}
          label={t('justice.defendants.purpose')}
          className="input-wide"
          autoComplete="off"
          maxLength={300}
          value={purpose}
          error={place.errors.purpose}
          onChange={(event) => {
            setPurpose(event.target.value);
          }}
        />
      )}
    </JusticeForm>
  );
}

const verdictFields = ['instance', 'decidedOn', 'outcome', 'convictionArticleId', 'convictionPart', 'sentence', 'sentence.kind', 'sentence.months', 'sentence.fineTenge'] as const;
type VerdictField = (typeof verdictFields)[number];

function VerdictForm({ proceedingId, defendantId, number, onChanged }: { proceedingId: string; defendantId: string; number: number; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<VerdictDraft>(emptyVerdictDraft);
  const articles = useApiQuery(articleChoicesPath(null), codeArticleChoiceListSchema);
  const labelOf = useArticleLabel();
  const change = (patch: Partial<VerdictDraft>) => {
    setDraft({ ...draft, ...patch });
  };
  const convicted = draft.outcome === 'convicted';
  const check = () => {
    const found: Partial<Record<VerdictField, string>> = {};
    if (draft.outcome === '') {
      found.outcome = t('justice.fieldErrors.choose');
    }
    if (draft.decidedOn === '') {
      found.decidedOn = t('justice.fieldErrors.date');
    }
    if (convicted && sentenceTakesTerm(draft.sentenceKind) && Number.isNaN(termMonthsOf(draft.termYears, draft.termMonths))) {
      found['sentence.months'] = t('justice.fieldErrors.termNumbers');
    }
    if (convicted && draft.sentenceKind === 'fine' && Number.isNaN(wholeNumberOf(draft.fineTenge))) {
      found['sentence.fineTenge'] = t('justice.fieldErrors.wholeNumber');
    }
    return found;
  };
  return (
    <JusticeForm
      heading={t('justice.verdict.heading', { number })}
      fields={verdictFields}
      submitLabel={t('justice.verdict.submit')}
      check={check}
      send={async () => {
        if (draft.outcome === '') {
          return '';
        }
        const outcome = draft.outcome;
        await recordVerdict(proceedingId, defendantId, verdictRequestOf({ ...draft, outcome }));
        return t('justice.verdict.done', { number, outcome: t(`justice.verdict.outcomes.${outcome}`) });
      }}
      onDone={(notice) => {
        setDraft(emptyVerdictDraft);
        onChanged(notice);
      }}
    >
      {(place) => (
        <>
          <OptionSelect
            id={place.fieldId('instance')}
            label={t('justice.verdict.instance')}
            value={draft.instance}
            options={verdictInstances}
            labelOf={(instance) => t(`justice.verdict.instances.${instance}`)}
            error={place.errors.instance}
            onChange={(instance) => {
              change({ instance: instance === '' ? 'first_instance' : instance });
            }}
          />
          <TextField
            id={place.fieldId('decidedOn')}
            label={t('justice.verdict.decidedOn')}
            type="date"
            value={draft.decidedOn}
            error={place.errors.decidedOn}
            onChange={(event) => {
              change({ decidedOn: event.target.value });
            }}
          />
          <OptionSelect
            id={place.fieldId('outcome')}
            label={t('justice.verdict.outcome')}
            value={draft.outcome}
            options={verdictOutcomes}
            labelOf={(outcome) => t(`justice.verdict.outcomes.${outcome}`)}
            choose={t('justice.choose')}
            error={place.errors.outcome}
            onChange={(outcome) => {
              change({ outcome });
            }}
          />
          {convicted && (
            <>
              <SelectField
                id={place.fieldId('convictionArticleId')}
                label={t('justice.verdict.article')}
                className="input-wide"
                value={draft.convictionArticleId}
                error={place.errors.convictionArticleId}
                onChange={(event) => {
                  change({ convictionArticleId: event.target.value });
                }}
              >
                <option value="">{t('justice.choose')}</option>
                {(articles.status === 'success' ? articles.data.items : []).map((choice) => (
                  <option key={choice.articleId} value={String(choice.articleId)}>
                    {labelOf(choice)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={place.fieldId('convictionPart')}
                label={t('justice.register.part')}
                className="input-short"
                inputMode="numeric"
                autoComplete="off"
                value={draft.convictionPart}
                error={place.errors.convictionPart}
                onChange={(event) => {
                  change({ convictionPart: event.target.value });
                }}
              />
              <OptionSelect
                id={place.fieldId('sentence.kind')}
                label={t('justice.verdict.sentence')}
                value={draft.sentenceKind}
                options={sentenceKinds}
                labelOf={(kind) => t(`justice.verdict.sentences.${kind}`)}
                choose={t('justice.choose')}
                error={place.errors['sentence.kind'] ?? place.errors.sentence}
                onChange={(sentenceKind) => {
                  change({ sentenceKind });
                }}
              />
              {sentenceTakesTerm(draft.sentenceKind) && (
                <fieldset id={place.fieldId('sentence.months')} tabIndex={-1} className={place.errors['sentence.months'] === undefined ? 'field-group' : 'field-group has-error'}>
                  <legend>{t('justice.verdict.termLegend')}</legend>
                  {place.errors['sentence.months'] !== undefined && <p className="field-error">{place.errors['sentence.months']}</p>}
                  <div className="filter-grid">
                    <TextField
                      id={`${place.fieldId('sentence.months')}-years`}
                      label={t('justice.verdict.years')}
                      className="input-short"
                      inputMode="numeric"
                      autoComplete="off"
                      value={draft.termYears}
                      onChange={(event) => {
                        change({ termYears: event.target.value });
                      }}
                    />
                    <TextField
                      id={`${place.fieldId('sentence.months')}-months`}
                      label={t('justice.verdict.months')}
                      className="input-short"
                      inputMode="numeric"
                      autoComplete="off"
                      value={draft.termMonths}
                      onChange={(event) => {
                        change({ termMonths: event.target.value });
                      }}
                    />
                  </div>
                </fieldset>
              )}
              {draft.sentenceKind === 'fine' && (
                <TextField
                  id={place.fieldId('sentence.fineTenge')}
                  label={t('justice.verdict.fine')}
                  inputMode="numeric"
                  autoComplete="off"
                  value={draft.fineTenge}
                  error={place.errors['sentence.fineTenge']}
                  onChange={(event) => {
                    change({ fineTenge: event.target.value });
                  }}
                />
              )}
              {draft.sentenceKind !== '' && (
                <CheckboxField
                  id={`${place.fieldId('sentence')}-confiscation`}
                  label={t('justice.verdict.confiscation')}
                  checked={draft.confiscation}
                  onChange={(confiscation) => {
                    change({ confiscation });
                  }}
                />
              )}
            </>
          )}
        </>
      )}
    </JusticeForm>
  );
}

const defendantFields = ['identity', 'sex', 'ageYears', 'citizenship', 'organizedGroup', 'role', 'proceduralStatus'] as const;

function AddDefendantForm({ proceedingId, onChanged }: { proceedingId: string; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DefendantDraft>(emptyDefendantDraft);
  const change = (patch: Partial<DefendantDraft>) => {
    setDraft({ ...draft, ...patch });
  };
  return (
    <JusticeForm
      heading={t('justice.defendants.addHeading')}
      intro={<p className="field-hint">{t('justice.defendants.addIntro')}</p>}
      fields={defendantFields}
      submitLabel={t('justice.defendants.submit')}
      check={() => (Number.isNaN(wholeNumberOf(draft.ageYears)) ? { ageYears: t('justice.fieldErrors.wholeNumber') } : {})}
      send={async () => {
        await recordDefendant(proceedingId, defendantRequestOf(draft));
        return t('justice.defendants.added');
      }}
      onDone={(notice) => {
        setDraft(emptyDefendantDraft);
        onChanged(notice);
      }}
    >
      {(place) => (
        <>
          <fieldset id={place.fieldId('identity')} tabIndex={-1} className={place.errors.identity === undefined ? 'field-group' : 'field-group has-error'}>
            <legend>{t('justice.defendants.nameLegend')}</legend>
            <p className="field-hint">{t('justice.defendants.nameHint')}</p>
            {place.errors.identity !== undefined && <p className="field-error">{place.errors.identity}</p>}
            <div className="filter-grid">
              <TextField id={`${place.fieldId('identity')}-family`} label={t('justice.defendants.familyName')} autoComplete="off" value={draft.familyName} onChange={(event) => { change({ familyName: event.target.value }); }} />
              <TextField id={`${place.fieldId('identity')}-given`} label={t('justice.defendants.givenName')} autoComplete="off" value={draft.givenName} onChange={(event) => { change({ givenName: event.target.value }); }} />
              <TextField id={`${place.fieldId('identity')}-patronymic`} label={t('justice.defendants.patronymic')} autoComplete="off" value={draft.patronymic} onChange={(event) => { change({ patronymic: event.target.value }); }} />
            </div>
          </fieldset>
          <OptionSelect
            id={place.fieldId('proceduralStatus')}
            label={t('justice.proceduralStatus')}
            value={draft.proceduralStatus}
            options={['suspect', 'accused'] as const}
            labelOf={(status) => t(`justice.defendants.statuses.${status}`)}
            error={place.errors.proceduralStatus}
            onChange={(proceduralStatus) => {
              change({ proceduralStatus: proceduralStatus === '' ? 'suspect' : proceduralStatus });
            }}
          />
          <OptionSelect
            id={place.fieldId('sex')}
            label={t('justice.defendants.sex')}
            value={draft.sex}
            options={defendantSexes}
            labelOf={(sex) => t(`justice.defendants.sexes.${sex}`)}
            error={place.errors.sex}
            onChange={(sex) => {
              change({ sex: sex === '' ? 'unknown' : sex });
            }}
          />
          <TextField
            id={place.fieldId('ageYears')}
            label={t('justice.defendants.ageYears')}
            className="input-short"
            inputMode="numeric"
            autoComplete="off"
            value={draft.ageYears}
            error={place.errors.ageYears}
            onChange={(event) => {
              change({ ageYears: event.target.value });
            }}
          />
          <CitizenshipFields
            id={place.fieldId('citizenship')}
            citizenship={draft.citizenship}
            otherCitizenship={draft.otherCitizenship}
            error={place.errors.citizenship}
            onChange={(next) => {
              change(next);
            }}
          />
          <OptionSelect
            id={place.fieldId('role')}
            label={t('justice.defendants.role')}
            value={draft.role}
            options={defendantRoles}
            labelOf={(role) => t(`justice.defendants.roles.${role}`)}
            error={place.errors.role}
            onChange={(role) => {
              change({ role: role === '' ? 'perpetrator' : role });
            }}
          />
          <CheckboxField
            id={place.fieldId('organizedGroup')}
            label={t('justice.defendants.organizedGroupQuestion')}
            checked={draft.organizedGroup}
            onChange={(organizedGroup) => {
              change({ organizedGroup });
            }}
          />
        </>
      )}
    </JusticeForm>
  );
}
