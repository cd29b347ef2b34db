import {
  demoIds,
  demoOrganisation,
  electionThresholdBase,
  introductionCandidate,
  introductionDecider,
  openStepTimers,
  recordWith,
  rulebook2025to2030,
  vettingCandidate,
} from '@cadreflow/domain';
import { actors } from './demo-actors.fixture';

describe('helpers for the workflow layer', () => {
  it('builds launch candidates from the organisation model', () => {
    expect(introductionCandidate(demoOrganisation, demoIds.people.secretary, 're-election')).toEqual({
      personId: demoIds.people.secretary,
      relativeIds: [demoIds.people.secretarySibling],
      track: 're-election',
      birthDate: '1972-06-12',
      gender: 'male',
    });
    const vetting = vettingCandidate(
      demoOrganisation,
      rulebook2025to2030,
      {
        personId: demoIds.people.secretarySibling,
        postId: demoIds.posts.inspectionCommitteeChair,
        bodyId: demoIds.inspectionCommittee,
        on: '2025-07-01',
      },
      { workplaceBodyId: 'cell/work', residenceBodyId: 'cell/home' },
    );
    expect(vetting.linkedPostConflicts.map((c) => c.relativeId)).toEqual([demoIds.people.secretary]);
    expect(vetting.relativeIds).toEqual([demoIds.people.secretary]);
  });

  it('lists open steps with the instant each becomes overdue', () => {
    const events = introductionDecider.decide(
      {
        type: 'LaunchIntroduction',
        data: {
          procedureId: 'p',
          organisationId: demoIds.province,
          congressDate: '2025-10-15',
          standingCommitteeId: demoIds.standingCommittee,
          executiveCommitteeId: demoIds.executiveCommittee,
          keyCadresConferenceId: demoIds.keyCadresConference,
          inspectionCommitteeId: demoIds.inspectionCommittee,
          higherBodyId: demoIds.politburo,
          higherRole: 'politburo',
          candidates: [introductionCandidate(demoOrganisation, 'person/bn-44', 're-election')],
        },
        actor: actors.organizationOfficer,
        now: '2025-05-05T08:00:00Z',
      },
      introductionDecider.initialState(),
    );
    const state = events.reduce(introductionDecider.evolve, introductionDecider.initialState());
    expect(openStepTimers(state.core)).toEqual([
      { stepId: 're-election/1', dueDate: '2025-05-12', overdueAt: '2025-05-12T17:00:00.000Z', escalated: false },
    ]);
    const recorded = recordWith(events.slice(0, 1), {
      actorId: actors.organizationOfficer.personId,
      actorRole: 'organization-committee',
      bodyId: demoIds.province,
      rulebookId: 'rulebook/2025-2030',
      occurredAt: '2025-05-05T08:00:00Z',
    });
    expect(recorded[0]?.metadata.rulebookId).toBe('rulebook/2025-2030');
    expect(recorded[0]?.type).toBe('ProcedureLaunched');
  });

  it('measures an election against the configured base', () => {
    const attendance = {
      kind: 'delegates',
      delegatesConvened: 200,
      conveningCommitteeAbsentThroughout: 1,
      delegatesAbsentWithoutAlternate: 4,
      present: 190,
    } as const;
    expect(electionThresholdBase('election-base', attendance, 180)).toBe(195);
    expect(electionThresholdBase('present', attendance, 180)).toBe(190);
    expect(electionThresholdBase('valid-ballots', attendance, 180)).toBe(180);
    expect(electionThresholdBase('convened', attendance, 180)).toBe(200);
  });
});
