import { PageQuery } from '../common/page.query';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export const DECISION_KINDS = ['approve', 'reject', 'return', 'tally', 'round-tally', 'next-round'] as const;

export class TaskQueueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Procedure kind' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  body?: string;

  @ApiPropertyOptional({ example: '2025-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['due', '-due', 'opened', '-opened'], default: 'due' })
  @IsOptional()
  @IsIn(['due', '-due', 'opened', '-opened'])
  sort?: 'due' | '-due' | 'opened' | '-opened';
}

/**
 * A decision on a task. `approve` may carry a note; `reject` and `return` need a reason; `tally` carries the
 * meeting's counts (`tally`, and for appointments `relatives`); an election round carries `attendance`, `ballots`
 * and `tallies`; `next-round` carries `proceed` and `candidateIds`.
 */
export class DecisionDto {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind!: (typeof DECISION_KINDS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ description: 'Required to reject or return' })
  @ValidateIf((d: DecisionDto) => d.kind === 'reject' || d.kind === 'return')
  @IsString()
  @IsNotEmpty({ message: 'a reason is required to reject or return' })
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @ValidateIf((d: DecisionDto) => d.kind === 'tally')
  @IsObject()
  tally?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  relatives?: Record<string, string[]>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @ValidateIf((d: DecisionDto) => d.kind === 'round-tally')
  @IsObject()
  attendance?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @ValidateIf((d: DecisionDto) => d.kind === 'round-tally')
  @IsObject()
  ballots?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @ValidateIf((d: DecisionDto) => d.kind === 'round-tally')
  @IsObject()
  tallies?: Record<string, unknown>;

  @ApiPropertyOptional()
  @ValidateIf((d: DecisionDto) => d.kind === 'next-round')
  @IsBoolean()
  proceed?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((d: DecisionDto) => d.kind === 'next-round')
  @IsString({ each: true })
  candidateIds?: string[];
}
