import type { BodyKind, Gender, LevelKind, PostKind, RelationKind } from '@cadreflow/domain';
import { foldKey } from './vietnamese-text';

/**
 * The sheets and columns of a registry file, defined once: the reader matches headers against them, the template
 * and the export are written from them, so the three cannot drift apart.
 */

/** The kinds of rows a registry file holds, one sheet (or one CSV file) each. */
export const RECORD_KINDS = [
  'levels',
  'organisations',
  'bodies',
  'posts',
  'people',
  'memberships',
  'relatives',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Vietnamese labels of the coded values, as a clerk writes them; the English code is accepted too. */
export const LEVEL_KIND_LABELS: Record<LevelKind, string> = {
  national: 'Toàn quốc',
  province: 'Tỉnh',
  district: 'Cấp huyện',
  grassroots: 'Cơ sở',
};

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  'party-organisation': 'Đảng bộ',
  congress: 'Đại hội',
  'executive-committee': 'Ban Chấp hành',
  'standing-committee': 'Ban Thường vụ',
  'standing-office': 'Thường trực cấp ủy',
  'organization-committee': 'Ban Tổ chức',
  'inspection-committee': 'Ủy ban Kiểm tra',
  politburo: 'Bộ Chính trị',
  secretariat: 'Ban Bí thư',
  'key-cadres-conference': 'Hội nghị cán bộ chủ chốt',
  'leadership-collective': 'Tập thể lãnh đạo',
  unit: 'Đơn vị',
};

export const POST_KIND_LABELS: Record<PostKind, string> = {
  secretary: 'Bí thư',
  'deputy-secretary': 'Phó Bí thư',
  member: 'Ủy viên',
  'organization-committee-head': 'Trưởng Ban Tổ chức',
  'inspection-committee-chair': 'Chủ nhiệm Ủy ban Kiểm tra',
  head: 'Người đứng đầu',
  'deputy-head': 'Cấp phó',
};

export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const RELATION_KIND_LABELS: Record<RelationKind, string> = {
  spouse: 'Vợ/chồng',
  parent: 'Cha/mẹ',
  'parent-in-law': 'Cha/mẹ vợ/chồng',
  child: 'Con',
  'child-in-law': 'Con dâu/con rể',
  sibling: 'Anh/chị/em ruột',
};

export const ENUMS = {
  levelKind: LEVEL_KIND_LABELS,
  bodyKind: BODY_KIND_LABELS,
  postKind: POST_KIND_LABELS,
  gender: GENDER_LABELS,
  relationKind: RELATION_KIND_LABELS,
} as const;
export type EnumName = keyof typeof ENUMS;

/** How a column's cells are read. */
export type ColumnType = 'text' | 'date' | 'birth-date' | 'enum';

export interface ColumnDef {
  /** The field of the row (and of the JSON shape), in English. */
  readonly key: string;
  /** The Vietnamese header of the template. */
  readonly header: string;
  /** Other headers accepted (the English key always is). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly type: ColumnType;
  readonly enumOf?: EnumName;
  /** Column width in the template, in characters. */
  readonly width: number;
}

export interface SheetDef {
  readonly kind: RecordKind;
  /** The Vietnamese sheet name of the template (Excel forbids "/" in sheet names). */
  readonly sheet: string;
  readonly aliases: readonly string[];
  readonly columns: readonly ColumnDef[];
}

const col = (
  key: string,
  header: string,
  options: Partial<Pick<ColumnDef, 'aliases' | 'required' | 'type' | 'enumOf' | 'width'>> = {},
): ColumnDef => ({
  key,
  header,
  aliases: options.aliases ?? [],
  required: options.required ?? true,
  type: options.type ?? (options.enumOf ? 'enum' : 'text'),
  enumOf: options.enumOf,
  width: options.width ?? 24,
});

