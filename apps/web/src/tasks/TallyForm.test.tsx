import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderVi } from '../test/render';
import { TallyForm } from './TallyForm';
import type { TallyFields } from './tally-rules';

const names: Record<string, string> = { 'person/a': 'Nguyễn Văn An', 'person/b': 'Trần Thị Bình' };
const name = (id: string): string => names[id] ?? '';

function type(label: string, value: number): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value: String(value) } });
}

/** Fills a consistent tally; `overrides` change single fields by label. */
function fill(overrides: Record<string, number> = {}): void {
  const values: Record<string, number> = {
    'Số được triệu tập': 50,
    'Số có mặt': 48,
    'Số phiếu phát ra': 48,
    'Số phiếu thu về': 48,
    'Số phiếu hợp lệ': 47,
    'Ghi tên ngoài danh sách': 1,
    'Phiếu cho Nguyễn Văn An': 40,
    'Phiếu cho Trần Thị Bình': 30,
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) type(label, value);
}

async function errorOf(label: string): Promise<string> {
  const input = screen.getByLabelText(label);
  const item = input.closest('.ant-form-item');
  await waitFor(() => expect(item?.querySelector('.ant-form-item-explain-error')).not.toBeNull());
  return item?.querySelector('.ant-form-item-explain-error')?.textContent ?? '';
}

describe('TallyForm', () => {
  it('asks for every count in Vietnamese before anything is sent', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<TallyForm candidateIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    expect(await errorOf('Số có mặt')).toBe('Nhập số');
    expect(await errorOf('Phiếu cho Trần Thị Bình')).toBe('Nhập số');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts each rule the server applies on its field: present, ballots issued, valid plus invalid, votes', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<TallyForm candidateIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fill({ 'Số có mặt': 51, 'Số phiếu phát ra': 52, 'Số phiếu hợp lệ': 40, 'Phiếu cho Nguyễn Văn An': 45 });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    expect(await errorOf('Số có mặt')).toBe('Số có mặt (51) lớn hơn số được triệu tập (50)');
    expect(await errorOf('Số phiếu phát ra')).toBe('Số phiếu phát ra (52) lớn hơn số có mặt (51)');
    expect(await errorOf('Số phiếu hợp lệ')).toBe('Hợp lệ (40) cộng không hợp lệ (1) phải bằng số thu về (48)');
    expect(await errorOf('Phiếu cho Nguyễn Văn An')).toBe('Số phiếu (45) lớn hơn số phiếu hợp lệ (40)');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the tally once it is consistent, and a corrected retry after a refusal is a second request', async () => {
    const sent: TallyFields[] = [];
    const refusal = new ApiError(422, {
      statusCode: 422,
      code: 'VALIDATION',
      field: 'tally.ballots.issued',
      message: '48 ballots issued to 47 present',
    });
    const onSubmit = vi.fn((tally: TallyFields) => {
      sent.push(tally);
      return sent.length === 1 ? Promise.reject(refusal) : Promise.resolve();
    });
    renderVi(<TallyForm candidateIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    expect(await errorOf('Số phiếu phát ra')).toBe('Dữ liệu chưa hợp lệ.');
    expect(sent[0]).toEqual({
      summoned: 50,
      present: 48,
      ballots: {
        issued: 48,
        returned: 48,
        valid: 47,
        invalid: { 'not-issued-by-board': 0, 'too-many-names': 0, 'no-name-with-surplus': 0, 'name-off-list': 1 },
      },
      tallies: { 'person/a': 40, 'person/b': 30 },
    });
    type('Phiếu cho Trần Thị Bình', 31);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(sent[1]?.tallies['person/b']).toBe(31);
  });
});
