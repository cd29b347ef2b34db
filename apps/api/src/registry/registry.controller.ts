import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import {
  ExportQuery,
  ImportPreviewDto,
  ImportUploadDto,
  OnQuery,
  OrganisationDetailDto,
  OrganisationListDto,
  OrganisationsQuery,
  PeoplePageDto,
  PeopleQueryDto,
  PersonDetailDto,
  RegistryChangeDto,
  RegistryWriteResultDto,
} from './registry.dto';
import { RegistryService, XLSX, type RegistryDownload, type UploadedRegistryFile } from './registry.service';

/** Uploads above this are refused (413): a province of 2,000 people is well under 1 MB. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** One file (a province's workbook is a few MB) and the two short fields of the form; nothing else is read. */
const UPLOAD_LIMITS = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1_000, parts: 6, headerPairs: 200 };

function download(file: RegistryDownload): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.type,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.content.length,
  });
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get('organisations')
  @ApiOperation({ summary: 'Organisations as of a date, by name with or without diacritics' })
  @ApiOkResponse({ type: OrganisationListDto })
  async organisations(@Query() query: OrganisationsQuery): Promise<OrganisationListDto> {
    return { items: await this.registry.organisations(query.q, query.on) };
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'An organisation with its bodies and the organisations under it' })
  @ApiOkResponse({ type: OrganisationDetailDto })
  @ApiResponse({ status: 404, description: 'REGISTRY_NOT_FOUND' })
  organisation(@Param('id') id: string, @Query() query: OnQuery): Promise<OrganisationDetailDto> {
    return this.registry.organisation(id, query.on);
  }

  @Get('people')
  @ApiOperation({ summary: 'People as of a date with the posts they hold, by name, body or organisation' })
  @ApiOkResponse({ type: PeoplePageDto })
  people(@Query() query: PeopleQueryDto): Promise<PeoplePageDto> {
    return this.registry.people(query);
  }

  @Get('people/:id')
  @ApiOperation({ summary: 'A person with posts, memberships and declared relatives' })
  @ApiOkResponse({ type: PersonDetailDto })
  @ApiResponse({ status: 404, description: 'REGISTRY_NOT_FOUND' })
  person(@Param('id') id: string, @Query() query: OnQuery): Promise<PersonDetailDto> {
    return this.registry.person(id, query.on);
  }

  @Post('imports')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({ summary: 'Upload a registry file: every error, and what it would change; nothing is written' })
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiResponse({ status: 400, description: 'No file, or a bad kind or effectiveFrom' })
  @ApiResponse({ status: 403, description: 'Not the Organization Committee' })
  preview(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: UploadedRegistryFile | undefined,
    @Body() body: ImportUploadDto,
  ): Promise<ImportPreviewDto> {
    return this.registry.preview(user, file, body);
  }

  @Post('imports/:importId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a valid preview (confirming twice records it once)' })
  @ApiOkResponse({ type: RegistryWriteResultDto })
  @ApiResponse({ status: 404, description: 'REGISTRY_IMPORT_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'REGISTRY_CHANGED_SINCE_PREVIEW: upload the file again' })
  @ApiResponse({ status: 422, description: 'REGISTRY_IMPORT_INVALID: the preview had errors' })
  confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId') importId: string,
  ): Promise<RegistryWriteResultDto> {
    return this.registry.confirm(user, importId);
  }

  @Post('changes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record an effective-dated change (join, leave, move, retire, relative, organisation)' })
  @ApiOkResponse({ type: RegistryWriteResultDto })
  @ApiResponse({ status: 400, description: 'VALIDATION: a field the kind of change needs is missing or malformed' })
  @ApiResponse({
    status: 422,
    description: 'A REGISTRY_* code naming the field (unknown person, post held twice, ...)',
  })
  change(@CurrentUser() user: AuthenticatedUser, @Body() body: RegistryChangeDto): Promise<RegistryWriteResultDto> {
    return this.registry.change(user, body);
  }

  @Get('export')
  @ApiOperation({ summary: 'The registry as of a date, as .xlsx (Vietnamese headers) or .json' })
  @ApiProduces(XLSX, 'application/json')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: ExportQuery): Promise<StreamableFile> {
    return download(await this.registry.export(query.format ?? 'xlsx', query.on));
  }

  @Get('template')
  @ApiOperation({ summary: 'The empty .xlsx template with Vietnamese headers' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(): Promise<StreamableFile> {
    return download(await this.registry.template());
  }
}
