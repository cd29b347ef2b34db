import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { StageView } from '../api/views';
import { renderVi } from '../test/render';
import { StagesCard } from './StagesCard';

const stage = (name: StageView['stage'], state: StageView['state'], failure?: StageView['failure']): StageView => ({
  stage: name,
  procedureId: `proc-1/${name}`,
  state,
  ...(failure ? { failure } : {}),
});

describe('StagesCard of a composite whose stage failed', () => {
  it("says where it stopped and why, in the user's language", () => {
    renderVi(
      <MemoryRouter>
        <StagesCard
          stages={[
            stage('plan', 'done'),
            stage('introduction', 'done'),
            stage('vetting', 'done'),
            stage('consultation', 'done'),
            stage('election', 'failed', { code: 'PLAN_RULES_BROKEN', params: { rulebookId: 'rulebook/2025-2030' } }),
          ]}
          name={(id) => id}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Giai đoạn Bầu cử không tiếp tục được: Đề án chưa đúng quy định (số dư, cơ cấu).',
    );
  });

  it('reads a failure without a known code as the stage having failed', () => {
    renderVi(
      <MemoryRouter>
        <StagesCard stages={[stage('plan', 'failed', { code: 'SOMETHING_NEW', params: {} })]} name={(id) => id} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Giai đoạn Đề án nhân sự không tiếp tục được: Quy trình của giai đoạn này gặp lỗi và đã dừng; không có gì được ghi thêm.',
    );
  });
});
