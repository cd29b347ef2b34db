import { Injectable } from '@nestjs/common';
import { bodyOfKind, checkAge, membersOf, rulebookInForce } from '@cadreflow/domain';
import { RegistryStore } from '@cadreflow/registry';
import { ApiError } from '../errors/api-error';
import { launchedOrganisation } from './launch-builder';
import type { AgeCheckDto } from './age-checks.dto';

/**
 * The rulebook's age rule for the people a launch form lists, before anything is launched: months of service left
 * before retirement age under the retirement roadmap (by sex and birth date) at the congress, against what the track
 * requires. It is the domain's `checkAge`, on the tracks and rulebook the congress's introduction will take: the
 * registry as of the launch day, its sitting executive committee members on the re-election track, the rulebook in
 * force that day.
 */
@Injectable()
export class AgeChecksService {
  constructor(private readonly registry: RegistryStore) {}

  async check(
    organisationId: string,
    congressDate: string,
    personIds: readonly string[],
    launchDate?: string,
  ): Promise<AgeCheckDto[]> {
    const on = launchDate ?? new Date().toISOString().slice(0, 10);
    const snapshot = await this.registry.snapshot(organisationId, on).catch(() => undefined);
    const organisation = snapshot && launchedOrganisation(snapshot.model, organisationId);
    if (!snapshot || !organisation) {
      throw new ApiError(422, 'LAUNCH_UNKNOWN_ORGANISATION', `The registry has no organisation "${organisationId}".`, {
        field: 'organisationId',
        params: { organisationId },
      });
    }
    const model = snapshot.model;
    const committee = bodyOfKind(model, organisation, 'executive-committee');
    const sitting = new Set(committee ? membersOf(model, committee.id, on) : []);
    const rulebook = rulebookInForce(on);
    const people = new Map(model.people.map((p) => [p.id, p] as const));
    return personIds.flatMap((personId) => {
      const person = people.get(personId);
      if (!person) return [];
      const track = sitting.has(personId) ? 're-election' : 'first-time';
      const age = checkAge({ birthDate: person.birthDate, gender: person.gender, track, congressDate }, rulebook);
      return [
        {
          personId,
          track,
          eligible: age.eligible,
          monthsLeft: age.monthsLeft,
          requiredMonths: age.requiredMonths,
          retirementDate: age.retirementDate,
          rulebookId: rulebook.id,
        },
      ];
    });
  }
}
