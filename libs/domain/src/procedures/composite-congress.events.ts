import { type ErrorParam } from '../shared/domain.error';
import { type DomainEvent } from '../shared/message.types';

/**
 * Why a stage of a composite congress procedure failed or was skipped: a code the web app translates and its
 * parameters, never a sentence (the log is read in Vietnamese and English alike).
 */
export interface StageReason {
  readonly code: string;
  readonly params: Readonly<Record<string, ErrorParam>>;
}

/**
 * The composite's launch, carried by its own events: a composite records nothing when it starts (its first stage
 * stands for its launch), so a stage refused before it recorded anything leaves the log no other trace of who
 * launched the congress and when.
 */
export interface CompositeLaunchRef {
  readonly launchedBy: string;
  readonly launchedAt: string;
}

/**
 * A stage of the composite congress procedure (Đại hội) failed: its child workflow failed or its launch was refused.
 * The composite stops there. Recorded on the composite's own stream; `reason` is the refusal's code and parameters,
 * or `STAGE_FAILED` for a failure without a domain refusal.
 */
export type StageFailed = DomainEvent<
  'StageFailed',
  CompositeLaunchRef & { readonly stage: string; readonly stageProcedureId: string; readonly reason: StageReason }
>;

/**
 * A stage of the composite congress procedure was not held: the first session (phiên họp thứ nhất) of a committee
 * whose election does not stand (a refused ratification leaves nobody to sit).
 */
export type StageSkipped = DomainEvent<
  'StageSkipped',
  CompositeLaunchRef & { readonly stage: string; readonly stageProcedureId: string; readonly reason: StageReason }
>;

/** The events a composite congress procedure records on its own stream. */
export type CompositeCongressEvent = StageFailed | StageSkipped;

/** The types of {@link CompositeCongressEvent}. */
export const compositeCongressEventTypes: readonly CompositeCongressEvent['type'][] = ['StageFailed', 'StageSkipped'];

/**
 * Whether an event is one a composite congress procedure records itself.
 *
 * @example isCompositeCongressEvent({ type: 'StageFailed' }) // true
 */
export function isCompositeCongressEvent(event: { readonly type: string }): event is CompositeCongressEvent {
  return (compositeCongressEventTypes as readonly string[]).includes(event.type);
}

/** The code of a first session skipped because the committee's election does not stand; params `{ electionOutcome }`. */
export const FIRST_SESSION_WITHOUT_ELECTION = 'ELECTION_NOT_STANDING';
