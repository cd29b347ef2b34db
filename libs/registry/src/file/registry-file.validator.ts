import type {
  Body,
  BodyKind,
  DeclaredRelation,
  Gender,
  Level,
  LevelKind,
  Membership,
  OrganisationModel,
  Person,
  Post,
  PostKind,
  RelationKind,
} from '@cadreflow/domain';
import { parseCivilDate } from './civil-date';
import { ENUMS, SHEET_OF, enumCode, type ColumnDef, type RecordKind } from './registry-columns';
import { fileError, type ErrorParams, type RegistryErrorCode, type RegistryFileError } from './registry-errors';
import type { CellValue, RawRow } from './registry-file.reader';

/** The outcome of validation: the model the rows describe, and every error found (empty when valid). */
export interface ValidationResult {
  readonly model: OrganisationModel;
  readonly errors: RegistryFileError[];
}

/** Where a checked record came from. */
interface Located<T> {
  readonly value: T;
  readonly at: RawRow;
}

/** Checks rows of every kind in one pass, collecting all errors instead of stopping at the first. */
class Checker {
  readonly errors: RegistryFileError[] = [];

  constructor(private readonly today: string) {}

  report(at: RawRow, column: ColumnDef | string | undefined, code: RegistryErrorCode, params: ErrorParams = {}): void {
    const name = typeof column === 'string' ? column : column ? this.columnName(at, column) : '';
    this.errors.push(fileError({ sheet: at.sheet, row: at.row, column: name }, code, params));
  }

  private columnName(at: RawRow, column: ColumnDef): string {
    return isJsonSheet(at.sheet) ? column.key : column.header;
  }

  /** The cells of a row, typed by the sheet's column definitions; bad cells reported and left undefined. */
  read(at: RawRow): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    for (const column of SHEET_OF[at.kind].columns) out[column.key] = this.cell(at, column, at.cells[column.key]);
    if (at.kind === 'bodies' && at.cells.levelId !== undefined) out.levelId = text(at.cells.levelId);
    return out;
  }

  private cell(at: RawRow, column: ColumnDef, value: CellValue | undefined): string | undefined {
    if (value === undefined) {
      if (column.required) this.report(at, column, 'REGISTRY_MISSING_VALUE', { column: column.header });
      return undefined;
    }
    if (column.type === 'text') return text(value);
    if (column.type === 'enum' && column.enumOf) {
      const code = enumCode(column.enumOf, text(value));
      if (code === undefined) {
        const allowed = Object.values(ENUMS[column.enumOf] as Record<string, string>).join(', ');
        this.report(at, column, 'REGISTRY_UNKNOWN_VALUE', { value: text(value), allowed });
      }
      return code;
    }
    const yearOnly = column.type === 'birth-date';
    const date = parseCivilDate(value, { yearOnly });
    if (date === undefined) {
      this.report(at, column, 'REGISTRY_MALFORMED_DATE', { value: text(value), yearAllowed: yearOnly ? 1 : 0 });
      return undefined;
    }
    if ((yearOnly || column.key === 'declaredOn') && date > this.today.slice(0, date.length)) {
      this.report(at, column, 'REGISTRY_FUTURE_DATE', { value: date, today: this.today });
      return undefined;
    }
    return date;
  }

  /** Records keyed by id, reporting duplicates (the first one wins). */
  unique<T extends { id: string }>(items: Located<T>[], idColumn: (at: RawRow) => ColumnDef): Map<string, Located<T>> {
    const byId = new Map<string, Located<T>>();
    for (const item of items) {
      const first = byId.get(item.value.id);
      if (first) {
        this.report(item.at, idColumn(item.at), 'REGISTRY_DUPLICATE_ID', { id: item.value.id, firstRow: first.at.row });
      } else byId.set(item.value.id, item);
    }
    return byId;
  }
}

const JSON_SHEETS = new Set(['levels', 'bodies', 'posts', 'people', 'memberships', 'relations']);
const isJsonSheet = (sheet: string): boolean => JSON_SHEETS.has(sheet);

