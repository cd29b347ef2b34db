import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../api/views';
import { i18n } from '../i18n';
import { eventText } from '../replay/StreamTrail';
import { codeLabel } from '../shared/labels';

const trailEvent = (type: string, data: Record<string, unknown>): TrailEvent => ({
  position: 7,
  streamId: 'proc-1',
  streamVersion: 1,
  type,
  schemaVersion: 1,
  data,
  metadata: {},
  recordedAt: '2026-12-06T08:00:00.000Z',
  idempotencyKey: 'proc-1/0',
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  logHash: '2'.repeat(64),
});

describe('a congress stopped at a failed stage, in words', () => {
  it('shows the failed status and outcome of the procedure list, and the progress column, in Vietnamese first, then English', () => {
    const vi = i18n.getFixedT('vi');
    const en = i18n.getFixedT('en');
    expect(codeLabel(vi, 'run', 'failed')).toBe('Dừng giữa chừng');
    expect(codeLabel(vi, 'outcome', 'vetting-failed')).toBe('Dừng ở giai đoạn thẩm định');
    expect(codeLabel(en, 'run', 'failed')).toBe('Stopped');
    expect(codeLabel(en, 'outcome', 'first-session-failed')).toBe('Stopped at the first session stage');
    // Progress counts such congresses in a column of their own.
    expect([vi('progress.failed'), en('progress.failed')]).toEqual(['Dừng giữa chừng', 'Stopped']);
  });

  it("tells the trail's StageFailed and StageSkipped with the stage and the reason translated", () => {
    const vi = i18n.getFixedT('vi');
    const failed = trailEvent('StageFailed', {
      stage: 'plan',
      stageProcedureId: 'proc-1/plan',
      reason: { code: 'PLAN_RULES_BROKEN', params: { rulebookId: 'rulebook/2025-2030@2025-10-08' } },
    });
    expect(eventText(vi, failed, (id) => id)).toBe(
      'Giai đoạn Đề án nhân sự không thành: Đề án chưa đúng quy định (số dư, cơ cấu).',
    );
    const unknown = trailEvent('StageFailed', {
      stage: 'vetting',
      reason: { code: 'STAGE_FAILED', params: {} },
    });
    expect(eventText(i18n.getFixedT('en'), unknown, (id) => id)).toBe(
      "Stage Vetting failed: The stage's workflow failed and stopped; nothing more was recorded.",
    );
    const skipped = trailEvent('StageSkipped', {
      stage: 'first-session',
      reason: { code: 'ELECTION_NOT_STANDING', params: { electionOutcome: 'ratification-refused' } },
    });
    expect(eventText(vi, skipped, (id) => id)).toBe(
      'Không tổ chức giai đoạn Phiên họp thứ nhất Ban Chấp hành: Kết quả bầu Ban Chấp hành không có hiệu lực (chẳng hạn không được công nhận), nên không tổ chức phiên họp thứ nhất.',
    );
  });
});
