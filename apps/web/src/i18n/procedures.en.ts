import type { proceduresVi } from './procedures.vi';

/** English labels of the confidence vote and the annual classification; the same keys as `procedures.vi.ts`. */
export const proceduresEn: { [K in keyof typeof proceduresVi]: { [L in keyof (typeof proceduresVi)[K]]: string } } = {
  kind: {
    'cadre-opinion': 'Opinion on cadres to a higher agency',
    'confidence-vote': 'Confidence vote',
    classification: 'Annual classification',
  },
  kindHelp: {
    'cadre-opinion':
      "Record a higher or central agency's request; the standing committee gives its opinion on each person",
    'confidence-vote': 'The executive committee votes confidence; a low result goes to the higher committee',
    classification: 'The standing committee grades each person for the year; the higher committee approves',
  },
  status: {
    ANSWERING: 'Giving opinions',
    ANSWERED: 'Opinions given',
    FOLLOW_UP: 'Higher committee considering low results',
    GRADING: 'Grading',
    REVIEW: 'Awaiting the higher committee',
  },
  outcome: {
    'opinion-given': 'Opinion given',
    classified: 'Classified',
  },
  decisionKind: {
    'confidence-tally': 'Record the confidence vote',
    classification: 'Grade',
  },
  event: {
    OpinionRequested: 'Request for an opinion on cadres received',
    OpinionGiven: 'Opinion given on a cadre',
    ConfidenceVoteScheduled: 'Confidence vote scheduled',
    ConfidenceRated: "A person's confidence result recorded",
    ConfidenceConsequenceDecided: 'Higher committee decided on a low confidence result',
    ClassificationScheduled: 'Classification scheduled',
    ClassificationProposed: 'Standing committee graded',
    ClassificationReturned: 'Higher committee returned the grading',
    ClassificationApproved: 'Higher committee approved the grading',
  },
  error: {
    OPINION_REQUEST_INCOMPLETE: 'The request lacks its reference or its matter.',
    CLASSIFICATION_EXCELLENT_OVER_QUOTA:
      '"Excellent" grades ({{excellent}}) exceed 20% of the "good" ones ({{good}}): at most {{allowed}}.',
    CLASSIFICATION_GRADE_INVALID: 'Not a grade.',
    CLASSIFICATION_GRADE_MISSING: 'Someone has not been graded.',
    CLASSIFICATION_YEAR_INVALID: 'Not a valid year.',
    DECISION_NOT_REJECTABLE: 'This step is approved or returned, never rejected.',
    DECISION_NOT_RETURNABLE: 'This step decides whether the measure is taken; it cannot be returned.',
  },
  step: {
    cadreOpinion: 'Standing committee gives its opinion on a cadre',
    confidenceVote: 'Executive committee records the confidence vote',
    confidenceFollowUp: 'Higher committee considers a low confidence result',
    grading: 'Standing committee grades (round {{n}})',
    classificationApproval: 'Higher committee approves the grading (round {{n}})',
  },
  launch: {
    year: 'Year reviewed',
    yearRange: 'Enter a year from 1930 to 2200',
  },
  confidence: {
    title: 'Confidence vote result',
    person: 'Person voted on',
    high: 'High confidence',
    confidence: 'Confidence',
    low: 'Low confidence',
    highFor: 'High confidence — {{name}}',
    confidenceFor: 'Confidence — {{name}}',
    lowFor: 'Low confidence — {{name}}',
    ballotsOverPresent: 'Ballots ({{total}}) exceed those present ({{present}})',
    submit: 'Record the result',
    measureTaken: 'Take the measure',
    measureNotTaken: 'Do not take the measure',
  },
  consequence: {
    none: 'Nothing to consider',
    review: 'Low from over 1/2: review; may resign the post',
    dismissal: 'Low from 2/3: consider dismissal from the post',
  },
  classification: {
    title: 'Grades for the year',
    gradeOf: 'Grade — {{name}}',
    quota: '"Excellent" grades ({{excellent}}) may not exceed 20% of the "good" ones ({{good}}): at most {{allowed}}',
    submit: 'Record the grades',
  },
  grade: {
    excellent: 'Excellent',
    good: 'Good',
    completed: 'Completed',
    'not-completed': 'Not completed',
  },
  opinion: {
    requestedBy: 'Requested by',
    requesterCentral: 'Central Organization Committee',
    requesterHigher: 'The level above (the Politburo for a province)',
    reference: 'Reference of the request',
    referenceHelp: 'E.g. Official letter 123-CV/BTCTW of 25/3/2025',
    matter: 'What the opinion is for',
  },
};
