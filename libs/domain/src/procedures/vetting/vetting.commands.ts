import { type RegistryRef } from '../common/common.events';
import { type LinkedPostConflict } from '../../checks/relatives.check';
import { type VettingKind } from '../../rulebook/rulebook.types';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';

/** A candidate to vet, with what the relatives check found (from `findLinkedPostConflicts`). */
export interface VettingCandidate {
  readonly personId: string;
  readonly relativeIds: readonly string[];
  readonly linkedPostConflicts: readonly LinkedPostConflict[];
  /**
   * The seat the candidate is vetted for: with a registry snapshot in the launch, the workflow adds the QĐ 205/114
   * linked-post conflicts the snapshot shows for it (relatives declared there, their posts on `on`).
   */
  readonly seat?: { readonly bodyId: string; readonly postId?: string; readonly on: string };
  /** Party cell / committee where the person works, and where they live (for the two opinions). */
  readonly workplaceBodyId: string;
  readonly residenceBodyId: string;
}

/** Launch procedure D: every configured check, per candidate, in parallel. */
export type RequestVetting = DomainCommand<
  'RequestVetting',
  {
    readonly procedureId: string;
    /** The registry snapshot the launch pinned; recorded on `ProcedureLaunched`. */
    readonly registry?: RegistryRef;
    /**
     * The rulebook to run under instead of the one in force at launch: a stage of the congress procedure runs
     * under the rulebook its composite was launched under.
     */
    readonly rulebookId?: string;
    readonly organisationId: string;
    readonly higherBodyId: string | null;
    /** The body acting in each role that concludes a check (the party cells come per candidate). */
    readonly bodies: Readonly<Partial<Record<RoleKind, string>>>;
    readonly candidates: readonly VettingCandidate[];
  }
>;

/** The candidate's asset and income declaration was filed. */
export type FileAssetDeclaration = DomainCommand<
  'FileAssetDeclaration',
  { readonly personId: string; readonly reference: string }
>;

/** Verify the filed declaration; this concludes the asset check (consistent → cleared). */
export type VerifyAssetDeclaration = DomainCommand<
  'VerifyAssetDeclaration',
  { readonly personId: string; readonly consistent: boolean; readonly finding: string }
>;

/** A complaint about a candidate arrived. */
export type ReceiveComplaint = DomainCommand<
  'ReceiveComplaint',
  { readonly personId: string; readonly complaintId: string; readonly summary: string }
>;

/** A complaint was resolved. */
export type ResolveComplaint = DomainCommand<
  'ResolveComplaint',
  { readonly complaintId: string; readonly substantiated: boolean; readonly finding: string }
>;

/** Conclude one check of one candidate. */
export type ConcludeVetting = DomainCommand<
  'ConcludeVetting',
  {
    readonly personId: string;
    readonly kind: VettingKind;
    readonly outcome: 'CLEARED' | 'BLOCKED';
    readonly reason?: string;
  }
>;

/**
 * Commands of procedure D. `DecideStep` on `<personId>/<kind>` is the same as `ConcludeVetting`
 * (approve = cleared, reject = blocked with the reason).
 */
export type VettingCommand =
  | CommonCommand
  | DecideStep
  | RequestVetting
  | FileAssetDeclaration
  | VerifyAssetDeclaration
  | ReceiveComplaint
  | ResolveComplaint
  | ConcludeVetting;
