import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SHEET_OF, columnNamed, sheetNamed, type ColumnDef, type RecordKind, type SheetDef } from './registry-columns';
import { fileError, type RegistryFileError } from './registry-errors';

/** A cell as read: text (trimmed, never empty), a number, or a date (an Excel date cell). */
export type CellValue = string | number | Date;

/** One data row of a file, with where it came from so that errors can name it. */
export interface RawRow {
  readonly kind: RecordKind;
  /** The sheet name as written in the file (for JSON: the array's name). */
  readonly sheet: string;
  /** The row as the spreadsheet numbers it (header = 1); for JSON the 1-based position in the array. */
  readonly row: number;
  readonly cells: Readonly<Record<string, CellValue | undefined>>;
}

/** What a file holds: its rows, which kinds it brings (a kind it lacks is left as the registry has it), errors. */
export interface ReadResult {
  readonly rows: RawRow[];
  readonly kinds: RecordKind[];
  readonly errors: RegistryFileError[];
}

export type RegistryFileFormat = 'xlsx' | 'csv' | 'json';

/** The format a file name says, if any. */
export function formatOf(fileName: string): RegistryFileFormat | undefined {
  const ext = extname(fileName).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined;
}

/**
 * Reads a registry file (.xlsx with one sheet per kind, a .csv of one kind, or .json in the domain's
 * `OrganisationModel` shape) into raw rows. Nothing is checked beyond the layout here; see `validateRegistry`.
 * A CSV's kind comes from `options.kind`, else from its file name (e.g. `Nhân sự.csv` or `people.csv`).
 */
export async function readRegistryFile(
  content: Buffer,
  fileName: string,
  options: { kind?: RecordKind } = {},
): Promise<ReadResult> {
  const format = formatOf(fileName);
  const where = { sheet: basename(fileName), row: 0 };
  try {
    if (format === 'xlsx') return await readXlsx(content);
    if (format === 'json') return readJson(content, basename(fileName));
    if (format === 'csv') {
      const sheet = options.kind
        ? SHEET_OF[options.kind]
        : sheetNamed(basename(fileName, extname(fileName)).replace(/^\d+[-_. ]*/, ''));
      if (!sheet) return failed(fileError(where, 'REGISTRY_UNKNOWN_CSV_KIND', { fileName: basename(fileName) }));
      return readCsv(content, sheet, basename(fileName));
    }
    return failed(fileError(where, 'REGISTRY_UNKNOWN_FORMAT', { fileName: basename(fileName) }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return failed(fileError(where, 'REGISTRY_UNREADABLE_FILE', { reason }));
  }
}

function failed(error: RegistryFileError): ReadResult {
  return { rows: [], kinds: [], errors: [error] };
}

/** A cell of exceljs as a plain value: rich text joined, a formula's result, a hyperlink's text. */
function cellValue(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return cellValue(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result);
  if ('text' in value) return cellValue(value.text);
  return undefined;
}

/** Maps a header row to columns; reports required columns it lacks. */
function headerColumns(
  sheet: SheetDef,
  sheetName: string,
  headers: (string | undefined)[],
): { columns: (ColumnDef | undefined)[]; errors: RegistryFileError[] } {
  const columns = headers.map((h) => (h ? columnNamed(sheet, h) : undefined));
  const errors = sheet.columns
    .filter((c) => c.required && !columns.includes(c))
    .map((c) =>
      fileError({ sheet: sheetName, row: 1, column: c.header }, 'REGISTRY_MISSING_COLUMN', { column: c.header }),
    );
  return { columns, errors };
}

async function readXlsx(content: Buffer): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: RawRow[] = [];
  const kinds: RecordKind[] = [];
  const errors: RegistryFileError[] = [];
  workbook.eachSheet((worksheet) => {
    const sheet = sheetNamed(worksheet.name);
    if (!sheet || kinds.includes(sheet.kind)) return;
    kinds.push(sheet.kind);
    const headerRow = worksheet.getRow(1);
    const headers: (string | undefined)[] = [];
    headerRow.eachCell((cell, column) => {
      const value = cellValue(cell.value);
      headers[column - 1] = value === undefined ? undefined : String(value);
    });
    const header = headerColumns(sheet, worksheet.name, headers);
    errors.push(...header.errors);
    worksheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, CellValue | undefined> = {};
      let any = false;
      row.eachCell((cell, column) => {
        const def = header.columns[column - 1];
        const value = cellValue(cell.value);
        if (def && value !== undefined) {
          cells[def.key] = value;
          any = true;
        }
      });
      if (any) rows.push({ kind: sheet.kind, sheet: worksheet.name, row: rowNumber, cells });
    });
  });
  if (kinds.length === 0) errors.push(fileError({ sheet: '', row: 0 }, 'REGISTRY_EMPTY_FILE'));
  return { rows, kinds, errors };
}

function readCsv(content: Buffer, sheet: SheetDef, fileName: string): ReadResult {
  const records = parseCsv(content, {
    bom: true,
    delimiter: [',', ';'],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  const [headers = [], ...data] = records;
  const header = headerColumns(sheet, fileName, headers);
  const rows = data.flatMap((record, index): RawRow[] => {
    const cells: Record<string, CellValue | undefined> = {};
    record.forEach((text, column) => {
      const def = header.columns[column];
      if (def && text !== '') cells[def.key] = text;
    });
    return Object.keys(cells).length > 0 ? [{ kind: sheet.kind, sheet: fileName, row: index + 2, cells }] : [];
  });
  return { rows, kinds: [sheet.kind], errors: header.errors };
}

const JSON_ARRAYS: readonly (readonly [string, RecordKind])[] = [
  ['levels', 'levels'],
  ['bodies', 'bodies'],
  ['posts', 'posts'],
  ['people', 'people'],
  ['memberships', 'memberships'],
  ['relations', 'relatives'],
];

/** A JSON value as a cell: strings and numbers as they are, anything else as its JSON text (then reported bad). */
function jsonCell(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return value;
  return JSON.stringify(value);
}

function readJson(content: Buffer, fileName: string): ReadResult {
  const parsed: unknown = JSON.parse(content.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('the JSON file must hold one object with the arrays levels, bodies, posts, people, ...');
  }
  const model = parsed as Record<string, unknown>;
  const rows: RawRow[] = [];
  const kinds = new Set<RecordKind>();
  for (const [name, kind] of JSON_ARRAYS) {
    const items = model[name];
    if (!Array.isArray(items)) continue;
    kinds.add(kind);
    if (kind === 'bodies') kinds.add('organisations');
    items.forEach((item: unknown, index) => {
      const object = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const cells = Object.fromEntries(Object.entries(object).map(([key, value]) => [key, jsonCell(value)]));
      const rowKind = kind === 'bodies' && object.kind === 'party-organisation' ? 'organisations' : kind;
      rows.push({ kind: rowKind, sheet: name, row: index + 1, cells });
    });
  }
  if (kinds.size === 0) return failed(fileError({ sheet: fileName, row: 0 }, 'REGISTRY_EMPTY_FILE'));
  return { rows, kinds: [...kinds], errors: [] };
}
