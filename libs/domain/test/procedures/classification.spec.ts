import {
  type Actor,
  type ClassificationCommand,
  type ClassificationEvent,
  type ClassificationGrade,
  classificationDecider,
  demoIds,
  excellentAllowed,
  IllegalTransitionError,
  NotAllowedError,
  RecusedError,
  rulebook2025to2030,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors } from './demo-actors.fixture';

const given = deciderSpec(classificationDecider);
const now = '2025-12-01T08:00:00Z';
const people = Array.from({ length: 12 }, (_, i) => `person/m-${String(i + 1).padStart(2, '0')}`);
const committee = {
  personId: 'person/bn-07',
  role: 'standing-committee',
  bodyId: demoIds.standingCommittee,
} satisfies Actor;
const secondMember = { ...committee, personId: 'person/bn-08' };

const launch: ClassificationCommand = {
  type: 'LaunchClassification',
  data: {
    procedureId: 'classification/bn-2025',
    organisationId: demoIds.province,
    year: 2025,
    committeeBodyId: demoIds.standingCommittee,
    committeeRole: 'standing-committee',
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    candidates: people.map((personId) => ({
      personId,
      relativeIds: personId === 'person/m-01' ? ['person/bn-08'] : [],
    })),
  },
  actor: actors.organizationOfficer,
  now,
};
const launched: ClassificationEvent[] = classificationDecider.decide(launch, classificationDecider.initialState());

/** `excellent` excellent, `good` good, the rest completed. */
function grades(excellent: number, good: number): Record<string, ClassificationGrade> {
  return Object.fromEntries(
    people.map((id, i) => [id, i < excellent ? 'excellent' : i < excellent + good ? 'good' : 'completed']),
  );
}
const grade = (
  g: Record<string, ClassificationGrade>,
  actor = committee,
  stepId = 'grading-1',
): ClassificationCommand => ({
  type: 'RecordClassification',
  data: { stepId, grades: g },
  actor,
  now,
});
const decide = (
  stepId: string,
  decision: { kind: 'approve' } | { kind: 'return' | 'reject'; reason: string },
  actor: Actor = actors.politburo,
): ClassificationCommand => ({ type: 'DecideStep', data: { stepId, decision }, actor, now });
const errorCode = (history: ClassificationEvent[], command: ClassificationCommand): string => {
  try {
    classificationDecider.decide(command, given(history).state);
    return 'none';
  } catch (error) {
    return (error as ValidationError).errorCode;
  }
};

describe('annual classification (đánh giá, xếp loại)', () => {
  it('launch schedules the year and opens the grading for the committee', () => {
    expect(launched.map((e) => e.type)).toEqual(['ProcedureLaunched', 'ClassificationScheduled', 'StepOpened']);
    expect(launched[2]?.data).toMatchObject({
      stepId: 'grading-1',
      kind: 'classification-grading',
      params: { revision: 1, year: 2025 },
      role: 'standing-committee',
      decision: 'classification',
      subjectIds: people,
    });
  });

  it('refuses a launch by another role, with nobody, or for a year that is not one', () => {
    given([])
      .when({ ...launch, actor: actors.standingMember })
      .then(NotAllowedError);
    given([])
      .when({ ...launch, data: { ...launch.data, candidates: [] } })
      .then(ValidationError);
    expect(errorCode([], { ...launch, data: { ...launch.data, year: 25.5 } })).toBe('CLASSIFICATION_YEAR_INVALID');
  });

  it('"excellent" up to 20% of the "good" count passes: 2 with 10 good, not 3 with 9', () => {
    expect(excellentAllowed(10, rulebook2025to2030)).toBe(2);
    const { events } = given(launched)
      .when(grade(grades(2, 10)))
      .result();
    expect(events[0]).toMatchObject({
      type: 'ClassificationProposed',
      data: {
        revision: 1,
        gradedBy: committee.personId,
        counts: { excellent: 2, good: 10, completed: 0, 'not-completed': 0 },
        excellentAllowed: 2,
      },
    });
    expect(events.slice(1).map((e) => e.type)).toEqual(['StepClosed', 'StepOpened']);
    expect(events[2]?.data).toMatchObject({ stepId: 'approval-1', role: 'politburo', decision: 'approval' });
    expect(errorCode(launched, grade(grades(3, 9)))).toBe('CLASSIFICATION_EXCELLENT_OVER_QUOTA');
    expect(errorCode(launched, grade(grades(1, 4)))).toBe('CLASSIFICATION_EXCELLENT_OVER_QUOTA');
    expect(errorCode(launched, grade(grades(1, 5)))).toBe('none');
    expect(errorCode(launched, grade(grades(0, 0)))).toBe('none');
  });

  it('refuses a grading that misses someone, names a stranger or uses an unknown grade', () => {
    const { 'person/m-12': _left, ...partial } = grades(0, 5);
    expect(errorCode(launched, grade(partial))).toBe('CLASSIFICATION_GRADE_MISSING');
    expect(errorCode(launched, grade({ ...grades(0, 5), 'person/x': 'good' }))).toBe('TALLY_UNKNOWN_CANDIDATE');
    expect(errorCode(launched, grade({ ...grades(0, 5), 'person/m-12': 'best' as ClassificationGrade }))).toBe(
      'CLASSIFICATION_GRADE_INVALID',
    );
  });

  it('a relative of a person graded stands aside; the launcher may not grade', () => {
    given(launched)
      .when(grade(grades(0, 5), secondMember))
      .then(RecusedError);
    given(launched)
      .when(
        grade(grades(0, 5), {
          ...actors.organizationOfficer,
          role: 'standing-committee',
          bodyId: demoIds.standingCommittee,
        }),
      )
      .then(NotAllowedError);
  });

  it('the higher body returns with a reason (graded again) or approves, never rejects; the grader may not approve', () => {
    const { events: proposed } = runAll(classificationDecider, [launch, grade(grades(2, 10))]);
    given(proposed)
      .when(decide('approval-1', { kind: 'reject', reason: 'no' }))
      .then(ValidationError);
    given(proposed)
      .when(decide('approval-1', { kind: 'return', reason: '' }))
      .then(ValidationError);
    given(proposed)
      .when(decide('approval-1', { kind: 'approve' }, { ...committee, role: 'politburo', bodyId: demoIds.politburo }))
      .then(NotAllowedError);
    given(proposed)
      .when(grade(grades(0, 5)))
      .then(IllegalTransitionError);
    const { events: returned, state } = runAll(
      classificationDecider,
      [decide('approval-1', { kind: 'return', reason: 'Review member m-01 again' })],
      proposed,
    );
    expect(returned.slice(proposed.length).map((e) => e.type)).toEqual([
      'ClassificationReturned',
      'StepClosed',
      'StepOpened',
    ]);
    expect(Object.keys(state.core.openSteps)).toEqual(['grading-2']);
    const { events: done, state: final } = runAll(
      classificationDecider,
      [grade(grades(1, 10), committee, 'grading-2'), decide('approval-2', { kind: 'approve' })],
      returned,
    );
    expect(done.at(-1)).toEqual({ type: 'ProcedureCompleted', data: { outcome: 'classified', personIds: people } });
    expect(final.status).toBe('APPROVED');
    expect(final.grades['person/m-01']).toBe('excellent');
    expect(final.grades['person/m-02']).toBe('good');
  });
});
