/** English labels of the first session of the new executive committee; the same shape as `first-session.vi.ts`. */
export const firstSessionEn = {
  kind: {
    'first-session': 'First session of the new executive committee',
  },
  kindHelp: {
    'first-session':
      'The new executive committee elects its standing committee, secretary, deputies, inspection committee and its chair; the higher level ratifies',
  },
  stage: {
    'first-session': 'First session',
  },
  status: {
    'first-session': 'First session stage',
    NOMINATING: 'The executive committee proposes the list',
    RATIFIED: 'Ratified',
  },
  outcome: {
    'first-session-ratified': 'The results of the first session ratified by the higher level',
  },
  decisionKind: {
    nomination: 'Propose the list',
  },
  office: {
    'standing-committee': 'Standing committee',
    secretary: 'Secretary',
    'deputy-secretaries': 'Deputy secretaries',
    'inspection-committee': 'Inspection committee',
    'inspection-chair': 'Chair of the inspection committee',
  },
  /** An office as the object of an election ("bầu … "), in a step's title. */
  officeElected: {
    'standing-committee': 'members of the standing committee',
    secretary: 'the secretary',
    'deputy-secretaries': 'deputy secretaries',
    'inspection-committee': 'members of the inspection committee',
    'inspection-chair': 'the chair of the inspection committee',
  },
  event: {
    FirstSessionScheduled: 'First session of the new executive committee convened',
    FirstSessionOfficeOpened: 'Election of an office opened',
    FirstSessionCandidatesNominated: 'The executive committee proposed the list',
    FirstSessionRoundOpened: 'Round opened',
    FirstSessionMemberElected: 'Elected',
    FirstSessionRoundClosed: 'Round closed',
    FirstSessionOfficeFilled: 'Election of an office ended',
    FirstSessionConcluded: 'The first session elected every office; sent for ratification',
    FirstSessionRatified: 'The higher level ratified the results of the first session',
    FirstSessionReturned: 'The higher level returned the results of the first session for another sitting',
  },
  error: {
    FIRST_SESSION_ATTENDANCE_MISMATCH:
      'The count gives {{given}} members of the executive committee; it has {{members}}.',
    FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE: 'This person may not stand for this office.',
    FIRST_SESSION_CANDIDATE_NOT_MEMBER: 'Only members of the new executive committee stand at its first session.',
    FIRST_SESSION_MEMBERS_TOO_FEW: 'The executive committee needs at least {{min}} members; it has {{members}}.',
    FIRST_SESSION_RELATIVES_LINKED_POSTS:
      '{{personNames}} cannot be proposed: as a relative (spouse, parent, parent-in-law, child, sibling) of {{relativeNames}}, they would hold linked posts at once under Regulation 205/114. Propose someone else.',
    FIRST_SESSION_SEATS_INVALID: 'Not a valid number: from {{min}} to {{max}} for a committee of {{members}}.',
    FIRST_SESSION_TOO_FEW_CANDIDATES: '{{candidates}} candidates for {{seats}} seats: list at least {{required}}.',
  },
  step: {
    firstSessionList: 'The executive committee proposes the list (step {{n}})',
    firstSessionListOf: 'The executive committee proposes the list for {{office}}',
    firstSessionRound: 'The counting board records the vote for {{office}} (round {{n}})',
    firstSessionNextRound: 'The executive committee decides whether to vote again for {{office}} after round {{n}}',
    firstSessionRoundOf: 'The counting board records the vote for {{office}}',
    firstSessionNextRoundOf: 'The executive committee decides whether to vote again for {{office}}',
    firstSessionRatification: 'The higher level ratifies the results of the first session',
  },
  launch: {
    firstSessionMembers: 'Members of the new executive committee',
    firstSessionMembersHelp: 'Those the congress has just elected; only they stand for the offices',
    standingCommitteeSeats: 'Members of the standing committee',
    deputySecretarySeats: 'Deputy secretaries',
    inspectionCommitteeSeats: 'Members of the inspection committee',
    sessionDate: 'Session date',
    firstSessionTooFew: 'Choose at least {{min}} members of the new executive committee.',
    firstSessionSeats: 'From {{min}} to {{max}} with the members chosen.',
  },
  firstSession: {
    nominate: 'Propose the list',
    candidates: 'Candidates proposed',
    candidatesHelp: 'Choose among those who may stand for this office',
    eligible: 'May stand',
    result: 'Results',
    resultsByOffice: 'Elected, by office',
    roundOfficialMembers: 'Members of the executive committee',
    roundExempt: 'Members exempt from activity',
    roundSuspended: 'Members suspended',
    roundAbsentWithLeave: 'Members absent with leave',
    roundPresent: 'Members present',
    roundSeats: '{{office}}: {{seats}} seat(s) to fill',
    noneElected: 'No office elected yet',
  },
};
