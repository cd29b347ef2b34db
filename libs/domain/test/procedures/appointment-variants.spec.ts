import {
  type Actor,
  type AppointmentCommand,
  type AppointmentEvent,
  appointmentDecider,
  type AppointmentVariant,
  type DomainError,
  type StepDecision,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, meeting } from './demo-actors.fixture';

const given = deciderSpec(appointmentDecider);
const committeeId = 'body/bn-tu-son/executive-committee';
const member: Actor = { personId: 'person/ts-02', role: 'leadership-collective', bodyId: committeeId };
const conference: Actor = { personId: 'person/ts-03', role: 'key-cadres-conference', bodyId: 'body/ts-key-cadres' };
const higher: Actor = { personId: 'person/bn-sc-01', role: 'standing-committee', bodyId: 'body/bn-standing' };
const at = '2025-09-05T10:00:00Z';
const person = 'person/ts-10';

const launch = (variant: AppointmentVariant | undefined, named: string | null = person): AppointmentCommand => ({
  type: 'LaunchAppointment',
  data: {
    procedureId: `appointment/${variant ?? 'none'}`,
    unitId: 'org/bn-tu-son',
    leadershipCollectiveId: committeeId,
    keyCadresConferenceId: 'body/ts-key-cadres',
    higherBodyId: 'body/bn-standing',
    higherRole: 'standing-committee',
    post: { postId: 'post/ts-committee-member', title: 'Ủy viên Ban Chấp hành', centralManagement: false },
    ...(variant ? { variant } : {}),
    ...(named ? { person: { personId: named, relativeIds: ['person/ts-11'] } } : {}),
  },
  actor: actors.organizationOfficer,
  now: '2025-09-03T08:00:00Z',
});
const step = (stepId: string, decision: StepDecision, actor: Actor): AppointmentCommand => ({
  type: 'DecideStep',
  data: { stepId, decision },
  actor,
  now: at,
});
const programme: AppointmentCommand = {
  type: 'FileActionProgramme',
  data: { personId: person, reference: 'CTHĐ-2025-ts-10' },
  actor: { ...member, personId: person },
  now: at,
};

/** The variant's history up to and including step 1's approval, with the action programme filed. */
function proposed(variant: AppointmentVariant): AppointmentEvent[] {
  return runAll(
    appointmentDecider,
    [
      launch(variant),
      step('policy', { kind: 'approve' }, higher),
      step('step-1', { kind: 'approve' }, member),
      programme,
    ],
    [],
  ).events;
}

function opened(events: readonly AppointmentEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'StepOpened' ? [e.data.stepId] : []));
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).errorCode;
  }
}

