import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { officeRoundNumbers, withOfficeRound } from './first-session-labels';
import { stepLabel } from './labels';

const step = (stepKind: string, stepParams: Record<string, unknown>) => ({ stepKind, stepParams });

describe("the first session's steps in words", () => {
  it('name the office a list, a round and a decision on another round are about, in Vietnamese then English', () => {
    const vi = i18n.getFixedT('vi');
    expect(stepLabel(vi, 'list-1', undefined, step('first-session-list', { office: 'standing-committee' }))).toBe(
      'Ban Chấp hành giới thiệu danh sách bầu Ủy viên Ban Thường vụ',
    );
    expect(
      stepLabel(vi, 'round-2', undefined, {
        ...step('first-session-round', { office: 'standing-committee', round: 2 }),
        officeRound: 1,
      }),
    ).toBe('Ban Kiểm phiếu ghi kết quả bầu Ủy viên Ban Thường vụ (vòng 1)');
    expect(
      stepLabel(vi, 'decision-5', undefined, {
        ...step('first-session-next-round', { office: 'secretary', round: 4 }),
        officeRound: 1,
      }),
    ).toBe('Ban Chấp hành quyết định bầu tiếp Bí thư sau vòng 1');
    expect(stepLabel(vi, 'ratification', undefined, step('first-session-ratification', { sitting: 1 }))).toBe(
      'Cấp trên chuẩn y kết quả phiên họp thứ nhất',
    );
    const en = i18n.getFixedT('en');
    expect(
      stepLabel(en, 'round-8', undefined, {
        ...step('first-session-round', { office: 'inspection-committee', round: 8 }),
        officeRound: 2,
      }),
    ).toBe('The counting board records the vote for members of the inspection committee (round 2)');
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

describe("a first session's rounds, numbered within their office", () => {
  const stream = 'proc-1/first-session';
  const event = (type: string, data: Record<string, unknown>) => ({ streamId: stream, type, data });
  const opened = (office: string) => event('FirstSessionOfficeOpened', { office, sitting: 1 });
  const round = (office: string, n: number) => event('FirstSessionRoundOpened', { office, round: n });
  // The engine's one counter: list-1, round-2, decision-3, round-4 (standing committee); list-5, round-6 (secretary)…
  const trail = [
    opened('standing-committee'),
    round('standing-committee', 2),
    round('standing-committee', 4),
    opened('secretary'),
    round('secretary', 6),
    opened('deputy-secretaries'),
    round('deputy-secretaries', 8),
    round('deputy-secretaries', 9),
  ];
  const vi = i18n.getFixedT('vi');
  const label = (stepId: string, kind: string, params: Record<string, unknown>, events = trail) =>
    stepLabel(vi, stepId, undefined, withOfficeRound(step(kind, params), stream, officeRoundNumbers(events)));

  it("reads the secretary's first round as round 1, not the session's fourth step of voting", () => {
    expect(label('round-6', 'first-session-round', { office: 'secretary', round: 6 })).toBe(
      'Ban Kiểm phiếu ghi kết quả bầu Bí thư (vòng 1)',
    );
    expect(label('round-4', 'first-session-round', { office: 'standing-committee', round: 4 })).toBe(
      'Ban Kiểm phiếu ghi kết quả bầu Ủy viên Ban Thường vụ (vòng 2)',
    );
    // A tie's revote follows its round with no decision between them: still the office's next round.
    expect(label('round-9', 'first-session-round', { office: 'deputy-secretaries', round: 9 })).toBe(
      'Ban Kiểm phiếu ghi kết quả bầu Phó Bí thư (vòng 2)',
    );
    expect(label('decision-7', 'first-session-next-round', { office: 'secretary', round: 6 })).toBe(
      'Ban Chấp hành quyết định bầu tiếp Bí thư sau vòng 1',
    );
  });

  it('counts from 1 again when the office is opened at a new sitting, and apart for each procedure', () => {
    const again = [...trail, opened('standing-committee'), round('standing-committee', 12)];
    expect(officeRoundNumbers(again).get(`${stream} 12`)).toBe(1);
    const other = {
      streamId: 'proc-2/first-session',
      type: 'FirstSessionRoundOpened',
      data: { office: 'secretary', round: 6 },
    };
    expect(officeRoundNumbers([...trail, other]).get(`${stream} 6`)).toBe(1);
    expect(officeRoundNumbers([...trail, other]).get('proc-2/first-session 6')).toBe(1);
  });

  it('says no number rather than the session-wide one when the trail is not at hand', () => {
    expect(label('round-6', 'first-session-round', { office: 'secretary', round: 6 }, [])).toBe(
      'Ban Kiểm phiếu ghi kết quả bầu Bí thư',
    );
    expect(label('decision-7', 'first-session-next-round', { office: 'secretary', round: 6 }, [])).toBe(
      'Ban Chấp hành quyết định bầu tiếp Bí thư',
    );
  });
});
