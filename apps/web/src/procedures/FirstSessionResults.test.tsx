import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../api/views';
import { renderVi } from '../test/render';
import { FirstSessionResults } from './FirstSessionResults';

const event = (type: string, data: Record<string, unknown>): TrailEvent => ({ type, data }) as unknown as TrailEvent;
const elected = (office: string, personId: string, round: number): TrailEvent =>
  event('FirstSessionMemberElected', { office, personId, round, votes: 14, base: 15 });
const names: Record<string, string> = {
  'person/a': 'Nguyễn Văn An',
  'person/b': 'Trần Thị Bình',
  'person/c': 'Lê Văn Cường',
  'person/d': 'Phạm Thị Dung',
  'person/e': 'Hoàng Văn Em',
};
const name = (id: string): string => names[id] ?? '';

/** The label cell of a row of the results and the names beside it. */
function row(office: string): string {
  const label = screen.getByText(office, { selector: 'th, th *' });
  return label.closest('tr')?.querySelector('td')?.textContent ?? '';
}

describe('FirstSessionResults', () => {
  it('shows each person elected by name under their office, in the order the offices are elected', () => {
    renderVi(
      <FirstSessionResults
        events={[
          elected('standing-committee', 'person/a', 2),
          elected('standing-committee', 'person/b', 2),
          elected('standing-committee', 'person/c', 2),
          event('FirstSessionOfficeFilled', { office: 'standing-committee', elected: ['person/a', 'person/b'] }),
          elected('secretary', 'person/a', 4),
          elected('deputy-secretaries', 'person/b', 6),
          elected('inspection-committee', 'person/d', 8),
          elected('inspection-committee', 'person/e', 8),
          elected('inspection-chair', 'person/d', 10),
        ]}
        name={name}
      />,
    );
    expect(screen.getByText('Những người trúng cử theo chức danh')).toBeTruthy();
    expect(row('Ban Thường vụ')).toBe('Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường');
    expect(row('Bí thư')).toBe('Nguyễn Văn An');
    expect(row('Phó Bí thư')).toBe('Trần Thị Bình');
    expect(row('Ủy ban Kiểm tra')).toBe('Phạm Thị Dung, Hoàng Văn Em');
    expect(row('Chủ nhiệm Ủy ban Kiểm tra')).toBe('Phạm Thị Dung');
    const labels = [...document.querySelectorAll('th')].map((th) => th.textContent);
    expect(labels).toEqual(['Ban Thường vụ', 'Bí thư', 'Phó Bí thư', 'Ủy ban Kiểm tra', 'Chủ nhiệm Ủy ban Kiểm tra']);
  });

  it('starts again from the sitting after a return by the higher level', () => {
    renderVi(
      <FirstSessionResults
        events={[
          elected('standing-committee', 'person/a', 2),
          elected('secretary', 'person/a', 4),
          event('FirstSessionReturned', { byBodyId: 'org/bct', reason: 'Cơ cấu chưa đạt', sitting: 1 }),
          elected('standing-committee', 'person/c', 12),
        ]}
        name={name}
      />,
    );
    expect(row('Ban Thường vụ')).toBe('Lê Văn Cường');
    expect(screen.queryByText('Bí thư')).toBeNull();
  });

  it('says so when no office has been elected yet', () => {
    renderVi(<FirstSessionResults events={[]} name={name} />);
    expect(screen.getAllByText('Chưa bầu chức danh nào').length).toBeGreaterThan(0);
  });
});
