import { type delegatesVi } from './delegates.vi';

/** English labels of the election of delegates to the higher congress; the same keys as `delegates.vi.ts`. */
export const delegatesEn: typeof delegatesVi = {
  launch: {
    alternateSeats: 'Alternate delegates',
    alternateSeatsHelp: 'Only when electing delegates to the higher congress: one list with the official delegates',
  },
  outcome: {
    'delegates-elected': 'Official and alternate delegates elected',
  },
  event: {
    DelegatesElected: 'Official and alternate delegates to the higher congress declared',
  },
};
