import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { dayjs } from '../shared/dates';
import { stepLabel } from '../shared/labels';
import { checkLaunch, kindFields, launchBody, launchFieldOf, type LaunchFields } from './launch-rules';

const fields = (overrides: Partial<LaunchFields>): LaunchFields => ({
  kind: 'confidence-vote',
  organisationId: 'org/bac-ninh',
  candidateIds: ['person/bn-02'],
  ...overrides,
});

describe('launching a confidence vote, a classification or an opinion on cadres', () => {
  it('asks for no congress date; a classification asks for the year', () => {
    expect(kindFields('confidence-vote')).toEqual({
      congressDate: false,
      plan: false,
      seats: false,
      year: false,
      opinion: false,
      appointment: false,
      delegates: false,
    });
    expect(kindFields('classification')).toMatchObject({ congressDate: false, year: true, opinion: false });
  });

  it('sends the people, and the year for a classification', () => {
    expect(launchBody(fields({}))).toEqual({
      kind: 'confidence-vote',
      organisationId: 'org/bac-ninh',
      launchDate: undefined,
      candidateIds: ['person/bn-02'],
    });
    expect(launchBody(fields({ kind: 'classification', year: 2025 }))).toMatchObject({
      kind: 'classification',
      year: 2025,
    });
    expect(launchFieldOf('year')).toEqual(['year']);
  });

  it('needs at least one person', () => {
    expect(checkLaunch(fields({ candidateIds: [] }), dayjs())).toEqual([
      { name: ['candidateIds'], key: 'launch.candidatesNone' },
    ]);
  });

  it('sends who asks for an opinion, the reference and the matter, trimmed', () => {
    expect(
      launchBody(fields({ kind: 'cadre-opinion', requestedBy: 'central', reference: ' CV 123 ', matter: 'Bổ nhiệm ' })),
    ).toMatchObject({ kind: 'cadre-opinion', requestedBy: 'central', reference: 'CV 123', matter: 'Bổ nhiệm' });
    expect(kindFields('cadre-opinion')).toMatchObject({ congressDate: false, opinion: true });
    expect(launchFieldOf('reference')).toEqual(['reference']);
  });

  it('names the steps of these procedures in Vietnamese, with the person they concern', () => {
    void i18n.changeLanguage('vi');
    const t = i18n.t.bind(i18n);
    const name = (id: string): string => (id === 'person/bn-20' ? 'Nguyễn Văn Công' : id);
    expect(stepLabel(t, 'vote')).toBe('Ban Chấp hành ghi kết quả lấy phiếu tín nhiệm');
    expect(stepLabel(t, 'follow-up/person/bn-20', name)).toBe(
      'Cấp trên xem xét kết quả tín nhiệm thấp — Nguyễn Văn Công',
    );
    expect(stepLabel(t, 'grading-2')).toBe('Ban Thường vụ xếp loại (lần 2)');
    expect(stepLabel(t, 'answer/person/bn-20', name)).toBe('Ban Thường vụ cho ý kiến về cán bộ — Nguyễn Văn Công');
  });
});
