import { APPOINTMENT_VARIANTS, type AppointmentVariant } from '@cadreflow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** The kinds a form launches. */
export const LAUNCH_KINDS = [
  'congress-personnel',
  'personnel-plan',
  'introduction',
  'vetting',
  'election',
  'confidence-vote',
  'classification',
  'cadre-opinion',
  'appointment',
  'first-session',
] as const;
export type LaunchKind = (typeof LAUNCH_KINDS)[number];

export const ID_PATTERN = /^[A-Za-z0-9_.:\-/@]+$/;
const ID_MESSAGE = 'an id holds letters, digits and _ . : - / @ only';

/** Fields every launch form has: which kind, for which organisation, counted from which day. */
export abstract class LaunchFormBase {
  abstract kind: LaunchKind;

  @ApiProperty({
    example: 'org/bac-ninh',
    description: 'The party organisation (from the registry) the procedure is for',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(ID_PATTERN, { message: `organisationId: ${ID_MESSAGE}` })
  organisationId!: string;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'The day the procedure counts as launched (picks the rulebook in force and the registry as of then)',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'launchDate must be a date as YYYY-MM-DD' })
  launchDate?: string;
}

/** Minimum shares of the new committee, in percent, that the plan sets as targets (composition). */
export class CompositionTargetsDto {
  @ApiPropertyOptional({ example: 15, minimum: 0, maximum: 100, description: 'Women, at least (%)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  womenPercent?: number;

  @ApiPropertyOptional({ example: 10, minimum: 0, maximum: 100, description: 'Under 40 years old, at least (%)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  under40Percent?: number;

  @ApiPropertyOptional({ example: 5, minimum: 0, maximum: 100, description: 'Ethnic minorities, at least (%)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  ethnicMinorityPercent?: number;
}

const candidateIds = (description: string, min: number): PropertyDecorator => {
  const decorators = [
    ApiProperty({ type: [String], example: ['person/bn-01', 'person/bn-02'], description, minItems: min }),
    ArrayMinSize(min),
    ArrayMaxSize(2000),
    ArrayUnique(),
    IsString({ each: true }),
    MaxLength(200, { each: true }),
    Matches(ID_PATTERN, { each: true, message: `candidateIds: ${ID_MESSAGE}` }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

const congressDate = (): PropertyDecorator => {
  const decorators = [
    ApiProperty({ example: '2027-06-15', description: 'The day the congress opens (YYYY-MM-DD)' }),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'congressDate must be a date as YYYY-MM-DD' }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

/** The personnel plan's fields (đề án nhân sự): seats, the candidate list with its surplus, standards, targets. */
export abstract class PlanForm extends LaunchFormBase {
  @ApiProperty({ example: 48, minimum: 1, maximum: 500, description: 'Seats of the executive committee (BCH)' })
  @IsInt()
  @Min(1)
  @Max(500)
  executiveCommitteeSeats!: number;

  @ApiProperty({ example: 15, minimum: 1, maximum: 100, description: 'Seats of the standing committee (BTV)' })
  @IsInt()
  @Min(1)
  @Max(100)
  standingCommitteeSeats!: number;

  @ApiProperty({ example: 3, minimum: 0, maximum: 20, description: 'Deputy secretaries' })
  @IsInt()
  @Min(0)
  @Max(20)
  deputySecretaries!: number;

  @candidateIds('People (registry ids) on the candidate list, with its surplus over the seats', 1)
  candidateIds!: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Tiêu chuẩn theo Quy định 214-QĐ/TW'],
    description: 'Standards, each as a line of text',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  standards?: string[];

  @ApiPropertyOptional({ type: CompositionTargetsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompositionTargetsDto)
  targets?: CompositionTargetsDto;
}

/**
 * The whole congress personnel procedure: plan → introduction → vetting → consultation → election, then, with
 * `delegateSeats`, the delegates to the higher congress.
 */
export class CongressPersonnelLaunchDto extends PlanForm {
  @ApiProperty({ enum: ['congress-personnel'] })
  @IsIn(['congress-personnel'])
  kind!: 'congress-personnel';

  @congressDate()
  congressDate!: string;

  @ApiPropertyOptional({
    example: 12,
    minimum: 0,
    maximum: 500,
    description:
      'Official delegates to the higher congress the congress elects after its executive committee; absent or 0: ' +
      'it elects none and the procedure has no delegates stage',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  delegateSeats?: number;

  @ApiPropertyOptional({
    example: 2,
    minimum: 0,
    maximum: 500,
    description: 'Alternate delegates elected on the same list after the official ones (default 0)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  alternateDelegateSeats?: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['person/bn-01', 'person/bn-02'],
    description:
      'People (registry ids) on the delegates list, with its surplus over the official and alternate seats together',
  })
  @IsOptional()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(ID_PATTERN, { each: true, message: `delegateCandidateIds: ${ID_MESSAGE}` })
  delegateCandidateIds?: string[];
}

/** The personnel plan alone (adopted by the standing committee, approved by the higher level). */
export class PersonnelPlanLaunchDto extends PlanForm {
  @ApiProperty({ enum: ['personnel-plan'] })
  @IsIn(['personnel-plan'])
  kind!: 'personnel-plan';
}

/** The five-step introduction of these candidates (sitting members of the committee on the re-election track). */
export class IntroductionLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['introduction'] })
  @IsIn(['introduction'])
  kind!: 'introduction';

  @congressDate()
  congressDate!: string;

  @candidateIds('People (registry ids) to introduce', 1)
  candidateIds!: string[];
}

/** Vetting (thẩm định) of these candidates for the executive committee, under Regulation 205/114. */
export class VettingLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['vetting'] })
  @IsIn(['vetting'])
  kind!: 'vetting';

  @congressDate()
  congressDate!: string;

  @candidateIds('People (registry ids) to vet', 1)
  candidateIds!: string[];
}

/** The congress election of the executive committee from these candidates. */
export class ElectionLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['election'] })
  @IsIn(['election'])
  kind!: 'election';

  @congressDate()
  congressDate!: string;

  @ApiProperty({
    example: 48,
    minimum: 1,
    maximum: 500,
    description: 'Seats to fill; for delegates to the higher congress, the official delegates',
  })
  @IsInt()
  @Min(1)
  @Max(500)
  seats!: number;

  @ApiPropertyOptional({
    example: 3,
    minimum: 0,
    maximum: 500,
    description:
      'Delegates to the higher congress: the alternate delegates elected on the same list after the official ' +
      'ones (the same counting rules for seats + alternateSeats places). Absent for the election of a committee.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  alternateSeats?: number;

  @candidateIds('People (registry ids) on the ballot', 1)
  candidateIds!: string[];
}

/** A confidence vote (lấy phiếu tín nhiệm) of the organisation's executive committee on these people. */
export class ConfidenceVoteLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['confidence-vote'] })
  @IsIn(['confidence-vote'])
  kind!: 'confidence-vote';

  @candidateIds('People (registry ids) the executive committee votes on', 1)
  candidateIds!: string[];
}

/** The annual review and classification (đánh giá, xếp loại) of these people for a year. */
export class ClassificationLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['classification'] })
  @IsIn(['classification'])
  kind!: 'classification';

