import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Votes per candidate: an object whose keys are person ids and whose values are whole numbers from 0. */
export function IsVoteCounts(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isVoteCounts',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must give each candidate a whole number of votes from 0`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 2000 &&
          Object.values(value).every((v) => Number.isInteger(v) && (v as number) >= 0),
      },
    });
}
