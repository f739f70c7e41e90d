export const signInPath = '/sign-in';

/**
 * The page to open after signing in. Only a path of this site is accepted:
 * "//evil.example" or "https://evil.example" in a crafted link must not
 * send a freshly signed-in user elsewhere.
 */
export function safeReturnPath(value: string | null): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  const path = value.split(/[?#]/u)[0] ?? '';
  if (path === signInPath || path.startsWith(`${signInPath}/`)) {
    return '/';
  }
  return value;
}

export interface SignInLinkOptions {
  /** The page to come back to; the start page needs no mention. */
  returnTo?: string;
  expired?: boolean;
}

export function signInLink({ returnTo, expired = false }: SignInLinkOptions = {}): string {
  const params = new URLSearchParams();
  if (expired) {
    params.set('expired', '1');
  }
  const target = returnTo === undefined ? '/' : safeReturnPath(returnTo);
  if (target !== '/') {
    params.set('returnTo', target);
  }
  const query = params.toString();
  return query === '' ? signInPath : `${signInPath}?${query}`;
}
