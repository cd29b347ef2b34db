import { vietnamHolidayCalendar } from '../calendar/vietnam-holidays.data';
import { type Rulebook } from './rulebook.types';

const oneHalf = { numerator: 1, denominator: 2 };
const twoThirds = { numerator: 2, denominator: 3 };

/** Retirement ages of the Labour Code 2019 (art. 169) and Decree 135/2020, shared by both cycles. */
export const labourCode2019Retirement: Rulebook['age']['retirement'] = {
  male: {
    before: { years: 60, months: 0 },
    startYear: 2021,
    start: { years: 60, months: 3 },
    stepMonthsPerYear: 3,
    target: { years: 62, months: 0 },
  },
  female: {
    before: { years: 55, months: 0 },
    startYear: 2021,
    start: { years: 55, months: 4 },
    stepMonthsPerYear: 4,
    target: { years: 60, months: 0 },
  },
};

/** Linked posts of Quy định 205 (2019): secretary, deputies, Organization Committee head and UBKT chair, etc. */
export const regulation205LinkedPosts: Rulebook['linkedPosts'] = [
  {
    kind: 'same-organisation-key-posts',
    id: 'linked/key-posts-same-committee',
    description: 'Secretary, deputy secretary, Organization Committee head, UBKT chair of the same committee',
    postKinds: ['secretary', 'deputy-secretary', 'organization-committee-head', 'inspection-committee-chair'],
  },
  {
    kind: 'same-body-members',
    id: 'linked/same-standing-committee',
    description: 'Members of the same standing committee or leadership collective',
    bodyKinds: ['standing-committee', 'leadership-collective'],
  },
  { kind: 'head-and-deputies', id: 'linked/head-and-deputies', description: 'A unit head with the head’s deputies' },
];

/**
 * Rulebook for the 2020–2025 congress cycle, as the five source articles describe it:
 * Chỉ thị 35-CT/TW (2019), Quy định 205, Hướng dẫn 26, Quy định 105 (15 working days), Quyết định 244.
 */
export const rulebook2020to2025: Rulebook = {
  id: 'rulebook/2020-2025',
  title: 'Congress cycle 2020–2025',
  cycle: { startYear: 2020, endYear: 2025 },
  effectiveFrom: '2019-05-30',
  effectiveTo: '2024-06-14',
  documents: {
    congressDirective: {
      number: '35-CT/TW',
      type: 'directive',
      issuer: 'Bộ Chính trị',
      issuedOn: '2019-05-30',
      title: 'Đại hội đảng bộ các cấp tiến tới Đại hội XIII',
    },
    powerControl: {
      number: '205-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2019-09-23',
      title: 'Kiểm soát quyền lực trong công tác cán bộ',
    },
    congressGuidance: {
      number: '26-HD/BTCTW',
      type: 'guidance',
      issuer: 'Ban Tổ chức Trung ương',
      issuedOn: '2019-10-24',
      title: 'Công tác nhân sự đại hội đảng bộ các cấp',
    },
    reviewAndClassification: {
      number: '21-HD/BTCTW',
      type: 'guidance',
      issuer: 'Ban Tổ chức Trung ương',
      issuedOn: '2019-10-25',
      title: 'Kiểm điểm, đánh giá, xếp loại chất lượng',
    },
    introducingCadres: {
      number: '105-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2017-12-19',
      title: 'Phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    },
    electionRegulations: {
      number: '244-QĐ/TW',
      type: 'decision',
      issuer: 'Ban Chấp hành Trung ương',
      issuedOn: '2014-06-09',
      title: 'Quy chế bầu cử trong Đảng',
    },
    confidenceVotes: {
      number: '262-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2014-10-08',
      title: 'Lấy phiếu tín nhiệm',
    },
    retirementAge: {
      number: '45/2019/QH14',
      type: 'law',
      issuer: 'Quốc hội',
      issuedOn: '2019-11-20',
      title: 'Bộ luật Lao động (điều 169)',
    },
  },
  calendar: vietnamHolidayCalendar,
  decision: {
    threshold: { ratio: oneHalf, comparison: 'more-than' },
    bases: {
      introduction: 'convened',
      appointmentNomination: 'convened',
      appointmentFinal: 'all-members',
      keyCadresConference: 'convened',
      election: 'election-base',
    },
  },
  quorum: {
    keyCadresConference: twoThirds,
    executiveCommittee: twoThirds,
    standingCommittee: twoThirds,
    leadershipCollective: twoThirds,
  },
  surplus: {
    minimum: 1,
    maximum: { numerator: 3, denominator: 10 },
    smallCommittee: { minSeats: 3, maxSeats: 5, maxSurplus: 1 },
    floorAddition: { ratio: { numerator: 3, denominator: 10 }, comparison: 'more-than' },
  },
  candidacy: { dossierLeadWorkingDays: 15 },
  age: { reElectionMonthsLeft: 30, firstTimeMonthsLeft: 60, retirement: labourCode2019Retirement },
  composition: {
    appliesToLevels: ['province', 'district'],
    youngUnderYears: 40,
    youngShare: { numerator: 1, denominator: 10 },
    womenShare: { numerator: 15, denominator: 100 },
    womenInStandingCommittee: 1,
  },
  introduction: { trackOrder: ['re-election', 'first-time'], referenceOnlySteps: [2] },
  appointment: {
    deadlineWorkingDays: { standard: 15, centralManagement: 15 },
    exactHalf: 'head-decides',
    referenceOnlySteps: [],
  },
  election: { tieRule: 'revote-among-tied' },
  recusal: { listSteps: 'per-item' },
  // domain.md §3G (seed: HCMC): filed before a new post, an appointment or an election.
  actionProgramme: { requiredFor: ['appointment', 'election'] },
  vetting: {
    kinds: [
      'political-standard',
      'asset-declaration',
      'workplace-opinion',
      'residence-opinion',
      'inspection-opinion',
      'complaints',
      'relatives',
    ],
    concludedBy: {
      'political-standard': 'standing-committee',
      'asset-declaration': 'inspection-committee',
      'workplace-opinion': 'party-cell',
      'residence-opinion': 'party-cell',
      'inspection-opinion': 'inspection-committee',
      complaints: 'inspection-committee',
      relatives: 'organization-committee',
    },
  },
  stepDueWorkingDays: {
    planAdoption: 10,
    planReview: 20,
    introductionStep: 5,
    higherOpinion: 10,
    vettingCheck: 10,
    policyApproval: 10,
    appointmentStep: 15,
    candidateList: 1,
    electionRound: 1,
    ratification: 10,
  },
  linkedPosts: regulation205LinkedPosts,
  confidenceVote: { quorum: twoThirds, reviewAbove: oneHalf, dismissalAtLeast: twoThirds },
  classification: { excellentMaxShareOfGood: { numerator: 1, denominator: 5 } },
  firstSession: { stepDueWorkingDays: { candidateList: 1, round: 1, nextRound: 1, ratification: 10 } },
};
