import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayjs } from '../shared/dates';
import { renderVi } from '../test/render';
import { checkLaunch, launchBody, launchFieldOf, recheckedFields, type LaunchFields } from './launch-rules';
import { FirstSessionFields } from './FirstSessionFields';
import { LaunchForm } from './LaunchForm';

const today = dayjs('2025-03-01');
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `person/${i}`);
const fields = (over: Partial<LaunchFields>): LaunchFields => ({
  kind: 'congress-personnel',
  organisationId: 'org/bac-ninh',
  congressDate: dayjs('2025-10-15'),
  executiveCommitteeSeats: 10,
  standingCommitteeSeats: 3,
  deputySecretaries: 1,
  candidateIds: ids(12),
  standards: '',
  ...over,
});

describe('launch rules (the rulebook surplus as the server applies it)', () => {
  it('accepts 1 to 30% more candidates than seats', () => {
    expect(checkLaunch(fields({}), today)).toEqual([]);
  });

  it('needs a surplus, caps it at 30% of the seats (one for a committee of 3 to 5), and a congress after today', () => {
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
    expect(checkLaunch(fields({ launchDate: dayjs('2025-11-01') }), today)).toEqual([
      { name: ['congressDate'], key: 'launch.dateInPast' },
    ]);
  });

  it('counts an election list against its seats, and asks an introduction or vetting for one person at least', () => {
    expect(checkLaunch(fields({ kind: 'election', seats: 5, candidateIds: ids(5) }), today)[0]?.key).toBe(
      'launch.candidatesTooFew',
    );
    expect(checkLaunch(fields({ kind: 'election', seats: 5, candidateIds: ids(6) }), today)).toEqual([]);
    expect(checkLaunch(fields({ kind: 'vetting', candidateIds: [] }), today)).toEqual([
      { name: ['candidateIds'], key: 'launch.candidatesNone' },
    ]);
    expect(checkLaunch(fields({ kind: 'introduction', candidateIds: ids(1) }), today)).toEqual([]);
  });
});

describe('a rule error once the values change', () => {
  it('clears the surplus refusal when the seats it was counted against change, and keeps one that still holds', () => {
    // Four picked, sent with the default single seat: too many; then the seats become 3, a legal committee of 3 + 1.
    const sent = fields({ executiveCommitteeSeats: 1, candidateIds: ids(4) });
    expect(checkLaunch(sent, today)[0]?.key).toBe('launch.surplusTooLarge');
    expect(recheckedFields({ ...sent, executiveCommitteeSeats: 3 }, ['candidateIds'], today)).toEqual([
      { name: 'candidateIds', problems: [] },
    ]);
    expect(recheckedFields({ ...sent, executiveCommitteeSeats: 2 }, ['candidateIds'], today)).toEqual([
      {
        name: 'candidateIds',
        problems: [{ name: ['candidateIds'], key: 'launch.surplusTooLarge', params: { max: 1 } }],
      },
    ]);
    expect(
      recheckedFields({ ...sent, executiveCommitteeSeats: 3 }, ['candidateIds', 'congressDate'], today).map(
        (f) => f.problems,
      ),
    ).toEqual([[], []]);
  });

  it('says the count of names picked so far, not the count when the form was sent', () => {
    const sent = fields({ executiveCommitteeSeats: 3, candidateIds: [] });
    expect(recheckedFields({ ...sent, candidateIds: ids(2) }, ['candidateIds'], today)).toEqual([
      {
        name: 'candidateIds',
        problems: [{ name: ['candidateIds'], key: 'launch.candidatesTooFew', params: { seats: 3, count: 2 } }],
      },
    ]);
  });
});

