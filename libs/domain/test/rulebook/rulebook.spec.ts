import {
  allDatedRules,
  defaultRulebooks,
  demoIds,
  type DocumentReference,
  demoOrganisation,
  describeDocument,
  findLinkedPostConflicts,
  NotFoundError,
  type Rulebook,
  rulebook2020to2025,
  rulebook2025to2030,
  rulebookById,
  rulebookInForce,
} from '@cadreflow/domain';

const documentsOf = (rulebook: Rulebook): DocumentReference[] =>
  Object.values(rulebook.documents as unknown as Record<string, DocumentReference>);
const cited = (rulebook: Rulebook): string[] => documentsOf(rulebook).map((d) => describeDocument(d));

describe('rulebooks', () => {
  it('resolves the set of rules in force on a date, by cycle and the day the set last changed', () => {
    expect(rulebookInForce('2020-10-15').id).toBe('rulebook/2020-2025@2019-11-20');
    expect(rulebookInForce('2024-06-13T16:59:59Z').id).toBe('rulebook/2020-2025@2023-07-11');
    expect(rulebookInForce('2024-06-13T17:00:00Z').id).toBe('rulebook/2025-2030@2024-06-14'); // 14 June in Hà Nội
    expect(rulebookInForce('2024-06-14').cycle).toEqual({ startYear: 2025, endYear: 2030 });
    expect(rulebookInForce('2025-10-15').id).toBe('rulebook/2025-2030@2025-10-08');
  });

  it('names the gap when no rulebook covers a date (before every rule of 2019 had its document)', () => {
    expect(() => rulebookInForce('2010-01-01')).toThrow(NotFoundError);
    expect(() => rulebookInForce('2019-10-24')).toThrow(NotFoundError);
    expect(rulebookInForce('2019-10-25').id).toBe('rulebook/2020-2025@2019-10-25');
    expect(() => rulebookById('rulebook/1990-1995')).toThrow('not known');
  });

  it('keeps the cycle rulebooks procedures recorded before rules were dated, never choosing them for a launch', () => {
    expect(rulebookById('rulebook/2020-2025')).toMatchObject({ ...rulebook2020to2025, pinnedOnly: true });
    expect(rulebookById('rulebook/2025-2030')).toMatchObject({ ...rulebook2025to2030, pinnedOnly: true });
    const launchable = defaultRulebooks.filter((r) => !r.pinnedOnly);
    expect(launchable.every((r) => r.id.includes('@'))).toBe(true);
  });

  it('QĐ 80’s 30 working days apply from 2022-08-18 (in the 2020–2025 cycle), not from 2024-06-14', () => {
    expect(rulebookInForce('2022-08-17').appointment.deadlineWorkingDays.centralManagement).toBe(15);
    expect(rulebookInForce('2022-08-18').appointment.deadlineWorkingDays.centralManagement).toBe(30);
    expect(rulebookInForce('2022-08-18').documents.introducingCadres.number).toBe('80-QĐ/TW');
    expect(rulebookInForce('2024-01-10').appointment.deadlineWorkingDays).toEqual({
      standard: 15,
      centralManagement: 30,
    });
  });

  it('QĐ 114’s relatives rule for the heads of 13 sectors applies from 2023-07-11', () => {
    const kinds = (day: string): string[] => rulebookInForce(day).linkedPosts.map((r) => r.kind);
    expect(kinds('2023-07-10')).not.toContain('sector-heads-same-locality');
    expect(kinds('2023-07-11')).toContain('sector-heads-same-locality');
    expect(rulebookInForce('2023-07-11').documents.powerControl.number).toBe('114-QĐ/TW');
    // Sibling heads of two sectors in one locality (the demo province's finance director): flagged from that day.
    const seat = {
      personId: demoIds.people.financeDirector,
      postId: demoIds.posts.financeDirector,
      bodyId: demoIds.finance,
      on: '2025-10-15',
    };
    const conflicts = (day: string): string[] =>
      findLinkedPostConflicts(demoOrganisation, rulebookInForce(day), seat).map((c) => c.ruleId);
    expect(conflicts('2023-07-10')).toEqual([]);
    expect(conflicts('2023-07-11')).toEqual(['linked/sector-heads-same-locality']);
  });

  it('cites no document before it was issued: 190, 45-CT/TW, 26-HD (2024), 366 only from their days', () => {
    const at = (day: string): Rulebook => rulebookInForce(day);
    expect(at('2024-06-14').documents.congressDirective).toMatchObject({ number: '35-CT/TW', issuedOn: '2024-06-14' });
    expect(at('2025-04-13').documents.congressDirective.issuedOn).toBe('2024-06-14');
    expect(at('2025-04-14').documents.congressDirective.number).toBe('45-CT/TW');
    expect(at('2024-10-16').documents.electionRegulations.number).toBe('244-QĐ/TW');
    expect(at('2024-10-17').documents.electionRegulations.number).toBe('190-QĐ/TW');
    expect(at('2024-11-27').documents.congressGuidance.issuedOn).toBe('2019-10-24');
    expect(at('2024-11-28').documents.congressGuidance.issuedOn).toBe('2024-11-28');
    expect(at('2025-08-29').documents.reviewAndClassification.number).toBe('21-HD/BTCTW');
    expect(at('2025-08-30').documents.reviewAndClassification.number).toBe('366-QĐ/TW');
    expect(at('2023-02-01').documents.confidenceVotes.number).toBe('262-QĐ/TW');
    expect(at('2023-02-02').documents.confidenceVotes.number).toBe('96-QĐ/TW');
    const citedEarly = defaultRulebooks
      .filter((r) => !r.pinnedOnly)
      .flatMap((r) =>
        documentsOf(r)
          .filter((d) => d.issuedOn > r.effectiveFrom)
          .map((d) => `${r.id}: ${d.number}`),
      );
    expect(citedEarly).toEqual([]);
  });

  it('QĐ 377 replaces QĐ 80 from 2025-10-08, keeping its figures', () => {
    expect(cited(rulebookInForce('2025-10-07'))).toContain('Quy định 80-QĐ/TW (Bộ Chính trị, 2022-08-18)');
    expect(cited(rulebookInForce('2025-10-08'))).toContain('Quy định 377-QĐ/TW (Bộ Chính trị, 2025-10-08)');
    expect(rulebookInForce('2025-10-08').appointment.deadlineWorkingDays.centralManagement).toBe(30);
  });

  it('every rule carries the document that sets it and the day it takes effect, never before its issue', () => {
    const set = rulebookInForce('2025-10-15');
    expect(set.rules?.map((r) => r.id)).toEqual(allDatedRules.map((r) => r.id));
    expect(set.rules?.find((r) => r.id === 'appointment.deadlineWorkingDays')).toMatchObject({
      effectiveFrom: '2025-10-08',
      document: { number: '377-QĐ/TW', issuedOn: '2025-10-08' },
    });
    for (const rule of allDatedRules) {
      for (const version of rule.versions) {
        if (version.document) expect(version.from >= version.document.issuedOn).toBe(true);
        else expect(rule.tag).not.toBe('S');
      }
    }
  });

  it('keeps cycle-specific numbers as data', () => {
    expect(rulebookInForce('2024-06-13').age.reElectionMonthsLeft).toBe(30);
    expect(rulebookInForce('2024-06-14').age.reElectionMonthsLeft).toBe(48);
    expect(rulebookInForce('2025-10-15').age.firstTimeMonthsLeft).toBe(60);
    expect(rulebook2020to2025.appointment.deadlineWorkingDays.centralManagement).toBe(15);
    expect(rulebook2025to2030.linkedPosts.map((r) => r.kind)).toContain('sector-heads-same-locality');
  });

  it('cites documents by number, type, issuer and date, since numbers are reused', () => {
    expect(describeDocument(rulebookInForce('2025-10-15').documents.congressDirective)).toBe(
      'Chỉ thị 45-CT/TW (Bộ Chính trị, 2025-04-14)',
    );
    expect(describeDocument(rulebookInForce('2024-07-01').documents.congressDirective)).toBe(
      'Chỉ thị 35-CT/TW (Bộ Chính trị, 2024-06-14)',
    );
    expect(describeDocument(rulebookInForce('2020-01-01').documents.powerControl)).toBe(
      'Quy định 205-QĐ/TW (Bộ Chính trị, 2019-09-23)',
    );
  });
});
