import type { dossierAccessVi } from './dossier-access.vi';

/** English labels of the personnel file access log, the same shape as `dossier-access.vi.ts`. */
export const dossierAccessEn: typeof dossierAccessVi = {
  nav: {
    dossierAccess: 'File access log',
  },
  dossierAccess: {
    title: 'Personnel file access log',
    intro: 'Every read of a personnel file and every refusal, newest first.',
    person: 'File of',
    reader: 'Reader',
    days: 'From – to',
    outcome: 'Outcome',
    at: 'When',
    roleOrReason: 'Role / reason refused',
    procedure: 'Procedure',
    purpose: 'Purpose given',
    searchPerson: 'Type a name to search',
    empty: 'No reads or refusals.',
    total: '{{count}} entries in all',
    procedureOf: '{{kind}} — {{organisationName}}',
  },
  dossierAccessOutcome: {
    read: 'Read',
    refused: 'Refused',
  },
  dossierRefusal: {
    DOSSIER_NEED_TO_KNOW: 'No duty needs the file (not a decider of an open step)',
    DOSSIER_SELF: 'Their own file',
    DOSSIER_RELATIVE: "A relative's file",
    DOSSIER_NO_ACTOR: 'Acts for no body',
  },
  error: {
    DATE_RANGE_REVERSED: 'The end day must not come before the start day.',
  },
};
