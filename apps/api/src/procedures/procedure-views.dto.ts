import { PARAMS_SCHEMA } from '../errors/api-error.dto';
import type { ErrorParam } from '../errors/api-error';
import { CompositionTargetsDto } from './launch.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ActorViewDto,
  NamedIdDto,
  PageDto,
  PersonRefDto,
  RecordedEventRefDto,
  STEP_PARAMS_SCHEMA,
} from '../common/views.dto';

/** The people a step concerns (recusal: they and their declared relatives may not decide it). */
export class ConcernedPersonDto extends PersonRefDto {
  @ApiProperty({ type: [NamedIdDto], description: 'Declared relatives, with names' })
  relatives!: NamedIdDto[];
}

/** A person of a list step already decided, item by item (per-item recusal). */
export class DecidedItemDto extends PersonRefDto {
  @ApiProperty({ description: 'Who decided it (person id)' })
  by!: string;

  @ApiProperty()
  byName!: string;

  @ApiProperty({ enum: ['approved', 'rejected', 'recorded'] })
  outcome!: string;

  @ApiPropertyOptional({ description: 'A tally: their votes' })
  votes?: number;
}

/** An open step of a composite's running stage: what it is and who must act. */
export class StageStepDto {
  @ApiProperty({ description: "The stage's procedure id: decisions go there" })
  procedureId!: string;

  @ApiProperty()
  stepId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'introduction-step' })
  stepKind!: string | null;

  @ApiProperty(STEP_PARAMS_SCHEMA)
  stepParams!: Record<string, string | number>;

  @ApiProperty({ type: [PersonRefDto], description: 'People named in stepParams' })
  stepPeople!: PersonRefDto[];

  @ApiProperty({ description: "English description (a developer's fallback)" })
  title!: string;

  @ApiProperty()
  bodyId!: string;

  @ApiProperty()
  bodyName!: string;

  @ApiProperty()
  role!: string;

  @ApiProperty()
  dueDate!: string;

  @ApiProperty({
    enum: ['approval', 'tally', 'conclusion', 'opinion', 'confidence-tally', 'classification', 'nomination'],
  })
  decision!: string;
}

/** Someone elected, with the votes and base of the round that elected them. */
export class ElectedDto extends PersonRefDto {
  @ApiProperty()
  round!: number;

  @ApiProperty()
  votes!: number;

  @ApiProperty()
  base!: number;

  @ApiProperty({ example: 85.71, description: 'votes / base in percent, two decimals' })
  sharePercent!: number;
}

/** The delegates to the higher congress a congress elected: official first, then alternates, with their votes. */
export class DelegatesDto {
  @ApiProperty({ type: [ElectedDto] })
  official!: ElectedDto[];

  @ApiProperty({ type: [ElectedDto] })
  alternates!: ElectedDto[];
}

/** An open step of a procedure. */
export class OpenStepDto {
  @ApiProperty({ example: 'proc-…/introduction', description: 'The procedure (stage) the decision goes to' })
  procedureId!: string;

  @ApiProperty({ example: 're-election/2' })
  stepId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'introduction-step',
    description: 'What the step is, as a code the web translates (null on steps opened before step kinds)',
  })
  stepKind!: string | null;

  @ApiProperty(STEP_PARAMS_SCHEMA)
  stepParams!: Record<string, string | number>;

  @ApiProperty({ type: [PersonRefDto], description: 'People named in stepParams, with names' })
  stepPeople!: PersonRefDto[];

  @ApiProperty({ type: [DecidedItemDto], description: 'A list step: the people already decided; the others wait' })
  decidedItems!: DecidedItemDto[];

  @ApiProperty({ description: "English description (a developer's fallback; show the translated stepKind)" })
  title!: string;

  @ApiProperty({ example: 'body/bn-btv' })
  bodyId!: string;

  @ApiProperty({ example: 'Ban Thường vụ Tỉnh ủy' })
  bodyName!: string;

  @ApiProperty({ example: 'standing-committee' })
  role!: string;

  @ApiProperty({ example: '2026-12-20' })
  dueDate!: string;

  @ApiProperty({
    enum: ['approval', 'tally', 'conclusion', 'opinion', 'confidence-tally', 'classification', 'nomination'],
  })
  decision!: string;

  @ApiProperty({ type: [ConcernedPersonDto] })
  concerned!: ConcernedPersonDto[];

  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who launched the procedure (four-eyes)' })
  launchedBy!: PersonRefDto | null;

  @ApiProperty({ type: [PersonRefDto], description: 'Who proposed what is decided (four-eyes)' })
  proposedBy!: PersonRefDto[];

  @ApiProperty()
  reminded!: boolean;

  @ApiProperty()
  escalated!: boolean;
}

/** Why a stage of a composite failed: a code the web app translates, with its parameters. */
export class StageFailureDto {
  @ApiProperty({
    example: 'PLAN_RULES_BROKEN',
    description: "The refusal's code (a domain refusal of the stage's launch), or STAGE_FAILED for any other failure",
  })
  code!: string;

