import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderVi } from '../test/render';
import { ClassificationForm } from './ClassificationForm';
import { ConfidenceVoteForm } from './ConfidenceVoteForm';
import { checkGrades, excellentAllowed } from './personnel-review-rules';

const names: Record<string, string> = { 'person/a': 'Nguyễn Văn An', 'person/b': 'Trần Thị Bình' };
const name = (id: string): string => names[id] ?? '';

function type(label: string, value: number): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value: String(value) } });
}

async function errorOf(label: string): Promise<string> {
  const item = screen.getByLabelText(label).closest('.ant-form-item');
  await waitFor(() => expect(item?.querySelector('.ant-form-item-explain-error')).not.toBeNull());
  return item?.querySelector('.ant-form-item-explain-error')?.textContent ?? '';
}

describe('ConfidenceVoteForm', () => {
  const fill = (low: number): void => {
    type('Số được triệu tập', 30);
    type('Số có mặt', 29);
    for (const who of ['Nguyễn Văn An', 'Trần Thị Bình']) {
      type(`Tín nhiệm cao — ${who}`, 20);
      type(`Tín nhiệm — ${who}`, 5);
      type(`Tín nhiệm thấp — ${who}`, low);
    }
  };

  it('refuses more ballots on a person than members present, on the field, before anything is sent', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<ConfidenceVoteForm personIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fill(5);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    expect(await errorOf('Tín nhiệm thấp — Nguyễn Văn An')).toBe('Tổng số phiếu (30) lớn hơn số có mặt (29)');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends attendance and the ballots by level on each person', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<ConfidenceVoteForm personIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    fill(4);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      summoned: 30,
      present: 29,
      ratings: {
        'person/a': { high: 20, confidence: 5, low: 4 },
        'person/b': { high: 20, confidence: 5, low: 4 },
      },
    });
  });
});

describe('annual classification', () => {
  it('allows "excellent" up to a fifth of the "good" count, as the server does', () => {
    expect(excellentAllowed(10)).toBe(2);
    expect(excellentAllowed(4)).toBe(0);
    const ids = Array.from({ length: 13 }, (_, i) => `p${i}`);
    const grades = (excellent: number) =>
      Object.fromEntries(
        ids.map((id, i) => [id, i < excellent ? 'excellent' : i < excellent + 10 ? 'good' : 'completed'] as const),
      );
    expect(checkGrades(grades(2), ids)).toEqual([]);
    expect(checkGrades(grades(3), ids)).toEqual([
      { name: ['grades', 'p0'], key: 'classification.quota', params: { excellent: 3, good: 10, allowed: 2 } },
    ]);
  });

  it('asks for a grade for every person in Vietnamese and shows the quota', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<ClassificationForm personIds={['person/a', 'person/b']} name={name} onSubmit={onSubmit} />);
    expect(screen.getByText(/không được vượt quá 20% số "Hoàn thành tốt"/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả xếp loại' }));
    expect(await errorOf('Xếp loại — Trần Thị Bình')).toBe('Trường này bắt buộc');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
