import type { RoleKind } from '@cadreflow/domain';

/**
 * Who needs to know a candidate's personnel file (QĐ 205/114: the file is secret during the procedure). Data, not
 * code: a deployment provides its own instance in place of {@link DEFAULT_DOSSIER_POLICY}.
 */
export class DossierPolicy {
  constructor(
    /**
     * Roles that read the file of any person in a procedure they may see, whatever step it is at: the Organization
     * Committee (Ban Tổ chức), which prepares the files, and the Inspection Committee (UBKT), which vets them.
     */
    readonly anyTime: readonly RoleKind[],
    /**
     * Roles whose holders read a person's file while a step about that person is open for their decision, by the
     * step's kind (`step_kind` of the task, e.g. `adoption`); `*` for the kinds not listed. A role not listed for a
     * kind reads nothing through that step (the counting board counts ballots; it does not weigh files).
     */
    readonly whileDeciding: Readonly<Record<string, readonly RoleKind[]>>,
  ) {}
}

export const DEFAULT_DOSSIER_POLICY = new DossierPolicy(['organization-committee', 'inspection-committee'], {
  '*': ['standing-committee', 'executive-committee', 'key-cadres-conference', 'politburo', 'secretariat'],
});

/** The roles that may read through an open step of this kind. */
export function decidingRoles(policy: DossierPolicy, stepKind: string | null): readonly string[] {
  return (stepKind !== null ? policy.whileDeciding[stepKind] : undefined) ?? policy.whileDeciding['*'] ?? [];
}
