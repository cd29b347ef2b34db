import { DomainError, demoIds, demoOrganisation } from '@cadreflow/domain';
import type { CadreOpinionLaunch, ClassificationLaunch, ConfidenceVoteLaunch } from '@cadreflow/workflows/messages';
import { ApiError } from '../../apps/api/src/errors/api-error';
import { buildLaunch } from '../../apps/api/src/procedures/launch-builder';
import type { LaunchForm } from '../../apps/api/src/procedures/launch.dto';
import { LaunchFormPipe } from '../../apps/api/src/procedures/launch-form.pipe';

const snapshot = { model: demoOrganisation, version: 7, hash: 'b'.repeat(64) };
const launchedBy = {
  actorId: demoIds.people.organizationOfficer,
  role: 'organization-committee' as const,
  bodyId: demoIds.organizationCommittee,
};
const people = [demoIds.people.deputySecretary1, demoIds.people.secretary];
const form = (fields: object): LaunchForm => fields as LaunchForm;

describe('confidence vote and classification launched from a form', () => {
  it('a confidence vote is voted by the executive committee, its low results go to the committee one level up', () => {
    const launch = buildLaunch(
      form({ kind: 'confidence-vote', organisationId: demoIds.province, candidateIds: people }),
      snapshot,
      'proc-cv',
      launchedBy,
    ) as ConfidenceVoteLaunch;
    expect(launch).toMatchObject({
      kind: 'confidence-vote',
      procedureId: 'proc-cv',
      registry: { version: 7, hash: 'b'.repeat(64) },
      data: {
        organisationId: demoIds.province,
        votingBodyId: demoIds.executiveCommittee,
        votingRole: 'executive-committee',
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
      },
    });
    expect(launch.data.candidates.map((c) => c.personId)).toEqual(people);
  });

  it('a classification is graded by the standing committee for the year given', () => {
    const launch = buildLaunch(
      form({ kind: 'classification', organisationId: demoIds.province, year: 2025, candidateIds: people }),
      snapshot,
      'proc-cl',
      launchedBy,
    ) as ClassificationLaunch;
    expect(launch.data).toMatchObject({
      year: 2025,
      committeeBodyId: demoIds.standingCommittee,
      committeeRole: 'standing-committee',
      higherBodyId: demoIds.politburo,
    });
  });

  it('a request for an opinion goes to the standing committee; it comes from the level above or the centre', () => {
    const request = { reference: 'Công văn 123-CV/BTCTW', matter: 'Nhân sự dự kiến bổ nhiệm', candidateIds: people };
    const central = buildLaunch(
      form({ kind: 'cadre-opinion', organisationId: demoIds.province, requestedBy: 'central', ...request }),
      snapshot,
      'proc-op',
      launchedBy,
    ) as CadreOpinionLaunch;
    expect(central.data).toMatchObject({
      requestingBodyId: demoIds.centralOrganizationCommittee,
      answeringBodyId: demoIds.standingCommittee,
      answeringRole: 'standing-committee',
      reference: 'Công văn 123-CV/BTCTW',
      matter: 'Nhân sự dự kiến bổ nhiệm',
    });
    const higher = buildLaunch(
      form({ kind: 'cadre-opinion', organisationId: demoIds.province, requestedBy: 'higher', ...request }),
      snapshot,
      'proc-op2',
      launchedBy,
    ) as CadreOpinionLaunch;
    expect(higher.data.requestingBodyId).toBe(demoIds.politburo);
  });

  it('refuses a person the registry lacks (422 naming the list item) and an organisation with no higher level', () => {
    let error: unknown = null;
    try {
      buildLaunch(
        form({ kind: 'confidence-vote', organisationId: demoIds.province, candidateIds: [people[0], 'person/nobody'] }),
        snapshot,
        'proc-x',
        launchedBy,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toBody()).toMatchObject({
      statusCode: 422,
      code: 'LAUNCH_UNKNOWN_PERSON',
      field: 'candidateIds.1',
    });
    let top: unknown = null;
    try {
      buildLaunch(
        form({ kind: 'classification', organisationId: demoIds.national, year: 2025, candidateIds: people }),
        snapshot,
        'proc-y',
        launchedBy,
      );
    } catch (e) {
      top = e;
    }
    expect(top).toBeInstanceOf(DomainError);
    expect((top as DomainError).errorCode).toBe('NO_HIGHER_LEVEL');
  });

  it('the form pipe checks the year and the list (400 naming the field)', async () => {
    const pipe = new LaunchFormPipe();
    await expect(
      pipe.transform({ kind: 'classification', organisationId: demoIds.province, year: 1800, candidateIds: people }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      pipe.transform({ kind: 'confidence-vote', organisationId: demoIds.province, candidateIds: [] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      pipe.transform({ kind: 'classification', organisationId: demoIds.province, year: 2025, candidateIds: people }),
    ).resolves.toMatchObject({ kind: 'classification', year: 2025 });
  });
});
