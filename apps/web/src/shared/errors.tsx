import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatDate } from './dates';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An error's parameters as a person reads them: days as dd/mm/yyyy. */
function readableParams(params: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'string' && ISO_DAY.test(v) ? formatDate(v) : v]),
  );
}

/** The translation of a code the API sends with its parameters, or '' for a code the app does not know. */
export function codeText(t: TFunction, code: string, params?: Record<string, unknown>): string {
  return code ? t(`error.${code}`, { ...readableParams(params), defaultValue: '' }) : '';
}

/** A refusal in the user's language: the code's translation (never the API's English message). */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const translated = codeText(t, error.code ?? '', error.body.params);
    if (translated) return translated;
    if (error.status >= 500) return t('error.INTERNAL');
    return t('error.UNKNOWN', { status: error.status });
  }
  return t('error.NETWORK');
}

/** The error of a request, shown where the user acts (with an alert role for screen readers). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 16 }} />;
}

/**
 * Puts the API's refusal on the form field it concerns (`field`, a dotted path, e.g. `ballots.valid` or
 * `tallies.person/bn-02`), mapped to the form's own field names by `toFormField`. Returns whether it landed on a
 * field; if not, the caller shows it above the form.
 */
export function applyServerError(
  t: TFunction,
  form: FormInstance,
  error: unknown,
  toFormField: (field: string) => (string | number)[] | null,
): boolean {
  if (!(error instanceof ApiError) || !error.field) return false;
  const name = toFormField(error.field);
  if (!name) return false;
  form.setFields([{ name, errors: [errorText(t, error)] }]);
  return true;
}