function text(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const column = (kind: RecordKind, key: string): ColumnDef => SHEET_OF[kind].columns.find((c) => c.key === key)!;

/**
 * Validates the rows of a registry file (merged with what the registry keeps for kinds the file does not bring)
 * and builds the organisation model they describe. Every error is reported, with sheet, row and column, in one pass:
 * missing or unknown values, malformed or future dates, duplicate ids, unknown levels, parents, bodies, posts,
 * people and relatives, cycles in the tree, a post held by two people at once.
 *
 * @param today `YYYY-MM-DD`, for birth dates and declarations in the future
 */
export function validateRegistry(rows: readonly RawRow[], today: string): ValidationResult {
  const check = new Checker(today);
  const of = (kind: RecordKind): RawRow[] => rows.filter((r) => r.kind === kind);
  const idColumn = (kind: RecordKind) => (): ColumnDef => column(kind, 'id');

  const levelItems = of('levels').flatMap((at): Located<Level>[] => {
    const c = check.read(at);
    if (!c.id) return [];
    const level: Level = {
      id: c.id,
      kind: (c.kind ?? 'grassroots') as LevelKind,
      name: c.name ?? '',
      consultedBodyKind: (c.consultedBodyKind ?? null) as BodyKind | null,
    };
    return [{ value: level, at }];
  });
  const levels = check.unique(levelItems, idColumn('levels'));

  const bodyItems = [...of('organisations'), ...of('bodies')].flatMap((at): Located<Body>[] => {
    const c = check.read(at);
    if (!c.id) return [];
    const isOrganisation = at.kind === 'organisations';
    const body: Body = {
      id: c.id,
      kind: (isOrganisation ? 'party-organisation' : (c.kind ?? 'unit')) as BodyKind,
      name: c.name ?? '',
      levelId: c.levelId ?? '',
      parentId: c.parentId ?? null,
      ...(c.sector ? { sector: c.sector } : {}),
    };
    return [{ value: body, at }];
  });
  const bodies = check.unique(bodyItems, (at) => column(at.kind, 'id'));
  checkTree(check, bodies, levels);

  const postItems = of('posts').flatMap((at): Located<Post>[] => {
    const c = check.read(at);
    if (!c.id) return [];
    if (c.bodyId && !bodies.has(c.bodyId)) {
      check.report(at, column('posts', 'bodyId'), 'REGISTRY_UNKNOWN_BODY', { bodyId: c.bodyId });
    }
    return [
      { value: { id: c.id, bodyId: c.bodyId ?? '', kind: (c.kind ?? 'member') as PostKind, title: c.title ?? '' }, at },
    ];
  });
  const posts = check.unique(postItems, idColumn('posts'));

  const personItems = of('people').flatMap((at): Located<Person>[] => {
    const c = check.read(at);
    if (!c.id) return [];
    const person: Person = {
      id: c.id,
      fullName: c.fullName ?? '',
      gender: (c.gender ?? 'male') as Gender,
      birthDate: c.birthDate ?? '',
    };
    return [{ value: person, at }];
  });
  const people = check.unique(personItems, idColumn('people'));

  const memberships = checkMemberships(check, of('memberships'), { bodies, posts, people });
  const relations = checkRelations(check, of('relatives'), people);

  const values = <T>(map: Map<string, Located<T>>): T[] => [...map.values()].map((l) => l.value);
  return {
    model: {
      levels: values(levels),
      bodies: values(bodies),
      posts: values(posts),
      people: values(people),
      memberships,
      relations,
    },
    errors: check.errors,
  };
}

/** Organisations: known level and parent, exactly one root, no cycle; other bodies: a known organisation. */
function checkTree(check: Checker, bodies: Map<string, Located<Body>>, levels: Map<string, Located<Level>>): void {
  const roots: Located<Body>[] = [];
  const resolved = new Map<string, Body>();
  for (const [id, { value: body, at }] of bodies) {
    const isOrganisation = at.kind === 'organisations';
    const parent = body.parentId ? bodies.get(body.parentId) : undefined;
    if (isOrganisation) {
      if (body.levelId && !levels.has(body.levelId)) {
        check.report(at, column('organisations', 'levelId'), 'REGISTRY_UNKNOWN_LEVEL', { levelId: body.levelId });
      }
      if (body.parentId === null) roots.push({ value: body, at });
      else if (!parent) {
        check.report(at, column('organisations', 'parentId'), 'REGISTRY_UNKNOWN_PARENT', { parentId: body.parentId });
      } else if (parent.value.kind !== 'party-organisation') {
        check.report(at, column('organisations', 'parentId'), 'REGISTRY_PARENT_NOT_ORGANISATION', {
          parentId: body.parentId,
        });
      }
      continue;
    }
    if (body.parentId && !parent) {
      check.report(at, column('bodies', 'parentId'), 'REGISTRY_UNKNOWN_ORGANISATION', {
        organisationId: body.parentId,
      });
    } else if (parent && parent.value.kind !== 'party-organisation') {
      check.report(at, column('bodies', 'parentId'), 'REGISTRY_PARENT_NOT_ORGANISATION', { parentId: body.parentId! });
    }
    if (!body.levelId && parent) resolved.set(id, { ...body, levelId: parent.value.levelId });
  }
  for (const [id, body] of resolved) bodies.set(id, { value: body, at: bodies.get(id)!.at });
  const organisations = [...bodies.values()].filter((b) => b.at.kind === 'organisations');
  if (roots.length !== 1) {
    const sheet = SHEET_OF.organisations.sheet;
    const at = roots[1]?.at ?? organisations[0]?.at ?? { kind: 'organisations', sheet, row: 0, cells: {} };
    check.report(at, column('organisations', 'parentId'), 'REGISTRY_ROOT_COUNT', {
      count: roots.length,
      ids: roots.map((r) => r.value.id).join(', '),
    });
  }
  // A cycle: following parents from an organisation comes back to one already on the walk.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of organisations) {
    const path: string[] = [];
    let id: string | null = start.value.id;
    while (id && state.get(id) !== 'done') {
      if (state.get(id) === 'walking') {
        const cycle = path.slice(path.indexOf(id));
        const first = bodies.get(cycle[0])!;
        check.report(first.at, column('organisations', 'parentId'), 'REGISTRY_CYCLE', { ids: cycle.join(' → ') });
        break;
      }
      state.set(id, 'walking');
      path.push(id);
      const next = bodies.get(id);
      id = next && next.at.kind === 'organisations' ? next.value.parentId : null;
    }
    for (const visited of path) state.set(visited, 'done');
  }
}

