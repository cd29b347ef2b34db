import { type delegatesVi } from './delegates.vi';

/** English labels of the election of delegates to the higher congress; the same keys as `delegates.vi.ts`. */
export const delegatesEn: typeof delegatesVi = {
  launch: {
    alternateSeats: 'Alternate delegates',
    alternateSeatsHelp: 'Only when electing delegates to the higher congress: one list with the official delegates',
    delegateSeats: 'Official delegates to the higher congress',
    delegateSeatsHelp: 'Elected after the executive committee; leave empty if the congress elects no delegates',
    alternateDelegateSeats: 'Alternate delegates to the higher congress',
    delegateCandidates: 'Delegates list for the higher congress',
    congressFirstSession: 'Also follow the new executive committee’s first session',
    congressFirstSessionHelp:
      'The last stage of the procedure: the new committee elects its standing committee, secretary, deputies, inspection committee and its chair',
    congressInspectionSeats: 'Inspection committee members elected at the first session',
    congressInspectionSeatsHelp: 'At least 1, at most the executive committee’s seats',
    congressInspectionSeatsMissing: 'Give the inspection committee’s seats (at least 1)',
    congressInspectionSeatsRange: 'The inspection committee has from {{min}} to {{max}} members',
    delegateSeatsMissing: 'Give the official delegates before alternates or a list',
  },
  stage: {
    delegates: 'Delegates to the higher congress',
  },
  status: {
    delegates: 'Delegates stage',
  },
  delegates: {
    title: 'Delegates to the higher congress',
    official: 'Official delegates',
    alternates: 'Alternate delegates',
    name: 'Name',
    votes: 'Votes',
    share: 'Share of the base',
    none: 'None',
  },
  outcome: {
    'delegates-elected': 'Official and alternate delegates elected',
  },
  event: {
    DelegatesElected: 'Official and alternate delegates to the higher congress declared',
  },
};
