import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrganisationModel } from '@cadreflow/domain';
import { ExpectedVersionConflictError, type JsonObject, type NewEvent } from '@cadreflow/event-store';
import { todayIso } from '../file/civil-date';
import { RECORD_KINDS, SHEET_OF, type RecordKind } from '../file/registry-columns';
import { errorMessage, fileError, type RegistryFileError } from '../file/registry-errors';
import { readRegistryFile, type RawRow } from '../file/registry-file.reader';
import { validateRegistry } from '../file/registry-file.validator';
import { modelToRows } from '../file/registry-file.writer';
import { applyChange, RegistryChangeError, type RegistryChange } from './registry-change';
import { planChanges, type ChangeCount } from './registry-plan';
import {
  RegistryChangedSincePreviewError,
  RegistryImportInvalidError,
  RegistryImportNotFoundError,
  changeField,
} from './registry-write.errors';
import { ENTITY_KINDS, registryStreamId, type EntityKind, type RegistryEvent } from './registry.events';
import type { RegistryStore } from './registry.store';

/** Who records a registry change (the event metadata every event of the log carries). */
export interface RegistryActor {
  readonly actorId: string;
  readonly actorRole: string;
  /** The body the actor acts for (the Organization Committee). */
  readonly bodyId: string;
}

/** What an import would change, with every error of the file; nothing is written until it is confirmed. */
export interface ImportPreview {
  readonly importId: string;
  readonly fileName: string;
  readonly valid: boolean;
  /** The date changes and removals take effect from (YYYY-MM-DD). */
  readonly effectiveFrom: string;
  readonly errors: RegistryFileError[];
  readonly changes: ChangeCount[];
}

/** What a confirmed import or a change recorded. */
export interface RegistryWriteResult {
  /** The registry stream's version after it. */
  readonly version: number;
  /** How many events it appended. */
  readonly events: number;
}

/** The file of an import: its bytes, its name (which gives its format) and, for a CSV, the kind of rows it holds. */
export interface RegistryFile {
  readonly content: Buffer;
  readonly fileName: string;
  readonly kind?: RecordKind;
}

/** The events a file or change would record, against the registry version it was planned on. */
export interface Plan {
  streamId: string;
  baseVersion: number;
  errors: RegistryFileError[];
  changes: ChangeCount[];
  events: RegistryEvent[];
}

/**
 * Writes to the registry: a file is previewed (read, validated against the registry as it stands, compared with it)
 * and, once confirmed, recorded as events on the registry stream and projected; an effective-dated change goes the
 * same way in one step. A file or change with any error writes nothing.
 */
