import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { memberKinds, type MemberKind } from '../../../shared/commission.schemas.js';
import { todayInKazakhstan } from '../../../shared/kazakhstan-calendar.js';
import { formatDate, pickText } from '../../components/formatting.js';
import { SelectField } from '../../components/select-field.js';
import { TableScroller } from '../../components/table-scroller.js';
import { TextField } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useOrganizationDirectory } from '../organizations/use-organization-directory.js';
import { addMember, endMembership, setNoticeDays, type Commission } from './commission-api.js';
import { OrganizationName, useAction } from './commission-parts.js';
import { memberKindFor } from './meeting-form.js';

/** Members, current and former; the working body seats an organization or records that one left. */
export function MembersSection({ commission, onChange }: { commission: Commission; onChange: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const captionId = useId();
  const leaving = useAction([], () => '');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commission.membersHeading')}</h2>
      {leaving.summary}
      <TableScroller captionId={captionId}>
        <table>
          <caption id={captionId}>{t('commission.membersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commission.colOrganization')}</th>
              <th scope="col">{t('commission.colKind')}</th>
              <th scope="col">{t('commission.colFrom')}</th>
              <th scope="col">{t('commission.colTo')}</th>
              {commission.canManage && <th scope="col">{t('commission.colAction')}</th>}
            </tr>
          </thead>
          <tbody>
            {commission.members.map((member) => (
              <tr key={member.id} className={member.current ? undefined : 'is-ended'}>
                <th scope="row">
                  <OrganizationName organization={member.organization} />
                </th>
                <td>{t(`commission.memberKind.${member.kind}`)}</td>
                <td className="nowrap">{formatDate(member.from, language)}</td>
                <td className="nowrap">{member.to ? formatDate(member.to, language) : t('commission.current')}</td>
                {commission.canManage && (
                  <td>
                    {member.to === null && (
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        disabled={leaving.busy}
                        aria-label={t('commission.endMembershipOf', { organization: pickText(member.organization.name, language) })}
                        onClick={() => leaving.run(() => endMembership(commission.id, member.id, { on: todayInKazakhstan() }), onChange)}
                      >
                        {t('commission.endMembership')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {commission.canManage && <AddMemberForm commission={commission} onDone={onChange} />}
      {commission.canManage && <NoticeDaysForm commission={commission} onDone={onChange} />}
    </section>
  );
}

const memberFields = ['organizationCode', 'kind', 'from'] as const;

function AddMemberForm({ commission, onDone }: { commission: Commission; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const formId = useId();
  const directory = useOrganizationDirectory();
  const [organizationCode, setOrganizationCode] = useState('');
  const [kind, setKind] = useState<MemberKind | ''>('');
  const [from, setFrom] = useState('');
  const action = useAction(memberFields, (field) => `${formId}-${field}`);
  const seated = new Set(commission.members.filter((member) => member.to === null).map((member) => member.organization.code));
  const candidates = directory.status === 'success' ? directory.data.filter((organization) => !seated.has(organization.code)) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(() => addMember(commission.id, { organizationCode, kind: kind === '' ? 'state_body' : kind, from }), () => {
      setOrganizationCode('');
      setKind('');
      setFrom('');
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('commission.addMemberHeading')}</h3>
      {action.summary}
      <SelectField
        id={`${formId}-organizationCode`}
        label={t('commission.colOrganization')}
        value={organizationCode}
        error={action.fieldErrors.organizationCode}
        onChange={(event) => {
          const code = event.target.value;
          setOrganizationCode(code);
          const organization = candidates.find((candidate) => candidate.code === code);
          if (organization) {
            setKind(memberKindFor(organization.kind));
          }
        }}
      >
        <option value="">{t('commission.choose')}</option>
        {candidates.map((organization) => (
          <option key={organization.code} value={organization.code}>
            {pickText(organization.name, language)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${formId}-kind`} label={t('commission.colKind')} value={kind} error={action.fieldErrors.kind} onChange={(event) => setKind(memberKinds.find((option) => option === event.target.value) ?? '')}>
        <option value="">{t('commission.choose')}</option>
        {memberKinds.map((option) => (
          <option key={option} value={option}>
            {t(`commission.memberKind.${option}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${formId}-from`} label={t('commission.memberFrom')} type="date" value={from} error={action.fieldErrors.from} onChange={(event) => setFrom(event.target.value)} />
      <p className="form-actions">
        <button type="submit" className="button button-secondary" disabled={action.busy}>
          {t('commission.addMember')}
        </button>
      </p>
    </form>
  );
}

const noticeFields = ['noticeDays'] as const;

function NoticeDaysForm({ commission, onDone }: { commission: Commission; onDone: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [days, setDays] = useState(String(commission.noticeDays));
  const action = useAction(noticeFields, (field) => `${formId}-${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.run(() => setNoticeDays(commission.id, Number(days)), onDone);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-heading`}>
      <h3 id={`${formId}-heading`}>{t('commission.noticeDaysHeading')}</h3>
      {action.summary}
      <TextField
        id={`${formId}-noticeDays`}
        label={t('commission.noticeDays')}
        type="number"
        min={1}
        max={90}
        value={days}
        error={action.fieldErrors.noticeDays}
        onChange={(event) => setDays(event.target.value)}
      />
      <p className="form-actions">
        <button type="submit" className="button button-secondary" disabled={action.busy}>
          {t('commission.saveNoticeDays')}
        </button>
      </p>
    </form>
  );
}
