import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';
import { type ClassificationGrade } from './classification.commands';

/** How many people were given each grade. */
export type GradeCounts = Readonly<Record<ClassificationGrade, number>>;

/** The review of a year was scheduled for these people. */
export type ClassificationScheduled = DomainEvent<
  'ClassificationScheduled',
  { readonly year: number; readonly personIds: readonly string[] }
>;

/** The committee graded everyone (revision n); the "excellent" quota was checked against the "good" count. */
export type ClassificationProposed = DomainEvent<
  'ClassificationProposed',
  {
    readonly revision: number;
    /** Who recorded the grading (four-eyes: they may not approve it). */
    readonly gradedBy: string;
    readonly grades: Readonly<Record<string, ClassificationGrade>>;
    readonly counts: GradeCounts;
    /** The most "excellent" grades the quota allows with this many "good" ones. */
    readonly excellentAllowed: number;
  }
>;

/** The higher committee sent the grading back, and why. */
export type ClassificationReturned = DomainEvent<
  'ClassificationReturned',
  { readonly revision: number; readonly reason: string }
>;

/** The higher committee approved the grading. */
export type ClassificationApproved = DomainEvent<
  'ClassificationApproved',
  { readonly revision: number; readonly grades: Readonly<Record<string, ClassificationGrade>> }
>;

/** Events of the annual classification. */
export type ClassificationEvent =
  CommonEvent | ClassificationScheduled | ClassificationProposed | ClassificationReturned | ClassificationApproved;
