import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The fields of an event or a state: each event type and each kind of procedure has its own (libs/domain). */
const JSON_FIELDS = {
  type: 'object' as const,
  additionalProperties: { description: 'Any JSON value' },
};

/** What kind of damage verification found (libs/event-store `ProblemKind`). */
export const PROBLEM_KINDS = [
  'content-altered',
  'chain-broken',
  'version-gap',
  'log-chain-broken',
  'checkpoint-mismatch',
  'checkpoint-signature',
  'checkpoint-untrusted-key',
  'event-not-receipted',
  'receipt-mismatch',
  'tree-head-mismatch',
  'tree-head-missing',
  'tree-head-rolled-back',
  'tree-head-signature',
  'tree-head-untrusted-key',
  'tree-head-not-cosigned',
  'log-truncated',
] as const;

/** One event of a trail, as the log holds it. */
export class AuditEventDto {
  @ApiProperty({ example: 1234, description: 'Global position: commit order across all streams' })
  position!: number;

  @ApiProperty({ example: 'proc-4d02f1eb21dbc42345b5e4a308/vetting' })
  streamId!: string;

  @ApiProperty({ example: 3, description: "1 for a stream's first event" })
  streamVersion!: number;

  @ApiProperty({ example: 'AssetDeclarationFiled' })
  type!: string;

  @ApiProperty({ example: 1 })
  schemaVersion!: number;

  @ApiProperty({ ...JSON_FIELDS, example: { personId: 'person/bn-02', reference: 'KK-1/2026' } })
  data!: Record<string, unknown>;

  @ApiProperty({
    ...JSON_FIELDS,
    description: "Actor, the actor's role and body then, rulebook, correlation and causation",
  })
  metadata!: Record<string, unknown>;

  @ApiProperty({ example: '2026-12-06T08:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  idempotencyKey!: string | null;

  @ApiProperty({ description: "Hash of the stream's previous event, hex (64 zeros for the first)" })
  prevHash!: string;

  @ApiProperty({ description: "SHA-256 over the event's canonical form and prevHash, hex" })
  hash!: string;

  @ApiProperty({ description: 'Running hash over every event hash in global order, hex' })
  logHash!: string;
}

/** Something verification found wrong, with a sentence a person can act on. */
export class VerificationProblemDto {
  @ApiProperty({ enum: PROBLEM_KINDS, example: 'content-altered' })
  kind!: (typeof PROBLEM_KINDS)[number];

  @ApiProperty({ example: 'Stream "proc-…" version 3 (position 1234): the content does not match its hash' })
  message!: string;

  @ApiPropertyOptional()
  streamId?: string;

  @ApiPropertyOptional()
  streamVersion?: number;

  @ApiPropertyOptional()
  position?: number;

  @ApiPropertyOptional()
  checkpointId?: number;

  @ApiPropertyOptional({ description: 'The size of the tree head a tree problem is about' })
  treeSize?: number;
}

/** The verdict of re-deriving every hash of a procedure's streams. */
export class TrailVerificationDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ example: 412 })
  eventsChecked!: number;

  @ApiProperty({ type: [VerificationProblemDto] })
  problems!: VerificationProblemDto[];
}

/** A procedure's trail: its events (a composite's with its stages') and their verification. */
export class AuditTrailDto {
  @ApiProperty({ example: 'proc-4d02f1eb21dbc42345b5e4a308' })
  procedureId!: string;

  @ApiProperty({ type: [String], description: "The procedure's stream and, for a composite, its stages' streams" })
  streamIds!: string[];

  @ApiProperty({ type: TrailVerificationDto })
  verification!: TrailVerificationDto;

  @ApiProperty({ type: [AuditEventDto], description: 'In global order' })
  events!: AuditEventDto[];
}

/** A procedure's state folded from its events up to one position (time travel). */
export class AuditStateDto {
  @ApiProperty()
  procedureId!: string;

  @ApiProperty({ example: 1234 })
  position!: number;

  @ApiProperty({ example: 12 })
  eventsApplied!: number;

  @ApiProperty({ ...JSON_FIELDS, description: "The state of the procedure's kind (libs/domain `<kind>.state.ts`)" })
  state!: Record<string, unknown>;
}

/** The whole log verified: hashes, chains, checkpoints and tree heads. */
export class LogVerificationDto extends TrailVerificationDto {
  @ApiProperty()
  streamsChecked!: number;

  @ApiProperty()
  checkpointsChecked!: number;

  @ApiProperty({ description: 'Highest position a valid checkpoint covers; events after it rest on hash chains only' })
  lastCheckpointPosition!: number;

  @ApiProperty({ description: "Signed tree heads checked: the database's and those kept outside it" })
  treeHeadsChecked!: number;

  @ApiProperty({ description: 'Size of the newest tree head the whole log matched (0 when none, or on any failure)' })
  verifiedTreeSize!: number;
}