export class RegistryWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryStore,
  ) {}

  /** Reads and checks a file against the registry and says what it would change, storing nothing. */
  async check(
    file: RegistryFile,
    options: { effectiveFrom?: string; today?: string } = {},
  ): Promise<Omit<ImportPreview, 'importId'> & { plan: Plan }> {
    const today = options.today ?? todayIso();
    const effectiveFrom = options.effectiveFrom ?? today;
    const read = await readRegistryFile(file.content, file.fileName, { kind: file.kind });
    const plan =
      read.errors.length > 0
        ? { ...(await this.emptyPlan()), errors: read.errors }
        : await this.plan(read.rows, read.kinds, effectiveFrom, today);
    const valid = plan.errors.length === 0;
    return { fileName: file.fileName, valid, effectiveFrom, errors: plan.errors, changes: plan.changes, plan };
  }

  /** Reads and checks a file and says what it would change; stores the preview for {@link confirm}. */
  async preview(
    file: RegistryFile,
    actor: RegistryActor,
    options: { effectiveFrom?: string; today?: string } = {},
  ): Promise<ImportPreview> {
    const { plan, ...checked } = await this.check(file, options);
    const importId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO registry_imports (import_id, file_name, created_by, created_at, stream_id, base_version, valid, errors, changes, events)
       VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9)`,
      [
        importId,
        file.fileName,
        actor.actorId,
        plan.streamId,
        plan.baseVersion,
        checked.valid,
        JSON.stringify(plan.errors),
        JSON.stringify(plan.changes),
        JSON.stringify(checked.valid ? plan.events : []),
      ],
    );
    return { importId, ...checked };
  }

  /**
   * Records a previewed import. Confirming twice records it once.
   *
   * @throws RegistryImportNotFoundError, RegistryImportInvalidError (the preview had errors),
   *   RegistryChangedSincePreviewError (another change was recorded since the preview)
   */
  async confirm(importId: string, actor: RegistryActor): Promise<RegistryWriteResult> {
    const rows: {
      stream_id: string;
      base_version: number;
      valid: boolean;
      errors: unknown[];
      events: RegistryEvent[];
      file_name: string;
      confirmed_version: number | null;
    }[] = await this.dataSource.query(
      `SELECT stream_id, base_version, valid, errors, events, file_name, confirmed_version FROM registry_imports WHERE import_id = $1`,
      [importId],
    );
    const row = rows[0];
    if (!row) throw new RegistryImportNotFoundError(importId);
    if (!row.valid) throw new RegistryImportInvalidError(importId, row.errors.length);
    if (row.confirmed_version !== null) return { version: row.confirmed_version, events: row.events.length };
    const result = await this.record(row.stream_id, row.base_version, row.events, actor, {
      source: 'import',
      importId,
      fileName: row.file_name,
    }).catch((error: unknown) => {
      throw error instanceof ExpectedVersionConflictError ? new RegistryChangedSincePreviewError(importId) : error;
    });
    await this.dataSource.query(`UPDATE registry_imports SET confirmed_version = $2 WHERE import_id = $1`, [
      importId,
      result.version,
    ]);
    return result;
  }

  /** Preview and confirm in one step (the CLI, the first start): records the file only if it has no error. */
  async importFile(
    file: RegistryFile,
    actor: RegistryActor,
    options: { effectiveFrom?: string; today?: string } = {},
  ): Promise<{ preview: ImportPreview; result?: RegistryWriteResult }> {
    const preview = await this.preview(file, actor, options);
    if (!preview.valid) return { preview };
    return { preview, result: await this.confirm(preview.importId, actor) };
  }

  /**
   * Records an effective-dated change.
   *
   * @throws RegistryChangeError naming the field of the change that is wrong (nothing written)
   */
  async change(change: RegistryChange, actor: RegistryActor, today = todayIso()): Promise<RegistryWriteResult> {
    const latest = await this.registry.latest();
    const next = applyChange(latest.model, change);
    const plan = await this.planModel(
      latest,
      next,
      [...RECORD_KINDS],
      validateRegistry(modelToRows(next, RECORD_KINDS), today).errors,
      change.effectiveFrom,
    );
    const first = plan.errors[0];
    if (first)
      throw new RegistryChangeError(
        first.code,
        changeField(first),
        first.params,
        errorMessage(first.code, first.params),
      );
    if (plan.events.length === 0) return { version: plan.baseVersion, events: 0 };
    return this.record(plan.streamId, plan.baseVersion, plan.events, actor, { source: 'change', change: change.kind });
  }

  private async emptyPlan(): Promise<Plan> {
    const position = await this.registry.position();
    return {
      streamId: position?.streamId ?? '',
      baseVersion: position?.version ?? 0,
      errors: [],
      changes: [],
      events: [],
    };
  }

  /** Validates a file's rows together with what the registry keeps of the kinds the file lacks, and plans events. */
  private async plan(rows: RawRow[], kinds: RecordKind[], effectiveFrom: string, today: string): Promise<Plan> {
    const latest = await this.registry.latest();
    const kept = RECORD_KINDS.filter((k) => !kinds.includes(k));
    const validated = validateRegistry([...rows, ...modelToRows(latest.model, kept)], today);
    return this.planModel(latest, validated.model, kinds, validated.errors, effectiveFrom);
  }

  private async planModel(
    latest: { model: OrganisationModel; version: number },
    next: OrganisationModel,
    kinds: RecordKind[],
    errors: RegistryFileError[],
    effectiveFrom: string,
  ): Promise<Plan> {
    const position = await this.registry.position();
    const root = next.bodies.find((b) => b.kind === 'party-organisation' && b.parentId === null);
    const streamId = position?.streamId ?? registryStreamId(root?.id ?? 'unnamed');
    const base = { streamId, baseVersion: latest.version };
    if (errors.length > 0) return { ...base, errors, changes: [], events: [] };
    const plan = planChanges(latest.model, next, kinds, effectiveFrom, latest.version === 0 ? null : effectiveFrom);
    return { ...base, errors: await this.changesBeforeLast(plan.events, effectiveFrom), ...plan };
  }

  /** Records changed or removed on a date before their latest change took effect: the history would not hold. */
  private async changesBeforeLast(events: RegistryEvent[], effectiveFrom: string): Promise<RegistryFileError[]> {
    const touched = new Map<string, EntityKind>();
    for (const event of events) {
      if (event.type === 'RegistryRecordsChanged') event.records.forEach((r) => touched.set(r.id, event.kind));
      if (event.type === 'RegistryRecordsRemoved') event.ids.forEach((id) => touched.set(id, event.kind));
    }
    if (touched.size === 0) return [];
    const rows: { kind: EntityKind; id: string; valid_from: string }[] = await this.dataSource.query(
      `SELECT kind, id, valid_from::text AS valid_from FROM registry_records
        WHERE valid_to IS NULL AND valid_from > $1::date AND id = ANY($2)`,
      [effectiveFrom, [...touched.keys()]],
    );
    return rows
      .filter((r) => ENTITY_KINDS.includes(r.kind) && touched.get(r.id) === r.kind)
      .map((r) =>
        fileError({ sheet: SHEET_OF[r.kind].sheet, row: 0 }, 'REGISTRY_CHANGE_BEFORE_LAST', {
          id: r.id,
          lastFrom: r.valid_from,
          effectiveFrom,
        }),
      );
  }

  private async record(
    streamId: string,
    baseVersion: number,
    events: RegistryEvent[],
    actor: RegistryActor,
    context: JsonObject,
  ): Promise<RegistryWriteResult> {
    if (events.length === 0) {
      if (((await this.registry.position())?.version ?? 0) !== baseVersion)
        throw new ExpectedVersionConflictError(streamId, baseVersion, -1);
      return { version: baseVersion, events: 0 };
    }
    const causationId = typeof context.importId === 'string' ? context.importId : randomUUID();
    const metadata: JsonObject = { ...actor, rulebookId: 'registry', causationId, ...context };
    const appended = await this.registry.store.append(
      streamId,
      baseVersion,
      events.map((event): NewEvent => {
        const { type, ...data } = event;
        return { type, data: data as unknown as JsonObject, metadata };
      }),
      { idempotencyKey: `registry:${causationId}` },
    );
    await this.registry.projection.catchUp(streamId);
    return { version: appended.nextExpectedVersion, events: appended.events.length };
  }
}
