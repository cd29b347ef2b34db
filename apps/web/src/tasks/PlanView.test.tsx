import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderVi } from '../test/render';
import { PlanView } from './PlanView';

describe('PlanView', () => {
  it('shows the plan’s composition targets as numbers, in Vietnamese, and only those it sets', () => {
    renderVi(
      <PlanView
        plan={{
          executiveCommitteeSeats: 10,
          standingCommitteeSeats: 4,
          deputySecretaries: 2,
          candidateIds: ['person/a'],
          standards: ['Tiêu chuẩn theo Quy định 214-QĐ/TW'],
          targets: { womenPercent: 20, under40Percent: 10 },
        }}
        name={() => 'Nguyễn Văn An'}
      />,
    );
    expect(screen.getByText('Tỷ lệ nữ tối thiểu').closest('tr')?.textContent).toContain('20%');
    expect(screen.getByText('Tỷ lệ dưới 40 tuổi tối thiểu').closest('tr')?.textContent).toContain('10%');
    expect(screen.queryByText('Tỷ lệ người dân tộc thiểu số tối thiểu')).toBeNull();
  });
});
