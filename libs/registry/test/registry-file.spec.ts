import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { demoOrganisation, type OrganisationModel } from '@cadreflow/domain';
import {
  DEMO_PROVINCE_FILE,
  SHEETS,
  foldVietnamese,
  readRegistryFile,
  validateRegistry,
  writeWorkbook,
  type RegistryFileError,
} from '@cadreflow/registry';

const TODAY = '2025-12-01';

/** A model with every array in a stable order, for comparing models built in different orders. */
export function sortedModel(model: OrganisationModel): OrganisationModel {
  const by =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    levels: [...model.levels].sort(by((l) => l.id)),
    bodies: [...model.bodies].sort(by((b) => b.id)),
    posts: [...model.posts].sort(by((p) => p.id)),
    people: [...model.people].sort(by((p) => p.id)),
    memberships: [...model.memberships].sort(by((m) => `${m.personId}|${m.bodyId}|${m.postId ?? ''}|${m.from}`)),
    relations: [...model.relations].sort(by((r) => `${r.personId}|${r.relativeId}|${r.kind}`)),
  };
}

async function load(
  content: Buffer,
  fileName: string,
): Promise<{ model: OrganisationModel; errors: RegistryFileError[] }> {
  const read = await readRegistryFile(content, fileName);
  const validated = validateRegistry(read.rows, TODAY);
  return { model: validated.model, errors: [...read.errors, ...validated.errors] };
}

describe('registry files', () => {
  it('reads the demo province data file to exactly the demo organisation model', async () => {
    const { model, errors } = await load(await readFile(DEMO_PROVINCE_FILE), 'demo-province.json');
    expect(errors).toEqual([]);
    expect(sortedModel(model)).toEqual(sortedModel(demoOrganisation));
  });

  it('exports a model to .xlsx with Vietnamese labels and reads it back unchanged', async () => {
    const workbook = await writeWorkbook(demoOrganisation);
    const { model, errors } = await load(workbook, 'to-chuc.xlsx');
    expect(errors).toEqual([]);
    expect(sortedModel(model)).toEqual(sortedModel(demoOrganisation));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook as unknown as ArrayBuffer);
    expect(book.getWorksheet('Nhân sự')?.getRow(2).values).toEqual([
      undefined,
      'person/bn-01',
      demoOrganisation.people[0].fullName,
      'Nam',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    ]);
  });

  it('ships a template whose sheets and headers are the column definitions the reader uses', async () => {
    const template = await writeWorkbook();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    for (const sheet of SHEETS) {
      const headers = (book.getWorksheet(sheet.sheet)?.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(sheet.columns.map((c) => c.header));
    }
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      'Cấp',
      'Tổ chức',
      'Cơ quan',
      'Chức vụ',
      'Nhân sự',
      'Sinh hoạt - Đảm nhiệm',
      'Thân nhân',
    ]);
    const read = await readRegistryFile(template, 'mau.xlsx');
    expect(read).toEqual({ rows: [], kinds: SHEETS.map((s) => s.kind), errors: [] });
  });

  it('reads a CSV whose kind its file name gives, with ; or , and dates as dd/mm/yyyy or yyyy-mm-dd', async () => {
    const csv = Buffer.from(
      '\uFEFFMã nhân sự;Họ và tên;Giới tính;Ngày sinh\np1;Đỗ Thị Hà;Nữ;05/03/1975\np2;Lê Văn An;male;1980-01-02\np3;Bùi Văn Ba;Nam;1961\n',
    );
    const read = await readRegistryFile(csv, 'Nhân sự.csv');
    expect(read.errors).toEqual([]);
    expect(read.kinds).toEqual(['people']);
    expect(validateRegistry(read.rows, TODAY).model.people).toEqual([
      { id: 'p1', fullName: 'Đỗ Thị Hà', gender: 'female', birthDate: '1975-03-05' },
      { id: 'p2', fullName: 'Lê Văn An', gender: 'male', birthDate: '1980-01-02' },
      { id: 'p3', fullName: 'Bùi Văn Ba', gender: 'male', birthDate: '1961' },
    ]);
    const english = await readRegistryFile(Buffer.from('personId,bodyId,from\np1,b1,2020-01-01\n'), 'x.csv', {
      kind: 'memberships',
    });
    expect(english.rows).toEqual([
      { kind: 'memberships', sheet: 'x.csv', row: 2, cells: { personId: 'p1', bodyId: 'b1', from: '2020-01-01' } },
    ]);
  });

  it('tells a CSV of unknown kind, a missing column and an unknown format apart', async () => {
    expect((await readRegistryFile(Buffer.from('a,b\n1,2\n'), 'data.csv')).errors.map((e) => e.code)).toEqual([
      'REGISTRY_UNKNOWN_CSV_KIND',
    ]);
    const missing = await readRegistryFile(Buffer.from('Mã nhân sự,Họ và tên\np1,A\n'), 'people.csv');
    expect(missing.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'Giới tính', 'REGISTRY_MISSING_COLUMN'],
      [1, 'Ngày sinh', 'REGISTRY_MISSING_COLUMN'],
    ]);
    expect((await readRegistryFile(Buffer.from('x'), 'file.pdf')).errors[0].code).toBe('REGISTRY_UNKNOWN_FORMAT');
    expect((await readRegistryFile(Buffer.from('{oops'), 'file.json')).errors[0].code).toBe('REGISTRY_UNREADABLE_FILE');
    expect((await readRegistryFile(Buffer.from('not a zip'), 'file.xlsx')).errors[0].code).toBe(
      'REGISTRY_UNREADABLE_FILE',
    );
  });

  it('folds Vietnamese names for search: marks stripped, đ as d, lower case', () => {
    expect(foldVietnamese('  Đặng   Thị THỦY ')).toBe('dang thi thuy');
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe(foldVietnamese('nguyen van duc'));
  });
});

