import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageDto, PersonRefDto, RecordedEventRefDto, STEP_PARAMS_SCHEMA } from '../common/views.dto';

/** A task of the queue: one open (or closed) step of a procedure, with what it is about and for whom. */
export class TaskDto {
  @ApiProperty({ example: 'mS1x…' })
  taskId!: string;

  @ApiProperty({ description: 'The procedure (a composite stage: its own id) the decision goes to' })
  procedureId!: string;

  @ApiProperty({ description: 'The top-level procedure' })
  rootId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'introduction' })
  procedureKind!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'congress-personnel',
    description: 'Kind of the top-level procedure',
  })
  rootKind!: string | null;

  @ApiProperty({ example: 'procedure-title', description: 'The procedure title as a code with titleParams' })
  procedureTitleCode!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { organisationName: 'Đảng bộ tỉnh Bắc Ninh', kind: 'congress-personnel' },
  })
  procedureTitleParams!: Record<string, string>;

  @ApiProperty({ example: 're-election/2' })
  stepId!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'introduction-step',
    description: 'What the step is, as a code',
  })
  stepKind!: string | null;

  @ApiProperty({ ...STEP_PARAMS_SCHEMA, description: 'Values of the step kind (person ids are named in stepPeople)' })
  stepParams!: Record<string, string | number>;

  @ApiProperty({ type: [PersonRefDto], description: 'People named in stepParams, with names' })
  stepPeople!: PersonRefDto[];

  @ApiProperty({ description: "English description (a developer's fallback; show the translated stepKind)" })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'org/bac-ninh' })
  organisationId!: string | null;

  @ApiProperty({ example: 'Đảng bộ tỉnh Bắc Ninh' })
  organisationName!: string;

  @ApiProperty({ example: 'body/bn-btv' })
  bodyId!: string;

  @ApiProperty({ example: 'Ban Thường vụ Tỉnh ủy' })
  bodyName!: string;

  @ApiProperty({ example: 'standing-committee', description: 'Role code' })
  role!: string;

  @ApiProperty({
    enum: ['approval', 'tally', 'conclusion', 'opinion', 'confidence-tally', 'classification', 'nomination'],
  })
  decision!: string;

  @ApiProperty({ type: [PersonRefDto], description: 'The people the step concerns' })
  subjects!: PersonRefDto[];

  @ApiProperty({ example: '2026-12-20' })
  dueDate!: string;

  @ApiProperty({ example: 4, description: 'Days from today to the due date (negative: overdue)' })
  daysLeft!: number;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty()
  escalated!: boolean;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  outcome!: string | null;

  @ApiProperty()
  openedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'User id of who holds the claim' })
  claimedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Their display name' })
  claimedByName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  claimedAt!: string | null;
}

export class TaskPageDto extends PageDto {
  @ApiProperty({ type: [TaskDto] })
  items!: TaskDto[];
}

export class DecisionResultDto {
  @ApiProperty()
  taskId!: string;

  @ApiProperty({ type: [RecordedEventRefDto], description: 'The recorded events, durable, with position and hash' })
  events!: RecordedEventRefDto[];
}

/** A change of the queue, as a server-sent event's data (`task-opened` / `task-closed`). */
export class TaskChangeDto {
  @ApiProperty()
  taskId!: string;

  @ApiProperty()
  procedureId!: string;

  @ApiProperty()
  stepId!: string;

  @ApiProperty({ description: "English description (a developer's fallback)" })
  title!: string;

  @ApiProperty()
  bodyId!: string;

  @ApiProperty()
  role!: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty()
  position!: number;
}
