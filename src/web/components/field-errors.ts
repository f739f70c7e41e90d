import type { TFunction } from 'i18next';
import { ApiProblem } from '../api-client.js';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * The server's per-field problems ('body.password', 'body.roles.0'), keyed by
 * the form's own field names, in the interface language where we know the message.
 */
export function fieldErrorsOf<Field extends string>(error: unknown, fields: readonly Field[], t: TFunction): FieldErrors<Field> {
  const result: FieldErrors<Field> = {};
  if (!(error instanceof ApiProblem)) {
    return result;
  }
  for (const problem of error.problem.errors ?? []) {
    const name = problem.field.split('.')[1];
    const field = fields.find((candidate) => candidate === name);
    if (field === undefined) {
      continue;
    }
    const message = translateFieldMessage(problem.message, t);
    const earlier = result[field];
    result[field] = earlier === undefined ? message : `${earlier} ${message}`;
  }
  return result;
}

type Translator = (match: RegExpExecArray, t: TFunction) => string;

// The server words its field messages in English; these are the ones a form shows often.
const knownMessages: readonly [RegExp, Translator][] = [
  [/^is required$/u, (_, t) => t('fieldErrors.required')],
  [/must be an email address/u, (_, t) => t('fieldErrors.email')],
  [/^is already used$/u, (_, t) => t('fieldErrors.emailTaken')],
  [/give at least one role/u, (_, t) => t('fieldErrors.rolesRequired')],
  [/cannot be granted by you/u, (_, t) => t('fieldErrors.roleNotYours')],
  [/^not for yourself$/u, (_, t) => t('fieldErrors.notForYourself')],
  [/at least (\d+) characters/u, (match, t) => t('fieldErrors.passwordTooShort', { min: match[1] ?? '15' })],
  [/at most (\d+) characters/u, (match, t) => t('fieldErrors.passwordTooLong', { max: match[1] ?? '128' })],
  [/too easy to guess/u, (_, t) => t('fieldErrors.passwordCommon')],
  [/repeated or sequential/u, (_, t) => t('fieldErrors.passwordRepetitive')],
  [/your name, your email/u, (_, t) => t('fieldErrors.passwordContext')],
  [/control characters/u, (_, t) => t('fieldErrors.passwordControl')],
];

export function translateFieldMessage(message: string, t: TFunction): string {
  for (const [pattern, translate] of knownMessages) {
    const match = pattern.exec(message);
    if (match !== null) {
      return translate(match, t);
    }
  }
  return message;
}

export function hasFieldErrors<Field extends string>(errors: FieldErrors<Field>): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}
