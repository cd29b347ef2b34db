import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerError } from '../shared/errors';
import type { FieldProblem } from './tally-rules';
import { formFieldOf } from './tally-rules';

/**
 * Submits a form's payload: local problems go on their fields first; a server refusal goes on the field it names,
 * or above the form. Each submit is a new request (the caller makes a new Idempotency-Key per call).
 */
export function useServerForm<T>(form: FormInstance, onSubmit: (payload: T) => Promise<void>) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (payload: T, problems: FieldProblem[] = []): Promise<void> => {
    setError(null);
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.name, errors: [t(p.key, p.params ?? {})] })));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(payload);
    } catch (e) {
      if (!applyServerError(t, form, e, formFieldOf)) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
}
