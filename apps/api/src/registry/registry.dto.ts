import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { BodyKind, Gender, RelationKind } from '@cadreflow/domain';
import {
  BODY_KIND_LABELS,
  GENDER_LABELS,
  RECORD_KINDS,
  REGISTRY_ERROR_CODES,
  RELATION_KIND_LABELS,
  type RecordKind,
  type RegistryChangeKind,
} from '@cadreflow/registry';
import { PageQuery } from '../common/page.query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date written YYYY-MM-DD';

export const REGISTRY_CHANGE_KINDS: readonly RegistryChangeKind[] = [
  'person-added',
  'person-joins',
  'person-leaves',
  'person-moves',
  'person-retires',
  'relative-declared',
  'organisation-added',
  'body-added',
  'renamed',
  'organisation-moved',
  'abolished',
];

/** `?on=`: the date the registry is read as of (today when left out). */
export class OnQuery {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'YYYY-MM-DD; today when left out' })
  @IsOptional()
  @Matches(DATE, { message: `on ${DATE_MESSAGE}` })
  on?: string;
}

export class OrganisationsQuery extends OnQuery {
  @ApiPropertyOptional({ description: 'Part of the name, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class PeopleQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Only people in this organisation’s own bodies on the date' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ description: 'Only members of this body on the date' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  body?: string;

  @ApiPropertyOptional({ example: '2025-06-30' })
  @IsOptional()
  @Matches(DATE, { message: `on ${DATE_MESSAGE}` })
  on?: string;
}

export class ExportQuery extends OnQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'json'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'json'])
  format?: 'xlsx' | 'json';
}

/** The form fields sent with the uploaded file. */
export class ImportUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: '.xlsx, .csv or .json' })
  @IsOptional()
  file?: string;

  @ApiPropertyOptional({ enum: RECORD_KINDS, description: 'For a CSV whose file name does not say its kind' })
  @IsOptional()
  @IsIn(RECORD_KINDS)
  kind?: RecordKind;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'When changes and removals take effect; today if left out',
  })
  @IsOptional()
  @Matches(DATE, { message: `effectiveFrom ${DATE_MESSAGE}` })
  effectiveFrom?: string;
}

export class OrganisationViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'province' }) levelKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) levelName!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) parentName!: string | null;
}

export class OrganisationListDto {
  @ApiProperty({ type: [OrganisationViewDto] }) items!: OrganisationViewDto[];
}

export class BodyViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Object.keys(BODY_KIND_LABELS) }) kind!: BodyKind;
  @ApiProperty() name!: string;
}

export class OrganisationDetailDto {
  @ApiProperty({ type: OrganisationViewDto }) organisation!: OrganisationViewDto;
  @ApiProperty({ type: [BodyViewDto] }) bodies!: BodyViewDto[];
  @ApiProperty({ type: [OrganisationViewDto] }) children!: OrganisationViewDto[];
}

export class PersonPostDto {
  @ApiProperty() postId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() bodyId!: string;
  @ApiProperty({ type: String, nullable: true }) bodyName!: string | null;
  @ApiProperty({ example: '2020-10-15' }) from!: string;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
}

export class PersonSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Object.keys(GENDER_LABELS) }) gender!: Gender;
  @ApiProperty({ example: '1970-05-20', description: 'YYYY-MM-DD, or YYYY when only the year is known' })
  birthDate!: string;
  @ApiProperty({ type: [PersonPostDto], description: 'Posts held on the date asked' }) posts!: PersonPostDto[];
}

export class PeoplePageDto {
  @ApiProperty({ type: [PersonSummaryDto] }) items!: PersonSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PersonMembershipDto {
  @ApiProperty() bodyId!: string;
  @ApiProperty({ type: String, nullable: true }) bodyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) postId!: string | null;
  @ApiProperty({ type: String, nullable: true }) postTitle!: string | null;
  @ApiProperty() from!: string;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
}

export class PersonRelativeDto {
  @ApiProperty() personId!: string;
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ enum: Object.keys(RELATION_KIND_LABELS) }) kind!: RelationKind;
  @ApiProperty() declaredOn!: string;
  @ApiProperty({ description: 'True when the other person declared the tie' }) declaredByRelative!: boolean;
}

export class PersonDetailDto extends PersonSummaryDto {
  @ApiProperty({ type: [PersonMembershipDto] }) memberships!: PersonMembershipDto[];
  @ApiProperty({ type: [PersonRelativeDto] }) relatives!: PersonRelativeDto[];
}

export class ImportErrorDto {
  @ApiProperty({ example: 'Nhân sự' }) sheet!: string;
  @ApiProperty({ description: 'Row as the spreadsheet numbers it (header = 1); 0: the registry’s own data' })
  row!: number;
  @ApiProperty({ example: 'Ngày sinh' }) column!: string;
  @ApiProperty({ enum: REGISTRY_ERROR_CODES }) code!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { value: '31/02/1970' },
  })
  params!: Record<string, string | number>;
  @ApiProperty({ description: 'Vietnamese message a clerk can act on' }) message!: string;
}

export class ChangeCountDto {
  @ApiProperty({ enum: RECORD_KINDS }) kind!: RecordKind;
  @ApiProperty() added!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() removed!: number;
}

export class ImportPreviewDto {
  @ApiProperty() importId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiProperty({ type: [ImportErrorDto] }) errors!: ImportErrorDto[];
  @ApiProperty({ type: [ChangeCountDto] }) changes!: ChangeCountDto[];
}

export class RegistryWriteResultDto {
  @ApiProperty({ description: 'The registry stream’s version after the write' }) version!: number;
  @ApiProperty({ description: 'Events appended' }) events!: number;
}

/**
 * An effective-dated change. `kind` says which fields it needs:
 * person-added (personId, fullName, gender, birthDate); person-joins (personId, bodyId, postId?);
 * person-leaves (personId, bodyId, postId?); person-moves (personId, fromBodyId, fromPostId?, bodyId, postId?);
 * person-retires (personId); relative-declared (personId, relativeId, relation);
 * organisation-added (id, name, levelId, parentId); body-added (id, name, bodyKind, parentId);
 * renamed (id, name); organisation-moved (id, parentId, levelId?); abolished (id).
 */
export class RegistryChangeDto {
  @ApiProperty({ enum: REGISTRY_CHANGE_KINDS }) @IsIn(REGISTRY_CHANGE_KINDS) kind!: RegistryChangeKind;

  @ApiProperty({ example: '2026-03-01', description: 'The date the change takes effect' })
  @Matches(DATE, { message: `effectiveFrom ${DATE_MESSAGE}` })
  effectiveFrom!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) personId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ enum: Object.keys(GENDER_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(GENDER_LABELS))
  gender?: Gender;
  @ApiPropertyOptional({ example: '1975-03-05', description: 'YYYY-MM-DD or YYYY' })
  @IsOptional()
  @Matches(/^\d{4}(-\d{2}-\d{2})?$/, { message: 'birthDate must be written YYYY-MM-DD or YYYY' })
  birthDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) bodyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) postId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fromBodyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fromPostId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) relativeId?: string;
  @ApiPropertyOptional({ enum: Object.keys(RELATION_KIND_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(RELATION_KIND_LABELS))
  relation?: RelationKind;
  @ApiPropertyOptional({ description: 'Id of the organisation or body added, renamed, moved or abolished' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) levelId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) parentId?: string;
  @ApiPropertyOptional({ enum: Object.keys(BODY_KIND_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(BODY_KIND_LABELS))
  bodyKind?: BodyKind;
}
