import { vietnamHolidayCalendar } from '../calendar/vietnam-holidays.data';
import { type LegalDocument, legalDocuments as d } from './legal-documents.data';
import { labourCode2019Retirement, regulation205LinkedPosts, rulebook2020to2025 } from './rulebook-2020-2025.data';
import { regulation114Sectors } from './rulebook-2025-2030.data';
import { type Rulebook } from './rulebook.types';

/**
 * One value of a rule: the document that sets it (null for a setting of the engine, an [A] or [S~] choice of
 * domain.md) and the day it takes effect.
 */
export interface RuleVersion<T> {
  /** First day this value applies, `YYYY-MM-DD`; never before its document was issued. */
  readonly from: string;
  readonly value: T;
  readonly document: LegalDocument | null;
  /** Why the value or its date is what it is, where domain.md does not say it outright. */
  readonly note?: string;
}

/** A rule: an id (its place in the rulebook), what it governs, and its values over time, oldest first. */
export interface RuleDefinition<T> {
  readonly id: string;
  readonly title: string;
  /** `S` stated by a document, `S~` sourced but partial, `A` a choice of ours (domain.md's tags). */
  readonly tag: 'S' | 'S~' | 'A';
  readonly versions: readonly RuleVersion<T>[];
}

const cycle2020 = { startYear: 2020, endYear: 2025 };
const cycle2025 = { startYear: 2025, endYear: 2030 };
const engineSince = '2019-05-30';
const legacy = rulebook2020to2025;

/** Directive-set rules follow the congress directive in force: 35 (2019), 35 (2024), then 45 (2025). */
function byDirective<T>(cycle2020Value: T, cycle2025Value: T, note?: string): RuleVersion<T>[] {
  return [
    { from: d.ct35of2019.issuedOn, value: cycle2020Value, document: d.ct35of2019, note },
    { from: d.ct35of2024.issuedOn, value: cycle2025Value, document: d.ct35of2024, note },
    { from: d.ct45of2025.issuedOn, value: cycle2025Value, document: d.ct45of2025, note },
  ];
}

/** Rules of the election regulations: Quyết định 244 (2014), replaced by Quyết định 190 (2024). */
function byElectionRegulations<T>(value: T): RuleVersion<T>[] {
  return [
    { from: d.qd244of2014.issuedOn, value, document: d.qd244of2014 },
    {
      from: d.qd190of2024.issuedOn,
      value,
      document: d.qd190of2024,
      note: 'domain.md gives the same figure under 190 as under 244',
    },
  ];
}

/** Rules of the congress personnel guidance of each cycle; the 2019 guidance holds until the 2024 one. */
function byGuidance<T>(value: T): RuleVersion<T>[] {
  return [
    { from: d.hd26of2019.issuedOn, value, document: d.hd26of2019 },
    {
      from: d.hd26of2024.issuedOn,
      value,
      document: d.hd26of2024,
      note: 'the 2019 guidance applies until this one is issued (domain.md: "per congress cycle", no day)',
    },
  ];
}

/** Rules of power control in personnel work: Quy định 205 (2019), then 114 (2023). */
function byPowerControl<T>(value205: T, value114: T): RuleVersion<T>[] {
  return [
    { from: d.qd205of2019.issuedOn, value: value205, document: d.qd205of2019 },
    { from: d.qd114of2023.issuedOn, value: value114, document: d.qd114of2023 },
  ];
}

/** Rules of introducing and appointing cadres: Quy định 105 (2017), 80 (2022), 377 (2025). */
function byAppointmentRegulations<T>(value105: T, value80: T, note377?: string): RuleVersion<T>[] {
  return [
    { from: d.qd105of2017.issuedOn, value: value105, document: d.qd105of2017 },
    { from: d.qd80of2022.issuedOn, value: value80, document: d.qd80of2022 },
    { from: d.qd377of2025.issuedOn, value: value80, document: d.qd377of2025, note: note377 },
  ];
}

