import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NotFoundError, RecusedError, ValidationError } from '@cadreflow/domain';
import { ApiError } from '../../apps/api/src/errors/api-error';
import { ApiErrorFilter } from '../../apps/api/src/errors/api-error.filter';
import { createValidationPipe } from '../../apps/api/src/errors/validation.pipe';
import { LaunchFormPipe } from '../../apps/api/src/procedures/launch-form.pipe';
import { WithdrawDto } from '../../apps/api/src/procedures/procedures.dto';
import { DecisionDto } from '../../apps/api/src/tasks/tasks.dto';

const pipe = createValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

/** The answer the filter gives to what `run` throws. */
async function answerTo(run: () => Promise<unknown>): Promise<ReturnType<ApiErrorFilter['toBody']>> {
  try {
    await run();
  } catch (error) {
    return new ApiErrorFilter().toBody(error);
  }
  throw new Error('nothing was thrown');
}

describe('every 4xx is { statusCode, code, message, field?, params? }', () => {
  it('names a missing field FIELD_REQUIRED and a field too long FIELD_TOO_LONG with its limit', async () => {
    expect(await answerTo(() => pipe.transform({}, body(WithdrawDto)))).toMatchObject({
      statusCode: 400,
      code: 'FIELD_REQUIRED',
      field: 'reason',
    });
    const long = await answerTo(() => pipe.transform({ reason: 'x'.repeat(2001) }, body(WithdrawDto)));
    expect(long).toMatchObject({ statusCode: 400, code: 'FIELD_TOO_LONG', field: 'reason', params: { max: 2000 } });
  });

  it('names a field the operation does not take FIELD_UNKNOWN, and a value outside the list with the allowed ones', async () => {
    expect(await answerTo(() => pipe.transform({ kind: 'approve', votes: 3 }, body(DecisionDto)))).toMatchObject({
      code: 'FIELD_UNKNOWN',
      field: 'votes',
    });
    const kind = await answerTo(() => pipe.transform({ kind: 'maybe' }, body(DecisionDto)));
    expect(kind).toMatchObject({ code: 'FIELD_NOT_ALLOWED_VALUE', field: 'kind' });
    expect(kind.params?.allowed).toEqual(expect.arrayContaining(['approve', 'reject', 'round-tally']));
  });

  it('gives nested fields their dotted path and lists every field error', async () => {
    const answer = await answerTo(() =>
      pipe.transform(
        {
          kind: 'tally',
          tally: { summoned: 10, present: -1, ballots: { issued: 10, returned: 10, valid: 10 }, tallies: { a: 1.5 } },
        },
        body(DecisionDto),
      ),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.errors?.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['tally.present', 'FIELD_TOO_SMALL'],
        ['tally.ballots.invalid', 'FIELD_REQUIRED'],
        ['tally.tallies', 'FIELD_INVALID'],
      ]),
    );
  });

  it('checks a launch form against the form of its kind: a bad date, an unknown kind, a missing list', async () => {
    const launch = new LaunchFormPipe();
    const date = await answerTo(() =>
      launch.transform({
        kind: 'congress-personnel',
        organisationId: 'org/x',
        congressDate: '15/06/2027',
        executiveCommitteeSeats: 48,
        standingCommitteeSeats: 15,
        deputySecretaries: 3,
        candidateIds: ['person/a'],
      }),
    );
    expect(date).toMatchObject({ statusCode: 400, code: 'FIELD_INVALID_DATE', field: 'congressDate' });
    expect(await answerTo(() => launch.transform({ kind: 'coronation', organisationId: 'org/x' }))).toMatchObject({
      code: 'FIELD_NOT_ALLOWED_VALUE',
      field: 'kind',
    });
    const empty = await answerTo(() =>
      launch.transform({ kind: 'vetting', organisationId: 'org/x', congressDate: '2027-06-15', candidateIds: [] }),
    );
    expect(empty).toMatchObject({ code: 'FIELD_TOO_FEW', field: 'candidateIds', params: { min: 1 } });
    const twice = await answerTo(() =>
      launch.transform({
        kind: 'vetting',
        organisationId: 'org/x',
        congressDate: '2027-06-15',
        candidateIds: ['person/a', 'person/a'],
        input: {},
      }),
    );
    expect(twice.errors?.map((e) => e.code).sort()).toEqual(['FIELD_DUPLICATE', 'FIELD_UNKNOWN']);
  });

  it("answers a domain refusal with the domain's code and params and the status of its category", () => {
    const filter = new ApiErrorFilter();
    const recused = new RecusedError('recuse yourself', 'person/bn-12', 'person/bn-40', 'RELATIVE');
    const expectedCode = (recused as RecusedError & { errorCode?: string }).errorCode ?? 'RECUSED';
    expect(filter.toBody(recused)).toMatchObject({ statusCode: 403, code: expectedCode });
    expect(filter.toBody(recused).params).toMatchObject({ subjectId: 'person/bn-40' });
    expect(filter.toBody(new NotFoundError('no step', 'step', 'round-9'))).toMatchObject({ statusCode: 404 });
    expect(filter.toBody(new ValidationError('counts do not add up', { present: 3 }))).toMatchObject({
      statusCode: 422,
      params: { present: 3 },
    });
  });

  it('reads the domain refusal a workflow Update failed with: category as status, code and params from its details', () => {
    const failure = ApplicationFailure.create({
      type: 'VALIDATION',
      message: 'The ballots do not add up',
      nonRetryable: true,
      details: [
        { code: 'VALIDATION', errorCode: 'TALLY_BALLOTS_MISMATCH', name: 'ValidationError', params: { issued: 10 } },
      ],
    });
    const error = new WorkflowUpdateFailedError('update failed', failure);
    expect(new ApiErrorFilter().toBody(error)).toEqual({
      statusCode: 422,
      code: 'TALLY_BALLOTS_MISMATCH',
      message: 'The ballots do not add up',
      params: { issued: 10 },
    });
  });

  it("answers the API's own errors as thrown, a Nest exception with a code by status, and never details of a 500", () => {
    const filter = new ApiErrorFilter();
    expect(filter.toBody(new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'reused', { field: 'Idempotency-Key' }))).toEqual({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: 'reused',
      field: 'Idempotency-Key',
    });
    expect(filter.toBody(new BadRequestException('bad'))).toMatchObject({ statusCode: 400, code: 'FIELD_INVALID' });
    expect(filter.toBody(Object.assign(new Error('too large'), { type: 'entity.too.large' }))).toMatchObject({
      statusCode: 413,
      code: 'REQUEST_TOO_LARGE',
    });
    expect(filter.toBody(new Error('secret internals'))).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Something went wrong on our side; nothing was recorded.',
    });
  });
});