describe('procedure C: reappointment, transfer, rotation and ratification', () => {
  it('records the variant on ProcedureLaunched and the named person as the candidate', () => {
    const events = appointmentDecider.decide(launch('transfer'), appointmentDecider.initialState());
    expect(events.map((e) => e.type)).toEqual(['ProcedureLaunched', 'PolicyRequested', 'CandidateAdded', 'StepOpened']);
    expect(events[0]).toMatchObject({ data: { kind: 'appointment', variant: 'transfer' } });
    expect(events[2]).toMatchObject({ data: { personId: person, source: 'unit', relativeIds: ['person/ts-11'] } });
  });

  it('an appointment without a variant records `appointment` and finds its nominees itself', () => {
    const events = appointmentDecider.decide(launch(undefined, null), appointmentDecider.initialState());
    expect(events[0]).toMatchObject({ data: { variant: 'appointment' } });
    expect(opened(runAll(appointmentDecider, [step('policy', { kind: 'approve' }, higher)], events).events)).toEqual([
      'policy',
      'step-1',
    ]);
  });

  it('refuses a variant without its person, and an appointment with one, naming the field', () => {
    const state = appointmentDecider.initialState();
    expect(() => appointmentDecider.decide(launch('reappointment', null), state)).toThrow(ValidationError);
    expect(codeOf(() => appointmentDecider.decide(launch('reappointment', null), state))).toBe(
      'APPOINTMENT_PERSON_MISSING',
    );
    expect(codeOf(() => appointmentDecider.decide(launch('appointment'), state))).toBe('APPOINTMENT_PERSON_UNEXPECTED');
    expect(codeOf(() => appointmentDecider.decide(launch('rotation', '  '), state))).toBe('APPOINTMENT_PERSON_MISSING');
  });

  it.each([
    ['reappointment', 'step-4'],
    ['transfer', 'step-5'],
    ['rotation', 'step-5'],
    ['ratification', 'step-5'],
  ] as const)('%s: step 1 opens %s on the named person, skipping the nomination', (variant, next) => {
    const events = proposed(variant);
    expect(opened(events)).toEqual(['policy', 'step-1', next]);
    expect(events.filter((e) => e.type === 'StepOpened').at(-1)).toMatchObject({ data: { subjectIds: [person] } });
  });

  it('reappointment: the key-cadres conference votes, then the collective puts the incumbent forward', () => {
    const atStep5 = runAll(
      appointmentDecider,
      [
        {
          type: 'RecordTally',
          data: { stepId: 'step-4', tally: meeting(30, { [person]: 16 }, 25) },
          actor: conference,
          now: at,
        },
      ],
      proposed('reappointment'),
    ).events;
    expect(opened(atStep5).at(-1)).toBe('step-5');
    given(atStep5)
      .when({
        type: 'RecordTally',
        data: { stepId: 'step-5', tally: meeting(9, { [person]: 5 }) },
        actor: member,
        now: at,
      })
      .thenIncludes([{ type: 'ProcedureCompleted', data: { outcome: 'proposed', personIds: [person] } }]);
  });

  it('reappointment: a conference vote of exactly half of those convened drops the incumbent', () => {
    given(proposed('reappointment'))
      .when({
        type: 'RecordTally',
        data: { stepId: 'step-4', tally: meeting(30, { [person]: 15 }, 25) },
        actor: conference,
        now: at,
      })
      .thenIncludes([{ type: 'ProcedureCompleted', data: { outcome: 'no-candidate', personIds: [] } }]);
  });

  it('transfer: more than half of the receiving collective proposes the person; the procedure ends there', () => {
    given(proposed('transfer'))
      .when({
        type: 'RecordTally',
        data: { stepId: 'step-5', tally: meeting(9, { [person]: 5 }) },
        actor: member,
        now: at,
      })
      .thenIncludes([
        { type: 'CandidateProposed', data: { personId: person, votes: 5, base: 9, decidedBy: 'collective' } },
        { type: 'ProcedureCompleted', data: { outcome: 'proposed', personIds: [person] } },
      ]);
  });

  it('ratification: the committee elects the member by more than half, then the higher committee ratifies', () => {
    const { events, state } = given(proposed('ratification'))
      .when({
        type: 'RecordTally',
        data: { stepId: 'step-5', tally: meeting(9, { [person]: 5 }) },
        actor: member,
        now: at,
      })
      .result();
    expect(events.map((e) => e.type)).not.toContain('ProcedureCompleted');
    expect(events.at(-1)).toMatchObject({
      type: 'StepOpened',
      data: {
        stepId: 'ratification',
        kind: 'appointment-ratification',
        role: 'standing-committee',
        bodyId: 'body/bn-standing',
        decision: 'approval',
        subjectIds: [person],
      },
    });
    expect(state.status).toBe('AWAITING_RATIFICATION');
    const elected = [...proposed('ratification'), ...events];
    given(elected)
      .when(step('ratification', { kind: 'approve', note: 'Quyết định chuẩn y số 12' }, higher))
      .then([
        {
          type: 'MemberRatified',
          data: { personId: person, byBodyId: 'body/bn-standing', note: 'Quyết định chuẩn y số 12' },
        },
        { type: 'StepClosed', data: { stepId: 'ratification', outcome: 'approved' } },
        { type: 'ProcedureCompleted', data: { outcome: 'ratified', personIds: [person] } },
      ]);
    given(elected)
      .when(step('ratification', { kind: 'reject', reason: 'Chưa đủ tiêu chuẩn' }, higher))
      .then([
        {
          type: 'MemberRatificationRefused',
          data: { personId: person, byBodyId: 'body/bn-standing', reason: 'Chưa đủ tiêu chuẩn' },
        },
        { type: 'StepClosed', data: { stepId: 'ratification', outcome: 'rejected' } },
        { type: 'ProcedureCompleted', data: { outcome: 'ratification-refused', personIds: [] } },
      ]);
    expect(
      codeOf(() =>
        given(elected)
          .when(step('ratification', { kind: 'return', reason: 'Bầu lại' }, higher))
          .result(),
      ),
    ).toBe('DECISION_NOT_RETURNABLE');
    expect(
      codeOf(() =>
        given(elected)
          .when(step('ratification', { kind: 'approve' }, member))
          .result(),
      ),
    ).not.toBeNull();
  });

  it('ratification: exactly half of the committee does not elect, and no head decides it', () => {
    given(proposed('ratification'))
      .when({
        type: 'RecordTally',
        data: { stepId: 'step-5', tally: meeting(8, { [person]: 4 }) },
        actor: member,
        now: at,
      })
      .thenIncludes([{ type: 'ProcedureCompleted', data: { outcome: 'no-candidate', personIds: [] } }]);
  });
});
