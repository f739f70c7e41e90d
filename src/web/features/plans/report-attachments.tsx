import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api-client.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { describeError } from '../../components/query-result.js';
import { FieldError } from '../../components/text-field.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { attachmentAccept, base64Of, formatFileSize, uploadProblemOf, uploadProblemOfRefusal } from './attachment-upload.js';
import { attachmentPath, attachReportFile, removeReportFile, type ReportAttachment } from './plans-api.js';
import { translateFieldMessage, type FieldProblemWords } from '../../components/field-errors.js';

interface ReportAttachmentsProps {
  reportId: string | null;
  attachments: ReportAttachment[];
  /** The body may add and remove files while its report is a draft or returned. */
  changeable: boolean;
  onChange: (attachments: ReportAttachment[]) => void;
}

type Failure = { message: string; requestId: string | null } | null;

/** The files a report carries: letters, tables, photos of an event. */
export function ReportAttachments({ reportId, attachments, changeable, onChange }: ReportAttachmentsProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const id = useId();
  const fileId = `${id}-file`;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const run = async (action: () => Promise<ReportAttachment[]>) => {
    setBusy(true);
    setFailure(null);
    try {
      onChange(await action());
      return true;
    } catch (caught) {
      const fieldProblem = caught instanceof ApiProblem ? caught.problem.errors?.[0] : undefined;
      if (fieldProblem === undefined) {
        setFailure(describeError(caught, t));
      } else {
        setError(attachmentRefusal(fieldProblem, t));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = uploadProblemOf(file);
    if (problem !== null || file === null || reportId === null) {
      setError(t(`planAttachments.problem.${problem ?? 'none'}`));
      return;
    }
    setError(undefined);
    const content = base64Of(new Uint8Array(await file.arrayBuffer()));
    if (await run(() => attachReportFile(reportId, { fileName: file.name, content }))) {
      setFile(null);
      setInputKey((key) => key + 1);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('planAttachments.heading')}</h2>
      {failure !== null && (
        <ErrorSummary title={t('planAttachments.failed')} items={[]} message={failure.message} requestId={failure.requestId} requestIdLabel={t('common.requestId')} />
      )}
      {attachments.length === 0 ? (
        <p>{t('planAttachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachmentPath(attachment.id)} download={attachment.fileName}>
                {attachment.fileName}
              </a>{' '}
              <span className="cell-note">
                {formatFileSize(attachment.sizeBytes, language)}, {formatDateTimeInKazakhstan(attachment.uploadedAt, language)}
              </span>
              {changeable && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy}
                    onClick={() => {
                      void run(() => removeReportFile(attachment.id));
                    }}
                  >
                    {t('planAttachments.remove')}
                    <span className="visually-hidden"> {attachment.fileName}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {changeable && reportId === null && <p className="field-hint">{t('planAttachments.saveFirst')}</p>}
      {changeable && reportId !== null && (
        <form noValidate onSubmit={(event) => void upload(event)}>
          <div className={error === undefined ? 'field' : 'field has-error'}>
            <label htmlFor={fileId}>{t('planAttachments.file')}</label>
            <p id={`${fileId}-hint`} className="field-hint">
              {t('planAttachments.fileHint')}
            </p>
            {error !== undefined && <FieldError id={`${fileId}-error`} message={error} />}
            <input
              key={inputKey}
              id={fileId}
              type="file"
              accept={attachmentAccept}
              aria-invalid={error === undefined ? undefined : true}
              aria-describedby={error === undefined ? `${fileId}-hint` : `${fileId}-hint ${fileId}-error`}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setError(undefined);
              }}
            />
          </div>
          <p className="form-actions">
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('planAttachments.attach')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

function attachmentRefusal(problem: FieldProblemWords, t: TFunction): string {
  const known = uploadProblemOfRefusal(problem.message);
  return known === null ? t('planAttachments.refused', { detail: translateFieldMessage(problem, t) }) : t(`planAttachments.problem.${known}`);
}
