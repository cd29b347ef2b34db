import type { Dayjs } from 'dayjs';
import type { FieldProblem } from '../tasks/tally-rules';

/** The kinds the Organization Committee launches from the form. */
export const LAUNCH_KINDS = [
  'congress-personnel',
  'personnel-plan',
  'introduction',
  'vetting',
  'election',
  'confidence-vote',
  'classification',
  'cadre-opinion',
  'appointment',
  'first-session',
] as const;
export type LaunchKind = (typeof LAUNCH_KINDS)[number];

/** Minimum shares of the new committee (percent) a plan sets as targets. */
export interface CompositionTargets {
  womenPercent?: number | null;
  under40Percent?: number | null;
  ethnicMinorityPercent?: number | null;
}

/** What the form holds; which fields a kind shows is said by {@link kindFields}. */
export interface LaunchFields {
  kind: LaunchKind;
  organisationId: string;
  launchDate?: Dayjs | null;
  congressDate?: Dayjs | null;
  executiveCommitteeSeats?: number;
  standingCommitteeSeats?: number;
  deputySecretaries?: number;
  seats?: number;
  /** Delegates to the higher congress: the alternate delegates elected after the `seats` official ones. */
  alternateSeats?: number | null;
  /** The year a classification reviews. */
  year?: number;
  /** An opinion on cadres: who asks, the request's reference and what it is for. */
  requestedBy?: 'higher' | 'central';
  reference?: string;
  matter?: string;
  /** An appointment: its form, the post and whether the post is under central management. */
  variant?: AppointmentVariant;
  postTitle?: string;
  centralManagement?: boolean;
  /** The first session of a new executive committee: the day it sits and its inspection committee's seats. */
  sessionDate?: Dayjs | null;
  inspectionCommitteeSeats?: number;
  candidateIds: string[];
  standards?: string;
  targets?: CompositionTargets;
  /**
   * A congress: the official and alternate delegates to the higher congress it elects after its committee, and
   * their list. No official seat: it elects none.
   */
  delegateSeats?: number | null;
  alternateDelegateSeats?: number | null;
  delegateCandidateIds?: string[];
  /** A congress: whether it also runs the new committee's first session (then `inspectionCommitteeSeats` is sent). */
  holdsFirstSession?: boolean;
}

/** The forms of an appointment (the API's `variant`); every one but `appointment` names its one person. */
export const APPOINTMENT_VARIANTS = ['appointment', 'reappointment', 'transfer', 'rotation', 'ratification'] as const;
export type AppointmentVariant = (typeof APPOINTMENT_VARIANTS)[number];

/** The fields of each kind, as the API's launch forms have them. */
export function kindFields(kind: LaunchKind): {
  congressDate: boolean;
  plan: boolean;
  seats: boolean;
  year: boolean;
  opinion: boolean;
  appointment: boolean;
  firstSession: boolean;
  delegates: boolean;
} {
  return {
    congressDate: ['congress-personnel', 'introduction', 'vetting', 'election'].includes(kind),
    plan: kind === 'congress-personnel' || kind === 'personnel-plan',
    seats: kind === 'election',
    year: kind === 'classification',
    opinion: kind === 'cadre-opinion',
    appointment: kind === 'appointment',
    firstSession: kind === 'first-session',
    delegates: kind === 'congress-personnel',
  };
}

/** The surplus rule on a list of `count` for `seats` places, as the server applies it (libs/domain `checkSurplus`). */
function surplusProblem(field: string, seats: number, count: number): FieldProblem | null {
  const surplus = count - seats;
  if (surplus < 1) return { name: [field], key: 'launch.candidatesTooFew', params: { seats, count } };
  const max = seats >= 3 && seats <= 5 ? 1 : Math.max(1, Math.floor((seats * 3) / 10));
  return surplus > max ? { name: [field], key: 'launch.surplusTooLarge', params: { max } } : null;
}

/** The delegates' list against the official and alternate places together, when the congress elects delegates. */
function delegateProblems(v: LaunchFields): FieldProblem[] {
  const seats = v.delegateSeats ?? 0;
  const count = v.delegateCandidateIds?.length ?? 0;
  if (seats === 0) {
    return (v.alternateDelegateSeats ?? 0) > 0 || count > 0
      ? [{ name: ['delegateSeats'], key: 'launch.delegateSeatsMissing' }]
      : [];
  }
  const problem = surplusProblem('delegateCandidateIds', seats + (v.alternateDelegateSeats ?? 0), count);
  return problem ? [problem] : [];
}

