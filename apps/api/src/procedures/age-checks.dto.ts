import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from './launch.dto';

const ID_LIST = new RegExp(`^${ID_PATTERN.source.slice(1, -1)}(,${ID_PATTERN.source.slice(1, -1)})*$`);

/** The people a launch form lists, and the congress they are checked for. */
export class AgeChecksQuery {
  @ApiProperty({ example: 'org/bac-ninh', description: 'The organisation the congress is for' })
  @IsString()
  @MaxLength(200)
  @Matches(ID_PATTERN, { message: 'organisationId: an id holds letters, digits and _ . : - / @ only' })
  organisationId!: string;

  @ApiProperty({ example: '2027-06-15', description: 'The day the congress opens (YYYY-MM-DD): ages count on it' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'congressDate must be a date as YYYY-MM-DD' })
  congressDate!: string;

  @ApiPropertyOptional({
    example: '2026-12-07',
    description: 'The launch day (YYYY-MM-DD, default today): it picks the rulebook and the sitting members',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'launchDate must be a date as YYYY-MM-DD' })
  launchDate?: string;

  @ApiProperty({ example: 'person/bn-01,person/bn-02', description: 'The people, comma-separated' })
  @IsString()
  @MaxLength(10_000)
  @Matches(ID_LIST, { message: 'personIds: ids separated by commas' })
  personIds!: string;
}

/** One person's age check, as the introduction of a congress will make it. */
export class AgeCheckDto {
  @ApiProperty()
  personId!: string;

  @ApiProperty({
    enum: ['re-election', 'first-time'],
    description: 'Sitting members of the executive committee stand for re-election, the others for a first term',
  })
  track!: 're-election' | 'first-time';

  @ApiProperty({ description: 'Enough months of service left before retirement age at the congress' })
  eligible!: boolean;

  @ApiProperty({ description: 'Whole months from the congress day to the retirement date' })
  monthsLeft!: number;

  @ApiProperty({ description: 'The months the rulebook requires on this track' })
  requiredMonths!: number;

  @ApiProperty({ example: '2031-03-01', description: 'The day retirement age is reached under the roadmap' })
  retirementDate!: string;

  @ApiProperty({ example: 'rulebook/2025-2030@2025-10-08' })
  rulebookId!: string;
}