function checkMemberships(
  check: Checker,
  rows: RawRow[],
  known: {
    bodies: Map<string, Located<Body>>;
    posts: Map<string, Located<Post>>;
    people: Map<string, Located<Person>>;
  },
): Membership[] {
  const col = (key: string): ColumnDef => column('memberships', key);
  const seen = new Map<string, RawRow>();
  const byPost = new Map<string, Located<Membership>[]>();
  const out: Membership[] = [];
  for (const at of rows) {
    const c = check.read(at);
    if (c.personId && !known.people.has(c.personId)) {
      check.report(at, col('personId'), 'REGISTRY_UNKNOWN_PERSON', { personId: c.personId });
    }
    if (c.bodyId && !known.bodies.has(c.bodyId)) {
      check.report(at, col('bodyId'), 'REGISTRY_UNKNOWN_BODY', { bodyId: c.bodyId });
    }
    const post = c.postId ? known.posts.get(c.postId) : undefined;
    if (c.postId && !post) check.report(at, col('postId'), 'REGISTRY_UNKNOWN_POST', { postId: c.postId });
    else if (post && c.bodyId && post.value.bodyId !== c.bodyId && known.bodies.has(c.bodyId)) {
      check.report(at, col('postId'), 'REGISTRY_POST_NOT_IN_BODY', {
        postId: post.value.id,
        postBodyId: post.value.bodyId,
        bodyId: c.bodyId,
      });
    }
    if (c.from && c.to && c.to <= c.from)
      check.report(at, col('to'), 'REGISTRY_DATE_ORDER', { from: c.from, to: c.to });
    if (!c.personId || !c.bodyId || !c.from) continue;
    const membership: Membership = {
      personId: c.personId,
      bodyId: c.bodyId,
      ...(c.postId ? { postId: c.postId } : {}),
      from: c.from,
      ...(c.to ? { to: c.to } : {}),
    };
    const key = membershipKey(membership);
    const first = seen.get(key);
    if (first) {
      check.report(at, '', 'REGISTRY_DUPLICATE_MEMBERSHIP', { firstRow: first.row });
      continue;
    }
    seen.set(key, at);
    out.push(membership);
    // A post is checked for two holders only where it belongs to the body named (else that is the error).
    if (post && post.value.bodyId === membership.bodyId) {
      byPost.set(post.value.id, [...(byPost.get(post.value.id) ?? []), { value: membership, at }]);
    }
  }
  for (const holders of byPost.values()) {
    holders.sort((a, b) => a.value.from.localeCompare(b.value.from));
    for (let i = 1; i < holders.length; i++) {
      const later = holders[i];
      const earlier = holders
        .slice(0, i)
        .find((h) => h.value.personId !== later.value.personId && overlaps(h.value, later.value));
      if (earlier) {
        check.report(later.at, col('postId'), 'REGISTRY_POST_HELD_TWICE', {
          postId: later.value.postId!,
          otherPersonId: earlier.value.personId,
          otherRow: earlier.at.row,
        });
      }
    }
  }
  return out;
}

