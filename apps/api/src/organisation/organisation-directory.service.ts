import { Injectable } from '@nestjs/common';
import { bodyById, levelById, organisationOf, type OrganisationModel } from '@cadreflow/domain';
import { RegistryStore } from '@cadreflow/registry';

/** Today as YYYY-MM-DD (UTC), the date the current model is read on. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The bodies a congress elects for itself and names after it (not registry entries): suffix → Vietnamese prefix. */
const CONGRESS_ORGANS: Readonly<Record<string, string>> = {
  '/presidium': 'Đoàn Chủ tịch',
  '/counting-board': 'Ban Kiểm phiếu',
};

/** The current model with lookup tables built once per model. */
interface Current {
  readonly on: string;
  readonly version: number;
  readonly model: OrganisationModel;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The organisation registry as the API reads it every request: the current model (today's), cached until the
 * registry changes (the read-model projection sees the registry's events and calls {@link invalidate}) or the day
 * turns, with display names of people, bodies and organisations.
 */
@Injectable()
export class OrganisationDirectory {
  private current?: Promise<Current>;

  constructor(private readonly registry: RegistryStore) {}

  /**
   * A directory over one fixed model, for tools and tests that read no registry.
   *
   * @example new Visibility(OrganisationDirectory.fixed(model))
   */
  static fixed(model: OrganisationModel): OrganisationDirectory {
    const entry = { model, version: 0, hash: '' };
    const names = new Map<string, string>([
      ...model.people.map((p) => [p.id, p.fullName] as const),
      ...model.bodies.map((b) => [b.id, b.name] as const),
    ]);
    return new OrganisationDirectory({
      model: () => Promise.resolve(entry),
      names: (ids: readonly string[]) =>
        Promise.resolve(Object.fromEntries(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : [])))),
    } as Pick<RegistryStore, 'model' | 'names'> as RegistryStore);
  }

  /** Forgets the cached model: the registry recorded a change. */
  invalidate(): void {
    this.current = undefined;
  }

  /** Today's organisation model. */
  async model(): Promise<OrganisationModel> {
    return (await this.load()).model;
  }

  /** The registry version the current model was read at. */
  async version(): Promise<number> {
    return (await this.load()).version;
  }

  /** Display names of these ids (people, bodies, organisations, a congress's presidium and counting board). */
  async names(ids: Iterable<string | null | undefined>): Promise<Record<string, string>> {
    const { names } = await this.load();
    const found: Record<string, string> = {};
    const missing: string[] = [];
    for (const id of ids) {
      if (!id || id in found) continue;
      const name = names.get(id) ?? this.organName(id, names);
      if (name === undefined) missing.push(id);
      else found[id] = name;
    }
    // People or bodies no longer in today's registry (retired, merged) keep the names the registry knew them by.
    return missing.length === 0 ? found : { ...(await this.registry.names(missing)), ...found };
  }

  /** The party organisation a body belongs to, or undefined when the registry does not know the body. */
  async organisationOf(bodyId: string): Promise<{ id: string; name: string } | undefined> {
    const model = await this.model();
    try {
      const organisation = organisationOf(model, bodyById(model, this.baseBody(bodyId)).id);
      return { id: organisation.id, name: organisation.name };
    } catch {
      return undefined;
    }
  }

  /** The level kind of a body's organisation, or null when unknown. */
  async levelKind(bodyId: string): Promise<string | null> {
    const model = await this.model();
    try {
      return levelById(model, bodyById(model, this.baseBody(bodyId)).levelId).kind;
    } catch {
      return null;
    }
  }

  /** A congress's presidium or counting board belongs where its congress does. */
  private baseBody(bodyId: string): string {
    const suffix = Object.keys(CONGRESS_ORGANS).find((s) => bodyId.endsWith(s));
    return suffix ? bodyId.slice(0, -suffix.length) : bodyId;
  }

  private organName(id: string, names: ReadonlyMap<string, string>): string | undefined {
    const suffix = Object.keys(CONGRESS_ORGANS).find((s) => id.endsWith(s));
    const congress = suffix ? names.get(id.slice(0, -suffix.length)) : undefined;
    return suffix && congress ? `${CONGRESS_ORGANS[suffix]} ${congress}` : undefined;
  }

  private load(): Promise<Current> {
    const on = today();
    const cached = this.current;
    if (cached) {
      return cached.then((c) => {
        if (c.on === on) return c;
        if (this.current === cached) this.current = undefined;
        return this.load();
      });
    }
    const loading = this.registry.model(on).then(({ model, version }) => ({
      on,
      version,
      model,
      names: new Map<string, string>([
        ...model.people.map((p) => [p.id, p.fullName] as const),
        ...model.bodies.map((b) => [b.id, b.name] as const),
      ]),
    }));
    this.current = loading;
    // A failed read is tried again by the next request, not remembered.
    loading.catch(() => {
      if (this.current === loading) this.current = undefined;
    });
    return loading;
  }
}
