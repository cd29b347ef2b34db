import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatDate } from './dates';
import { useNames } from './names';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Turns a person id into the name a user reads. */
export type PersonName = (id: string) => string;

/**
 * An error's parameters as a person reads them: days as dd/mm/yyyy, and, where the caller can name people, each list
 * of ids `<x>Ids` also as `<x>Names` (`personIds` → `personNames`, `relativeIds` → `relativeNames`), so a string
 * names people, not ids.
 */
function readableParams(params: Record<string, unknown> | undefined, name?: PersonName): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params ?? {}).flatMap(([k, v]): [string, unknown][] => {
      const readable: [string, unknown] = [k, typeof v === 'string' && ISO_DAY.test(v) ? formatDate(v) : v];
      if (!name || !k.endsWith('Ids') || !Array.isArray(v) || !v.every((id) => typeof id === 'string')) {
        return [readable];
      }
      return [readable, [`${k.slice(0, -3)}Names`, v.map((id: string) => name(id)).join(', ')]];
    }),
  );
}

/** The translation of a code the API sends with its parameters, or '' for a code the app does not know. */
export function codeText(t: TFunction, code: string, params?: Record<string, unknown>, name?: PersonName): string {
  return code ? t(`error.${code}`, { ...readableParams(params, name), defaultValue: '' }) : '';
}

/** A refusal in the user's language: the code's translation (never the API's English message), people by name. */
export function errorText(t: TFunction, error: unknown, name?: PersonName): string {
  if (error instanceof ApiError) {
    const translated = codeText(t, error.code ?? '', error.body.params, name);
    if (translated) return translated;
    if (error.status >= 500) return t('error.INTERNAL');
    return t('error.UNKNOWN', { status: error.status });
  }
  return t('error.NETWORK');
}

/** The people an error's `<x>Ids` parameters list. */
function personIdsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.body.params ?? {}).flatMap(([key, value]) =>
    key.endsWith('Ids') && Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [],
  );
}

/**
 * The error of a request, shown where the user acts (with an alert role for screen readers). The people an error's
 * `<x>Ids` parameters list are named by `name` when the form has their names (namesakes told apart as the form shows
 * them), else from the registry.
 */
export function ErrorAlert({ error, name }: { error: unknown; name?: PersonName }) {
  const { t } = useTranslation();
  const registryName = useNames(name ? [] : personIdsOf(error));
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={errorText(t, error, name ?? registryName)}
      style={{ marginBottom: 16 }}
    />
  );
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