function overlaps(a: Membership, b: Membership): boolean {
  return (a.to === undefined || b.from < a.to) && (b.to === undefined || a.from < b.to);
}

/** Identity of a membership: who, where, which post, from when. */
export function membershipKey(m: Pick<Membership, 'personId' | 'bodyId' | 'postId' | 'from'>): string {
  return `${m.personId}|${m.bodyId}|${m.postId ?? ''}|${m.from}`;
}

/** Identity of a declared relation: who, whom, which tie. */
export function relationKey(r: Pick<DeclaredRelation, 'personId' | 'relativeId' | 'kind'>): string {
  return `${r.personId}|${r.relativeId}|${r.kind}`;
}

function checkRelations(check: Checker, rows: RawRow[], people: Map<string, Located<Person>>): DeclaredRelation[] {
  const col = (key: string): ColumnDef => column('relatives', key);
  const seen = new Map<string, RawRow>();
  const out: DeclaredRelation[] = [];
  for (const at of rows) {
    const c = check.read(at);
    if (c.personId && !people.has(c.personId)) {
      check.report(at, col('personId'), 'REGISTRY_UNKNOWN_PERSON', { personId: c.personId });
    }
    if (c.relativeId && !people.has(c.relativeId)) {
      check.report(at, col('relativeId'), 'REGISTRY_UNKNOWN_RELATIVE', { relativeId: c.relativeId });
    }
    if (c.personId && c.personId === c.relativeId) {
      check.report(at, col('relativeId'), 'REGISTRY_SELF_RELATION', { personId: c.personId });
    }
    if (!c.personId || !c.relativeId || !c.kind || !c.declaredOn) continue;
    const relation: DeclaredRelation = {
      personId: c.personId,
      relativeId: c.relativeId,
      kind: c.kind as RelationKind,
      declaredOn: c.declaredOn,
    };
    const key = relationKey(relation);
    const first = seen.get(key);
    if (first) {
      check.report(at, '', 'REGISTRY_DUPLICATE_RELATION', { firstRow: first.row });
      continue;
    }
    seen.set(key, at);
    out.push(relation);
  }
  return out;
}
