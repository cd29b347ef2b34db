import {
  type Actor,
  type CadreOpinionCommand,
  type CadreOpinionEvent,
  cadreOpinionDecider,
  demoIds,
  IllegalTransitionError,
  NotAllowedError,
  procedureSucceeded,
  RecusedError,
  type StepDecision,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors } from './demo-actors.fixture';

const given = deciderSpec(cadreOpinionDecider);
const now = '2025-04-01T08:00:00Z';
const cadres = [demoIds.people.deputySecretary1, demoIds.people.policeDirector];

const receive: CadreOpinionCommand = {
  type: 'ReceiveOpinionRequest',
  data: {
    procedureId: 'opinion/bn-2025-1',
    organisationId: demoIds.province,
    requestingBodyId: demoIds.centralOrganizationCommittee,
    reference: 'Công văn số 123-CV/BTCTW ngày 25/3/2025',
    matter: 'Cho ý kiến về nhân sự dự kiến bổ nhiệm',
    answeringBodyId: demoIds.standingCommittee,
    answeringRole: 'standing-committee',
    candidates: cadres.map((personId) => ({
      personId,
      relativeIds: personId === demoIds.people.policeDirector ? ['person/bn-06'] : [],
    })),
  },
  actor: actors.organizationOfficer,
  now,
};
const received: CadreOpinionEvent[] = cadreOpinionDecider.decide(receive, cadreOpinionDecider.initialState());
const answer = (
  personId: string,
  decision: StepDecision,
  actor: Actor = actors.standingMember,
): CadreOpinionCommand => ({
  type: 'DecideStep',
  data: { stepId: `answer/${personId}`, decision },
  actor,
  now,
});
const secondMember: Actor = { ...actors.standingMember, personId: 'person/bn-07' };

describe('opinion to a higher or central agency on cadres', () => {
  it('recording the request opens one answer per cadre for the standing committee', () => {
    expect(received[0]).toMatchObject({
      type: 'ProcedureLaunched',
      data: { kind: 'cadre-opinion', higherBodyId: demoIds.centralOrganizationCommittee },
    });
    expect(received[1]).toEqual({
      type: 'OpinionRequested',
      data: {
        requestingBodyId: demoIds.centralOrganizationCommittee,
        reference: 'Công văn số 123-CV/BTCTW ngày 25/3/2025',
        matter: 'Cho ý kiến về nhân sự dự kiến bổ nhiệm',
        personIds: cadres,
      },
    });
    expect(received.slice(2).map((e) => e.data)).toMatchObject([
      { stepId: `answer/${cadres[0]}`, kind: 'cadre-opinion', decision: 'opinion', role: 'standing-committee' },
      { stepId: `answer/${cadres[1]}`, subjectIds: [cadres[1]] },
    ]);
  });

  it('refuses a request recorded by another role, about nobody, or without its reference or matter', () => {
    given([])
      .when({ ...receive, actor: actors.standingMember })
      .then(NotAllowedError);
    given([])
      .when({ ...receive, data: { ...receive.data, candidates: [] } })
      .then(ValidationError);
    let code = '';
    try {
      cadreOpinionDecider.decide(
        { ...receive, data: { ...receive.data, reference: ' ', matter: '' } },
        cadreOpinionDecider.initialState(),
      );
    } catch (error) {
      code = (error as ValidationError).errorCode;
      expect((error as ValidationError).params).toEqual({ missing: ['reference', 'matter'] });
    }
    expect(code).toBe('OPINION_REQUEST_INCOMPLETE');
  });

  it('a favourable answer goes to the requesting agency; an unfavourable one needs its reason; none is returned', () => {
    given(received)
      .when(answer(cadres[0], { kind: 'approve', note: 'Đủ tiêu chuẩn' }))
      .then([
        {
          type: 'OpinionGiven',
          data: {
            personId: cadres[0],
            favourable: true,
            opinion: 'Đủ tiêu chuẩn',
            byBodyId: demoIds.standingCommittee,
            toBodyId: demoIds.centralOrganizationCommittee,
          },
        },
        { type: 'StepClosed', data: { stepId: `answer/${cadres[0]}`, outcome: 'approved' } },
      ]);
    given(received)
      .when(answer(cadres[0], { kind: 'reject', reason: '  ' }))
      .then(ValidationError);
    given(received)
      .when(answer(cadres[0], { kind: 'return', reason: 'Bổ sung hồ sơ' }))
      .then(ValidationError);
  });

  it('the cadre, their declared relative and the office that recorded the request do not answer', () => {
    given(received)
      .when(answer(cadres[0], { kind: 'approve' }, { ...actors.standingMember, personId: cadres[0] }))
      .then(RecusedError);
    given(received)
      .when(answer(cadres[1], { kind: 'approve' }))
      .then(RecusedError);
    given(received)
      .when(
        answer(
          cadres[0],
          { kind: 'approve' },
          { ...actors.organizationOfficer, role: 'standing-committee', bodyId: demoIds.standingCommittee },
        ),
      )
      .then(NotAllowedError);
  });

  it('ends with the last answer, an outcome progress counts as done, and accepts nothing after', () => {
    const { events, state } = runAll(
      cadreOpinionDecider,
      [
        answer(cadres[0], { kind: 'approve' }),
        answer(cadres[1], { kind: 'reject', reason: 'Chưa đủ thời gian công tác' }, secondMember),
      ],
      received,
    );
    expect(events.at(-1)).toEqual({
      type: 'ProcedureCompleted',
      data: { outcome: 'opinion-given', personIds: cadres },
    });
    expect(procedureSucceeded('opinion-given')).toBe(true);
    expect(state.answers).toEqual({ [cadres[0]]: true, [cadres[1]]: false });
    given(events)
      .when(answer(cadres[0], { kind: 'approve' }))
      .then(IllegalTransitionError);
  });
});
