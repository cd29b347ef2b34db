import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../api/views';
import { renderVi } from '../test/render';
import { EarlierSteps } from './EarlierSteps';

const stream = 'proc-9/first-session';
let position = 0;
/** One event of a first session's trail, in commit order. */
const event = (type: string, data: Record<string, unknown>): TrailEvent => ({
  position: ++position,
  streamId: stream,
  streamVersion: position,
  type,
  schemaVersion: 1,
  data,
  metadata: {},
  recordedAt: '2025-10-17T08:00:00.000Z',
  idempotencyKey: null,
  prevHash: '',
  hash: '',
  logHash: '',
});
const roundOpened = (office: string, round: number): TrailEvent[] => [
  event('FirstSessionRoundOpened', { office, round, seats: 1, candidateIds: [], reason: 'first' }),
  event('StepOpened', { stepId: `round-${round}`, kind: 'first-session-round', params: { office, round, seats: 1 } }),
];

describe("EarlierSteps of a first session's trail", () => {
  it("numbers each office's rounds from 1: the secretary's first round (step round-4) reads vòng 1", () => {
    const events = [
      event('FirstSessionOfficeOpened', { office: 'standing-committee', sitting: 1, seats: 3, eligibleIds: [] }),
      ...roundOpened('standing-committee', 2),
      event('StepClosed', { stepId: 'round-2', outcome: 'recorded' }),
      event('FirstSessionOfficeOpened', { office: 'secretary', sitting: 1, seats: 1, eligibleIds: [] }),
      ...roundOpened('secretary', 4),
      event('StepClosed', { stepId: 'round-4', outcome: 'recorded' }),
    ];
    renderVi(<EarlierSteps events={events} />);
    expect(screen.getByText('Ban Kiểm phiếu ghi kết quả bầu Ủy viên Ban Thường vụ (vòng 1)')).toBeTruthy();
    expect(screen.getByText('Ban Kiểm phiếu ghi kết quả bầu Bí thư (vòng 1)')).toBeTruthy();
    expect(screen.queryByText(/vòng 4/)).toBeNull();
  });
});
