import {
  concernedPerson,
  consultingAuthority,
  introductionCandidate,
  membersOf,
  procedureBodies,
  ratifyingAuthority,
  rulebookById,
  rulebookInForce,
  vettingCandidate,
  ValidationError,
  type Body,
  type CompositionBasis,
  type ConsultingAuthority,
  type OrganisationModel,
  type PersonnelPlanContent,
  type ProcedureBodies,
} from '@cadreflow/domain';
import type {
  CongressDelegates,
  CongressPersonnelLaunch,
  ElectionLaunch,
  IntroductionLaunch,
  PersonnelPlanLaunch,
  RegistrySnapshot,
  StageView,
  VettingLaunch,
} from './messages';

/** A stage of the composite procedure. */
export type CongressStageName = StageView['stage'];

/** The child workflow id of a stage: `<procedureId>/<stage>`. */
export function stageProcedureId(procedureId: string, stage: CongressStageName): string {
  return `${procedureId}/${stage}`;
}

function required(body: Body | null, what: string, organisationId: string): Body {
  if (!body) {
    throw new ValidationError(
      `${organisationId} has no ${what}; the congress procedure needs one`,
      {
        organisationId,
        what,
      },
      { code: 'ORGANISATION_BODY_MISSING' },
    );
  }
  return body;
}

/**
 * Builds the launch of each stage from the organisation model and the previous stage's outcome. Everything it
 * reads (bodies, the consulted and ratifying authorities, candidates' relatives and linked-post conflicts) comes
 * from the domain's launch helpers.
 */
export class CongressStageLaunches {
  private readonly bodies: ProcedureBodies;
  private readonly consulted: ConsultingAuthority;
  private readonly ratifying: ConsultingAuthority;

  /**
   * @param pin the rulebook the composite runs under (in force at its launch) and whether stages launched now
   *   carry it (a `patched()` answer: false while a procedure launched before stages were pinned replays them).
   *   Without it, stages name no rulebook and each takes the one in force when it starts.
   */
  constructor(
    private readonly input: CongressPersonnelLaunch,
    private readonly model: OrganisationModel,
    private readonly launchedAt: string,
    private readonly pin?: { readonly rulebookId: string; readonly now: () => boolean },
  ) {
    this.bodies = procedureBodies(model, input.bodyId);
    const consulted = consultingAuthority(model, input.bodyId);
    const ratifying = ratifyingAuthority(model, input.bodyId);
    if (!consulted || !ratifying) {
      throw new ValidationError(
        `${input.bodyId} has no higher level to consult and ratify`,
        {
          organisationId: input.bodyId,
        },
        { code: 'NO_HIGHER_LEVEL' },
      );
    }
    this.consulted = consulted;
    this.ratifying = ratifying;
  }

  /** The body consulted on the plan and the list (the Politburo for a provincial body). */
  get consultedBodyId(): string {
    return this.consulted.body.id;
  }

  private body(key: Exclude<keyof ProcedureBodies, 'organisation' | 'levelKind'>, what: string): string {
    return required(this.bodies[key], what, this.input.bodyId).id;
  }

  private common(stage: CongressStageName): {
    procedureId: string;
    bodyId: string;
    launchedBy: CongressPersonnelLaunch['launchedBy'];
    launchDate?: string;
    rulebookId?: string;
    parentProcedureId: string;
    registry: RegistrySnapshot;
  } {
    return {
      procedureId: stageProcedureId(this.input.procedureId, stage),
      bodyId: this.input.bodyId,
      launchedBy: this.input.launchedBy,
      ...(this.input.launchDate ? { launchDate: this.input.launchDate } : {}),
      ...(this.pin?.now() ? { rulebookId: this.pin.rulebookId } : {}),
      parentProcedureId: this.input.procedureId,
      registry: this.input.registry,
    };
  }

  /** A: the personnel plan (or, for the consultation, the vetted list put to the higher level). */
  plan(stage: 'plan' | 'consultation', plan: PersonnelPlanContent): PersonnelPlanLaunch {
    return {
      kind: 'personnel-plan',
      ...this.common(stage),
      data: {
        organisationId: this.input.bodyId,
        standingCommitteeId: this.body('standingCommittee', 'standing committee'),
        higherBodyId: this.consulted.body.id,
        higherRole: this.consulted.role,
        plan,
        composition: this.composition(plan.candidateIds),
      },
    };
  }

