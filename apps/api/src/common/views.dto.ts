import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** A person by id and display name. */
export class PersonRefDto {
  @ApiProperty({ example: 'person/bn-02' })
  personId!: string;

  @ApiProperty({ example: 'Lê Đức Trung', description: 'Display name (the id when the registry has none)' })
  personName!: string;
}

/** Who acted: the person, the role they acted in and the body they acted for, with names. */
export class ActorViewDto {
  @ApiProperty({ example: 'person/bn-ot-01' })
  actorId!: string;

  @ApiProperty({ example: 'Trịnh Văn Tổ' })
  actorName!: string;

  @ApiProperty({ example: 'organization-committee', description: 'Role code (the web translates it)' })
  role!: string;

  @ApiProperty({ example: 'body/bn-organization-committee' })
  bodyId!: string;

  @ApiProperty({ example: 'Ban Tổ chức Tỉnh ủy' })
  bodyName!: string;
}

/** An event recorded by a request: where it stands in the log and its hash. */
export class RecordedEventRefDto {
  @ApiProperty({ example: 1234, description: 'Position in the whole log' })
  position!: number;

  @ApiProperty({ example: 3, description: 'Version of its stream after it' })
  streamVersion!: number;

  @ApiProperty({ example: 'PlanAdopted' })
  type!: string;

  @ApiProperty({ example: 'f1e2…', description: 'SHA-256 of the event, hex' })
  hash!: string;

  @ApiProperty({ example: '2026-12-06T08:00:00.000Z' })
  recordedAt!: string;
}

/** A page of a list. */
export abstract class PageDto {
  @ApiProperty({ example: 12 })
  total!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  pageSize!: number;
}

/** A step's parameters (numbers, codes, person ids), for the translated step name. */
export const STEP_PARAMS_SCHEMA = {
  type: 'object' as const,
  additionalProperties: { oneOf: [{ type: 'string' as const }, { type: 'number' as const }] },
  example: { track: 're-election', step: 2 },
};

export class NamedIdDto {
  @ApiProperty({ example: 'person/bn-40' })
  id!: string;

  @ApiProperty({ example: 'Nguyễn Văn Bốn Mươi' })
  name!: string;
}

/** One check of a health answer. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why it is down' })
  message?: string;

  @ApiPropertyOptional({ description: 'readModels: events committed and not yet in the read models' })
  behind?: number;

  @ApiPropertyOptional({ description: 'readModels: how long the oldest of them has waited (ms)' })
  lagMs?: number;

  @ApiPropertyOptional({ description: 'readModels: readiness fails above this lag (ms)' })
  maxLagMs?: number;

  @ApiPropertyOptional({ description: 'readModels: the error their live loop is retrying after' })
  failing?: string;

  @ApiPropertyOptional({ description: 'temporal: the server address' })
  address?: string;

  @ApiPropertyOptional({ description: 'temporal: the namespace' })
  namespace?: string;
}

/**
 * A health answer (`@nestjs/terminus`): `details` holds every check (`database`, `temporal`, `readModels`), `info`
 * those up, `error` those down.
 */
@ApiExtraModels(HealthIndicatorDto)
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status!: 'ok' | 'error' | 'shutting_down';

  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) } })
  info?: Record<string, HealthIndicatorDto>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) } })
  error?: Record<string, HealthIndicatorDto>;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) } })
  details!: Record<string, HealthIndicatorDto>;
}

export class MaybePersonDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  personId!: string | null;
}
