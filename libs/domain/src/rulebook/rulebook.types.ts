import { type HolidayCalendar } from '../calendar/holiday-calendar.util';
import { type BodyKind, type LevelKind, type PostKind } from '../organisation/organisation.types';
import { type ProcedureKind, type RoleKind } from '../shared/message.types';
import { type Ratio } from '../shared/ratio.util';
import { type DocumentReference } from './document-reference.types';
import { type LegalDocument } from './legal-documents.data';

/** What a composition miss does: refuse the step, or record it and go on. */
export type CompositionEnforcement = 'block' | 'warn';

/** Rulebook ids look like `rulebook/2025-2030`. */
export type RulebookId = string;

/** A threshold: `more-than` (strict, "quá một nửa") or `at-least` ("ít nhất 2/3"). */
export interface ThresholdRule {
  readonly ratio: Ratio;
  readonly comparison: 'more-than' | 'at-least';
}

/**
 * What a threshold is measured against. Never the ballots alone unless a rule says so:
 * `convened` (triệu tập), `present`, `all-members` (tổng số thành viên), `election-base` (domain.md §3F).
 */
export type DecisionBase = 'convened' | 'present' | 'all-members' | 'valid-ballots' | 'election-base';

/** Years and months, e.g. 60 years 3 months. */
export interface AgeSpan {
  readonly years: number;
  readonly months: number;
}

/**
 * Retirement-age roadmap (Labour Code 2019 art. 169): `before` until `startYear`, then `start` in `startYear`,
 * rising by `stepMonthsPerYear` each calendar year until `target`.
 */
export interface RetirementRoadmap {
  readonly before: AgeSpan;
  readonly startYear: number;
  readonly start: AgeSpan;
  readonly stepMonthsPerYear: number;
  readonly target: AgeSpan;
}

/** Tái cử (re-election) or tham gia lần đầu (first time). */
export type Track = 're-election' | 'first-time';

/** How a tie at the last seat is broken. [A] */
export type TieRule = 'revote-among-tied' | 'congress-decides';

/** The checks of vetting (thẩm định), run in parallel per candidate. */
export type VettingKind =
  | 'political-standard'
  | 'asset-declaration'
  | 'workplace-opinion'
  | 'residence-opinion'
  | 'inspection-opinion'
  | 'complaints'
  | 'relatives';

/** A rule of QĐ 205/114 naming posts relatives may not hold at the same time. */
export type LinkedPostRule =
  | {
      readonly kind: 'same-organisation-key-posts';
      readonly id: string;
      readonly description: string;
      /** Posts linked when held in the bodies of the same party organisation. */
      readonly postKinds: readonly PostKind[];
    }
  | {
      readonly kind: 'same-body-members';
      readonly id: string;
      readonly description: string;
      /** Bodies whose members are linked to each other (standing committee, leadership collective). */
      readonly bodyKinds: readonly BodyKind[];
    }
  | { readonly kind: 'head-and-deputies'; readonly id: string; readonly description: string }
  | {
      readonly kind: 'sector-heads-same-locality';
      readonly id: string;
      readonly description: string;
      readonly sectors: readonly string[];
    };

/**
 * How recusal applies to a step about several people (a list: introduction step 1, the meetings of steps 2–5, an
 * election round). [A]
 * - `per-item`: a member decides, or records the votes of, the people who concern neither them nor a declared
 *   relative (nor anyone they declared a conflict for) and stands aside on the others (`RecusalRecorded`); another
 *   member of the same body, not concerned, decides or records those (`StepItemsDecided` per part); the step closes
 *   when every person is decided. A tally's meeting figures are the same for every part.
 * - `whole-step`: a member concerned by any person of the list may not decide the step at all.
 * Steps about one person (a vetting check, an appointment step) are refused either way to the member concerned.
 */
export type ListStepRecusal = 'per-item' | 'whole-step';

/** Documents a rulebook cites, by topic (domain.md §1). */
export interface RulebookDocuments {
  readonly congressDirective: DocumentReference;
  readonly powerControl: DocumentReference;
  readonly congressGuidance: DocumentReference;
  readonly reviewAndClassification: DocumentReference;
  readonly introducingCadres: DocumentReference;
  readonly electionRegulations: DocumentReference;
  readonly confidenceVotes: DocumentReference;
  readonly retirementAge: DocumentReference;
}

/** Default working days a human step stays open before it is due. [A] */
export interface StepDueWorkingDays {
  readonly planAdoption: number;
  readonly planReview: number;
  readonly introductionStep: number;
  readonly higherOpinion: number;
  readonly vettingCheck: number;
  readonly policyApproval: number;
  readonly appointmentStep: number;
  readonly candidateList: number;
  readonly electionRound: number;
  readonly ratification: number;
}

