import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { healthSchema, type DemoLoad } from '../../../shared/system.schemas.js';
import { getJson } from '../../api-client.js';

const healthPath = '/api/v1/health';
/** How often the page asks again while the demo data load. */
const REFRESH_MS = 3000;

/**
 * On a first start the server answers while it loads the demo data, which
 * takes minutes on a small machine: the person who just started it sees that
 * something is happening, and how far it has come.
 */
export function DemoLoadProgress({ initial }: { initial: DemoLoad | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [demo, setDemo] = useState(initial);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (demo?.state !== 'loading') {
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson(healthPath, { schema: healthSchema, signal: controller.signal }).then(
        (health) => setDemo(health.demo),
        // A missed answer (the server busy, a new release) is asked again at the next turn.
        () => {
          if (!controller.signal.aborted) {
            setAttempt((count) => count + 1);
          }
        },
      );
    }, REFRESH_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [demo, attempt]);

  if (demo === null) {
    return null;
  }
  return (
    <section className="demo-load" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('status.demoHeading')}</h3>
      {demo.state === 'loading' ? (
        <>
          <p role="status">{demo.loaded === 0 ? t('status.demoPreparing') : t('status.demoLoading', { loaded: demo.loaded, total: demo.total })}</p>
          <progress max={demo.total} value={demo.loaded} aria-labelledby={headingId} />
          <p className="note">{t('status.demoLoadingNote')}</p>
        </>
      ) : demo.state === 'loaded' ? (
        <p role="status">{t('status.demoLoaded', { total: demo.loaded })}</p>
      ) : (
        <p role="alert">{t('status.demoFailed', { loaded: demo.loaded, total: demo.total })}</p>
      )}
    </section>
  );
}