function engine<T>(value: T, note: string): RuleVersion<T>[] {
  return [{ from: engineSince, value, document: null, note }];
}

/** Every rule of a rulebook, with its values over time. Adding a value with its document is a data change. */
export const datedRules = {
  cycle: {
    id: 'cycle',
    title: 'Congress cycle the directive in force prepares',
    tag: 'S',
    versions: byDirective(cycle2020, cycle2025),
  },
  reElectionMonthsLeft: {
    id: 'age.reElectionMonthsLeft',
    title: 'Months of service left at the congress for re-election',
    tag: 'S',
    versions: byDirective(30, 48, 'domain.md gives the figure per cycle and names no document: the directive'),
  },
  firstTimeMonthsLeft: {
    id: 'age.firstTimeMonthsLeft',
    title: 'Months of service left at the congress for a first-time candidate (a full term)',
    tag: 'S',
    versions: byDirective(60, 60, 'domain.md gives the figure and names no document: the directive'),
  },
  retirement: {
    id: 'age.retirement',
    title: 'Retirement age (men, women)',
    tag: 'S',
    versions: [
      {
        from: d.labourCode2012.effectiveFrom,
        value: {
          male: {
            before: { years: 60, months: 0 },
            startYear: 2021,
            start: { years: 60, months: 0 },
            stepMonthsPerYear: 0,
            target: { years: 60, months: 0 },
          },
          female: {
            before: { years: 55, months: 0 },
            startYear: 2021,
            start: { years: 55, months: 0 },
            stepMonthsPerYear: 0,
            target: { years: 55, months: 0 },
          },
        },
        document: d.labourCode2012,
      },
      {
        from: d.labourCode2019.issuedOn,
        value: labourCode2019Retirement,
        document: d.labourCode2019,
        note: 'in force from 2021-01-01, applied from its issue: an age check computes a retirement day after 2021 that this law fixes',
      },
    ],
  },
  composition: {
    id: 'composition',
    title: 'Composition targets (levels, under-40 share, women share, women in the standing committee)',
    tag: 'S',
    versions: byDirective(legacy.composition, legacy.composition),
  },
  compositionEnforcement: {
    id: 'composition.enforcement',
    title: 'What a composition miss at plan adoption or list approval does',
    tag: 'A',
    versions: engine<'block' | 'warn'>(
      'warn',
      'the directive sets the shares as aims (phấn đấu): a miss is recorded (CompositionChecked) and the step goes on',
    ),
  },
  linkedPosts: {
    id: 'linkedPosts',
    title: 'Posts relatives may not hold at the same time',
    tag: 'S',
    versions: byPowerControl<Rulebook['linkedPosts']>(regulation205LinkedPosts, [
      ...regulation205LinkedPosts,
      {
        kind: 'sector-heads-same-locality',
        id: 'linked/sector-heads-same-locality',
        description: 'Heads of the 13 sectors named by QĐ 114 in the same locality',
        sectors: regulation114Sectors,
      },
    ]),
  },
  vetting: {
    id: 'vetting',
    title: 'Checks of vetting and who concludes each',
    tag: 'S~',
    versions: byPowerControl(legacy.vetting, legacy.vetting),
  },
  introduction: {
    id: 'introduction',
    title: 'Five-step introduction: track order, steps counted for reference only',
    tag: 'S~',
    versions: byGuidance(legacy.introduction),
  },
  quorum: {
    id: 'quorum',
    title: 'Quorum: share of those summoned present',
    tag: 'S',
    versions: byGuidance(legacy.quorum),
  },
  threshold: {
    id: 'decision.threshold',
    title: 'Decision threshold',
    tag: 'S',
    versions: byElectionRegulations(legacy.decision.threshold),
  },
  bases: {
    id: 'decision.bases',
    title: 'What each threshold is measured against',
    tag: 'S',
    versions: byElectionRegulations(legacy.decision.bases),
  },
  surplus: {
    id: 'surplus',
    title: 'Surplus of the candidate list and names from the floor',
    tag: 'S',
    versions: byElectionRegulations(legacy.surplus),
  },
  candidacy: {
    id: 'candidacy.dossierLeadWorkingDays',
    title: 'Working days before the congress a non-delegate files a candidacy',
    tag: 'S',
    versions: byElectionRegulations(legacy.candidacy),
  },
  appointmentDeadline: {
    id: 'appointment.deadlineWorkingDays',
    title: 'Working days after policy approval to finish an appointment (standard, posts under central management)',
    tag: 'S',
    versions: byAppointmentRegulations(
      { standard: 15, centralManagement: 15 },
      { standard: 15, centralManagement: 30 },
      'domain.md names 377 without figures: those of 80 are kept',
    ),
  },
  appointmentExactHalf: {
    id: 'appointment.exactHalf',
    title: 'Exactly half at the last appointment step',
    tag: 'S~',
    versions: byAppointmentRegulations(legacy.appointment.exactHalf, legacy.appointment.exactHalf),
  },
  appointmentReferenceOnly: {
    id: 'appointment.referenceOnlySteps',
    title: 'Appointment steps counted for reference only',
    tag: 'A',
    versions: engine(legacy.appointment.referenceOnlySteps, 'none: every step decides'),
  },
  confidenceVote: {
    id: 'confidenceVote',
    title: 'Confidence votes: quorum, review above, dismissal from',
    tag: 'S',
    versions: [
      { from: d.qd262of2014.issuedOn, value: legacy.confidenceVote, document: d.qd262of2014 },
      { from: d.qd96of2023.issuedOn, value: legacy.confidenceVote, document: d.qd96of2023 },
    ],
  },
  classification: {
    id: 'classification',
    title: 'Annual classification: "excellent" at most this share of "good"',
    tag: 'S',
    versions: [
      { from: d.hd21of2019.issuedOn, value: legacy.classification, document: d.hd21of2019 },
      {
        from: d.qd366of2025.issuedOn,
        value: legacy.classification,
        document: d.qd366of2025,
        note: 'domain.md gives one figure for both',
      },
    ],
  },
  calendar: {
    id: 'calendar',
    title: 'Working days: weekends, statutory days off and each year’s notice',
    tag: 'S',
    versions: [
      { from: d.labourCode2012.effectiveFrom, value: vietnamHolidayCalendar, document: d.labourCode2012 },
      { from: d.labourCode2019.effectiveFrom, value: vietnamHolidayCalendar, document: d.labourCode2019 },
    ],
  },
  tieRule: {
    id: 'election.tieRule',
    title: 'A tie at the last seat',
    tag: 'A',
    versions: engine(legacy.election.tieRule, 'domain.md §3F: configurable; the tied stand again'),
  },
  recusal: {
    id: 'recusal.listSteps',
    title: 'Recusal on a step about several people',
    tag: 'A',
    versions: engine(legacy.recusal, 'domain.md §3D: no rule found; the member stands aside on each person concerned'),
  },
  actionProgramme: {
    id: 'actionProgramme.requiredFor',
    title: 'Procedures where a candidate files an action programme first',
    tag: 'S~',
    versions: engine(legacy.actionProgramme, 'domain.md §3G (seed: HCMC) names no document'),
  },
  stepDue: {
    id: 'stepDueWorkingDays',
    title: 'Working days a step stays open before it is due',
    tag: 'A',
    versions: engine(legacy.stepDueWorkingDays, 'no document sets them; defaults of the engine'),
  },
  firstSessionDue: {
    id: 'firstSession.stepDueWorkingDays',
    title: "Working days the steps of the new executive committee's first session stay open before they are due",
    tag: 'A',
    versions: engine(
      legacy.firstSession.stepDueWorkingDays,
      'no document sets them: the session sits on one day (list, round, further round the next working day); the higher committee ratifies within 10 working days, as an election',
    ),
  },
} as const satisfies Record<string, RuleDefinition<unknown>>;

/** The rules as a list, for documentation and checks. */
export const allDatedRules: readonly RuleDefinition<unknown>[] = Object.values(datedRules);
