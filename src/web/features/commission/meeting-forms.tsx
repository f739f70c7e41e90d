import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { recordDecision, recordMinutes, type CommissionMeeting } from './commission-api.js';
import { useAction } from './commission-parts.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { responsibleBodies } from './meeting-form.js';

const minutesFields = ['text', 'published'] as const;

export function MinutesForm({ meeting, onDone }: { meeting: CommissionMeeting; onDone: (meeting: CommissionMeeting) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [published, setPublished] = useState(meeting.minutesPublished);
  const action = useAction(minutesFields, (field) => `${formId}-${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(() => recordMinutes(meeting.commissionId, meeting.number, { text, published }), onDone);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('commission.minutesFormHeading')}</h3>
      {action.summary}
      <TextAreaField id={`${formId}-text`} label={t('commission.minutesText')} rows={8} value={text} error={action.fieldErrors.text} onChange={setText} />
      <div className="checkbox-field">
        <input id={`${formId}-published`} type="checkbox" checked={published} onChange={(event) => setPublished(event.target.checked)} />
        <label htmlFor={`${formId}-published`}>{t('commission.publishMinutes')}</label>
      </div>
      <p className="form-actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('commission.saveMinutes')}
        </button>
      </p>
    </form>
  );
}

const decisionFields = ['text', 'responsible', 'dueDate'] as const;

/** A decision names a lead body and others among the members, and a due date. */
export function DecisionForm({ meeting, onDone }: { meeting: CommissionMeeting; onDone: (meeting: CommissionMeeting) => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const formId = useId();
  const [text, setText] = useState('');
  const [lead, setLead] = useState('');
  const [others, setOthers] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState('');
  const action = useAction(decisionFields, (field) => `${formId}-${field === 'responsible' ? 'lead' : field}`);
  const members = meeting.notices.map((notice) => notice.organization);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(
      () => recordDecision(meeting.commissionId, meeting.number, { text, responsible: responsibleBodies(lead, others), dueDate }),
      (changed) => {
        setText('');
        setLead('');
        setOthers([]);
        setDueDate('');
        onDone(changed);
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('commission.decisionFormHeading')}</h3>
      {action.summary}
      <TextAreaField id={`${formId}-text`} label={t('commission.decisionText')} rows={4} value={text} error={action.fieldErrors.text} onChange={setText} />
      <SelectField id={`${formId}-lead`} label={t('commission.leadBody')} value={lead} error={action.fieldErrors.responsible} onChange={(event) => setLead(event.target.value)}>
        <option value="">{t('commission.choose')}</option>
        {members.map((body) => (
          <option key={body.code} value={body.code}>
            {pickText(body.name, language)}
          </option>
        ))}
      </SelectField>
      <fieldset className="checkbox-group">
        <legend>{t('commission.otherBodies')}</legend>
        <div className="checkbox-columns">
          {members
            .filter((body) => body.code !== lead)
            .map((body) => (
              <div className="checkbox-field" key={body.code}>
                <input
                  id={`${formId}-other-${body.code}`}
                  type="checkbox"
                  checked={others.includes(body.code)}
                  onChange={(event) => setOthers(event.target.checked ? [...others, body.code] : others.filter((code) => code !== body.code))}
                />
                <label htmlFor={`${formId}-other-${body.code}`}>{pickText(body.name, language)}</label>
              </div>
            ))}
        </div>
      </fieldset>
      <TextField id={`${formId}-dueDate`} label={t('commission.dueDate')} type="date" value={dueDate} error={action.fieldErrors.dueDate} onChange={(event) => setDueDate(event.target.value)} />
      <p className="form-actions">
        <button type="submit" className="button" disabled={action.busy}>
          {t('commission.recordDecision')}
        </button>
      </p>
    </form>
  );
}
