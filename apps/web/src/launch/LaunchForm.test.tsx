import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayjs } from '../shared/dates';
import { renderVi } from '../test/render';
import { checkLaunch, type LaunchFields } from './launch-rules';
import { LaunchForm } from './LaunchForm';

const today = dayjs('2025-03-01');
const fields = (over: Partial<LaunchFields>): LaunchFields => ({
  organisationId: 'org/bac-ninh',
  congressDate: dayjs('2025-10-15'),
  executiveCommitteeSeats: 10,
  standingCommitteeSeats: 3,
  deputySecretaries: 1,
  candidateIds: Array.from({ length: 12 }, (_, i) => `person/${i}`),
  standards: '',
  ...over,
});

describe('launch rules (the rulebook surplus as the server applies it)', () => {
  it('accepts 1 to 30% more candidates than seats', () => {
    expect(checkLaunch(fields({}), today)).toEqual([]);
  });

  it('needs a surplus, caps it at 30% of the seats (one for a committee of 3 to 5), and a congress after today', () => {
    const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `person/${i}`);
    expect(checkLaunch(fields({ candidateIds: ids(10) }), today)).toEqual([
      { name: ['candidateIds'], key: 'launch.candidatesTooFew', params: { seats: 10, count: 10 } },
    ]);
    expect(checkLaunch(fields({ candidateIds: ids(14) }), today)[0]?.params).toEqual({ max: 3 });
    expect(checkLaunch(fields({ executiveCommitteeSeats: 4, candidateIds: ids(6) }), today)[0]?.params).toEqual({
      max: 1,
    });
    expect(checkLaunch(fields({ congressDate: today }), today)).toEqual([
      { name: ['congressDate'], key: 'launch.dateInPast' },
    ]);
  });
});

describe('LaunchForm', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 }))),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the organisation and the congress date in Vietnamese before anything is sent', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<LaunchForm onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Khởi tạo' }));
    await waitFor(() => expect(screen.getAllByText('Trường này bắt buộc')).toHaveLength(2));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
