import { registerDecorator, type ValidationOptions } from 'class-validator';
import { CLASSIFICATION_GRADES } from '@cadreflow/domain';

const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

const isPersonRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= 2000;

/**
 * A confidence vote's ballots: person id → `{ high, confidence, low }`, each a whole number from 0, nothing else.
 * Whether every person is there, and no more than those present, is the domain's check (it names the person).
 */
export function IsConfidenceRatings(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isConfidenceRatings',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must give each person whole numbers from 0 for high, confidence and low`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          isPersonRecord(value) &&
          Object.values(value).every(
            (r) =>
              isPersonRecord(r) &&
              Object.keys(r).sort().join(',') === 'confidence,high,low' &&
              Object.values(r).every(isCount),
          ),
      },
    });
}

/** Annual grades: person id → one of `excellent`, `good`, `completed`, `not-completed`. */
export function IsGrades(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isGrades',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must give each person one of: ${CLASSIFICATION_GRADES.join(', ')}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          isPersonRecord(value) &&
          Object.values(value).every((g) => (CLASSIFICATION_GRADES as readonly unknown[]).includes(g)),
      },
    });
}