describe('a file with 50 planted mistakes', () => {
  type Cell = string | number | Date | null;
  let book: ExcelJS.Workbook;
  const planted: { sheet: string; id: string; code: string; row?: number }[] = [];

  const sheet = (name: string): ExcelJS.Worksheet => book.getWorksheet(name)!;
  const rowOf = (name: string, id: string): number => {
    let found = 0;
    sheet(name).eachRow((row, n) => {
      if (found === 0 && row.getCell(1).value === id) found = n;
    });
    if (found === 0) throw new Error(`no row ${id} in ${name}`);
    return found;
  };
  const columnOf = (name: string, header: string): number =>
    (sheet(name).getRow(1).values as unknown[]).indexOf(header);
  /** Sets one cell of the row whose first cell is `id`, and plants the error expected there. */
  const set = (name: string, id: string, header: string, value: Cell, code: string): void => {
    const row = rowOf(name, id);
    sheet(name).getRow(row).getCell(columnOf(name, header)).value = value;
    planted.push({ sheet: name, id, code, row });
  };
  /** Adds a row and plants the error expected on it. */
  const add = (name: string, values: Cell[], code: string): void => {
    const row = sheet(name).addRow(values);
    planted.push({ sheet: name, id: String(values[0]), code, row: row.number });
  };

  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeWorkbook(demoOrganisation)) as unknown as ArrayBuffer);
    const P = 'Nhân sự';
    const bad = ['abc', '31/02/1970', '1970-13-01', '32/01/1980', '1/1/19', 'ngày 5', '00/12/1970', '2000-02-30'];
    bad.forEach((value, i) => set(P, `person/bn-0${i + 1}`, 'Ngày sinh', value, 'REGISTRY_MALFORMED_DATE'));
    ['01/01/2999', '2999', '15/06/2100', '2100-01-01'].forEach((value, i) =>
      set(P, `person/bn-${9 + i < 10 ? '0' : ''}${9 + i}`, 'Ngày sinh', value, 'REGISTRY_FUTURE_DATE'),
    );
    ['X', 'Khác', 'M'].forEach((value, i) =>
      set(P, `person/bn-${13 + i}`, 'Giới tính', value, 'REGISTRY_UNKNOWN_VALUE'),
    );
    set(P, 'person/bn-16', 'Họ và tên', null, 'REGISTRY_MISSING_VALUE');
    set(P, 'person/bn-17', 'Họ và tên', null, 'REGISTRY_MISSING_VALUE');
    add(P, ['person/bn-18', 'Người Trùng Mã', 'Nam', '01/01/1970'], 'REGISTRY_DUPLICATE_ID');
    add(P, ['person/bn-19', 'Người Trùng Mã Hai', 'Nữ', '1971'], 'REGISTRY_DUPLICATE_ID');

    const O = 'Tổ chức';
    set(O, 'org/bn-kinh-bac', 'Mã tổ chức cấp trên', 'org/khong-co', 'REGISTRY_UNKNOWN_PARENT');
    set(O, 'org/bn-tu-son', 'Mã cấp', 'level/district', 'REGISTRY_UNKNOWN_LEVEL');
    add(O, ['org/a', 'Đảng bộ A', 'level/grassroots', 'org/b'], 'REGISTRY_CYCLE');
    sheet(O).addRow(['org/b', 'Đảng bộ B', 'level/grassroots', 'org/a']);
    add(
      O,
      ['org/bn-tien-du', 'Đảng bộ xã Tiên Du (trùng)', 'level/grassroots', 'org/bac-ninh'],
      'REGISTRY_DUPLICATE_ID',
    );

    const B = 'Cơ quan';
    set(B, 'body/bn-police', 'Mã tổ chức', 'org/khong-co', 'REGISTRY_UNKNOWN_ORGANISATION');
    set(B, 'body/bn-finance', 'Loại cơ quan', 'Sở', 'REGISTRY_UNKNOWN_VALUE');
    add(B, ['body/x', 'Ban Tổ chức', 'Ban X', 'body/bn-bch'], 'REGISTRY_PARENT_NOT_ORGANISATION');
    set(B, 'body/secretariat', 'Tên cơ quan', null, 'REGISTRY_MISSING_VALUE');

    const C = 'Chức vụ';
    add(C, ['post/x', 'body/none', 'Ủy viên', 'Ủy viên X'], 'REGISTRY_UNKNOWN_BODY');
    add(C, ['post/y', 'body/bn-bch', 'Thủ quỹ', 'Thủ quỹ'], 'REGISTRY_UNKNOWN_VALUE');
    add(C, ['post/bn-secretary', 'body/bn-bch', 'Bí thư', 'Bí thư (trùng)'], 'REGISTRY_DUPLICATE_ID');

    const M = 'Sinh hoạt - Đảm nhiệm';
    add(M, ['person/ghost', 'body/bn-bch', null, '15/10/2020'], 'REGISTRY_UNKNOWN_PERSON');
    add(M, ['person/bn-30', 'body/ghost', null, '15/10/2020'], 'REGISTRY_UNKNOWN_BODY');
    add(M, ['person/bn-31', 'body/bn-bch', 'post/ghost', '15/10/2020'], 'REGISTRY_UNKNOWN_POST');
    add(M, ['person/bn-32', 'body/bn-btv', 'post/bn-secretary', '15/10/2020'], 'REGISTRY_POST_NOT_IN_BODY');
    add(M, ['person/bn-33', 'body/bn-bch', 'post/bn-secretary', '01/01/2023'], 'REGISTRY_POST_HELD_TWICE');
    add(M, ['person/bn-34', 'body/bn-btv', null, '01/01/2022', '01/01/2021'], 'REGISTRY_DATE_ORDER');
    add(M, ['person/bn-35', 'body/bn-btv', null, '2022/13/45'], 'REGISTRY_MALFORMED_DATE');
    add(M, ['person/bn-36', 'body/bn-btv', null, null, '01/01/2024'], 'REGISTRY_MISSING_VALUE');
    add(M, ['person/bn-01', 'body/bn-bch', null, '15/10/2020'], 'REGISTRY_DUPLICATE_MEMBERSHIP');
    // An Excel date cell is a date like any other: no error.
    sheet(M).addRow(['person/bn-37', 'body/bn-btv', null, new Date(Date.UTC(2021, 4, 1))]);

    const T = 'Thân nhân';
    add(T, ['person/bn-40', 'person/ghost', 'Vợ/chồng', '01/08/2020'], 'REGISTRY_UNKNOWN_RELATIVE');
    add(T, ['person/ghost2', 'person/bn-01', 'Con', '01/08/2020'], 'REGISTRY_UNKNOWN_PERSON');
    add(T, ['person/bn-41', 'person/bn-41', 'Anh/chị/em ruột', '01/08/2020'], 'REGISTRY_SELF_RELATION');
    add(T, ['person/bn-42', 'person/bn-43', 'Bạn', '01/08/2020'], 'REGISTRY_UNKNOWN_VALUE');
    add(T, ['person/bn-44', 'person/bn-45', 'Anh/chị/em ruột', '01/01/2999'], 'REGISTRY_FUTURE_DATE');
    add(T, ['person/bn-30', 'person/bn-01', 'Anh/chị/em ruột', '02/08/2020'], 'REGISTRY_DUPLICATE_RELATION');

    const L = 'Cấp';
    add(L, ['level/x', 'Huyện mới', 'Cấp X'], 'REGISTRY_UNKNOWN_VALUE');
    add(L, ['level/province', 'Tỉnh', 'Tỉnh (trùng)'], 'REGISTRY_DUPLICATE_ID');
    add(L, ['level/y', 'Tỉnh', null], 'REGISTRY_MISSING_VALUE');
    add(L, ['level/z', 'Cơ sở', 'Cấp Z', 'Hội đồng'], 'REGISTRY_UNKNOWN_VALUE');
    set(B, 'body/bn-ubkt', 'Loại cơ quan', null, 'REGISTRY_MISSING_VALUE');
  });

  it('reports all 50, each with its sheet, row, column, code and a Vietnamese message, in one pass', async () => {
    expect(planted).toHaveLength(50);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const read = await readRegistryFile(content, 'tinh.xlsx');
    const { errors } = validateRegistry(read.rows, TODAY);
    const all = [...read.errors, ...errors];
    expect(all).toHaveLength(50);
    const found = all.map((e) => `${e.sheet}|${e.row}|${e.code}`).sort();
    expect(found).toEqual(planted.map((p) => `${p.sheet}|${p.row}|${p.code}`).sort());
    for (const error of all) {
      expect(error.message).toMatch(/[àáảãạăâđêôơưịọụứừữựếềệốồộớờợ]/);
      expect(error.column.length + (error.code.startsWith('REGISTRY_DUPLICATE_') ? 1 : 0)).toBeGreaterThan(0);
    }
    const future = all.find((e) => e.code === 'REGISTRY_FUTURE_DATE' && e.sheet === 'Nhân sự')!;
    expect(future).toMatchObject({ column: 'Ngày sinh', params: { value: '2999-01-01', today: TODAY } });
    expect(future.message).toBe('Ngày 01/01/2999 nằm trong tương lai (hôm nay là 01/12/2025).');
  });
});
