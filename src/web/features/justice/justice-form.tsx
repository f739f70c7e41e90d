import { RequestForm, type FieldPlace, type ProblemReader, type RequestFormProps } from '../../components/request-form.js';
import { describeJusticeProblem, justiceFieldErrors, nearestField } from './justice-problems.js';

// The investigator's forms: the request form of components/, reading a refusal
// as the rule of criminal procedure in words, and a problem deep in a list
// ('articles.1.articleId') on the nearest field the form has.

const justiceProblems: ProblemReader = {
  fieldErrors: (error, fields, t) => justiceFieldErrors(error, nearestField(fields), t),
  failure: describeJusticeProblem,
  failedTitle: (t) => t('justice.saveFailed'),
};

export type { FieldPlace };

export type JusticeFormProps<Field extends string> = RequestFormProps<Field>;

export function JusticeForm<Field extends string>(props: JusticeFormProps<Field>) {
  return <RequestForm problems={justiceProblems} {...props} />;
}