/** The seats the candidate list is counted against: the executive committee's for a plan, else the election's. */
function seatsOf(v: LaunchFields): number | undefined {
  const has = kindFields(v.kind);
  if (has.plan) return v.executiveCommitteeSeats;
  // Delegates to the higher congress: one list for the official and the alternate places.
  return has.seats && v.seats !== undefined ? v.seats + (v.alternateSeats ?? 0) : undefined;
}

/**
 * The rulebook's surplus rule as the server applies it (libs/domain `checkSurplus`, to a plan and to an election's
 * candidate list): at least one more candidate than seats, at most 30% of the seats over, and at most one over for a
 * committee of 3 to 5. The congress comes after today and after the launch day.
 */
export function checkLaunch(v: LaunchFields, today: Dayjs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const has = kindFields(v.kind);
  if (has.congressDate && v.congressDate) {
    const from = v.launchDate && v.launchDate.isAfter(today, 'day') ? v.launchDate : today;
    if (!v.congressDate.isAfter(from, 'day')) problems.push({ name: ['congressDate'], key: 'launch.dateInPast' });
  }
  const count = v.candidateIds.length;
  if (has.appointment) {
    // An appointment finds its nominees by ballot; every other form is about the one person it names.
    if ((v.variant ?? 'appointment') === 'appointment') {
      if (count > 0) problems.push({ name: ['candidateIds'], key: 'launch.appointmentNoPerson' });
    } else if (count !== 1) {
      problems.push({ name: ['candidateIds'], key: 'launch.appointmentOnePerson' });
    }
    return problems;
  }
  if (has.delegates) problems.push(...delegateProblems(v));
  if (has.firstSession) return problems.concat(firstSessionProblems(v));
  const seats = seatsOf(v);
  if (seats === undefined) {
    if (count < 1) problems.push({ name: ['candidateIds'], key: 'launch.candidatesNone' });
    return problems;
  }
  const problem = surplusProblem('candidateIds', seats, count);
  if (problem) problems.push(problem);
  return problems;
}

/**
 * The first session's counts as the server checks them against the committee: at least 3 members; the standing
 * committee holds the secretary and the deputies and is smaller than the committee; the inspection committee at most
 * the committee.
 */
function firstSessionProblems(v: LaunchFields): FieldProblem[] {
  const members = v.candidateIds.length;
  if (members < 3) return [{ name: ['candidateIds'], key: 'launch.firstSessionTooFew', params: { min: 3 } }];
  const problems: FieldProblem[] = [];
  const deputies = v.deputySecretaries ?? 0;
  const standing = v.standingCommitteeSeats;
  if (deputies > members - 2) {
    problems.push({
      name: ['deputySecretaries'],
      key: 'launch.firstSessionSeats',
      params: { min: 0, max: members - 2 },
    });
  } else if (standing !== undefined && (standing < deputies + 1 || standing >= members)) {
    problems.push({
      name: ['standingCommitteeSeats'],
      key: 'launch.firstSessionSeats',
      params: { min: deputies + 1, max: members - 1 },
    });
  }
  const inspection = v.inspectionCommitteeSeats;
  if (inspection !== undefined && inspection > members) {
    problems.push({
      name: ['inspectionCommitteeSeats'],
      key: 'launch.firstSessionSeats',
      params: { min: 1, max: members },
    });
  }
  return problems;
}

/**
 * The rule errors of the fields that show one, as the values now stand: a refusal set on the candidates when the form
 * was sent is not re-checked by the form itself, so it kept its first words ("hiện có 0") while names were picked, and
 * "too many" after the seats changed. Each field gets its current problems (none: the error goes).
 */
export function recheckedFields(
  v: LaunchFields,
  withErrors: readonly string[],
  today: Dayjs,
): { name: string; problems: FieldProblem[] }[] {
  const problems = checkLaunch(v, today);
  return withErrors.map((name) => ({ name, problems: problems.filter((p) => String(p.name[0]) === name) }));
}

const day = (d: Dayjs | null | undefined): string | undefined => d?.format('YYYY-MM-DD');

