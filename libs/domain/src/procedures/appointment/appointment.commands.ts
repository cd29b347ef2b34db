import { type RegistryRef } from '../common/common.events';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';
import { type MeetingTally } from '../common/meeting-tally.types';

/** Launch procedure C for one post: step 0 asks the higher body to approve the policy. */
export type LaunchAppointment = DomainCommand<
  'LaunchAppointment',
  {
    readonly procedureId: string;
    /** The registry snapshot the launch pinned; recorded on `ProcedureLaunched`. */
    readonly registry?: RegistryRef;
    /**
     * The rulebook to run under instead of the one in force at launch: a stage of the congress procedure runs
     * under the rulebook its composite was launched under.
     */
    readonly rulebookId?: string;
    readonly unitId: string;
    readonly leadershipCollectiveId: string;
    readonly keyCadresConferenceId: string;
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    readonly post: { readonly postId: string; readonly title: string; readonly centralManagement: boolean };
  }
>;

/**
 * Steps 2–5: record a secret-ballot result. At step 2 anyone may be named; give each nominee's declared
 * relatives in `relatives` so later steps can enforce recusal.
 */
export type RecordAppointmentTally = DomainCommand<
  'RecordTally',
  {
    readonly stepId: string;
    readonly tally: MeetingTally;
    readonly relatives?: Readonly<Record<string, readonly string[]>>;
  }
>;

/** Announce a sealed result (step 2's results are not announced at that meeting). */
export type DiscloseResult = DomainCommand<'DiscloseResult', { readonly stepId: string }>;

/** After a deadline breach, file the written explanation owed. */
export type FileLateExplanation = DomainCommand<'FileLateExplanation', { readonly explanation: string }>;

/** Commands of procedure C. `DecideStep` decides the policy, step 1 and the head's decision at exactly half. */
export type AppointmentCommand =
  CommonCommand | DecideStep | LaunchAppointment | RecordAppointmentTally | DiscloseResult | FileLateExplanation;
