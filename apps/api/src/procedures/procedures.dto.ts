import { PageQuery } from '../common/page.query';
import { CompositionTargetsDto } from './launch.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  Max,
  Min,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { workflowTypes, type WorkflowKind } from '@cadreflow/workflows/messages';

export const WORKFLOW_KINDS = Object.keys(workflowTypes) as WorkflowKind[];

/** Kinds of procedure a list or the progress can be asked for: launched on their own or as stages of a congress. */
const LISTED_KINDS = [
  ...new Set([...WORKFLOW_KINDS, 'personnel-plan', 'introduction', 'appointment', 'vetting', 'election']),
];

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

  @ApiPropertyOptional({ enum: ['running', 'completed', 'withdrawn', 'failed'] })
  @IsOptional()
  @IsIn(['running', 'completed', 'withdrawn', 'failed'])
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

/** The commands a person sends through `POST /procedures/:id/commands` (the others are the system's own). */
export const COMMAND_TYPES = [
  'RevisePlan',
  'SubmitPlan',
  'DropCandidate',
  'RaiseNewIssue',
  'EscalateDisagreement',
  'WithdrawCandidacy',
  'DiscloseResult',
  'FileLateExplanation',
  'FileAssetDeclaration',
  'VerifyAssetDeclaration',
  'ReceiveComplaint',
  'ResolveComplaint',
  'AddFloorCandidate',
  'DeclareConflict',
  'FileActionProgramme',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** The fields each command needs in `data` (the domain's command shapes). */
export const COMMAND_FIELDS: Readonly<Record<CommandType, readonly (keyof CommandDataDto)[]>> = {
  RevisePlan: ['plan'],
  SubmitPlan: [],
  DropCandidate: ['stepId', 'personId', 'reason'],
  RaiseNewIssue: ['personId', 'issue'],
  EscalateDisagreement: ['reason'],
  WithdrawCandidacy: ['personId', 'reason'],
  DiscloseResult: ['stepId'],
  FileLateExplanation: ['explanation'],
  FileAssetDeclaration: ['personId', 'reference'],
  VerifyAssetDeclaration: ['personId', 'consistent', 'finding'],
  ReceiveComplaint: ['personId', 'complaintId', 'summary'],
  ResolveComplaint: ['complaintId', 'substantiated', 'finding'],
  AddFloorCandidate: ['personId', 'relativeIds', 'votesInFavour', 'delegatesPresent'],
  DeclareConflict: ['subjectId', 'description'],
  FileActionProgramme: ['personId', 'reference'],
};

const text = (max: number, description: string): PropertyDecorator => {
  const decorators = [
    ApiPropertyOptional({ maxLength: max, description }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

/** A revised plan (RevisePlan): seats, the candidate list and the standards. */
export class PlanContentDto {
  @ApiProperty({ example: 48, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(500)
  executiveCommitteeSeats!: number;

  @ApiProperty({ example: 15, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  standingCommitteeSeats!: number;

  @ApiProperty({ example: 3, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(20)
  deputySecretaries!: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  candidateIds!: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  standards!: string[];

  @ApiPropertyOptional({ type: () => CompositionTargetsDto, description: 'Composition targets, in percent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompositionTargetsDto)
  targets?: CompositionTargetsDto;
}

/**
 * The data of a command: the fields its type needs (see COMMAND_FIELDS; the contract lists them per type), all
 * typed here so that forms send no free JSON.
 */
export class CommandDataDto {
  @ApiPropertyOptional({ type: PlanContentDto, description: 'RevisePlan' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanContentDto)
  plan?: PlanContentDto;

  @text(200, 'DropCandidate, DiscloseResult: the step')
  stepId?: string;

  @text(200, 'The person the command is about')
  personId?: string;

  @text(4000, 'DropCandidate, EscalateDisagreement, WithdrawCandidacy: why')
  reason?: string;

  @text(4000, 'RaiseNewIssue: the issue')
  issue?: string;

  @text(4000, 'FileLateExplanation')
  explanation?: string;

  @text(200, 'FileAssetDeclaration, FileActionProgramme: the document reference')
  reference?: string;

  @ApiPropertyOptional({ description: 'VerifyAssetDeclaration: the declaration is consistent' })
  @IsOptional()
  @IsBoolean()
  consistent?: boolean;

  @text(4000, 'VerifyAssetDeclaration, ResolveComplaint: the finding')
  finding?: string;

  @text(200, 'ReceiveComplaint, ResolveComplaint')
  complaintId?: string;

  @text(4000, 'ReceiveComplaint: what the complaint says')
  summary?: string;

  @ApiPropertyOptional({ description: 'ResolveComplaint: the complaint was substantiated' })
  @IsOptional()
  @IsBoolean()
  substantiated?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'AddFloorCandidate: declared relatives' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  relativeIds?: string[];

  @ApiPropertyOptional({ minimum: 0, description: 'AddFloorCandidate: delegates in favour of the nomination' })
  @IsOptional()
  @IsInt()
  @Min(0)
  votesInFavour?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'AddFloorCandidate: delegates present' })
  @IsOptional()
  @IsInt()
  @Min(0)
  delegatesPresent?: number;

  @text(200, 'DeclareConflict: the person the conflict is about')
  subjectId?: string;

  @text(4000, 'DeclareConflict: what the conflict is')
  description?: string;
}

/**
 * Another command of a procedure (see the workflow contract), with the fields its type needs in `data`: e.g.
 * `{ type: 'SubmitPlan', data: {} }`, `{ type: 'DropCandidate', data: { stepId, personId, reason } }`.
 */
export class ProcedureCommandDto {
  @ApiProperty({ type: ActAsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ActAsDto)
  actAs!: ActAsDto;

  @ApiProperty({ enum: COMMAND_TYPES, example: 'SubmitPlan' })
  @IsIn(COMMAND_TYPES)
  type!: CommandType;

  @ApiProperty({ type: CommandDataDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CommandDataDto)
  data!: CommandDataDto;
}
