import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/formatting.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { moveToStage } from './justice-api.js';
import { JusticeForm } from './justice-form.js';
import type { ProceedingSectionProps } from './proceeding-page.js';
import { moveNeedsReason, stageMoveRequestOf, type StageMoveDraft } from './proceeding-form.js';

const fields = ['stage', 'occurredOn', 'reason'] as const;

/** Where the proceeding stands, the moves the rules allow from there, and every stage it passed through. */
export function StageSection({ detail, manage, onChanged }: ProceedingSectionProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const historyId = useId();
  const [draft, setDraft] = useState<StageMoveDraft>({ stage: '', occurredOn: '', reason: '' });
  const needsReason = moveNeedsReason(detail.nextStages, draft.stage);
  const forward = detail.nextStages.filter((next) => next.move === 'forward');
  const back = detail.nextStages.filter((next) => next.move === 'back');
  return (
    <section id="proceeding-stage" aria-labelledby="proceeding-stage-heading" className="case-section">
      <h2 id="proceeding-stage-heading">{t('justice.stage.heading')}</h2>
      {manage && detail.nextStages.length > 0 && (
        <JusticeForm
          heading={t('justice.stage.moveHeading')}
          fields={fields}
          submitLabel={t('justice.stage.move')}
          check={() => ({
            ...(draft.stage === '' ? { stage: t('justice.stage.chooseStage') } : {}),
            ...(draft.occurredOn === '' ? { occurredOn: t('justice.fieldErrors.date') } : {}),
            ...(needsReason && draft.reason.trim() === '' ? { reason: t('justice.refusals.stage_back_needs_reason') } : {}),
          })}
          send={async () => {
            if (draft.stage === '') {
              return '';
            }
            const stage = draft.stage;
            await moveToStage(detail.summary.id, stageMoveRequestOf({ ...draft, stage }));
            return t('justice.stage.moved', { stage: t(`justice.stages.${stage}`) });
          }}
          onDone={(notice) => {
            setDraft({ stage: '', occurredOn: '', reason: '' });
            onChanged(notice);
          }}
        >
          {(place) => (
            <>
              <fieldset id={place.fieldId('stage')} tabIndex={-1} className={place.errors.stage === undefined ? 'field checkbox-group' : 'field checkbox-group has-error'}>
                <legend>{t('justice.stage.to', { stage: t(`justice.stages.${detail.summary.stage}`) })}</legend>
                {place.errors.stage !== undefined && <p className="field-error">{place.errors.stage}</p>}
                <ul className="checkbox-list">
                  {[...forward, ...back].map((next) => (
                    <li key={next.stage} className="checkbox-field">
                      <input
                        id={`${place.fieldId('stage')}-${next.stage}`}
                        type="radio"
                        name={place.fieldId('stage')}
                        checked={draft.stage === next.stage}
                        onChange={() => {
                          setDraft({ ...draft, stage: next.stage });
                        }}
                      />
                      <label htmlFor={`${place.fieldId('stage')}-${next.stage}`}>
                        {t(`justice.stages.${next.stage}`)}
                        {next.move === 'back' && <span className="cell-note"> — {t('justice.stage.backNote')}</span>}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <TextField
                id={place.fieldId('occurredOn')}
                label={t('justice.stage.occurredOn')}
                type="date"
                value={draft.occurredOn}
                error={place.errors.occurredOn}
                onChange={(event) => {
                  setDraft({ ...draft, occurredOn: event.target.value });
                }}
              />
              <TextAreaField
                id={place.fieldId('reason')}
                label={needsReason ? t('justice.stage.reasonRequired') : t('justice.stage.reason')}
                hint={t('justice.stage.reasonHint')}
                maxLength={2000}
                value={draft.reason}
                error={place.errors.reason}
                onChange={(reason) => {
                  setDraft({ ...draft, reason });
                }}
              />
            </>
          )}
        </JusticeForm>
      )}
      {detail.nextStages.length === 0 && <p>{t('justice.stage.noMoves')}</p>}
      <TableScroller captionId={historyId}>
        <table>
          <caption id={historyId}>{t('justice.stage.historyHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('justice.stage.colDate')}</th>
              <th scope="col">{t('justice.stage.colStage')}</th>
              <th scope="col">{t('justice.stage.colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.stageHistory.map((change, index) => (
              <tr key={`${change.recordedAt}-${index}`}>
                <td className="nowrap">{formatDate(change.occurredOn, language)}</td>
                <td>{t(`justice.stages.${change.stage}`)}</td>
                <td className="preserve-lines">{change.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </section>
  );
}