export const SHEETS: readonly SheetDef[] = [
  {
    kind: 'levels',
    sheet: 'Cấp',
    aliases: ['Cấp tổ chức', 'levels'],
    columns: [
      col('id', 'Mã cấp', { aliases: ['Mã'] }),
      col('kind', 'Loại cấp', { enumOf: 'levelKind' }),
      col('name', 'Tên cấp', { aliases: ['Tên'], width: 40 }),
      col('consultedBodyKind', 'Cơ quan cấp trên cho ý kiến', { enumOf: 'bodyKind', required: false, width: 30 }),
    ],
  },
  {
    kind: 'organisations',
    sheet: 'Tổ chức',
    aliases: ['Tổ chức đảng', 'Đảng bộ', 'organisations', 'organizations'],
    columns: [
      col('id', 'Mã tổ chức', { aliases: ['Mã'] }),
      col('name', 'Tên tổ chức', { aliases: ['Tên'], width: 40 }),
      col('levelId', 'Mã cấp', { aliases: ['Cấp'] }),
      col('parentId', 'Mã tổ chức cấp trên', { aliases: ['Cấp trên'], required: false }),
    ],
  },
  {
    kind: 'bodies',
    sheet: 'Cơ quan',
    aliases: ['Cơ quan, đơn vị', 'bodies'],
    columns: [
      col('id', 'Mã cơ quan', { aliases: ['Mã'] }),
      col('kind', 'Loại cơ quan', { enumOf: 'bodyKind' }),
      col('name', 'Tên cơ quan', { aliases: ['Tên'], width: 40 }),
      col('parentId', 'Mã tổ chức', { aliases: ['Thuộc tổ chức', 'organisationId'] }),
      col('sector', 'Ngành', { required: false, width: 14 }),
    ],
  },
  {
    kind: 'posts',
    sheet: 'Chức vụ',
    aliases: ['posts'],
    columns: [
      col('id', 'Mã chức vụ', { aliases: ['Mã'] }),
      col('bodyId', 'Mã cơ quan'),
      col('kind', 'Loại chức vụ', { enumOf: 'postKind' }),
      col('title', 'Tên chức vụ', { aliases: ['Chức danh'], width: 40 }),
    ],
  },
  {
    kind: 'people',
    sheet: 'Nhân sự',
    aliases: ['Cán bộ', 'people', 'persons'],
    columns: [
      col('id', 'Mã nhân sự', { aliases: ['Mã'] }),
      col('fullName', 'Họ và tên', { aliases: ['Họ tên'], width: 30 }),
      col('gender', 'Giới tính', { enumOf: 'gender', width: 12 }),
      col('birthDate', 'Ngày sinh', { type: 'birth-date', width: 14 }),
    ],
  },
  {
    kind: 'memberships',
    sheet: 'Sinh hoạt - Đảm nhiệm',
    aliases: ['Sinh hoạt/Đảm nhiệm', 'Sinh hoạt, Đảm nhiệm', 'Đảm nhiệm', 'memberships'],
    columns: [
      col('personId', 'Mã nhân sự'),
      col('bodyId', 'Mã cơ quan'),
      col('postId', 'Mã chức vụ', { required: false }),
      col('from', 'Từ ngày', { type: 'date', width: 14 }),
      col('to', 'Đến ngày', { type: 'date', required: false, width: 14 }),
    ],
  },
  {
    kind: 'relatives',
    sheet: 'Thân nhân',
    aliases: ['Quan hệ gia đình', 'relatives', 'relations'],
    columns: [
      col('personId', 'Mã nhân sự'),
      col('relativeId', 'Mã thân nhân', { aliases: ['Mã người thân'] }),
      col('kind', 'Quan hệ', { enumOf: 'relationKind', width: 20 }),
      col('declaredOn', 'Ngày kê khai', { type: 'date', width: 14 }),
    ],
  },
];

export const SHEET_OF: Record<RecordKind, SheetDef> = Object.fromEntries(SHEETS.map((s) => [s.kind, s])) as Record<
  RecordKind,
  SheetDef
>;

const sheetByKey = new Map<string, SheetDef>(
  SHEETS.flatMap((s) => [s.sheet, s.kind, ...s.aliases].map((name) => [foldKey(name), s] as const)),
);

/** The sheet a sheet name or a CSV file's base name means (Vietnamese or English, any accents or case). */
export function sheetNamed(name: string): SheetDef | undefined {
  return sheetByKey.get(foldKey(name));
}

/** The column a header means, in a given sheet. */
export function columnNamed(sheet: SheetDef, header: string): ColumnDef | undefined {
  const key = foldKey(header);
  return sheet.columns.find((c) => [c.header, c.key, ...c.aliases].some((name) => foldKey(name) === key));
}

const enumByKey = Object.fromEntries(
  (Object.keys(ENUMS) as EnumName[]).map((name) => [
    name,
    new Map(
      Object.entries(ENUMS[name] as Record<string, string>).flatMap(([code, label]) => [
        [foldKey(code), code],
        [foldKey(label), code],
      ]),
    ),
  ]),
) as Record<EnumName, Map<string, string>>;

/** The code of a coded value written as its Vietnamese label or its English code; undefined when unknown. */
export function enumCode(name: EnumName, text: string): string | undefined {
  return enumByKey[name].get(foldKey(text));
}

/** The Vietnamese label of a code, for the export. */
export function enumLabel(name: EnumName, code: string): string {
  return (ENUMS[name] as Record<string, string>)[code] ?? code;
}
