import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ApiError } from '../errors/api-error';
import { fieldErrors, validationFailed } from '../errors/validation.pipe';
import { LAUNCH_FORMS, LAUNCH_KINDS, type LaunchForm, type LaunchKind } from './launch.dto';

const isLaunchKind = (value: unknown): value is LaunchKind =>
  typeof value === 'string' && (LAUNCH_KINDS as readonly string[]).includes(value);

/**
 * Validates a launch form against the form class of its `kind` (a discriminated union, which the global pipe cannot
 * pick a class for), with the same field errors as every other body.
 */
@Injectable()
export class LaunchFormPipe implements PipeTransform<unknown, Promise<LaunchForm>> {
  async transform(value: unknown): Promise<LaunchForm> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ApiError(400, 'FIELD_NOT_OBJECT', 'The launch form must be a JSON object.', { field: '' });
    }
    const kind = (value as { kind?: unknown }).kind;
    if (!isLaunchKind(kind)) {
      throw validationFailed([
        {
          field: 'kind',
          code: kind === undefined ? 'FIELD_REQUIRED' : 'FIELD_NOT_ALLOWED_VALUE',
          message: `kind must be one of: ${LAUNCH_KINDS.join(', ')}`,
          params: { allowed: [...LAUNCH_KINDS] },
        },
      ]);
    }
    const form = plainToInstance(LAUNCH_FORMS[kind], value);
    const errors = await validate(form, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: true, value: true },
    });
    if (errors.length > 0) throw validationFailed(fieldErrors(errors));
    return form;
  }
}
