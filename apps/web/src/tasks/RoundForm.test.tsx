import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderVi } from '../test/render';
import { RoundForm } from './RoundForm';
import type { RoundFields } from './tally-rules';

const name = (id: string): string => ({ 'person/a': 'Nguyễn Văn An', 'person/b': 'Trần Thị Bình' })[id] ?? '';

function type(label: string, value: number): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value: String(value) } });
}

function fill(overrides: Record<string, number> = {}): void {
  const values: Record<string, number> = {
    'Số đại biểu chính thức được triệu tập': 300,
    'Số ủy viên cấp ủy triệu tập không phải đại biểu, vắng suốt thời gian đại hội': 2,
    'Số đại biểu vắng suốt thời gian đại hội không có người thay': 3,
    'Số có mặt': 290,
    'Số phiếu phát ra': 290,
    'Số phiếu thu về': 290,
    'Số phiếu hợp lệ': 288,
    'Để quá số người cần bầu': 2,
    'Phiếu cho Nguyễn Văn An': 200,
    'Phiếu cho Trần Thị Bình': 100,
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) type(label, value);
}

async function errorOf(label: string): Promise<string> {
  const item = screen.getByLabelText(label).closest('.ant-form-item');
  await waitFor(() => expect(item?.querySelector('.ant-form-item-explain-error')).not.toBeNull());
  return item?.querySelector('.ant-form-item-explain-error')?.textContent ?? '';
}

describe('RoundForm', () => {
  it('shows the election base from the attendance and refuses more present than the base', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<RoundForm round={1} seats={1} candidateIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fill({ 'Số có mặt': 296 });
    await screen.findByText('Cơ sở tính tỉ lệ: 295');
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    expect(await errorOf('Số có mặt')).toBe('Số có mặt (296) lớn hơn cơ sở tính tỉ lệ (295)');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses more votes in all than valid ballots times the seats, then sends the corrected round', async () => {
    const sent: RoundFields[] = [];
    const onSubmit = vi.fn((round: RoundFields) => {
      sent.push(round);
      return Promise.resolve();
    });
    renderVi(<RoundForm round={2} seats={1} candidateIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    expect(await errorOf('Phiếu cho Nguyễn Văn An')).toBe('Tổng số phiếu bầu (300) vượt quá 288 phiếu hợp lệ × 1 chỗ');
    type('Phiếu cho Trần Thị Bình', 80);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(sent[0]?.attendance).toEqual({
      kind: 'delegates',
      delegatesConvened: 300,
      conveningCommitteeAbsentThroughout: 2,
      delegatesAbsentWithoutAlternate: 3,
      present: 290,
    });
    expect(sent[0]?.tallies).toEqual({ 'person/a': 200, 'person/b': 80 });
  });

  it("labels a first session's round as a meeting of the committee's members and sends their count", async () => {
    const sent: RoundFields[] = [];
    const onSubmit = vi.fn((round: RoundFields) => {
      sent.push(round);
      return Promise.resolve();
    });
    renderVi(
      <RoundForm
        membersOnly
        office="standing-committee"
        round={2}
        seats={1}
        candidateIds={['person/a', 'person/b']}
        name={name}
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByText('Ban Thường vụ: số chỗ cần bầu 1')).toBeTruthy();
    expect(screen.queryByLabelText('Số đảng viên chính thức')).toBeNull();
    expect(screen.queryByLabelText('Số có mặt')).toBeNull();
    for (const [label, value] of [
      ['Số ủy viên Ban Chấp hành', 15],
      ['Số ủy viên được miễn sinh hoạt', 0],
      ['Số ủy viên đang bị đình chỉ sinh hoạt', 0],
      ['Số ủy viên vắng có lý do', 1],
      ['Số ủy viên có mặt', 14],
      ['Số phiếu phát ra', 14],
      ['Số phiếu thu về', 14],
      ['Số phiếu hợp lệ', 14],
      ['Phiếu cho Nguyễn Văn An', 12],
      ['Phiếu cho Trần Thị Bình', 2],
    ] as const) {
      type(label, value);
    }
    await screen.findByText('Cơ sở tính tỉ lệ: 14');
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(sent[0]?.attendance).toEqual({
      kind: 'all-members',
      officialMembers: 15,
      exempt: 0,
      suspended: 0,
      absentWithLeave: 1,
      present: 14,
    });
  });
});
