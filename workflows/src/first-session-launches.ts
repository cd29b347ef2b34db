import {
  concernedPerson,
  personById,
  procedureBodies,
  ratifyingAuthority,
  ValidationError,
  type FirstSessionMember,
  type FirstSessionSeats,
  type IsoDate,
  type OrganisationModel,
} from '@cadreflow/domain';
import type { FirstSessionLaunch, LaunchCommon, RegistrySnapshot } from './messages';

/** What the first session of a newly elected committee is launched from, besides the registry. */
export interface FirstSessionLaunchInput {
  /** The members the congress elected (e.g. `ElectionConcluded.elected`, or `ResultRatified.elected`). */
  readonly elected: readonly string[];
  readonly seats: FirstSessionSeats;
  /** The day the new committee sits (the congress's last day as a rule): ages for the composition check. */
  readonly sessionDate: IsoDate;
}

/** The common fields of the launch, with the registry snapshot the members' profiles and relatives come from. */
export type FirstSessionLaunchCommon = Omit<LaunchCommon, 'registry'> & { readonly registry: RegistrySnapshot };

/** A member of the new committee as the session needs them: relatives (recusal), gender and birth date (composition). */
export function firstSessionMember(model: OrganisationModel, personId: string): FirstSessionMember {
  const person = personById(model, personId);
  return { ...concernedPerson(model, personId), gender: person.gender, birthDate: person.birthDate };
}

/**
 * The launch of the first session of the executive committee the congress of `common.bodyId` has just elected: its
 * members are the elected, each with their profile and relatives from the registry snapshot; the committee is the
 * organisation's executive committee body (its members act in the `executive-committee` role); the count is
 * recorded by the congress's counting board (the congress body in the `counting-board` role, as the election's
 * rounds); the standing committee one level up (the Politburo for a province) ratifies. A composite passes its own
 * `rulebookId` in `common`, so the session runs under the congress's rulebook.
 *
 * @example firstSessionLaunch(snapshot.model, { procedureId: `${id}/first-session`, bodyId, launchedBy, registry: snapshot, rulebookId }, { elected, seats, sessionDate })
 */
export function firstSessionLaunch(
  model: OrganisationModel,
  common: FirstSessionLaunchCommon,
  input: FirstSessionLaunchInput,
): FirstSessionLaunch {
  const bodies = procedureBodies(model, common.bodyId);
  const higher = ratifyingAuthority(model, common.bodyId);
  const executive = bodies.executiveCommittee;
  const congress = bodies.congress ?? bodies.organisation;
  if (!executive || !higher) {
    throw new ValidationError(
      `${common.bodyId} has no ${executive ? 'higher level to ratify' : 'executive committee'}; the first session needs one`,
      { organisationId: common.bodyId },
      { code: executive ? 'NO_HIGHER_LEVEL' : 'ORGANISATION_BODY_MISSING' },
    );
  }
  return {
    kind: 'first-session',
    ...common,
    data: {
      organisationId: common.bodyId,
      executiveCommitteeId: executive.id,
      countingBoardId: congress.id,
      level: bodies.levelKind,
      sessionDate: input.sessionDate,
      seats: input.seats,
      higherBodyId: higher.body.id,
      higherRole: higher.role,
      members: input.elected.map((personId) => firstSessionMember(model, personId)),
    },
  };
}
