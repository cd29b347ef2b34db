import { formatCivilDate } from './civil-date';

/** Stable codes of what can be wrong in a registry file; the web app translates them, `message` is Vietnamese. */
export const REGISTRY_ERROR_CODES = [
  'REGISTRY_UNREADABLE_FILE',
  'REGISTRY_UNKNOWN_FORMAT',
  'REGISTRY_UNKNOWN_CSV_KIND',
  'REGISTRY_EMPTY_FILE',
  'REGISTRY_MISSING_COLUMN',
  'REGISTRY_MISSING_VALUE',
  'REGISTRY_DUPLICATE_ID',
  'REGISTRY_UNKNOWN_VALUE',
  'REGISTRY_MALFORMED_DATE',
  'REGISTRY_FUTURE_DATE',
  'REGISTRY_DATE_ORDER',
  'REGISTRY_UNKNOWN_LEVEL',
  'REGISTRY_UNKNOWN_PARENT',
  'REGISTRY_PARENT_NOT_ORGANISATION',
  'REGISTRY_CYCLE',
  'REGISTRY_ROOT_COUNT',
  'REGISTRY_UNKNOWN_ORGANISATION',
  'REGISTRY_UNKNOWN_BODY',
  'REGISTRY_UNKNOWN_POST',
  'REGISTRY_POST_NOT_IN_BODY',
  'REGISTRY_UNKNOWN_PERSON',
  'REGISTRY_UNKNOWN_RELATIVE',
  'REGISTRY_SELF_RELATION',
  'REGISTRY_DUPLICATE_MEMBERSHIP',
  'REGISTRY_DUPLICATE_RELATION',
  'REGISTRY_POST_HELD_TWICE',
  'REGISTRY_CHANGE_BEFORE_LAST',
  'REGISTRY_NO_OPEN_MEMBERSHIP',
] as const;
export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

/** One thing wrong in a file: where (sheet, row as the spreadsheet numbers it, column header), what, in Vietnamese. */
export interface RegistryFileError {
  readonly sheet: string;
  /** Row number as the spreadsheet shows it (the header is row 1); 0 when the error concerns the whole sheet. */
  readonly row: number;
  /** The column header as the template names it; empty when the error concerns a whole row or sheet. */
  readonly column: string;
  readonly code: RegistryErrorCode;
  readonly params: ErrorParams;
  readonly message: string;
}

const date = (value: string | number | undefined): string => formatCivilDate(String(value ?? ''));

