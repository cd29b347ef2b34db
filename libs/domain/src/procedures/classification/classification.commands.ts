import { type ConcernedPerson } from '../../checks/decision-guards.check';
import { type RegistryRef } from '../common/common.events';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';

/**
 * Annual grades (xếp loại, QĐ 366): hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ.
 */
export type ClassificationGrade = 'excellent' | 'good' | 'completed' | 'not-completed';

/** Every grade, best first. */
export const CLASSIFICATION_GRADES: readonly ClassificationGrade[] = [
  'excellent',
  'good',
  'completed',
  'not-completed',
];

/**
 * Launch the annual review and classification (kiểm điểm, đánh giá, xếp loại) of the members of a grassroots
 * organisation for a year: its committee grades them, the higher committee approves or returns the grading.
 */
export type LaunchClassification = DomainCommand<
  'LaunchClassification',
  {
    readonly procedureId: string;
    readonly registry?: RegistryRef;
    /** The rulebook to run under instead of the one in force at launch (never taken from a person's input). */
    readonly rulebookId?: string;
    readonly organisationId: string;
    /** The year reviewed. */
    readonly year: number;
    /** The committee that grades, and the role its members act in. */
    readonly committeeBodyId: string;
    readonly committeeRole: RoleKind;
    /** The higher committee that approves the grading. */
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    /** The people graded, with their declared relatives (for recusal). */
    readonly candidates: readonly ConcernedPerson[];
  }
>;

/** The committee enters a grade for every person. */
export type RecordClassification = DomainCommand<
  'RecordClassification',
  { readonly stepId: string; readonly grades: Readonly<Record<string, ClassificationGrade>> }
>;

/** Commands of the classification; `DecideStep` on the approval step approves or returns the grading. */
export type ClassificationCommand = CommonCommand | DecideStep | LaunchClassification | RecordClassification;
