import {
  type Actor,
  demoIds,
  demoOrganisation,
  findLinkedPostConflicts,
  IllegalTransitionError,
  NotAllowedError,
  rulebook2025to2030,
  type StepDecision,
  ValidationError,
  type VettingCommand,
  vettingDecider,
  type VettingEvent,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors } from './demo-actors.fixture';

const given = deciderSpec(vettingDecider);
const now = '2025-07-01T08:00:00Z';
const workCell: Actor = { personId: 'person/bn-41', role: 'party-cell', bodyId: 'cell/work-bn-07' };
const homeCell: Actor = { personId: 'person/bn-42', role: 'party-cell', bodyId: 'cell/home-bn-07' };

const conflictsOf = (personId: string) =>
  findLinkedPostConflicts(demoOrganisation, rulebook2025to2030, {
    personId,
    postId: demoIds.posts.inspectionCommitteeChair,
    bodyId: demoIds.inspectionCommittee,
    on: '2025-07-01',
  });

const request: VettingCommand = {
  type: 'RequestVetting',
  data: {
    procedureId: 'vet-bn-ubkt-chair',
    organisationId: demoIds.province,
    higherBodyId: demoIds.politburo,
    bodies: {
      'standing-committee': demoIds.standingCommittee,
      'inspection-committee': demoIds.inspectionCommittee,
      'organization-committee': demoIds.organizationCommittee,
    },
    candidates: [
      {
        personId: 'person/bn-07',
        relativeIds: [],
        linkedPostConflicts: conflictsOf('person/bn-07'),
        workplaceBodyId: 'cell/work-bn-07',
        residenceBodyId: 'cell/home-bn-07',
      },
      {
        personId: demoIds.people.secretarySibling,
        relativeIds: [demoIds.people.secretary],
        linkedPostConflicts: conflictsOf(demoIds.people.secretarySibling),
        workplaceBodyId: 'cell/work-bn-30',
        residenceBodyId: 'cell/home-bn-30',
      },
    ],
  },
  actor: actors.organizationOfficer,
  now,
};
const launched: VettingEvent[] = vettingDecider.decide(request, vettingDecider.initialState());
const decide = (stepId: string, decision: StepDecision, actor: Actor): VettingCommand => ({
  type: 'DecideStep',
  data: { stepId, decision },
  actor,
  now,
});

