import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { healthSchema, type Health } from '../../../shared/system.schemas.js';
import { formatDateTimeInKazakhstan } from '../../components/formatting.js';
import { QueryResult } from '../../components/query-result.js';
import { useApiQuery } from '../../components/use-api-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { DemoLoadProgress } from './demo-load-progress.js';

const healthPath = '/api/v1/health';

const databaseKindLabel = {
  pglite: 'status.databasePglite',
  postgresql: 'status.databasePostgresql',
} as const satisfies Record<Health['database']['kind'], string>;

export function SystemStatus() {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useApiQuery(healthPath, healthSchema);
  return (
    <section className="status-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('status.heading')}</h2>
      <QueryResult query={query}>
        {(health) => (
          <>
            <HealthDetails health={health} />
            <DemoLoadProgress initial={health.demo} />
          </>
        )}
      </QueryResult>
    </section>
  );
}

function HealthDetails({ health }: { health: Health }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { migration } = health.database;
  return (
    <dl className="status-list">
      <div>
        <dt>{t('status.state')}</dt>
        <dd>{t('status.stateOk')}</dd>
      </div>
      <div>
        <dt>{t('status.version')}</dt>
        <dd>{health.version}</dd>
      </div>
      <div>
        <dt>{t('status.database')}</dt>
        <dd>{t(databaseKindLabel[health.database.kind])}</dd>
      </div>
      <div>
        <dt>{t('status.schema')}</dt>
        <dd>
          {migration === null
            ? t('status.schemaNone')
            : t('status.schemaVersion', { version: migration.version, name: migration.name })}
        </dd>
      </div>
      <div>
        <dt>{t('status.serverTime')}</dt>
        <dd>
          <time dateTime={health.serverTime}>{formatDateTimeInKazakhstan(health.serverTime, language)}</time>
        </dd>
      </div>
    </dl>
  );
}
