import { PageQuery } from '../common/page.query';
import { IsVoteCounts } from './vote-counts.validator';
import { IsConfidenceRatings, IsGrades } from './personnel-review.validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsBoolean,
  IsInt,
  Min,
  ValidateNested,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export const DECISION_KINDS = [
  'approve',
  'reject',
  'return',
  'tally',
  'round-tally',
  'next-round',
  'confidence-tally',
  'classification',
  'nomination',
] as const;

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

/** Invalid ballots by reason (QĐ: not issued by the board, too many names, no name with a surplus, a name off the list). */
export class InvalidBallotsDto {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  'not-issued-by-board'!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  'too-many-names'!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  'no-name-with-surplus'!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  'name-off-list'!: number;
}

/** Ballots issued, returned, valid, and invalid by reason. */
export class BallotCountsDto {
  @ApiProperty({ minimum: 0, example: 100 })
  @IsInt()
  @Min(0)
  issued!: number;

  @ApiProperty({ minimum: 0, example: 100 })
  @IsInt()
  @Min(0)
  returned!: number;

  @ApiProperty({ minimum: 0, example: 98 })
  @IsInt()
  @Min(0)
  valid!: number;

  @ApiProperty({ type: InvalidBallotsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => InvalidBallotsDto)
  invalid!: InvalidBallotsDto;
}

/** Votes per candidate: person id → votes. */
const TALLIES_SCHEMA = {
  type: 'object' as const,
  additionalProperties: { type: 'integer' as const, minimum: 0 },
  example: { 'person/bn-02': 95, 'person/bn-03': 90 },
};

/** A secret-ballot meeting's result (introduction and appointment steps 2–5). */
export class MeetingTallyDto {
  @ApiProperty({ minimum: 0, example: 100, description: 'Members summoned' })
  @IsInt()
  @Min(0)
  summoned!: number;

  @ApiProperty({ minimum: 0, example: 98, description: 'Members present' })
  @IsInt()
  @Min(0)
  present!: number;

  @ApiProperty({ type: BallotCountsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BallotCountsDto)
  ballots!: BallotCountsDto;

  @ApiProperty({ ...TALLIES_SCHEMA, description: 'Votes per candidate (person id → votes)' })
  @IsObject()
  @IsVoteCounts()
  tallies!: Record<string, number>;
}

/** Who may vote in an election round: delegates (a congress of delegates) or all members. */
export class ElectionAttendanceDto {
  @ApiProperty({ enum: ['delegates', 'all-members'] })
  @IsIn(['delegates', 'all-members'])
  kind!: 'delegates' | 'all-members';

  @ApiPropertyOptional({ minimum: 0, description: 'delegates: official delegates convened' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'delegates')
  @IsInt()
  @Min(0)
  delegatesConvened?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'delegates: convening-committee members absent throughout' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'delegates')
  @IsInt()
  @Min(0)
  conveningCommitteeAbsentThroughout?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'delegates: delegates absent throughout with no alternate' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'delegates')
  @IsInt()
  @Min(0)
  delegatesAbsentWithoutAlternate?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'all-members: official members' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'all-members')
  @IsInt()
  @Min(0)
  officialMembers?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'all-members: exempt from activity' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'all-members')
  @IsInt()
  @Min(0)
  exempt?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'all-members: suspended' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'all-members')
  @IsInt()
  @Min(0)
  suspended?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'all-members: absent with leave' })
  @ValidateIf((a: ElectionAttendanceDto) => a.kind === 'all-members')
  @IsInt()
  @Min(0)
  absentWithLeave?: number;

  @ApiProperty({ minimum: 0, description: 'Present' })
  @IsInt()
  @Min(0)
  present!: number;
}

/**
 * A decision on a task. `approve` may carry a note; `reject` and `return` need a reason; `tally` carries the
 * meeting's counts (`tally`, and for appointments `relatives`); an election round carries `attendance`, `ballots`
 * and `tallies`; `next-round` carries `proceed` and `candidateIds`; `nomination` carries `candidateIds`; `confidence-tally` carries `summoned`, `present`
 * and `ratings`; `classification` carries `grades`.
 */
