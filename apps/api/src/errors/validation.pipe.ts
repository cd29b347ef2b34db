import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map(
      (c) => `${path}: ${c.replace(new RegExp(`^${error.property} `), '')}`,
    );
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Validates request bodies and queries against their DTOs: unknown fields are refused, and a 400 names every
 * field that is wrong (e.g. "decision.kind: must be one of the following values: approve, reject").
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException({ message: describe(errors), code: 'VALIDATION' }),
  });
}
