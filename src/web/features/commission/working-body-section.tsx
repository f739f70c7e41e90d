import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { handOverWorkingBody, type Commission } from './commission-api.js';
import { OrganizationName, useAction } from './commission-parts.js';

/** Who served as working body when, the next body the rotation proposes, and the hand-over. */
export function WorkingBodySection({ commission, onChange }: { commission: Commission; onChange: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  const proposal = commission.rotation?.proposal ?? null;
  const proposedBody = commission.rotation?.bodies.find((body) => body.code === proposal?.organizationCode);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.workingBodyHeading')}</h2>
      <TableScroller captionId={captionId}>
        <table>
          <caption id={captionId}>{t('commission.workingBodyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commission.colOrganization')}</th>
              <th scope="col">{t('commission.colFrom')}</th>
              <th scope="col">{t('commission.colTo')}</th>
            </tr>
          </thead>
          <tbody>
            {[...commission.workingBodies].reverse().map((period) => (
              <tr key={period.from}>
                <th scope="row">
                  <OrganizationName organization={period.organization} />
                </th>
                <td className="nowrap">{formatDate(period.from, language)}</td>
                <td className="nowrap">{period.to ? formatDate(period.to, language) : t('commission.current')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {commission.rotation && (
        <p>
          {t('commission.rotation', {
            first: pickText(commission.rotation.bodies[0].name, language),
            second: pickText(commission.rotation.bodies[1].name, language),
            years: commission.rotation.years,
          })}{' '}
          {proposal && proposedBody && t('commission.proposal', { body: pickText(proposedBody.name, language), from: formatDate(proposal.from, language) })}
        </p>
      )}
      {commission.canManage && <HandOverForm commission={commission} defaultCode={proposal?.organizationCode ?? ''} defaultFrom={proposal?.from ?? ''} onDone={onChange} />}
    </section>
  );
}

const handOverFields = ['organizationCode', 'from'] as const;

function HandOverForm({ commission, defaultCode, defaultFrom, onDone }: { commission: Commission; defaultCode: string; defaultFrom: string; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const formId = useId();
  const [organizationCode, setOrganizationCode] = useState(defaultCode);
  const [from, setFrom] = useState(defaultFrom);
  const action = useAction(handOverFields, (field) => `${formId}-${field}`);
  const candidates = new Map(
    [...(commission.rotation?.bodies ?? []), ...commission.members.filter((member) => member.current).map((member) => member.organization)].map((body) => [body.code, body]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(() => handOverWorkingBody(commission.id, { organizationCode, from }), onDone);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('commission.handOverHeading')}</h3>
      {action.summary}
      <SelectField
        id={`${formId}-organizationCode`}
        label={t('commission.nextWorkingBody')}
        value={organizationCode}
        error={action.fieldErrors.organizationCode}
        onChange={(event) => setOrganizationCode(event.target.value)}
      >
        <option value="">{t('commission.choose')}</option>
        {[...candidates.values()].map((body) => (
          <option key={body.code} value={body.code}>
            {pickText(body.name, language)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${formId}-from`} label={t('commission.handOverFrom')} type="date" value={from} error={action.fieldErrors.from} onChange={(event) => setFrom(event.target.value)} />
      <p className="form-actions">
        <button type="submit" className="button button-secondary" disabled={action.busy}>
          {t('commission.handOver')}
        </button>
      </p>
    </form>
  );
}
