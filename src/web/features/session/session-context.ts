import { createContext, useContext } from 'react';
import type { UiLanguage } from '../../i18n/ui-languages.js';
import type { Credentials, Me, SignInResponse } from './session-api.js';

export type SessionState =
  | { status: 'loading' }
  /** /me could not be asked (network, server down): whether anyone is signed in is unknown. */
  | { status: 'unavailable'; error: unknown }
  /** 'expired': the server ended the session; 'signed-out': the user did; 'none': nobody was signed in. */
  | { status: 'anonymous'; reason: 'none' | 'expired' | 'signed-out' }
  /** Password accepted; the authenticator code is still owed. */
  | { status: 'pending'; mfa: 'required' | 'enroll' }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  /** Throws ApiProblem for a wrong password or a lock-out. */
  signIn: (credentials: Credentials) => Promise<SignInResponse>;
  /** The second step; throws ApiProblem for a wrong or reused code. */
  submitCode: (code: string) => Promise<void>;
  /** Ends the session on the server, then here. */
  signOut: () => Promise<void>;
  /** Gives up a half-finished sign-in (MFA owed) without telling the user anything. */
  abandonSignIn: () => Promise<void>;
  /** Keeps the interface language with the user's account when signed in. */
  saveLanguage: (language: UiLanguage) => Promise<void>;
  /** Asks /me again after it could not be reached. */
  retry: () => void;
  /** Reads /me again, after a change to the account such as a new password. */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useSession() needs a <SessionProvider> above it');
  }
  return session;
}

/** The signed-in user, for pages that sit behind <RequireSignIn>. */
export function useSignedInUser(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') {
    throw new Error('useSignedInUser() used outside <RequireSignIn>');
  }
  return state.me;
}
