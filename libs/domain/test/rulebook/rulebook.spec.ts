import {
  defaultRulebooks,
  describeDocument,
  NotFoundError,
  rulebook2020to2025,
  rulebook2025to2030,
  rulebookById,
  rulebookInForce,
} from '@cadreflow/domain';

describe('rulebooks', () => {
  it('resolves the rulebook in force on a date', () => {
    expect(rulebookInForce('2020-10-15').id).toBe('rulebook/2020-2025');
    expect(rulebookInForce('2024-06-13T16:59:59Z').id).toBe('rulebook/2020-2025');
    expect(rulebookInForce('2024-06-13T17:00:00Z').id).toBe('rulebook/2025-2030'); // already 14 June in Hà Nội
    expect(rulebookInForce('2024-06-14').id).toBe('rulebook/2025-2030');
    expect(rulebookInForce('2025-10-15').id).toBe('rulebook/2025-2030');
  });

  it('names the gap when no rulebook covers a date', () => {
    expect(() => rulebookInForce('2010-01-01')).toThrow(NotFoundError);
    expect(() => rulebookById('rulebook/1990-1995')).toThrow('not known');
  });

  it('keeps cycle-specific numbers as data', () => {
    expect(rulebook2020to2025.age.reElectionMonthsLeft).toBe(30);
    expect(rulebook2025to2030.age.reElectionMonthsLeft).toBe(48);
    expect(rulebook2025to2030.age.firstTimeMonthsLeft).toBe(60);
    expect(rulebook2020to2025.appointment.deadlineWorkingDays.centralManagement).toBe(15);
    expect(rulebook2025to2030.appointment.deadlineWorkingDays.centralManagement).toBe(30);
    expect(rulebook2025to2030.linkedPosts.map((r) => r.kind)).toContain('sector-heads-same-locality');
    expect(defaultRulebooks.map((r) => r.id)).toEqual(['rulebook/2020-2025', 'rulebook/2025-2030']);
  });

  it('cites documents by number, type, issuer and date, since numbers are reused', () => {
    expect(describeDocument(rulebook2025to2030.documents.congressDirective)).toBe(
      'Chỉ thị 45-CT/TW (Bộ Chính trị, 2025-04-14)',
    );
    expect(describeDocument(rulebook2020to2025.documents.powerControl)).toBe(
      'Quy định 205-QĐ/TW (Bộ Chính trị, 2019-09-23)',
    );
  });
});