  @ApiProperty({ example: 2025, minimum: 1930, maximum: 2200, description: 'The year reviewed' })
  @IsInt()
  @Min(1930)
  @Max(2200)
  year!: number;

  @candidateIds('People (registry ids) to grade', 1)
  candidateIds!: string[];
}

/** A higher or central agency's request for the organisation's opinion on cadres, recorded to be answered. */
export class CadreOpinionLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['cadre-opinion'] })
  @IsIn(['cadre-opinion'])
  kind!: 'cadre-opinion';

  @ApiProperty({
    enum: ['higher', 'central'],
    description: 'Who asks: the level above (the Politburo for a province) or the central Organization Committee',
  })
  @IsIn(['higher', 'central'])
  requestedBy!: 'higher' | 'central';

  @ApiProperty({ example: 'Công văn số 123-CV/BTCTW ngày 25/3/2025', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reference!: string;

  @ApiProperty({ example: 'Cho ý kiến về nhân sự dự kiến bổ nhiệm', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  matter!: string;

  @candidateIds('People (registry ids) the request is about', 1)
  candidateIds!: string[];
}

/**
 * An appointment to one post of the organisation (procedure C), or one of its forms: reappointment, transfer,
 * rotation, or the ratification of a member the committee elects between congresses.
 */
export class AppointmentLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['appointment'] })
  @IsIn(['appointment'])
  kind!: 'appointment';

  @ApiProperty({
    enum: APPOINTMENT_VARIANTS,
    description:
      'The form: appointment (nominees found by ballot), reappointment, transfer, rotation, or ratification of a ' +
      'member the executive committee elects; every form but appointment names its person in candidateIds',
  })
  @IsIn(APPOINTMENT_VARIANTS)
  variant!: AppointmentVariant;

  @ApiProperty({ example: 'Chánh Văn phòng Tỉnh ủy', maxLength: 200, description: 'The post' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  postTitle!: string;

  @ApiPropertyOptional({ description: 'A post under central management (30 working days instead of 15)' })
  @IsOptional()
  @IsBoolean()
  centralManagement?: boolean;

  @ApiProperty({
    type: [String],
    example: ['person/bn-02'],
    description: 'The person reappointed, transferred, rotated or elected (registry id); empty for an appointment',
    minItems: 0,
    maxItems: 1,
  })
  @ArrayMaxSize(1)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(ID_PATTERN, { each: true, message: `candidateIds: ${ID_MESSAGE}` })
  candidateIds!: string[];
}

/**
 * The first session of a newly elected executive committee (phiên họp thứ nhất của Ban Chấp hành khóa mới): the
 * members the congress elected (`candidateIds`), and how many it elects to its standing committee, deputy secretaries
 * and inspection committee (one secretary and one chair always). The counts are checked against the committee's size
 * by the domain (422 `FIRST_SESSION_SEATS_INVALID` naming the field).
 */
export class FirstSessionLaunchDto extends LaunchFormBase {
  @ApiProperty({ enum: ['first-session'] })
  @IsIn(['first-session'])
  kind!: 'first-session';

  @ApiProperty({ example: '2025-10-17', description: 'The day the new executive committee sits (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'sessionDate must be a date as YYYY-MM-DD' })
  sessionDate!: string;

  @ApiProperty({ example: 15, minimum: 1, maximum: 100, description: 'Members of the standing committee (BTV)' })
  @IsInt()
  @Min(1)
  @Max(100)
  standingCommitteeSeats!: number;

  @ApiProperty({ example: 3, minimum: 0, maximum: 10, description: 'Deputy secretaries, elected from the BTV' })
  @IsInt()
  @Min(0)
  @Max(10)
  deputySecretaries!: number;

  @ApiProperty({ example: 9, minimum: 1, maximum: 100, description: 'Members of the inspection committee (UBKT)' })
  @IsInt()
  @Min(1)
  @Max(100)
  inspectionCommitteeSeats!: number;

  @candidateIds('The members of the newly elected executive committee (registry ids); only they stand', 3)
  candidateIds!: string[];
}

/** The body of `POST /procedures`, by `kind`. */
export type LaunchForm =
  | CongressPersonnelLaunchDto
  | PersonnelPlanLaunchDto
  | IntroductionLaunchDto
  | VettingLaunchDto
  | ElectionLaunchDto
  | ConfidenceVoteLaunchDto
  | ClassificationLaunchDto
  | CadreOpinionLaunchDto
  | AppointmentLaunchDto
  | FirstSessionLaunchDto;

/** The form class of each kind. */
export const LAUNCH_FORMS: Readonly<Record<LaunchKind, new () => LaunchForm>> = {
  'congress-personnel': CongressPersonnelLaunchDto,
  'personnel-plan': PersonnelPlanLaunchDto,
  introduction: IntroductionLaunchDto,
  vetting: VettingLaunchDto,
  election: ElectionLaunchDto,
  'confidence-vote': ConfidenceVoteLaunchDto,
  classification: ClassificationLaunchDto,
  'cadre-opinion': CadreOpinionLaunchDto,
  appointment: AppointmentLaunchDto,
  'first-session': FirstSessionLaunchDto,
};