describe('launch body (the API launch form of each kind)', () => {
  it('sends the plan with its standards as lines and only the targets filled in', () => {
    const body = launchBody(
      fields({ standards: ' Tiêu chuẩn A \n\nTiêu chuẩn B', targets: { womenPercent: 15, under40Percent: null } }),
    );
    expect(body).toEqual({
      kind: 'congress-personnel',
      organisationId: 'org/bac-ninh',
      launchDate: undefined,
      candidateIds: ids(12),
      executiveCommitteeSeats: 10,
      standingCommitteeSeats: 3,
      deputySecretaries: 1,
      standards: ['Tiêu chuẩn A', 'Tiêu chuẩn B'],
      targets: { womenPercent: 15 },
      congressDate: '2025-10-15',
    });
  });

  it('sends an election its seats and a vetting only its date and people', () => {
    expect(launchBody(fields({ kind: 'election', seats: 5, launchDate: dayjs('2025-04-01') }))).toEqual({
      kind: 'election',
      organisationId: 'org/bac-ninh',
      launchDate: '2025-04-01',
      candidateIds: ids(12),
      congressDate: '2025-10-15',
      seats: 5,
    });
    expect(Object.keys(launchBody(fields({ kind: 'vetting' }))).sort()).toEqual(
      ['candidateIds', 'congressDate', 'kind', 'launchDate', 'organisationId'].sort(),
    );
  });

  it("puts the server's field on the form's field", () => {
    expect(launchFieldOf('candidateIds.3')).toEqual(['candidateIds']);
    expect(launchFieldOf('targets.womenPercent')).toEqual(['targets', 'womenPercent']);
    expect(launchFieldOf('bodyId')).toEqual(['organisationId']);
    expect(launchFieldOf('somethingElse')).toBeNull();
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

  it('shows the plan fields for a congress and not for a vetting', async () => {
    renderVi(<LaunchForm onSubmit={() => Promise.resolve()} />);
    expect(screen.getByLabelText('Số ủy viên Ban Thường vụ')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('Loại quy trình'));
    fireEvent.click(await screen.findByText('Thẩm định'));
    await waitFor(() => expect(screen.queryByLabelText('Số ủy viên Ban Thường vụ')).toBeNull());
    expect(screen.getByLabelText('Ngày đại hội')).toBeTruthy();
  });
});

describe('LaunchForm: a congress that also runs the first session', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 }))),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const seatsLabel = 'Số ủy viên Ủy ban Kiểm tra bầu tại phiên họp thứ nhất';
  /** The error shown under the inspection committee's seats, or null. */
  function seatsError(): string | null {
    const item = screen.getByLabelText(seatsLabel).closest('.ant-form-item');
    return item?.querySelector('.ant-form-item-explain-error')?.textContent ?? null;
  }

  it('asks for the seats only once the first session is chosen, and refuses 0 or more than the committee under the field', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<LaunchForm onSubmit={onSubmit} />);
    expect(screen.queryByLabelText(seatsLabel)).toBeNull();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Theo dõi cả phiên họp thứ nhất của Ban Chấp hành khóa mới' }),
    );
    const seats = await screen.findByLabelText(seatsLabel);
    fireEvent.click(screen.getByRole('button', { name: 'Khởi tạo' }));
    await waitFor(() => expect(seatsError()).toBe('Nhập số ủy viên Ủy ban Kiểm tra (ít nhất 1)'));
    fireEvent.change(screen.getByLabelText('Số ủy viên Ban Chấp hành cần bầu'), { target: { value: '5' } });
    fireEvent.change(seats, { target: { value: '0' } });
    await waitFor(() => expect(seatsError()).toBe('Số ủy viên Ủy ban Kiểm tra phải từ 1 đến 5'));
    fireEvent.change(seats, { target: { value: '7' } });
    await waitFor(() => expect(seatsError()).toBe('Số ủy viên Ủy ban Kiểm tra phải từ 1 đến 5'));
    fireEvent.change(seats, { target: { value: '3' } });
    await waitFor(() => expect(seatsError()).toBeNull());
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('the first session launched on its own', () => {
  it('says under the inspection committee’s seats that 0 is not a count, instead of turning it into 1', async () => {
    renderVi(
      <Form initialValues={{ standingCommitteeSeats: 2, deputySecretaries: 0 }}>
        <FirstSessionFields />
      </Form>,
    );
    const seats = screen.getByLabelText('Số ủy viên Ủy ban Kiểm tra');
    fireEvent.change(seats, { target: { value: '0' } });
    fireEvent.blur(seats);
    const item = seats.closest('.ant-form-item');
    await waitFor(() =>
      expect(item?.querySelector('.ant-form-item-explain-error')?.textContent).toBe('Từ 1 đến 100 chỗ'),
    );
    expect((seats as HTMLInputElement).value).toBe('0');
  });
});

describe('LaunchForm surplus message', () => {
  const people = ['Lê Đức Trung', 'Nguyễn Văn Hùng', 'Trần Quốc Quang', 'Đỗ Thị Thủy'].map((fullName, i) => ({
    id: `person/bn-0${i + 1}`,
    fullName,
    gender: 'male',
    birthDate: '1970-01-01',
    posts: [],
  }));
  beforeEach(() => {
    vi.stubGlobal('fetch', (input: Request | string) => {
      const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
      const json = (body: object): Promise<Response> =>
        Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
      if (url.pathname === '/registry/organisations') {
        const org = { id: 'org/bn', name: 'Đảng bộ tỉnh Bắc Ninh', levelKind: 'province', levelName: 'Tỉnh' };
        return json({ items: [{ ...org, parentId: null, parentName: null }] });
      }
      if (url.pathname === '/registry/people') return json({ items: people, total: 4, page: 1, pageSize: 20 });
      // Nobody in this list is past the rulebook's age: the server's checks find every one eligible.
      if (url.pathname === '/procedures/age-checks') return json([]);
      const person = people.find((p) => url.pathname.endsWith(encodeURIComponent(p.id)) || url.pathname.endsWith(p.id));
      return json({ ...person, memberships: [], relatives: [] });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** The error shown under the candidates, or null. */
  function candidatesError(): string | null {
    const item = screen.getByLabelText('Danh sách nhân sự').closest('.ant-form-item');
    return item?.querySelector('.ant-form-item-explain-error')?.textContent ?? null;
  }

  it('counts the names picked so far after a refused send, and goes once the list holds', async () => {
    renderVi(<LaunchForm onSubmit={() => Promise.resolve()} />);
    fireEvent.mouseDown(screen.getByLabelText('Tổ chức đảng'));
    fireEvent.click(await screen.findByText('Đảng bộ tỉnh Bắc Ninh'));
    const date = screen.getByLabelText('Ngày đại hội');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '15/06/2099' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    fireEvent.change(screen.getByLabelText('Số ủy viên Ban Chấp hành cần bầu'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Khởi tạo' }));
    await waitFor(() => expect(candidatesError()).toBe('Danh sách cần nhiều hơn 3 người (có số dư), hiện có 0'));
    fireEvent.mouseDown(screen.getByLabelText('Danh sách nhân sự'));
    for (const [i, person] of people.entries()) {
      const option = await screen.findByTitle(new RegExp(`^${person.fullName}`));
      fireEvent.click(option);
      if (i < 3) {
        await waitFor(() =>
          expect(candidatesError()).toBe(`Danh sách cần nhiều hơn 3 người (có số dư), hiện có ${i + 1}`),
        );
      }
    }
    await waitFor(() => expect(candidatesError()).toBeNull());
  });
});
