import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { demoOrganisation, type OrganisationModel } from '@cadreflow/domain';
import { DEMO_PROVINCE_FILE, sortModel } from '@cadreflow/registry';
import { createEmptyDatabase } from '../../../test/setup/database';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

describe('npm run org (real PostgreSQL, real process)', () => {
  let database: { url: string; drop(): Promise<void> };
  let folder: string;

  const org = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(
        'node',
        ['-r', './tools/register.js', 'libs/registry/src/cli/org.cli.ts', ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: database.url },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    database = await createEmptyDatabase('orgcli');
    folder = await mkdtemp(join(tmpdir(), 'org-cli-'));
  });
  afterAll(async () => {
    await database.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the template, then refuses a file with errors in Vietnamese, exit 1, recording nothing', async () => {
    const template = join(folder, 'mau.xlsx');
    expect((await org('template', '--out', template)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const people = book.getWorksheet('Nhân sự')!;
    people.addRow(['p1', 'Lê Thị Hoa', 'Nữ', '31/02/1980']);
    people.addRow(['p1', 'Lê Thị Hoa', 'Nữ', '1980']);
    const bad = join(folder, 'sai.xlsx');
    await book.xlsx.writeFile(bad);

    const validated = await org('validate', bad);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('Nhân sự, dòng 2, cột "Ngày sinh": Ngày "31/02/1980" không đúng');
    expect(validated.stdout).toContain('Nhân sự, dòng 3, cột "Mã nhân sự": Mã "p1" bị trùng: đã dùng ở dòng 2.');
    const imported = await org('import', bad);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('không có gì được ghi');
    const exported = join(folder, 'rong.json');
    expect((await org('export', '--format', 'json', '--out', exported)).code).toBe(0);
    expect(JSON.parse(await readFile(exported, 'utf8'))).toMatchObject({ people: [], bodies: [] });
  });

  it('imports a good file, exports it back, and explains a usage error with exit 2', async () => {
    const imported = await org('import', DEMO_PROVINCE_FILE);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Đã nhập demo-province\.json: 7 sự kiện/);
    const exported = join(folder, 'tinh.json');
    expect((await org('export', '--format', 'json', '--on', '2025-06-30', '--out', exported)).code).toBe(0);
    const model = JSON.parse(await readFile(exported, 'utf8')) as OrganisationModel;
    expect(sortModel(model)).toEqual(sortModel(demoOrganisation));

    const csv = join(folder, 'danh-sach.csv');
    await writeFile(csv, 'Mã nhân sự,Họ và tên,Giới tính,Ngày sinh\n');
    const unknownKind = await org('validate', csv);
    expect(unknownKind.code).toBe(1);
    expect(unknownKind.stdout).toContain('REGISTRY_UNKNOWN_CSV_KIND');
    const usage = await org('import');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/thiếu tên tệp[\s\S]*Cách dùng/);
  });
});
