import {
  bodyOfKind,
  concernedPerson,
  consultingAuthority,
  organisationOf,
  procedureBodies,
  ratifyingAuthority,
  ValidationError,
  type AppointmentVariant,
  type Body,
  type ConsultingAuthority,
  type OrganisationModel,
} from '@cadreflow/domain';
import type {
  AppointmentLaunch,
  CadreOpinionLaunch,
  ClassificationLaunch,
  ConfidenceVoteLaunch,
  LaunchCommon,
  RegistrySnapshot,
} from './messages';

/** The fields of a launch every procedure shares, with the registry snapshot it pins. */
export type ReviewLaunchCommon = Omit<LaunchCommon, 'registry' | 'parentProcedureId' | 'rulebookId'> & {
  readonly registry: RegistrySnapshot;
};

function required(body: Body | null, what: string, organisationId: string): Body {
  if (!body) {
    throw new ValidationError(
      `${organisationId} has no ${what}; the procedure needs one`,
      { organisationId, what },
      { code: 'ORGANISATION_BODY_MISSING' },
    );
  }
  return body;
}

/** The committee one level up that decides on a cadre of `organisationId` (the one that ratifies its elections). */
function higherCommittee(model: OrganisationModel, organisationId: string): ConsultingAuthority {
  const higher = ratifyingAuthority(model, organisationId);
  if (!higher) {
    throw new ValidationError(`${organisationId} has no higher level`, { organisationId }, { code: 'NO_HIGHER_LEVEL' });
  }
  return higher;
}

/**
 * A confidence vote (lấy phiếu tín nhiệm) of the organisation's executive committee on these people; a low result
 * goes to the committee one level up, which ratifies the organisation's elections (and so decides on its posts).
 *
 * @example confidenceVoteLaunch(model, { procedureId, bodyId: 'org/bac-ninh', launchedBy, registry }, ['person/bn-02'])
 */
export function confidenceVoteLaunch(
  model: OrganisationModel,
  common: ReviewLaunchCommon,
  personIds: readonly string[],
): ConfidenceVoteLaunch {
  const bodies = procedureBodies(model, common.bodyId);
  const higher = higherCommittee(model, common.bodyId);
  return {
    kind: 'confidence-vote',
    ...common,
    data: {
      organisationId: common.bodyId,
      votingBodyId: required(bodies.executiveCommittee, 'executive committee', common.bodyId).id,
      votingRole: 'executive-committee',
      higherBodyId: higher.body.id,
      higherRole: higher.role,
      candidates: personIds.map((personId) => concernedPerson(model, personId)),
    },
  };
}

/**
 * The annual review and classification (đánh giá, xếp loại) of these people for `year`: the organisation's standing
 * committee grades, the committee one level up approves.
 */
export function classificationLaunch(
  model: OrganisationModel,
  common: ReviewLaunchCommon,
  personIds: readonly string[],
  year: number,
): ClassificationLaunch {
  const bodies = procedureBodies(model, common.bodyId);
  const higher = higherCommittee(model, common.bodyId);
  return {
    kind: 'classification',
    ...common,
    data: {
      organisationId: common.bodyId,
      year,
      committeeBodyId: required(bodies.standingCommittee, 'standing committee', common.bodyId).id,
      committeeRole: 'standing-committee',
      higherBodyId: higher.body.id,
      higherRole: higher.role,
      candidates: personIds.map((personId) => concernedPerson(model, personId)),
    },
  };
}

/** Who asks for an opinion on cadres: the level above (the Politburo for a province) or the central Organization Committee. */
export type OpinionRequester = 'higher' | 'central';

/** The central Organization Committee: the Organization Committee of the organisation at the top of the tree. */
function centralOrganizationCommittee(model: OrganisationModel, organisationId: string): Body | null {
  let organisation = organisationOf(model, organisationId);
  for (let depth = 0; organisation.parentId && depth < 20; depth++) {
    organisation = organisationOf(model, organisation.parentId);
  }
  return organisation.id === organisationOf(model, organisationId).id
    ? null
    : bodyOfKind(model, organisation.id, 'organization-committee');
}

/**
 * The request of a higher or central agency for the organisation's opinion on cadres, recorded by its Organization
 * Committee; its standing committee answers for each cadre.
 */
export function cadreOpinionLaunch(
  model: OrganisationModel,
  common: ReviewLaunchCommon,
  personIds: readonly string[],
  request: { readonly requestedBy: OpinionRequester; readonly reference: string; readonly matter: string },
): CadreOpinionLaunch {
  const bodies = procedureBodies(model, common.bodyId);
  const requester =
    request.requestedBy === 'central'
      ? centralOrganizationCommittee(model, common.bodyId)
      : (consultingAuthority(model, common.bodyId)?.body ?? null);
  if (!requester) {
    throw new ValidationError(
      `${common.bodyId} has no ${request.requestedBy === 'central' ? 'central Organization Committee' : 'higher level'}`,
      { organisationId: common.bodyId },
      { code: 'NO_HIGHER_LEVEL' },
    );
  }
  return {
    kind: 'cadre-opinion',
    ...common,
    data: {
      organisationId: common.bodyId,
      requestingBodyId: requester.id,
      reference: request.reference,
      matter: request.matter,
      answeringBodyId: required(bodies.standingCommittee, 'standing committee', common.bodyId).id,
      answeringRole: 'standing-committee',
      candidates: personIds.map((personId) => concernedPerson(model, personId)),
    },
  };
}

/**
 * An appointment (procedure C) to one post of the organisation in one of its forms. The standing committee is the
 * collective for the posts it manages and the executive committee elects for a `ratification`; the committee one
 * level up approves the policy and ratifies. The key-cadres conference is needed where the form has step 4.
 *
 * @example appointmentLaunch(model, common, ['person/bn-02'], { variant: 'transfer', postTitle: 'Chánh Văn phòng' })
 */
export function appointmentLaunch(
  model: OrganisationModel,
  common: ReviewLaunchCommon,
  personIds: readonly string[],
  form: { readonly variant: AppointmentVariant; readonly postTitle: string; readonly centralManagement?: boolean },
): AppointmentLaunch {
  const bodies = procedureBodies(model, common.bodyId);
  const higher = higherCommittee(model, common.bodyId);
  const electing = form.variant === 'ratification';
  const collective = electing
    ? required(bodies.executiveCommittee, 'executive committee', common.bodyId)
    : required(bodies.standingCommittee, 'standing committee', common.bodyId);
  const conference =
    form.variant === 'appointment' || form.variant === 'reappointment'
      ? required(bodies.keyCadresConference, 'key-cadres conference', common.bodyId)
      : (bodies.keyCadresConference ?? collective);
  const personId = personIds[0];
  return {
    kind: 'appointment',
    ...common,
    data: {
      unitId: common.bodyId,
      leadershipCollectiveId: collective.id,
      collectiveRole: electing ? 'executive-committee' : 'standing-committee',
      keyCadresConferenceId: conference.id,
      higherBodyId: higher.body.id,
      higherRole: higher.role,
      post: {
        postId: `${common.procedureId}/post`,
        title: form.postTitle,
        centralManagement: form.centralManagement ?? false,
      },
      variant: form.variant,
      ...(personId ? { person: concernedPerson(model, personId) } : {}),
    },
  };
}
