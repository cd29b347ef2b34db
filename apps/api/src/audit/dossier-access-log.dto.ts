import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page.query';
import { PageDto } from '../common/views.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'must be a date written YYYY-MM-DD';

/** What became of an attempt to read a personnel file. */
export const DOSSIER_ACCESS_OUTCOMES = ['read', 'refused'] as const;
export type DossierAccessOutcome = (typeof DOSSIER_ACCESS_OUTCOMES)[number];

/** The codes a refusal is recorded with (`DossierService`). */
export const DOSSIER_REFUSAL_CODES = [
  'DOSSIER_NEED_TO_KNOW',
  'DOSSIER_SELF',
  'DOSSIER_RELATIVE',
  'DOSSIER_NO_ACTOR',
] as const;

/** `GET /audit/dossier-access`: the filters, all optional, and the page. Days are Vietnam's (UTC+7), inclusive. */
export class DossierAccessQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'person/bn-40', description: 'Whose file: the person the file is about' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  personId?: string;

  @ApiPropertyOptional({ example: 'person/bn-12', description: 'Who read or was refused: the person of the user' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readerId?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'From this day (YYYY-MM-DD, Vietnam time), inclusive' })
  @IsOptional()
  @Matches(DAY, { message: `from ${DAY_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: 'from must be a day of the calendar' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Up to this day (YYYY-MM-DD, Vietnam time), inclusive' })
  @IsOptional()
  @Matches(DAY, { message: `to ${DAY_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: 'to must be a day of the calendar' })
  to?: string;

  @ApiPropertyOptional({ enum: DOSSIER_ACCESS_OUTCOMES })
  @IsOptional()
  @IsIn(DOSSIER_ACCESS_OUTCOMES)
  outcome?: DossierAccessOutcome;
}

/** One read of a personnel file (a `DossierAccessed` event) or one refusal (a row of `dossier_access_refusals`). */
export class DossierAccessEntryDto {
  @ApiProperty({ enum: DOSSIER_ACCESS_OUTCOMES })
  outcome!: DossierAccessOutcome;

  @ApiProperty({ example: '2026-12-07T01:30:00.000Z' })
  at!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    enum: DOSSIER_REFUSAL_CODES,
    description: 'Why it was refused, as a code the web translates; null for a read',
  })
  code!: string | null;

  @ApiProperty({ example: 'person/bn-40' })
  subjectId!: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  subjectName!: string;

  @ApiProperty({ nullable: true, type: String, example: 'person/bn-12', description: 'Null for a user of no person' })
  readerId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Trần Văn Hùng' })
  readerName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'bn12', description: 'The user refused (refusals only)' })
  username!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'standing-committee',
    description: 'The role the file was read in (reads only)',
  })
  role!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Ban Thường vụ Tỉnh ủy Bắc Ninh' })
  bodyName!: string | null;

  @ApiProperty({ example: 'Xem xét trước hội nghị', description: 'Why the reader said they needed the file' })
  purpose!: string;

  @ApiProperty({ example: 'proc-4d02f1eb21dbc42345b5e4a308' })
  procedureId!: string;

  @ApiProperty({ example: 'personnel-plan' })
  procedureKind!: string;

  @ApiProperty({ example: 'Đảng bộ tỉnh Bắc Ninh', description: 'The organisation the procedure is for' })
  organisationName!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Position of the DossierAccessed event in the log (reads only)',
  })
  position!: number | null;
}

export class DossierAccessPageDto extends PageDto {
  @ApiProperty({ type: [DossierAccessEntryDto] })
  items!: DossierAccessEntryDto[];
}
