import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingMessage } from '../../components/query-result.js';

/** A page whose code is fetched the first time it is opened (its module exports it by name). */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * Where pages appear: a loading line while a page's code arrives, and, when it
 * cannot arrive (the connection dropped, or a new version was deployed and the
 * old file is gone), a message with a way to reload instead of a blank screen.
 */
export function PageSlot({ children }: { children: ReactNode }) {
  return (
    <PageLoadBoundary>
      <Suspense fallback={<LoadingMessage />}>{children}</Suspense>
    </PageLoadBoundary>
  );
}

class PageLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="problem">
      <p>{t('shell.pageLoadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('shell.reload')}
      </button>
    </div>
  );
}