/** Where one rule of a rule set comes from: the document that sets it (null: a setting of the engine) and since when. */
export interface RuleProvenance {
  readonly id: string;
  readonly title: string;
  readonly tag: 'S' | 'S~' | 'A';
  readonly document: LegalDocument | null;
  /** The day this value took effect, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  readonly note?: string;
}

/**
 * A versioned, effective-dated rule set. A procedure records the id of the rulebook in force on the day it was
 * launched and keeps it to the end. Every [A] and [S~] rule of domain.md lives here, never in code.
 */
export interface Rulebook {
  readonly id: RulebookId;
  readonly title: string;
  readonly cycle: { readonly startYear: number; readonly endYear: number };
  /** First day in force, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** First day no longer in force (exclusive); absent while open-ended. */
  readonly effectiveTo?: string;
  readonly documents: RulebookDocuments;
  /**
   * On a set composed from dated rules: the day the set stands as of (its newest rule took effect then) and the
   * provenance of each rule. Absent on the cycle rulebooks procedures recorded before rules were dated.
   */
  readonly asOf?: string;
  readonly rules?: readonly RuleProvenance[];
  /** Kept for the procedures that recorded its id; never chosen for a new launch. */
  readonly pinnedOnly?: boolean;
  readonly calendar: HolidayCalendar;
  readonly decision: {
    /** "More than half" of the base. */
    readonly threshold: ThresholdRule;
    readonly bases: {
      readonly introduction: DecisionBase;
      readonly appointmentNomination: DecisionBase;
      readonly appointmentFinal: DecisionBase;
      readonly keyCadresConference: DecisionBase;
      readonly election: DecisionBase;
    };
  };
  /** Quorum (at least this share of those summoned present), by meeting kind. */
  readonly quorum: {
    readonly keyCadresConference: Ratio;
    readonly executiveCommittee: Ratio;
    readonly standingCommittee: Ratio;
    readonly leadershipCollective: Ratio;
  };
  readonly surplus: {
    readonly minimum: number;
    /** Surplus at most this share of the seats. */
    readonly maximum: Ratio;
    /** A small committee (3–5 seats) may have at most `maxSurplus`. */
    readonly smallCommittee: { readonly minSeats: number; readonly maxSeats: number; readonly maxSurplus: number };
    /** A name from the floor needs more than this share of delegates present. */
    readonly floorAddition: ThresholdRule;
  };
  readonly candidacy: {
    /** A non-delegate standing at district level or above files at least this many working days before. */
    readonly dossierLeadWorkingDays: number;
  };
  readonly age: {
    readonly reElectionMonthsLeft: number;
    readonly firstTimeMonthsLeft: number;
    readonly retirement: { readonly male: RetirementRoadmap; readonly female: RetirementRoadmap };
  };
  readonly composition: {
    readonly appliesToLevels: readonly LevelKind[];
    readonly youngUnderYears: number;
    readonly youngShare: Ratio;
    readonly womenShare: Ratio;
    readonly womenInStandingCommittee: number;
    /**
     * Whether a plan's adoption and the congress's list approval are refused when the composition misses
     * (`block`) or go on with the miss recorded (`warn`), each recording `CompositionChecked`. Absent on the
     * cycle rulebooks of before: no check. [A]
     */
    readonly enforcement?: CompositionEnforcement;
  };
  readonly introduction: {
    readonly trackOrder: readonly Track[];
    /** Steps (1–5) whose result counts for reference only: recorded and evaluated, nobody dropped. [S~] */
    readonly referenceOnlySteps: readonly number[];
  };
  readonly appointment: {
    /** Working days after policy approval for the whole procedure. */
    readonly deadlineWorkingDays: { readonly standard: number; readonly centralManagement: number };
    /** Exactly half at step 5: the head decides, or the candidate fails. [S~] */
    readonly exactHalf: 'head-decides' | 'fails';
    readonly referenceOnlySteps: readonly number[];
  };
  readonly election: { readonly tieRule: TieRule };
  /** Recusal on steps about several people. */
  readonly recusal: { readonly listSteps: ListStepRecusal };
  /** Procedures in which a candidate files an action programme before the final vote. [S~] */
  readonly actionProgramme: { readonly requiredFor: readonly ProcedureKind[] };
  readonly vetting: {
    readonly kinds: readonly VettingKind[];
    /** Who concludes each check; `political-standard` is the configurable one of domain.md §3D. */
    readonly concludedBy: Readonly<Record<VettingKind, RoleKind>>;
  };
  readonly stepDueWorkingDays: StepDueWorkingDays;
  readonly linkedPosts: readonly LinkedPostRule[];
  readonly confidenceVote: { readonly quorum: Ratio; readonly reviewAbove: Ratio; readonly dismissalAtLeast: Ratio };
  readonly classification: { readonly excellentMaxShareOfGood: Ratio };
  /** The first session of a new executive committee: working days each of its steps stays open. [A] */
  readonly firstSession: { readonly stepDueWorkingDays: FirstSessionDueWorkingDays };
}

/** Working days the steps of the new executive committee's first session stay open before they are due. [A] */
export interface FirstSessionDueWorkingDays {
  /** The executive committee proposes the list for an office. */
  readonly candidateList: number;
  /** The counting board records a round's count. */
  readonly round: number;
  /** The executive committee decides whether to vote again for the seats left. */
  readonly nextRound: number;
  /** The higher committee ratifies the results (chuẩn y). */
  readonly ratification: number;
}