  @ApiProperty({ ...PARAMS_SCHEMA, example: { rulebookId: 'rulebook/2025-2030@2025-10-08' } })
  params!: Record<string, ErrorParam>;
}

/** A stage of a composite congress procedure. */
export class StageDto {
  @ApiProperty({ enum: ['plan', 'introduction', 'vetting', 'consultation', 'election', 'delegates', 'first-session'] })
  stage!: string;

  @ApiProperty()
  procedureId!: string;

  @ApiProperty({ enum: ['pending', 'running', 'done', 'failed'] })
  state!: string;

  @ApiPropertyOptional({
    type: StageFailureDto,
    description: 'A failed stage: why (the composite stopped there)',
  })
  failure?: StageFailureDto;
}

/** The personnel plan a procedure holds (its current revision). */
export class PlanViewDto {
  @ApiProperty({ example: 48 })
  executiveCommitteeSeats!: number;

  @ApiProperty({ example: 15 })
  standingCommitteeSeats!: number;

  @ApiProperty({ example: 3 })
  deputySecretaries!: number;

  @ApiProperty({ type: [PersonRefDto] })
  candidates!: PersonRefDto[];

  @ApiProperty({ type: [String] })
  standards!: string[];

  @ApiPropertyOptional({ type: () => CompositionTargetsDto, description: 'Composition targets, in percent' })
  targets?: CompositionTargetsDto;

  @ApiPropertyOptional({ example: 2 })
  revision?: number;
}

/** A candidate of a procedure and where they stand in it. */
export class CandidateViewDto extends PersonRefDto {
  @ApiPropertyOptional({ enum: ['re-election', 'first-time'] })
  track?: string;

  @ApiProperty({
    enum: ['active', 'dropped', 'pending', 'cleared', 'blocked', 'candidate', 'elected'],
    description: 'Where the candidate stands: in an introduction (active/dropped), vetting, or the election',
  })
  status!: string;
}

/** An election's seats, current round and those elected. */
export class ElectionViewDto {
  @ApiProperty({ example: 48 })
  seats!: number;

  @ApiPropertyOptional({ example: 1, nullable: true, type: Number })
  round!: number | null;

  @ApiProperty({ type: [PersonRefDto] })
  elected!: PersonRefDto[];
}

/** A procedure's current state, as its workflow reports it, with names. */
export class ProcedureStateDto {
  @ApiProperty()
  procedureId!: string;

  @ApiProperty({ example: 'congress-personnel' })
  kind!: string;

  @ApiProperty({ example: 'org/bac-ninh' })
  bodyId!: string;

  @ApiProperty({ example: 'Đảng bộ tỉnh Bắc Ninh' })
  bodyName!: string;

  @ApiProperty({ example: 'rulebook/2025-2030' })
  rulebookId!: string;

  @ApiProperty({ type: ActorViewDto, nullable: true })
  launchedBy!: ActorViewDto | null;

  @ApiProperty({ enum: ['running', 'completed', 'withdrawn'] })
  run!: string;

  @ApiProperty({ example: 'ADOPTED', description: "The procedure's own status code (or the composite's stage)" })
  status!: string;

  @ApiProperty()
  streamVersion!: number;

  @ApiProperty({ type: [OpenStepDto] })
  openSteps!: OpenStepDto[];

  @ApiProperty({ type: String, nullable: true })
  withdrawnReason!: string | null;

  @ApiProperty({ type: RecordedEventRefDto, nullable: true })
  lastEvent!: RecordedEventRefDto | null;

  @ApiPropertyOptional({ type: [StageDto], description: 'Composite only: its stages' })
  stages?: StageDto[];

  @ApiPropertyOptional({ type: PlanViewDto, description: 'A personnel-plan procedure: the plan' })
  plan?: PlanViewDto;

  @ApiPropertyOptional({ type: [CandidateViewDto], description: 'Introduction, vetting, election: the candidates' })
  candidates?: CandidateViewDto[];

  @ApiPropertyOptional({ type: ElectionViewDto })
  election?: ElectionViewDto;

  @ApiPropertyOptional({ type: [ElectedDto], description: 'An election (or a composite after it): who was elected' })
  elected?: ElectedDto[];

  @ApiPropertyOptional({
    type: DelegatesDto,
    description: 'Composite, once its delegates stage has ended: the official and alternate delegates',
  })
  delegates?: DelegatesDto;

  @ApiPropertyOptional({ type: [StageStepDto], description: "Composite: the running stage's open steps (up to 10)" })
  stageOpenSteps?: StageStepDto[];

  @ApiPropertyOptional({ description: 'Composite: how many steps the running stage has open' })
  stageOpenStepCount?: number;
}

/** A row of the procedure list. */
export class ProcedureSummaryDto {
  @ApiProperty({ example: 'proc-6cc4…' })
  procedureId!: string;

  @ApiProperty({ description: 'The top-level procedure (a composite stage has its composite here)' })
  rootId!: string;

