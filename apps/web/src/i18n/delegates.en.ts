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
