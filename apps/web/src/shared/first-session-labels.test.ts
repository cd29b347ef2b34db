import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { stepLabel } from './labels';

const step = (stepKind: string, stepParams: Record<string, unknown>) => ({ stepKind, stepParams });

describe("the first session's steps in words", () => {
  it('name the office a list, a round and a decision on another round are about, in Vietnamese then English', () => {
    const vi = i18n.getFixedT('vi');
    expect(stepLabel(vi, 'list-1', undefined, step('first-session-list', { office: 'standing-committee' }))).toBe(
      'Ban Chấp hành giới thiệu danh sách bầu Ủy viên Ban Thường vụ (bước 1)',
    );
    expect(
      stepLabel(vi, 'round-2', undefined, step('first-session-round', { office: 'standing-committee', round: 2 })),
    ).toBe('Ban Kiểm phiếu ghi kết quả bầu Ủy viên Ban Thường vụ (vòng 2)');
    expect(
      stepLabel(vi, 'decision-5', undefined, step('first-session-next-round', { office: 'secretary', round: 4 })),
    ).toBe('Ban Chấp hành quyết định bầu tiếp Bí thư sau vòng 4');
    expect(stepLabel(vi, 'ratification', undefined, step('first-session-ratification', { sitting: 1 }))).toBe(
      'Cấp trên chuẩn y kết quả phiên họp thứ nhất',
    );
    const en = i18n.getFixedT('en');
    expect(
      stepLabel(en, 'round-8', undefined, step('first-session-round', { office: 'inspection-committee', round: 8 })),
    ).toBe('The counting board records the vote for members of the inspection committee (round 8)');
    expect(stepLabel(en, 'ratification', undefined, step('first-session-ratification', {}))).toBe(
      'The higher level ratifies the results of the first session',
    );
  });

  it("keep the election's titles for the election's steps of the same ids", () => {
    const vi = i18n.getFixedT('vi');
    expect(stepLabel(vi, 'ratification', undefined, step('election-ratification', {}))).toBe(
      'Cấp trên công nhận kết quả bầu cử',
    );
    expect(stepLabel(vi, 'round-1')).toBe('Ban Kiểm phiếu ghi kết quả vòng bầu 1');
  });
});
