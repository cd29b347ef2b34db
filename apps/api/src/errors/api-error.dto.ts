import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { API_ERROR_CODES } from './api-error-codes';
import type { ErrorParam } from './api-error';

/** The schema of `params`: named values (text, numbers, flags, lists of text) the translated message uses. */
export const PARAMS_SCHEMA: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  additionalProperties: {
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
  },
};

const CODE_DESCRIPTION =
  'A stable code the web app translates. The API answers these: ' +
  Object.entries(API_ERROR_CODES)
    .map(([code, meaning]) => `${code} (${meaning})`)
    .join('; ') +
  '. Domain refusals carry the domain code unchanged.';

export class FieldErrorDto {
  @ApiProperty({ example: 'congressDate', description: 'Dotted path of the field' })
  field!: string;

  @ApiProperty({ example: 'FIELD_INVALID_DATE' })
  code!: string;

  @ApiProperty({ example: 'congressDate must be a date as YYYY-MM-DD' })
  message!: string;

  @ApiPropertyOptional(PARAMS_SCHEMA)
  params?: Record<string, ErrorParam>;
}

/** Every 4xx (and 5xx) answer. */
export class ApiErrorDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'FIELD_REQUIRED', description: CODE_DESCRIPTION })
  code!: string;

  @ApiProperty({ description: "A developer's fallback in English; users read the translated code" })
  message!: string;

  @ApiPropertyOptional({ example: 'seats', description: 'Dotted path of the input field the error concerns' })
  field?: string;

  @ApiPropertyOptional({ ...PARAMS_SCHEMA, example: { max: 200 } })
  params?: Record<string, ErrorParam>;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Every field error of the request (validation)' })
  errors?: FieldErrorDto[];
}
