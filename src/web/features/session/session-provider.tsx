import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiProblem, onUnauthenticated, setCsrfToken } from '../../api-client.js';
import { storeLanguageChoice } from '../../i18n/setup-i18n.js';
import type { UiLanguage } from '../../i18n/ui-languages.js';
import { signInLink, signInPath } from './return-path.js';
import { fetchMe, postLogin, postLogout, postMfaCode, putLanguage, type Credentials, type Me } from './session-api.js';
import { SessionContext, type Session, type SessionState } from './session-context.js';

// The session cookie is HttpOnly, so the page cannot see it. This flag remembers
// that this browser had a session, so that a 401 at start-up can be told
// apart: "your session expired" rather than a plain sign-in form.
const sessionFlagKey = 'senim.hadSession';

function rememberSession(held: boolean): void {
  try {
    if (held) {
      localStorage.setItem(sessionFlagKey, '1');
    } else {
      localStorage.removeItem(sessionFlagKey);
    }
  } catch {
    // Storage may be disabled; only the wording after an expiry suffers.
  }
}

function hadSession(): boolean {
  try {
    return localStorage.getItem(sessionFlagKey) === '1';
  } catch {
    return false;
  }
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiProblem && error.problem.status === 401;
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Loads /me at start-up and keeps who is signed in, for the header, the route guards and the pages. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // useNavigate() changes identity on every navigation; the callbacks below must not, or start-up would rerun.
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const applyLanguage = useCallback(
    (language: UiLanguage) => {
      storeLanguageChoice(language);
      if (i18n.language !== language) {
        void i18n.changeLanguage(language);
      }
    },
    [i18n],
  );

  const adopt = useCallback(
    (me: Me) => {
      setCsrfToken(me.session.csrfToken);
      if (me.session.mfa === 'required' || me.session.mfa === 'enroll') {
        setState({ status: 'pending', mfa: me.session.mfa });
        return;
      }
      rememberSession(true);
      // The language is kept per user: whatever this browser showed before, the account's choice wins.
      applyLanguage(me.user.language);
      setState({ status: 'signed-in', me });
    },
    [applyLanguage],
  );

  const expire = useCallback(() => {
    rememberSession(false);
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'expired' });
    const here = currentPath();
    if (!window.location.pathname.startsWith(signInPath)) {
      void navigateRef.current(signInLink({ returnTo: here, expired: true }), { replace: true });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => {
        if (!controller.signal.aborted) {
          adopt(me);
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (!isUnauthenticated(error)) {
          setState({ status: 'unavailable', error });
          return;
        }
        if (hadSession()) {
          expire();
        } else {
          setState({ status: 'anonymous', reason: 'none' });
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [adopt, expire, attempt]);

  // Any 401 from the API while signed in means the server ended the session.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (stateRef.current.status === 'signed-in') {
          expire();
        }
      }),
    [expire],
  );

  // Coming back to a tab left open for hours: find out now, not at the next click.
  useEffect(() => {
    const recheck = () => {
      if (document.visibilityState === 'visible' && stateRef.current.status === 'signed-in') {
        fetchMe().then(adopt, () => {
          // A 401 reaches the listener above; other failures wait for the next request.
        });
      }
    };
    document.addEventListener('visibilitychange', recheck);
    return () => {
      document.removeEventListener('visibilitychange', recheck);
    };
  }, [adopt]);

  const loadMe = useCallback(async () => {
    adopt(await fetchMe());
  }, [adopt]);

  const signIn = useCallback(
    async (credentials: Credentials) => {
      const result = await postLogin(credentials);
      setCsrfToken(result.csrfToken);
      if (result.mfa === 'none') {
        await loadMe();
      } else {
        setState({ status: 'pending', mfa: result.mfa });
      }
      return result;
    },
    [loadMe],
  );

  const submitCode = useCallback(
    async (code: string) => {
      await postMfaCode(code);
      await loadMe();
    },
    [loadMe],
  );

  const forget = useCallback((reason: 'none' | 'signed-out') => {
    rememberSession(false);
    setCsrfToken(null);
    setState({ status: 'anonymous', reason });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await postLogout();
    } catch (error) {
      // Already ended on the server is as good as signed out; anything else must not pretend it worked.
      if (!isUnauthenticated(error)) {
        throw error;
      }
    }
    forget('signed-out');
    // On a page that needs sign-in, <RequireSignIn> goes to the same address.
    void navigateRef.current(signInPath);
  }, [forget]);

  const abandonSignIn = useCallback(async () => {
    try {
      await postLogout();
    } catch {
      // The half-open session times out on its own.
    }
    forget('none');
  }, [forget]);

  const saveLanguage = useCallback(
    async (language: UiLanguage) => {
      applyLanguage(language);
      const current = stateRef.current;
      if (current.status !== 'signed-in' || current.me.user.language === language) {
        return;
      }
      await putLanguage(language);
      setState((previous) =>
        previous.status === 'signed-in' ? { ...previous, me: { ...previous.me, user: { ...previous.me.user, language } } } : previous,
      );
    },
    [applyLanguage],
  );

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const session = useMemo<Session>(
    () => ({ state, signIn, submitCode, signOut, abandonSignIn, saveLanguage, retry, refresh: loadMe }),
    [state, signIn, submitCode, signOut, abandonSignIn, saveLanguage, retry, loadMe],
  );

  return <SessionContext value={session}>{children}</SessionContext>;
}
