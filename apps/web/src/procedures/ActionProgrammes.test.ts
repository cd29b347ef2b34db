import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../api/views';
import { filedProgrammes } from './ActionProgrammes';

const event = (type: string, data: Record<string, unknown>): TrailEvent => ({ type, data }) as unknown as TrailEvent;

describe('filedProgrammes', () => {
  it('reads who filed an action programme, with its reference and day, from the trail', () => {
    const filed = filedProgrammes([
      event('StepOpened', { stepId: 'candidate-list' }),
      event('ActionProgrammeFiled', { personId: 'p-1', reference: 'CTHĐ-01', filedOn: '2026-12-01' }),
    ]);
    expect([...filed.keys()]).toEqual(['p-1']);
    expect(filed.get('p-1')).toEqual({ reference: 'CTHĐ-01', filedOn: '2026-12-01' });
  });
});
