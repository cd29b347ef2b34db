import ExcelJS from 'exceljs';
import type { OrganisationModel } from '@cadreflow/domain';
import { formatCivilDate } from './civil-date';
import { ENUMS, SHEETS, enumLabel, type RecordKind, type SheetDef } from './registry-columns';
import type { CellValue, RawRow } from './registry-file.reader';

type Item = Readonly<Record<string, unknown>>;

/** exceljs validates ranges at run time (`worksheet.dataValidations.add`), which its type declarations leave out. */
type WorksheetWithRanges = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** The items of a model that one sheet holds. */
export function itemsOfKind(model: OrganisationModel, kind: RecordKind): readonly Item[] {
  switch (kind) {
    case 'levels':
      return model.levels as unknown as Item[];
    case 'organisations':
      return model.bodies.filter((b) => b.kind === 'party-organisation') as unknown as Item[];
    case 'bodies':
      return model.bodies.filter((b) => b.kind !== 'party-organisation') as unknown as Item[];
    case 'posts':
      return model.posts as unknown as Item[];
    case 'people':
      return model.people as unknown as Item[];
    case 'memberships':
      return model.memberships as unknown as Item[];
    case 'relatives':
      return model.relations as unknown as Item[];
  }
}

/**
 * The registry's own records of some kinds as rows, to be validated together with a file that brings the other
 * kinds (a CSV of people alone is checked against the bodies and memberships the registry already has). Row 0
 * tells an error apart from one in the file.
 */
export function modelToRows(model: OrganisationModel, kinds: readonly RecordKind[]): RawRow[] {
  return SHEETS.filter((s) => kinds.includes(s.kind)).flatMap((sheet) =>
    itemsOfKind(model, sheet.kind).map((item): RawRow => {
      const cells: Record<string, CellValue | undefined> = {};
      for (const c of sheet.columns) {
        const value = item[c.key];
        cells[c.key] = typeof value === 'string' || typeof value === 'number' ? value : undefined;
      }
      if (sheet.kind === 'bodies' && typeof item.levelId === 'string') cells.levelId = item.levelId;
      return { kind: sheet.kind, sheet: sheet.sheet, row: 0, cells };
    }),
  );
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetDef, items: readonly Item[]): void {
  const worksheet = workbook.addWorksheet(sheet.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  worksheet.getRow(1).font = { bold: true };
  for (const item of items) {
    worksheet.addRow(
      Object.fromEntries(
        sheet.columns.map((c) => {
          const value = item[c.key];
          if (typeof value !== 'string') return [c.key, value ?? null];
          if (c.enumOf) return [c.key, enumLabel(c.enumOf, value)];
          if (c.type === 'date' || c.type === 'birth-date') return [c.key, formatCivilDate(value)];
          return [c.key, value];
        }),
      ),
    );
  }
  // Coded columns offer their Vietnamese labels as a drop-down list.
  sheet.columns.forEach((c, index) => {
    if (!c.enumOf) return;
    const letter = worksheet.getColumn(index + 1).letter;
    const labels = Object.values(ENUMS[c.enumOf] as Record<string, string>).join(',');
    (worksheet as WorksheetWithRanges).dataValidations.add(`${letter}2:${letter}5000`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${labels}"`],
    });
  });
}

const GUIDE = [
  'Mẫu nhập dữ liệu tổ chức, cơ quan, chức vụ, nhân sự (cadreflow).',
  'Mỗi trang một loại dữ liệu; dòng 1 là tiêu đề, không đổi tên cột. Có thể bỏ trang không dùng: dữ liệu của trang đó giữ nguyên.',
  'Ngày ghi theo dạng ngày/tháng/năm (15/10/2020); ngày sinh có thể chỉ ghi năm (1965).',
  'Các cột có danh sách chọn (loại cấp, loại cơ quan, chức vụ, giới tính, quan hệ): chọn một giá trị trong danh sách.',
  'Mã (tổ chức, cơ quan, chức vụ, nhân sự) do đơn vị tự đặt, không trùng nhau và không đổi giữa các lần nhập.',
  'Tệp có lỗi thì không dữ liệu nào được ghi; danh sách lỗi ghi rõ trang, dòng, cột.',
];

/**
 * An .xlsx workbook with one sheet per kind and the Vietnamese headers of the column definitions: the template
 * (no model: headers only, plus a guide) or an export of a model.
 */
export async function writeWorkbook(model?: OrganisationModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cadreflow';
  if (!model) {
    const guide = workbook.addWorksheet('Hướng dẫn');
    guide.getColumn(1).width = 120;
    GUIDE.forEach((line) => guide.addRow([line]));
  }
  for (const sheet of SHEETS) addSheet(workbook, sheet, model ? itemsOfKind(model, sheet.kind) : []);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
