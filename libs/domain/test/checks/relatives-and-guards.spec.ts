import {
  assertFourEyes,
  assertNotRecused,
  demoIds,
  demoOrganisation,
  findLinkedPostConflicts,
  NotAllowedError,
  RecusedError,
  recusalGround,
  rulebook2020to2025,
  rulebook2025to2030,
  type Actor,
} from '@cadreflow/domain';

const on = '2025-09-01';

describe('relatives in linked posts (QĐ 205/114)', () => {
  it("flags the secretary's sibling proposed as UBKT chair of the same committee", () => {
    const conflicts = findLinkedPostConflicts(demoOrganisation, rulebook2025to2030, {
      personId: demoIds.people.secretarySibling,
      postId: demoIds.posts.inspectionCommitteeChair,
      bodyId: demoIds.inspectionCommittee,
      on,
    });
    expect(conflicts).toEqual([
      expect.objectContaining({
        ruleId: 'linked/key-posts-same-committee',
        relativeId: demoIds.people.secretary,
        relation: 'sibling',
        relativePostId: demoIds.posts.secretary,
      }),
    ]);
  });

  it('flags a spouse joining the same standing committee', () => {
    const conflicts = findLinkedPostConflicts(demoOrganisation, rulebook2025to2030, {
      personId: demoIds.people.standingMemberSpouse,
      bodyId: demoIds.standingCommittee,
      on,
    });
    expect(conflicts.map((c) => [c.ruleId, c.relativeId, c.relation])).toEqual([
      ['linked/same-standing-committee', 'person/bn-12', 'spouse'],
    ]);
  });

  it('flags sibling heads of two QĐ 114 sectors in one locality only under the 2025–2030 rulebook', () => {
    const seat = {
      personId: demoIds.people.financeDirector,
      postId: demoIds.posts.financeDirector,
      bodyId: demoIds.finance,
      on,
    };
    expect(findLinkedPostConflicts(demoOrganisation, rulebook2025to2030, seat).map((c) => c.ruleId)).toEqual([
      'linked/sector-heads-same-locality',
    ]);
    expect(findLinkedPostConflicts(demoOrganisation, rulebook2020to2025, seat)).toEqual([]);
  });

  it('finds nothing for a person without relatives in linked posts', () => {
    expect(
      findLinkedPostConflicts(demoOrganisation, rulebook2025to2030, {
        personId: 'person/bn-07',
        postId: demoIds.posts.inspectionCommitteeChair,
        bodyId: demoIds.inspectionCommittee,
        on,
      }),
    ).toEqual([]);
  });
});

describe('recusal and four-eyes', () => {
  const actor = (personId: string): Actor => ({
    personId,
    role: 'standing-committee',
    bodyId: demoIds.standingCommittee,
  });
  const concerned = [{ personId: 'cand', relativeIds: ['brother'] }];

  it('recuses the person concerned, their relatives, and a declared conflict', () => {
    expect(recusalGround('cand', concerned)).toEqual({ subjectId: 'cand', ground: 'SELF' });
    expect(recusalGround('brother', concerned)).toEqual({ subjectId: 'cand', ground: 'RELATIVE' });
    expect(recusalGround('friend', concerned, [{ personId: 'friend', subjectId: 'cand' }])).toEqual({
      subjectId: 'cand',
      ground: 'DECLARED_CONFLICT',
    });
    expect(() => assertNotRecused(actor('brother'), concerned)).toThrow(RecusedError);
    expect(() => assertNotRecused(actor('other'), concerned)).not.toThrow();
  });

  it('keeps the launcher and the proposer from deciding', () => {
    expect(() => assertFourEyes(actor('launcher'), 'launcher')).toThrow(NotAllowedError);
    expect(() => assertFourEyes(actor('drafter'), 'launcher', ['drafter'])).toThrow('proposed');
    expect(() => assertFourEyes(actor('someone'), 'launcher', ['drafter'])).not.toThrow();
  });
});
