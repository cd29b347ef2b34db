import { type LinkedPostConflict } from '../../checks/relatives.check';
import { type VettingKind } from '../../rulebook/rulebook.types';
import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';

/** A check of a candidate was requested (or, in procedure B, a verification of a new issue). */
export type VettingRequested = DomainEvent<
  'VettingRequested',
  { readonly personId: string; readonly kind: VettingKind | 'verification'; readonly reason: string }
>;
/** A check concluded: cleared, or blocked with the reason. */
export type VettingConcluded = DomainEvent<
  'VettingConcluded',
  {
    readonly personId: string;
    readonly kind: VettingKind | 'verification';
    readonly outcome: 'CLEARED' | 'BLOCKED';
    readonly reason: string | null;
  }
>;
/** The candidate filed the asset and income declaration. */
export type AssetDeclarationFiled = DomainEvent<
  'AssetDeclarationFiled',
  { readonly personId: string; readonly reference: string }
>;
/** The declaration was verified. */
export type AssetDeclarationVerified = DomainEvent<
  'AssetDeclarationVerified',
  { readonly personId: string; readonly consistent: boolean; readonly finding: string }
>;
/** A complaint or denunciation about a candidate arrived. */
export type ComplaintReceived = DomainEvent<
  'ComplaintReceived',
  { readonly personId: string; readonly complaintId: string; readonly summary: string }
>;
/** A complaint was resolved. */
export type ComplaintResolved = DomainEvent<
  'ComplaintResolved',
  { readonly complaintId: string; readonly substantiated: boolean; readonly finding: string }
>;
/** Relatives in linked posts were found (QĐ 205/114). */
export type LinkedPostConflictDetected = DomainEvent<
  'ConflictDetected',
  { readonly personId: string; readonly conflicts: readonly LinkedPostConflict[] }
>;
/** Every check of the candidate came back clear. */
export type CandidateCleared = DomainEvent<'CandidateCleared', { readonly personId: string }>;
/** A check blocked the candidate, who is sent back. */
export type CandidateBlocked = DomainEvent<
  'CandidateBlocked',
  { readonly personId: string; readonly kind: VettingKind; readonly reason: string }
>;

/** Events of procedure D. */
export type VettingEvent =
  | CommonEvent
  | VettingRequested
  | VettingConcluded
  | AssetDeclarationFiled
  | AssetDeclarationVerified
  | ComplaintReceived
  | ComplaintResolved
  | LinkedPostConflictDetected
  | CandidateCleared
  | CandidateBlocked;
