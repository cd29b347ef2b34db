import { PageQuery } from '../common/page.query';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { workflowTypes, type WorkflowKind } from '@cadreflow/workflows/messages';

export const WORKFLOW_KINDS = Object.keys(workflowTypes) as WorkflowKind[];
const ID = /^[A-Za-z0-9_.:\-/@]+$/;

/** Kinds of procedure a list or the progress can be asked for: launched on their own or as stages of a congress. */
const LISTED_KINDS = [
  ...new Set([...WORKFLOW_KINDS, 'personnel-plan', 'introduction', 'appointment', 'vetting', 'election']),
];

/**
 * Launch a procedure. `input` carries the kind's own launch data (see the workflow message contract), e.g. for
 * `congress-personnel` `{ plan, congressDate }`, for `personnel-plan` `{ data: { seats, candidates, ... } }`.
 */
export class LaunchProcedureDto {
  @ApiProperty({ enum: WORKFLOW_KINDS, example: 'congress-personnel' })
  @IsIn(WORKFLOW_KINDS)
  kind!: WorkflowKind;

  @ApiProperty({ example: 'org/bac-ninh', description: 'The party organisation (or unit) the procedure is for' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(ID, { message: 'bodyId may hold letters, digits and _ . : - / @ only' })
  bodyId!: string;

  @ApiProperty({ description: 'The launch data of this kind of procedure', type: 'object', additionalProperties: true })
  @IsObject()
  input!: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'The day the procedure counts as launched (picks the rulebook in force)',
    example: '2025-03-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  launchDate?: string;
}

export class ListProceduresQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WORKFLOW_KINDS })
  @IsOptional()
  @IsIn(LISTED_KINDS)
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  body?: string;

  @ApiPropertyOptional({ enum: ['grassroots', 'district', 'province', 'national'] })
  @IsOptional()
  @IsIn(['grassroots', 'district', 'province', 'national'])
  level?: string;

  @ApiPropertyOptional({ enum: ['running', 'completed', 'withdrawn'] })
  @IsOptional()
  @IsIn(['running', 'completed', 'withdrawn'])
  status?: string;
}

export class ProgressQuery {
  @ApiPropertyOptional({ enum: LISTED_KINDS, default: 'congress-personnel' })
  @IsOptional()
  @IsIn(LISTED_KINDS)
  type?: string;

  @ApiPropertyOptional({
    example: 'org/bac-ninh',
    description: 'Count only the party organisation of this body and the organisations under it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  body?: string;
}

export class WithdrawDto {
  @ApiProperty({ example: 'The congress date moved; the plan will be relaunched' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** Acting in one of your roles, for one of your bodies. */
export class ActAsDto {
  @ApiProperty({ example: 'organization-committee' })
  @IsString()
  @IsNotEmpty()
  role!: string;

  @ApiProperty({ example: 'body/bn-organization-committee' })
  @IsString()
  @IsNotEmpty()
  bodyId!: string;
}

/**
 * Any other command of a procedure (see the workflow contract): e.g. `{ type: 'SubmitPlan', data: {} }`,
 * `{ type: 'DropCandidate', data: { candidateId, reason } }`, `{ type: 'ReceiveComplaint', data: {...} }`.
 */
export class ProcedureCommandDto {
  @ApiProperty({ type: ActAsDto })
  @ValidateNested()
  @Type(() => ActAsDto)
  actAs!: ActAsDto;

  @ApiProperty({ example: 'SubmitPlan' })
  @IsString()
  @Matches(/^[A-Z][A-Za-z]+$/, { message: 'type must be a command name such as SubmitPlan' })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  data!: Record<string, unknown>;
}