  /**
   * What the composition of a list is checked on: the organisation's level, the congress day (ages) and each
   * person's gender and birth date from the registry snapshot, with the plan's targets for the congress's list.
   */
  private composition(personIds: readonly string[], withPlanTargets = false): CompositionBasis {
    const people = new Map(this.model.people.map((p) => [p.id, p]));
    const targets = this.input.plan.targets;
    return {
      level: this.bodies.levelKind,
      congressDate: this.input.congressDate,
      profiles: personIds.flatMap((personId) => {
        const person = people.get(personId);
        return person
          ? [{ personId, gender: person.gender, birthDate: person.birthDate, inStandingCommittee: false }]
          : [];
      }),
      ...(withPlanTargets && targets ? { targets } : {}),
    };
  }

  /** B: sitting members of the executive committee go on the re-election track, the others first-time. */
  introduction(candidateIds: readonly string[]): IntroductionLaunch {
    const executiveCommitteeId = this.body('executiveCommittee', 'executive committee');
    const sitting = new Set(membersOf(this.model, executiveCommitteeId, this.launchedAt));
    return {
      kind: 'introduction',
      ...this.common('introduction'),
      data: {
        organisationId: this.input.bodyId,
        congressDate: this.input.congressDate,
        standingCommitteeId: this.body('standingCommittee', 'standing committee'),
        executiveCommitteeId,
        keyCadresConferenceId: this.body('keyCadresConference', 'key-cadres conference'),
        inspectionCommitteeId: this.body('inspectionCommittee', 'inspection committee'),
        higherBodyId: this.consulted.body.id,
        higherRole: this.consulted.role,
        candidates: candidateIds.map((id) =>
          introductionCandidate(this.model, id, sitting.has(id) ? 're-election' : 'first-time'),
        ),
      },
    };
  }

  /** D: every check per candidate, for a seat on the executive committee. */
  vetting(candidateIds: readonly string[]): VettingLaunch {
    const executiveCommitteeId = this.body('executiveCommittee', 'executive committee');
    const rulebook = this.pin ? rulebookById(this.pin.rulebookId) : rulebookInForce(this.launchedAt);
    return {
      kind: 'vetting',
      ...this.common('vetting'),
      data: {
        organisationId: this.input.bodyId,
        higherBodyId: this.consulted.body.id,
        bodies: {
          'standing-committee': this.body('standingCommittee', 'standing committee'),
          'inspection-committee': this.body('inspectionCommittee', 'inspection committee'),
          'organization-committee': this.body('organizationCommittee', 'Organization Committee'),
        },
        candidates: candidateIds.map((personId) =>
          vettingCandidate(
            this.model,
            rulebook,
            { personId, bodyId: executiveCommitteeId, on: this.input.congressDate },
            { workplaceBodyId: executiveCommitteeId, residenceBodyId: this.input.bodyId },
          ),
        ),
      },
    };
  }

  /**
   * F: the congress elects the executive committee from the consulted list; the higher committee ratifies. The
   * presidium (đoàn chủ tịch) and the counting board (ban kiểm phiếu) are elected by the congress for its
   * sitting, so their steps belong to the congress body itself, decided in the `congress-presidium` and
   * `counting-board` roles (the grants a congress's presidium and counting board hold).
   */
  election(seats: number, candidateIds: readonly string[]): ElectionLaunch {
    const congressId = this.body('congress', 'congress');
    return {
      kind: 'election',
      ...this.common('election'),
      data: {
        congressId,
        electedBodyId: this.body('executiveCommittee', 'executive committee'),
        level: this.bodies.levelKind,
        congressDate: this.input.congressDate,
        seats,
        presidiumId: congressId,
        countingBoardId: congressId,
        higherBodyId: this.ratifying.body.id,
        higherRole: this.ratifying.role,
        candidates: candidateIds.map((personId) => ({
          personId,
          relativeIds: concernedPerson(this.model, personId).relativeIds,
          source: 'plan' as const,
          delegate: true,
        })),
        composition: this.composition(candidateIds, true),
      },
    };
  }

  /**
   * F with alternate seats, after the executive committee: the congress elects its delegates to the higher congress
   * (official and alternate, one list, one ballot) on the same counting rules; they are declared at the count, with
   * no ratification. The list is not checked against the committee's composition targets, which are the plan's.
   */
  delegates(delegates: CongressDelegates): ElectionLaunch {
    const congressId = this.body('congress', 'congress');
    return {
      kind: 'election',
      ...this.common('delegates'),
      data: {
        congressId,
        electedBodyId: congressId,
        level: this.bodies.levelKind,
        congressDate: this.input.congressDate,
        seats: delegates.seats,
        alternateSeats: delegates.alternateSeats,
        presidiumId: congressId,
        countingBoardId: congressId,
        higherBodyId: this.ratifying.body.id,
        higherRole: this.ratifying.role,
        candidates: delegates.candidateIds.map((personId) => ({
          personId,
          relativeIds: concernedPerson(this.model, personId).relativeIds,
          source: 'plan' as const,
          delegate: true,
        })),
      },
    };
  }
}