const MESSAGES: Record<RegistryErrorCode, (p: ErrorParams) => string> = {
  REGISTRY_UNREADABLE_FILE: (p) => `Không đọc được tệp: ${p.reason}. Hãy lưu lại tệp dưới dạng .xlsx, .csv hoặc .json.`,
  REGISTRY_UNKNOWN_FORMAT: (p) => `Không nhận dạng được loại tệp "${p.fileName}": chỉ nhận tệp .xlsx, .csv hoặc .json.`,
  REGISTRY_UNKNOWN_CSV_KIND: (p) =>
    `Không biết tệp CSV "${p.fileName}" chứa loại dữ liệu nào: đặt tên tệp theo tên trang (ví dụ "Nhân sự.csv") hoặc chọn loại dữ liệu khi nhập.`,
  REGISTRY_EMPTY_FILE: () => 'Tệp không có trang dữ liệu nào của mẫu (Tổ chức, Cơ quan, Chức vụ, Nhân sự, ...).',
  REGISTRY_MISSING_COLUMN: (p) => `Trang thiếu cột "${p.column}": thêm cột này vào dòng tiêu đề (dòng 1).`,
  REGISTRY_MISSING_VALUE: (p) => `Ô "${p.column}" không được để trống.`,
  REGISTRY_DUPLICATE_ID: (p) => `Mã "${p.id}" bị trùng: đã dùng ở dòng ${p.firstRow}. Mỗi mã chỉ được dùng một lần.`,
  REGISTRY_UNKNOWN_VALUE: (p) => `Giá trị "${p.value}" không hợp lệ; chọn một trong: ${p.allowed}.`,
  REGISTRY_MALFORMED_DATE: (p) =>
    `Ngày "${p.value}" không đúng: ghi theo dạng ngày/tháng/năm (ví dụ 15/10/2020)${p.yearAllowed ? ' hoặc chỉ năm (ví dụ 1965)' : ''}.`,
  REGISTRY_FUTURE_DATE: (p) => `Ngày ${date(p.value)} nằm trong tương lai (hôm nay là ${date(p.today)}).`,
  REGISTRY_DATE_ORDER: (p) => `"Đến ngày" (${date(p.to)}) phải sau "Từ ngày" (${date(p.from)}).`,
  REGISTRY_UNKNOWN_LEVEL: (p) => `Không có cấp mã "${p.levelId}" trong trang Cấp.`,
  REGISTRY_UNKNOWN_PARENT: (p) => `Không có tổ chức cấp trên mã "${p.parentId}" trong trang Tổ chức.`,
  REGISTRY_PARENT_NOT_ORGANISATION: (p) =>
    `"${p.parentId}" không phải là tổ chức đảng (trang Tổ chức) nên không thể là cấp trên.`,
  REGISTRY_CYCLE: (p) => `Các tổ chức tạo thành vòng lặp cấp trên - cấp dưới: ${p.ids}. Sửa lại mã tổ chức cấp trên.`,
  REGISTRY_ROOT_COUNT: (p) =>
    `Phải có đúng một tổ chức không có cấp trên (tổ chức gốc); tệp có ${p.count}${p.ids ? `: ${p.ids}` : ''}.`,
  REGISTRY_UNKNOWN_ORGANISATION: (p) => `Không có tổ chức mã "${p.organisationId}" trong trang Tổ chức.`,
  REGISTRY_UNKNOWN_BODY: (p) => `Không có cơ quan mã "${p.bodyId}" trong trang Cơ quan hoặc Tổ chức.`,
  REGISTRY_UNKNOWN_POST: (p) => `Không có chức vụ mã "${p.postId}" trong trang Chức vụ.`,
  REGISTRY_POST_NOT_IN_BODY: (p) => `Chức vụ "${p.postId}" thuộc cơ quan "${p.postBodyId}", không thuộc "${p.bodyId}".`,
  REGISTRY_UNKNOWN_PERSON: (p) => `Không có nhân sự mã "${p.personId}" trong trang Nhân sự.`,
  REGISTRY_UNKNOWN_RELATIVE: (p) => `Không có thân nhân mã "${p.relativeId}" trong trang Nhân sự.`,
  REGISTRY_SELF_RELATION: (p) => `Nhân sự "${p.personId}" không thể là thân nhân của chính mình.`,
  REGISTRY_DUPLICATE_MEMBERSHIP: (p) =>
    `Dòng này trùng với dòng ${p.firstRow} (cùng người, cơ quan, chức vụ, từ ngày).`,
  REGISTRY_DUPLICATE_RELATION: (p) => `Quan hệ này đã kê khai ở dòng ${p.firstRow}.`,
  REGISTRY_POST_HELD_TWICE: (p) =>
    `Chức vụ "${p.postId}" đã do "${p.otherPersonId}" đảm nhiệm trong cùng thời gian (dòng ${p.otherRow}); một chức vụ chỉ một người giữ tại một thời điểm.`,
  REGISTRY_CHANGE_BEFORE_LAST: (p) =>
    `"${p.id}" đã có thay đổi có hiệu lực từ ${date(p.lastFrom)}; thay đổi mới phải có hiệu lực từ ngày đó trở đi (không phải ${date(p.effectiveFrom)}).`,
  REGISTRY_NO_OPEN_MEMBERSHIP: (p) =>
    `Nhân sự "${p.personId}" không đang sinh hoạt/đảm nhiệm ở "${p.bodyId}" vào ngày ${date(p.effectiveFrom)}.`,
};

/** The Vietnamese message of an error. */
export function errorMessage(code: RegistryErrorCode, params: ErrorParams): string {
  return MESSAGES[code](params);
}

/** An error with its Vietnamese message. */
export function fileError(
  where: { sheet: string; row: number; column?: string },
  code: RegistryErrorCode,
  params: ErrorParams = {},
): RegistryFileError {
  return {
    sheet: where.sheet,
    row: where.row,
    column: where.column ?? '',
    code,
    params,
    message: MESSAGES[code](params),
  };
}
