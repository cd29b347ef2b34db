import { ApplicationFailure } from '@temporalio/common';
import { NotAllowedError, RecusedError, ValidationError } from '@cadreflow/domain';
import { domainFailureOf } from '@cadreflow/workflows/messages';
import { asUpdateFailure } from '../src/domain-failure';
import { decisionCommand } from '../src/procedure-kinds';

const actor = { personId: 'person/bn-06', role: 'standing-committee' as const, bodyId: 'body/bn-btv' };
const now = '2026-11-22T04:00:00.000Z';

describe('update failures', () => {
  it('carries the domain code as the failure type, with the error context as details', () => {
    const failure = asUpdateFailure(new RecusedError('You are the person concerned', 'person/a', 'person/a', 'SELF'));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'RECUSED',
      message: 'You are the person concerned',
      nonRetryable: true,
      details: [{ code: 'RECUSED', name: 'RecusedError', context: { actorId: 'person/a', ground: 'SELF' } }],
    });
  });

  it('turns anything else a decider throws into a VALIDATION rejection', () => {
    expect(asUpdateFailure(new TypeError("Cannot read properties of undefined (reading 'trim')"))).toMatchObject({
      type: 'VALIDATION',
      message: expect.stringContaining('could not be applied') as unknown,
    });
  });

  it('reads the domain failure through the cause chain of a client error, and nothing from other errors', () => {
    const cause = asUpdateFailure(new NotAllowedError('Four eyes', 'person/x', 'FOUR_EYES'));
    const clientError = Object.assign(new Error('Workflow Update failed'), { cause });
    expect(domainFailureOf(clientError)).toEqual({
      code: 'NOT_ALLOWED',
      errorCode: 'NOT_ALLOWED_FOUR_EYES',
      params: { actorId: 'person/x' },
      message: 'Four eyes',
      details: {
        code: 'NOT_ALLOWED',
        errorCode: 'NOT_ALLOWED_FOUR_EYES',
        params: { actorId: 'person/x' },
        name: 'NotAllowedError',
        context: { actorId: 'person/x', reason: 'FOUR_EYES' },
      },
    });
    expect(domainFailureOf(new Error('connection refused'))).toBeNull();
    expect(domainFailureOf('not an error')).toBeNull();
  });
});

describe('step decisions as domain commands', () => {
  it('maps approvals to DecideStep and meeting tallies to RecordTally', () => {
    expect(decisionCommand('personnel-plan', 'adoption-1', { kind: 'approve' }, actor, now)).toEqual({
      type: 'DecideStep',
      data: { stepId: 'adoption-1', decision: { kind: 'approve' } },
      actor,
      now,
    });
    const tally = { summoned: 3, present: 3, ballots: { issued: 3, returned: 3, valid: 3, invalid: {} }, tallies: {} };
    expect(
      decisionCommand('introduction', 're-election/2', { kind: 'tally', tally } as never, actor, now),
    ).toMatchObject({ type: 'RecordTally', data: { stepId: 're-election/2', tally } });
  });

  it('maps election rounds and congress decisions to their commands, reading the round from the step id', () => {
    expect(
      decisionCommand(
        'election',
        'round-2',
        { kind: 'round-tally', attendance: {} as never, ballots: {} as never, tallies: { a: 1 } },
        actor,
        now,
      ),
    ).toMatchObject({ type: 'RecordRoundTally', data: { round: 2, tallies: { a: 1 } } });
    expect(
      decisionCommand('election', 'decision-3', { kind: 'next-round', proceed: false, candidateIds: [] }, actor, now),
    ).toMatchObject({ type: 'DecideNextRound', data: { proceed: false, candidateIds: [] } });
  });

  it('refuses a decision that does not fit the procedure or the step', () => {
    expect(() =>
      decisionCommand('personnel-plan', 'adoption-1', { kind: 'tally', tally: {} as never }, actor, now),
    ).toThrow(ValidationError);
    expect(() =>
      decisionCommand('election', 'ratification', { kind: 'next-round', proceed: true, candidateIds: [] }, actor, now),
    ).toThrow(ValidationError);
  });
});
