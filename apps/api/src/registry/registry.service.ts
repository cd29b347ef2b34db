import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  RegistryChangedSincePreviewError,
  RegistryChangeError,
  RegistryImportInvalidError,
  RegistryImportNotFoundError,
  RegistrySearch,
  RegistryStore,
  RegistryWriter,
  todayIso,
  writeWorkbook,
  type ImportPreview,
  type OrganisationDetail,
  type OrganisationView,
  type PersonDetail,
  type PersonSummary,
  type RecordKind,
  type RegistryActor,
  type RegistryChange,
  type RegistryWriteResult,
} from '@cadreflow/registry';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { PeopleQueryDto, RegistryChangeDto } from './registry.dto';

/** The fields each kind of change needs besides `kind` and `effectiveFrom`. */
const REQUIRED: Record<RegistryChange['kind'], readonly (keyof RegistryChangeDto)[]> = {
  'person-added': ['personId', 'fullName', 'gender', 'birthDate'],
  'person-joins': ['personId', 'bodyId'],
  'person-leaves': ['personId', 'bodyId'],
  'person-moves': ['personId', 'fromBodyId', 'bodyId'],
  'person-retires': ['personId'],
  'relative-declared': ['personId', 'relativeId', 'relation'],
  'organisation-added': ['id', 'name', 'levelId', 'parentId'],
  'body-added': ['id', 'name', 'bodyKind', 'parentId'],
  renamed: ['id', 'name'],
  'organisation-moved': ['id', 'parentId'],
  abolished: ['id'],
};

/** What multer hands over of an uploaded file (the fields used here). */
export interface UploadedRegistryFile {
  buffer: Buffer;
  /** As the browser sent it: UTF-8 bytes read as Latin-1 by multer. */
  originalname: string;
}

/** A file as the export sends it. */
export interface RegistryDownload {
  content: Buffer;
  type: string;
  fileName: string;
}

/**
 * The registry over HTTP: reads for any signed-in user; imports and changes for the Organization Committee only.
 * Named registry errors become 4xx answers with a stable code, the field concerned and the parameters.
 */
@Injectable()
export class RegistryService {
  constructor(
    private readonly registry: RegistryStore,
    private readonly search: RegistrySearch,
    private readonly writer: RegistryWriter,
  ) {}

  organisations(q: string | undefined, on: string | undefined): Promise<OrganisationView[]> {
    return this.search.organisations(q, on ?? todayIso());
  }

  async organisation(id: string, on: string | undefined): Promise<OrganisationDetail> {
    const found = await this.search.organisation(id, on ?? todayIso());
    if (!found) throw notFound('id', id);
    return found;
  }

  async people(
    query: PeopleQueryDto,
  ): Promise<{ items: PersonSummary[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const found = await this.search.people({ ...query, on: query.on ?? todayIso(), page, pageSize });
    return { ...found, page, pageSize };
  }

  async person(id: string, on: string | undefined): Promise<PersonDetail> {
    const found = await this.search.person(id, on ?? todayIso());
    if (!found) throw notFound('id', id);
    return found;
  }

  async preview(
    user: AuthenticatedUser,
    file: UploadedRegistryFile | undefined,
    options: { kind?: RecordKind; effectiveFrom?: string },
  ): Promise<ImportPreview> {
    const actor = this.actor(user, 'An import');
    if (!file) {
      throw new BadRequestException({
        message: 'Attach the file in the form field "file".',
        code: 'VALIDATION',
        field: 'file',
      });
    }
    return this.writer.preview(
      { content: file.buffer, fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), kind: options.kind },
      actor,
      { effectiveFrom: options.effectiveFrom },
    );
  }

  confirm(user: AuthenticatedUser, importId: string): Promise<RegistryWriteResult> {
    return this.writer.confirm(importId, this.actor(user, 'Confirming an import')).catch(toHttp);
  }

  change(user: AuthenticatedUser, dto: RegistryChangeDto): Promise<RegistryWriteResult> {
    const actor = this.actor(user, 'A registry change');
    const missing = REQUIRED[dto.kind].find((field) => dto[field] === undefined);
    if (missing) {
      throw new BadRequestException({
        message: `${missing}: a "${dto.kind}" change needs it`,
        code: 'VALIDATION',
        field: missing,
        params: { kind: dto.kind },
      });
    }
    return this.writer.change({ ...dto } as RegistryChange, actor).catch(toHttp);
  }

  async export(format: 'xlsx' | 'json', on: string | undefined): Promise<RegistryDownload> {
    const date = on ?? todayIso();
    const { model } = await this.registry.model(date);
    if (format === 'json') {
      return {
        content: Buffer.from(`${JSON.stringify(model, null, 2)}\n`),
        type: 'application/json',
        fileName: `to-chuc-${date}.json`,
      };
    }
    return { content: await writeWorkbook(model), type: XLSX, fileName: `to-chuc-${date}.xlsx` };
  }

  async template(): Promise<RegistryDownload> {
    return { content: await writeWorkbook(), type: XLSX, fileName: 'mau-nhap-to-chuc.xlsx' };
  }

  /** The caller as the Organization Committee, or 403. */
  private actor(user: AuthenticatedUser, what: string): RegistryActor {
    const grant = user.grants.find((g) => g.role === 'organization-committee');
    if (!grant) {
      throw new ForbiddenException({
        message: `${what} needs the organization-committee role; you hold ${user.grants.map((g) => g.role).join(', ') || 'no role'}.`,
        code: 'NOT_ALLOWED',
      });
    }
    return { actorId: user.personId ?? user.userId, actorRole: grant.role, bodyId: grant.bodyId };
  }
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function notFound(field: string, id: string): NotFoundException {
  return new NotFoundException({
    message: `No "${id}" in the registry on that date.`,
    code: 'REGISTRY_NOT_FOUND',
    field,
    params: { id },
  });
}

/** Named registry errors as HTTP answers; anything else goes on to the global filter. */
function toHttp(error: unknown): never {
  if (error instanceof RegistryImportNotFoundError) {
    throw new NotFoundException({
      message: error.message,
      code: error.code,
      field: 'importId',
      params: { importId: error.importId },
    });
  }
  if (error instanceof RegistryImportInvalidError) {
    throw new UnprocessableEntityException({
      message: error.message,
      code: error.code,
      field: 'importId',
      params: { errors: error.errors },
    });
  }
  if (error instanceof RegistryChangedSincePreviewError) {
    throw new ConflictException({ message: error.message, code: error.code, field: 'importId' });
  }
  if (error instanceof RegistryChangeError) {
    throw new HttpException(
      { message: error.message, code: error.code, field: error.field, params: error.params },
      422,
    );
  }
  throw error;
}