describe('procedure D: vetting', () => {
  it('opens every check per candidate in parallel, and the relatives check blocks the secretary’s sibling at once', () => {
    const opened = launched
      .filter((e) => e.type === 'StepOpened')
      .map((e) => e.type === 'StepOpened' && [e.data.stepId, e.data.role]);
    expect(opened).toEqual([
      ['person/bn-07/political-standard', 'standing-committee'],
      ['person/bn-07/asset-declaration', 'inspection-committee'],
      ['person/bn-07/workplace-opinion', 'party-cell'],
      ['person/bn-07/residence-opinion', 'party-cell'],
      ['person/bn-07/inspection-opinion', 'inspection-committee'],
      ['person/bn-07/complaints', 'inspection-committee'],
      ['person/bn-30/political-standard', 'standing-committee'],
      ['person/bn-30/asset-declaration', 'inspection-committee'],
      ['person/bn-30/workplace-opinion', 'party-cell'],
      ['person/bn-30/residence-opinion', 'party-cell'],
      ['person/bn-30/inspection-opinion', 'inspection-committee'],
      ['person/bn-30/complaints', 'inspection-committee'],
    ]);
    expect(launched).toContainEqual({
      type: 'VettingConcluded',
      data: { personId: 'person/bn-07', kind: 'relatives', outcome: 'CLEARED', reason: null },
    });
    expect(launched).toContainEqual({
      type: 'CandidateBlocked',
      data: {
        personId: 'person/bn-30',
        kind: 'relatives',
        reason:
          'sibling person/bn-01: Secretary, deputy secretary, Organization Committee head, UBKT chair of the same committee',
      },
    });
    const { state } = given(launched).when({ type: 'CheckDeadlines', data: {}, actor: actors.system, now }).result();
    expect(Object.keys(state.core.openSteps).filter((id) => id.startsWith('person/bn-30'))).toEqual([]);
    expect(state.candidates['person/bn-30']?.status).toBe('BLOCKED');
  });

  it('the asset check needs a filed, then verified, declaration', () => {
    given(launched)
      .when(decide('person/bn-07/asset-declaration', { kind: 'approve' }, actors.inspector))
      .then(IllegalTransitionError);
    given(launched)
      .when({
        type: 'VerifyAssetDeclaration',
        data: { personId: 'person/bn-07', consistent: true, finding: 'ok' },
        actor: actors.inspector,
        now,
      })
      .then(IllegalTransitionError);
    const filed = runAll(
      vettingDecider,
      [
        {
          type: 'FileAssetDeclaration',
          data: { personId: 'person/bn-07', reference: 'KKTS-2025-07' },
          actor: { ...actors.standingMember, personId: 'person/bn-07' },
          now,
        },
      ],
      launched,
    ).events;
    given(filed)
      .when({
        type: 'VerifyAssetDeclaration',
        data: { personId: 'person/bn-07', consistent: true, finding: 'matches records' },
        actor: actors.inspector,
        now,
      })
      .thenIncludes([
        {
          type: 'AssetDeclarationVerified',
          data: { personId: 'person/bn-07', consistent: true, finding: 'matches records' },
        },
        {
          type: 'VettingConcluded',
          data: { personId: 'person/bn-07', kind: 'asset-declaration', outcome: 'CLEARED', reason: null },
        },
      ]);
    given(launched)
      .when({
        type: 'FileAssetDeclaration',
        data: { personId: 'person/bn-07', reference: 'x' },
        actor: actors.standingMember,
        now,
      })
      .then(NotAllowedError);
  });

  it('an open complaint keeps the complaints check from clearing', () => {
    const received = runAll(
      vettingDecider,
      [
        {
          type: 'ReceiveComplaint',
          data: { personId: 'person/bn-07', complaintId: 'c-1', summary: 'Land allocation' },
          actor: actors.organizationOfficer,
          now,
        },
      ],
      launched,
    ).events;
    given(received)
      .when(decide('person/bn-07/complaints', { kind: 'approve' }, actors.inspector))
      .then(IllegalTransitionError);
    const resolved = runAll(
      vettingDecider,
      [
        {
          type: 'ResolveComplaint',
          data: { complaintId: 'c-1', substantiated: false, finding: 'Unfounded' },
          actor: actors.inspector,
          now,
        },
      ],
      received,
    ).events;
    given(resolved)
      .when(decide('person/bn-07/complaints', { kind: 'approve' }, actors.inspector))
      .thenIncludes([
        {
          type: 'VettingConcluded',
          data: { personId: 'person/bn-07', kind: 'complaints', outcome: 'CLEARED', reason: null },
        },
      ]);
  });

  it('clears a candidate when every check is clear, and completes once all are resolved', () => {
    const { events, state } = runAll(
      vettingDecider,
      [
        decide('person/bn-07/political-standard', { kind: 'approve' }, actors.standingMember),
        {
          type: 'FileAssetDeclaration',
          data: { personId: 'person/bn-07', reference: 'KKTS' },
          actor: actors.organizationOfficer,
          now,
        },
        {
          type: 'VerifyAssetDeclaration',
          data: { personId: 'person/bn-07', consistent: true, finding: 'ok' },
          actor: actors.inspector,
          now,
        },
        decide('person/bn-07/workplace-opinion', { kind: 'approve' }, workCell),
        decide('person/bn-07/residence-opinion', { kind: 'approve' }, homeCell),
        decide('person/bn-07/inspection-opinion', { kind: 'approve' }, actors.inspector),
        decide('person/bn-07/complaints', { kind: 'approve' }, actors.inspector),
      ],
      launched,
    );
    expect(events.slice(-2)).toEqual([
      { type: 'CandidateCleared', data: { personId: 'person/bn-07' } },
      { type: 'ProcedureCompleted', data: { outcome: 'vetted', personIds: ['person/bn-07'] } },
    ]);
    expect(state.status).toBe('COMPLETED');
  });

  it('a block sends the candidate back and cancels their other checks', () => {
    const { events } = given(launched)
      .when(
        decide(
          'person/bn-07/political-standard',
          { kind: 'reject', reason: 'Unresolved political history question' },
          actors.standingMember,
        ),
      )
      .result();
    expect(events.slice(0, 3)).toEqual([
      {
        type: 'VettingConcluded',
        data: {
          personId: 'person/bn-07',
          kind: 'political-standard',
          outcome: 'BLOCKED',
          reason: 'Unresolved political history question',
        },
      },
      { type: 'StepClosed', data: { stepId: 'person/bn-07/political-standard', outcome: 'concluded' } },
      {
        type: 'CandidateBlocked',
        data: { personId: 'person/bn-07', kind: 'political-standard', reason: 'Unresolved political history question' },
      },
    ]);
    expect(events.filter((e) => e.type === 'StepClosed' && e.data.outcome === 'cancelled')).toHaveLength(5);
    expect(events.at(-1)).toEqual({ type: 'ProcedureCompleted', data: { outcome: 'vetted', personIds: [] } });
  });

  it('a block needs its reason; a check cannot be returned', () => {
    given(launched)
      .when({
        type: 'ConcludeVetting',
        data: { personId: 'person/bn-07', kind: 'inspection-opinion', outcome: 'BLOCKED' },
        actor: actors.inspector,
        now,
      })
      .then(ValidationError);
    given(launched)
      .when(decide('person/bn-07/inspection-opinion', { kind: 'return', reason: 'more' }, actors.inspector))
      .then(ValidationError);
  });
});