  @ApiProperty({ example: 'congress-personnel', description: 'Kind code (the web translates it)' })
  kind!: string;

  @ApiProperty({
    example: 'procedure-title',
    description: 'Title as a code: the web shows "{organisationName} — {kind}" translated',
  })
  titleCode!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { organisationName: 'Đảng bộ tỉnh Bắc Ninh', kind: 'congress-personnel' },
  })
  titleParams!: Record<string, string>;

  @ApiProperty({ example: 'org/bac-ninh' })
  bodyId!: string;

  @ApiProperty({ example: 'Đảng bộ tỉnh Bắc Ninh' })
  bodyName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'org/bac-ninh' })
  organisationId!: string | null;

  @ApiProperty({ example: 'Đảng bộ tỉnh Bắc Ninh' })
  organisationName!: string;

  @ApiProperty({ type: String, nullable: true, enum: ['grassroots', 'district', 'province', 'national'] })
  levelKind!: string | null;

  @ApiProperty({ enum: ['running', 'completed', 'withdrawn', 'failed'] })
  status!: string;

  @ApiProperty()
  rulebookId!: string;

  @ApiProperty({ example: 'person/bn-ot-01' })
  launchedBy!: string;

  @ApiProperty({ example: 'Trịnh Văn Tổ' })
  launchedByName!: string;

  @ApiProperty()
  launchedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  endedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Outcome code, or the withdrawal reason' })
  outcome!: string | null;
}

export class ProcedurePageDto extends PageDto {
  @ApiProperty({ type: [ProcedureSummaryDto] })
  items!: ProcedureSummaryDto[];
}

export class ProcedureDetailDto {
  @ApiProperty({ type: ProcedureSummaryDto })
  summary!: ProcedureSummaryDto;

  @ApiProperty({ type: ProcedureStateDto, nullable: true, description: 'Live state while running' })
  state!: ProcedureStateDto | null;
}

export class LaunchResultDto {
  @ApiProperty()
  procedureId!: string;

  @ApiProperty({ description: 'false when a retried launch found the procedure its key started' })
  created!: boolean;

  @ApiProperty({ type: ProcedureStateDto })
  state!: ProcedureStateDto;
}

/** Progress of one kind of procedure at one level. */
export class LevelProgressDto {
  @ApiProperty({ enum: ['grassroots', 'district', 'province', 'national'] })
  levelKind!: string;

  @ApiProperty()
  organisations!: number;

  @ApiProperty()
  done!: number;

  @ApiProperty()
  running!: number;

  @ApiProperty({ description: 'Organisations whose procedure stopped at a failed stage (a congress), not done' })
  failed!: number;

  @ApiProperty({ example: '20.90%' })
  percentDone!: string;

  @ApiProperty({ example: '14/67 done, 20.90%', description: "English label (a developer's fallback)" })
  label!: string;

  @ApiPropertyOptional({
    example: 195,
    description: 'Opinions on cadres (type cadre-opinion) only: cadres the requests asked about',
  })
  opinionsRequested?: number;

  @ApiPropertyOptional({
    example: 189,
    description: 'Opinions on cadres (type cadre-opinion) only: opinions the bodies gave, one per cadre',
  })
  opinionsGiven?: number;

  @ApiPropertyOptional({
    example: 180,
    description: 'Opinions on cadres (type cadre-opinion) only: of the opinions given, the favourable ones',
  })
  opinionsFavourable?: number;
}

/** A post a person holds or held. */
export class MembershipViewDto {
  @ApiProperty()
  bodyId!: string;

  @ApiProperty()
  bodyName!: string;

  @ApiPropertyOptional()
  postId?: string;

  @ApiPropertyOptional()
  postTitle?: string;

  @ApiProperty({ example: '2020-10-15' })
  from!: string;

  @ApiProperty({ type: String, nullable: true })
  to!: string | null;
}

export class RelativeViewDto {
  @ApiProperty()
  personId!: string;

  @ApiProperty()
  personName!: string;

  @ApiProperty({ example: 'spouse' })
  kind!: string;
}

/** A candidate's personnel file, read through a procedure (the read is recorded first). */
export class DossierDto {
  @ApiProperty({ enum: ['secret'] })
  classification!: 'secret';

  @ApiProperty({ type: [RecordedEventRefDto], description: 'The DossierAccessed event recorded for this read' })
  accessRecorded!: RecordedEventRefDto[];

  @ApiProperty()
  personId!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ enum: ['male', 'female'] })
  gender!: string;

  @ApiProperty({ example: '1979-11-23' })
  birthDate!: string;

  @ApiProperty({ type: [MembershipViewDto] })
  memberships!: MembershipViewDto[];

  @ApiProperty({ type: [NamedIdDto], description: 'Bodies the person sits on today' })
  currentBodies!: NamedIdDto[];

  @ApiProperty({ type: [RelativeViewDto] })
  declaredRelatives!: RelativeViewDto[];
}
