import { cadreOpinionDecider } from './cadre-opinion/cadre-opinion.decider';
import { firstSessionDecider } from './first-session/first-session.decider';
import { classificationDecider } from './classification/classification.decider';
import { confidenceVoteDecider } from './confidence-vote/confidence-vote.decider';
import { bodyOfKind, consultingHigherBody, levelById, organisationOf } from '../organisation/organisation.queries';
import { type Body, type LevelKind, type OrganisationModel } from '../organisation/organisation.types';
import { type RoleKind } from '../shared/message.types';
import { type ProcedureKind } from './common/common.events';
import { appointmentDecider } from './appointment/appointment.decider';
import { electionDecider } from './election/election.decider';
import { introductionDecider } from './introduction/introduction.decider';
import { personnelPlanDecider } from './personnel-plan/personnel-plan.decider';
import { vettingDecider } from './vetting/vetting.decider';

/** The stages of a congress personnel procedure, in order, as the workflow layer composes them. */
export type CongressStage = 'plan' | 'introduction' | 'vetting' | 'consultation' | 'election';

/** The order of the composite congress procedure. */
export const congressStages: readonly CongressStage[] = ['plan', 'introduction', 'vetting', 'consultation', 'election'];

/** Which decider runs each stage (consultation is a higher-level opinion step, not a decider of its own). */
export const deciderForStage: Readonly<Record<CongressStage, ProcedureKind | null>> = {
  plan: 'personnel-plan',
  introduction: 'introduction',
  vetting: 'vetting',
  consultation: null,
  election: 'election',
};

/** The body consulted for an organisation and the role it decides in. */
export interface ConsultingAuthority {
  readonly body: Body;
  readonly role: RoleKind;
}

const roleOfBodyKind: Partial<Record<Body['kind'], RoleKind>> = {
  politburo: 'politburo',
  secretariat: 'secretariat',
  'standing-committee': 'standing-committee',
  'executive-committee': 'executive-committee',
  'organization-committee': 'organization-committee',
};

/**
 * Who is consulted on (and approves) an organisation's personnel plan, and in which role: the Politburo for a
 * provincial body, the standing committee one level up otherwise. Null at the top of the tree.
 *
 * @example consultingAuthority(model, provinceId) // { body: the Politburo, role: 'politburo' }
 */
export function consultingAuthority(model: OrganisationModel, bodyId: string): ConsultingAuthority | null {
  const body = consultingHigherBody(model, bodyId);
  if (!body) return null;
  return { body, role: roleOfBodyKind[body.kind] ?? 'standing-committee' };
}

/**
 * The higher committee that ratifies an election (chuẩn y): the standing committee one level up.
 */
export function ratifyingAuthority(model: OrganisationModel, bodyId: string): ConsultingAuthority | null {
  const organisation = organisationOf(model, bodyId);
  if (!organisation.parentId) return null;
  const higher = organisationOf(model, organisation.parentId);
  const standing = bodyOfKind(model, higher.id, 'standing-committee') ?? bodyOfKind(model, higher.id, 'politburo');
  return standing ? { body: standing, role: roleOfBodyKind[standing.kind] ?? 'standing-committee' } : null;
}

/** The bodies of an organisation the procedures need (null where the organisation has none). */
export interface ProcedureBodies {
  readonly organisation: Body;
  readonly levelKind: LevelKind;
  readonly congress: Body | null;
  readonly executiveCommittee: Body | null;
  readonly standingCommittee: Body | null;
  readonly organizationCommittee: Body | null;
  readonly inspectionCommittee: Body | null;
  readonly keyCadresConference: Body | null;
}

/**
 * Looks up once the bodies of an organisation that launch commands name (its BCH, BTV, Organization
 * Committee, UBKT, key-cadres conference, congress).
 */
export function procedureBodies(model: OrganisationModel, organisationId: string): ProcedureBodies {
  const organisation = organisationOf(model, organisationId);
  const find = (kind: Body['kind']): Body | null => bodyOfKind(model, organisation.id, kind);
  return {
    organisation,
    levelKind: levelById(model, organisation.levelId).kind,
    congress: find('congress'),
    executiveCommittee: find('executive-committee'),
    standingCommittee: find('standing-committee'),
    organizationCommittee: find('organization-committee'),
    inspectionCommittee: find('inspection-committee'),
    keyCadresConference: find('key-cadres-conference'),
  };
}

/** The deciders by procedure kind, for a workflow that runs any of them. */
export const procedureDeciders = {
  'personnel-plan': personnelPlanDecider,
  introduction: introductionDecider,
  appointment: appointmentDecider,
  vetting: vettingDecider,
  election: electionDecider,
  'confidence-vote': confidenceVoteDecider,
  classification: classificationDecider,
  'cadre-opinion': cadreOpinionDecider,
  'first-session': firstSessionDecider,
} as const satisfies Record<ProcedureKind, unknown>;
