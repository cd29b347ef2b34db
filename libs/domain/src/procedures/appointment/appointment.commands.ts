import { type RegistryRef } from '../common/common.events';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';
import { type MeetingTally } from '../common/meeting-tally.types';

/**
 * The forms of procedure C. They share the policy approval, step 1 and step 5; they differ in the steps between
 * and after:
 * - `appointment` (bổ nhiệm, QĐ 80 art. 11): the collective nominates twice (steps 2–3), the key-cadres
 *   conference votes (4), the collective votes (5).
 * - `reappointment` (bổ nhiệm lại): the incumbent is named at launch; no nomination, the key-cadres conference
 *   (4) and the collective (5) vote on them.
 * - `transfer` (điều động) and `rotation` (luân chuyển): the person is named at launch by the body that moves
 *   them; the receiving collective votes on them (5).
 * - `ratification` (bầu bổ sung, chuẩn y): the lower committee elects the member named at launch (5, more than
 *   half, no head's decision at exactly half), then the higher committee ratifies.
 */
export const APPOINTMENT_VARIANTS = ['appointment', 'reappointment', 'transfer', 'rotation', 'ratification'] as const;
export type AppointmentVariant = (typeof APPOINTMENT_VARIANTS)[number];

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
    /**
     * Whether a tie at a nomination's cut is recorded (`TieDetected`); by default it is. The workflow says no for
     * an appointment it replays from before ties were recorded.
     */
    readonly recordsTies?: boolean;
    readonly unitId: string;
    readonly leadershipCollectiveId: string;
    /**
     * The role its members act in; `leadership-collective` when absent. A party organisation's standing committee
     * is the collective for the posts it manages; for `ratification` the executive committee elects.
     */
    readonly collectiveRole?: RoleKind;
    readonly keyCadresConferenceId: string;
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    readonly post: { readonly postId: string; readonly title: string; readonly centralManagement: boolean };
    /** The form of the procedure; `appointment` when absent. */
    readonly variant?: AppointmentVariant;
    /** Every form but `appointment`: the person the procedure is about, with their declared relatives. */
    readonly person?: { readonly personId: string; readonly relativeIds: readonly string[] };
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