export class DecisionDto {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind!: (typeof DECISION_KINDS)[number];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ description: 'Required to reject or return', maxLength: 4000 })
  @ValidateIf((d: DecisionDto) => d.kind === 'reject' || d.kind === 'return')
  @IsString()
  @IsNotEmpty({ message: 'a reason is required to reject or return' })
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ type: MeetingTallyDto, description: "kind=tally: the meeting's result" })
  @ValidateIf((d: DecisionDto) => d.kind === 'tally')
  @IsDefined()
  @ValidateNested()
  @Type(() => MeetingTallyDto)
  tally?: MeetingTallyDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: "kind=tally, appointment step 2: each nominee's declared relatives (person id → person ids)",
  })
  @IsOptional()
  @IsObject()
  relatives?: Record<string, string[]>;

  @ApiPropertyOptional({ type: ElectionAttendanceDto, description: 'kind=round-tally' })
  @ValidateIf((d: DecisionDto) => d.kind === 'round-tally')
  @IsDefined()
  @ValidateNested()
  @Type(() => ElectionAttendanceDto)
  attendance?: ElectionAttendanceDto;

  @ApiPropertyOptional({ type: BallotCountsDto, description: 'kind=round-tally' })
  @ValidateIf((d: DecisionDto) => d.kind === 'round-tally')
  @IsDefined()
  @ValidateNested()
  @Type(() => BallotCountsDto)
  ballots?: BallotCountsDto;

  @ApiPropertyOptional({ ...TALLIES_SCHEMA, description: 'kind=round-tally: votes per candidate' })
  @ValidateIf((d: DecisionDto) => d.kind === 'round-tally')
  @IsObject()
  @IsVoteCounts()
  tallies?: Record<string, number>;

  @ApiPropertyOptional({ description: 'kind=next-round: vote again?' })
  @ValidateIf((d: DecisionDto) => d.kind === 'next-round')
  @IsBoolean()
  proceed?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'kind=next-round: who is on the next ballot; kind=nomination: the candidates proposed for the office',
  })
  @ValidateIf((d: DecisionDto) => d.kind === 'next-round' || d.kind === 'nomination')
  @IsArray()
  @IsString({ each: true })
  candidateIds?: string[];

  @ApiPropertyOptional({ minimum: 0, example: 30, description: 'kind=confidence-tally: members summoned' })
  @ValidateIf((d: DecisionDto) => d.kind === 'confidence-tally')
  @IsInt()
  @Min(0)
  summoned?: number;

  @ApiPropertyOptional({ minimum: 0, example: 29, description: 'kind=confidence-tally: members present' })
  @ValidateIf((d: DecisionDto) => d.kind === 'confidence-tally')
  @IsInt()
  @Min(0)
  present?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        high: { type: 'integer', minimum: 0 },
        confidence: { type: 'integer', minimum: 0 },
        low: { type: 'integer', minimum: 0 },
      },
      required: ['high', 'confidence', 'low'],
    },
    example: { 'person/bn-02': { high: 20, confidence: 7, low: 2 } },
    description: 'kind=confidence-tally: ballots by level on each person (person id → counts)',
  })
  @ValidateIf((d: DecisionDto) => d.kind === 'confidence-tally')
  @IsObject()
  @IsConfidenceRatings()
  ratings?: Record<string, { high: number; confidence: number; low: number }>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['excellent', 'good', 'completed', 'not-completed'] },
    example: { 'person/bn-02': 'good' },
    description: 'kind=classification: a grade for every person (person id → grade)',
  })
  @ValidateIf((d: DecisionDto) => d.kind === 'classification')
  @IsObject()
  @IsGrades()
  grades?: Record<string, 'excellent' | 'good' | 'completed' | 'not-completed'>;
}