/** The targets the user filled in, or none. */
function targetsOf(t: CompositionTargets | undefined): Record<string, number> | undefined {
  const set = Object.entries(t ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  return set.length > 0 ? Object.fromEntries(set) : undefined;
}

/** The body of `POST /procedures` for the form's kind (the API builds the workflow input from the registry). */
export function launchBody(v: LaunchFields) {
  const common = { organisationId: v.organisationId, launchDate: day(v.launchDate), candidateIds: v.candidateIds };
  const congressDate = day(v.congressDate) ?? '';
  const plan = {
    executiveCommitteeSeats: v.executiveCommitteeSeats ?? 0,
    standingCommitteeSeats: v.standingCommitteeSeats ?? 0,
    deputySecretaries: v.deputySecretaries ?? 0,
    standards: (v.standards ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    targets: targetsOf(v.targets),
  };
  switch (v.kind) {
    case 'congress-personnel': {
      const delegates = (v.delegateSeats ?? 0) > 0;
      return {
        kind: v.kind,
        ...common,
        ...plan,
        congressDate,
        ...(delegates
          ? {
              delegateSeats: v.delegateSeats ?? 0,
              alternateDelegateSeats: v.alternateDelegateSeats ?? 0,
              delegateCandidateIds: v.delegateCandidateIds ?? [],
            }
          : {}),
        // The new committee's first session, as the last stage, when the user chose it (the seats are then required).
        ...(v.holdsFirstSession ? { inspectionCommitteeSeats: v.inspectionCommitteeSeats ?? 0 } : {}),
      };
    }
    case 'personnel-plan':
      return { kind: v.kind, ...common, ...plan };
    case 'election':
      return {
        kind: v.kind,
        ...common,
        congressDate,
        seats: v.seats ?? 0,
        ...(typeof v.alternateSeats === 'number' ? { alternateSeats: v.alternateSeats } : {}),
      };
    case 'introduction':
    case 'vetting':
      return { kind: v.kind, ...common, congressDate };
    case 'confidence-vote':
      return { kind: v.kind, ...common };
    case 'classification':
      return { kind: v.kind, ...common, year: v.year ?? 0 };
    case 'cadre-opinion':
      return {
        kind: v.kind,
        ...common,
        requestedBy: v.requestedBy ?? 'higher',
        reference: (v.reference ?? '').trim(),
        matter: (v.matter ?? '').trim(),
      };
    case 'first-session':
      return {
        kind: v.kind,
        ...common,
        sessionDate: day(v.sessionDate) ?? '',
        standingCommitteeSeats: v.standingCommitteeSeats ?? 0,
        deputySecretaries: v.deputySecretaries ?? 0,
        inspectionCommitteeSeats: v.inspectionCommitteeSeats ?? 0,
      };
    case 'appointment':
      return {
        kind: v.kind,
        ...common,
        variant: v.variant ?? 'appointment',
        postTitle: (v.postTitle ?? '').trim(),
        centralManagement: v.centralManagement ?? false,
      };
  }
}

/** Where a launch refusal's `field` (a dotted path: `candidateIds.3`, `targets.womenPercent`) goes in the form. */
export function launchFieldOf(field: string): (string | number)[] | null {
  const [head, next] = field.split('.');
  const known = new Set([
    'organisationId',
    'launchDate',
    'congressDate',
    'executiveCommitteeSeats',
    'standingCommitteeSeats',
    'deputySecretaries',
    'seats',
    'alternateSeats',
    'year',
    'requestedBy',
    'reference',
    'matter',
    'variant',
    'postTitle',
    'centralManagement',
    'candidateIds',
    'standards',
    'sessionDate',
    'inspectionCommitteeSeats',
    'delegateSeats',
    'alternateDelegateSeats',
    'delegateCandidateIds',
  ]);
  // The first session's seats as the domain names them (`seats.standingCommittee`).
  const firstSessionSeats: Record<string, string> = {
    standingCommittee: 'standingCommitteeSeats',
    deputySecretaries: 'deputySecretaries',
    inspectionCommittee: 'inspectionCommitteeSeats',
  };
  if (head === 'seats' && next && firstSessionSeats[next]) return [firstSessionSeats[next]];
  if (head === 'bodyId') return ['organisationId'];
  if (head === 'person') return ['candidateIds'];
  if (head === 'targets' && next) return ['targets', next];
  if (head === 'plan' && next) return launchFieldOf(field.slice('plan.'.length));
  return head && known.has(head) ? [head] : null;
}
