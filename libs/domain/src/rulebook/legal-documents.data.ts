import { type DocumentReference } from './document-reference.types';

/**
 * A document as dated data: its reference (number, type, issuer, date issued) and the day it takes effect. Party
 * documents take effect on the day they are signed; a law on the day it names.
 */
export interface LegalDocument extends DocumentReference {
  /** Stable key of the catalogue, e.g. `qd-80-2022`. */
  readonly key: string;
  /** First day in force, `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** Where the date comes from when domain.md does not give it. */
  readonly dateSource?: string;
}

function doc(document: Omit<LegalDocument, 'effectiveFrom'> & { readonly effectiveFrom?: string }): LegalDocument {
  return { ...document, effectiveFrom: document.effectiveFrom ?? document.issuedOn };
}

/**
 * The documents the rules cite (domain.md §1). Numbers are reused, so each is keyed by number and year. Days
 * domain.md does not give are marked with their source.
 */
export const legalDocuments = {
  ct35of2019: doc({
    key: 'ct-35-2019',
    number: '35-CT/TW',
    type: 'directive',
    issuer: 'Bộ Chính trị',
    issuedOn: '2019-05-30',
    title: 'Đại hội đảng bộ các cấp tiến tới Đại hội XIII',
  }),
  ct35of2024: doc({
    key: 'ct-35-2024',
    number: '35-CT/TW',
    type: 'directive',
    issuer: 'Bộ Chính trị',
    issuedOn: '2024-06-14',
    title: 'Đại hội đảng bộ các cấp tiến tới Đại hội XIV',
    dateSource:
      'domain.md gives the year only; the day is the one the engine switched cycles on since its first version',
  }),
  ct45of2025: doc({
    key: 'ct-45-2025',
    number: '45-CT/TW',
    type: 'directive',
    issuer: 'Bộ Chính trị',
    issuedOn: '2025-04-14',
    title: 'Đại hội đảng bộ các cấp tiến tới Đại hội XIV (thay Chỉ thị 35-CT/TW năm 2024)',
    dateSource: 'domain.md gives the year only',
  }),
  qd205of2019: doc({
    key: 'qd-205-2019',
    number: '205-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2019-09-23',
    title: 'Kiểm soát quyền lực trong công tác cán bộ',
  }),
  qd114of2023: doc({
    key: 'qd-114-2023',
    number: '114-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2023-07-11',
    title: 'Kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ',
  }),
  hd26of2019: doc({
    key: 'hd-26-2019',
    number: '26-HD/BTCTW',
    type: 'guidance',
    issuer: 'Ban Tổ chức Trung ương',
    issuedOn: '2019-10-24',
    title: 'Công tác nhân sự đại hội đảng bộ các cấp',
    dateSource: 'domain.md gives the year only',
  }),
  hd26of2024: doc({
    key: 'hd-26-2024',
    number: '26-HD/BTCTW',
    type: 'guidance',
    issuer: 'Ban Tổ chức Trung ương',
    issuedOn: '2024-11-28',
    title: 'Công tác nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025–2030',
    dateSource: 'domain.md says "per congress cycle" and gives no day',
  }),
  hd21of2019: doc({
    key: 'hd-21-2019',
    number: '21-HD/BTCTW',
    type: 'guidance',
    issuer: 'Ban Tổ chức Trung ương',
    issuedOn: '2019-10-25',
    title: 'Kiểm điểm, đánh giá, xếp loại chất lượng',
    dateSource: 'domain.md gives the year only',
  }),
  qd366of2025: doc({
    key: 'qd-366-2025',
    number: '366-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2025-08-30',
    title: 'Kiểm điểm, đánh giá, xếp loại chất lượng',
    dateSource: 'domain.md gives the year only',
  }),
  qd105of2017: doc({
    key: 'qd-105-2017',
    number: '105-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2017-12-19',
    title: 'Phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    dateSource: 'domain.md gives the year only',
  }),
  qd80of2022: doc({
    key: 'qd-80-2022',
    number: '80-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2022-08-18',
    title: 'Phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
  }),
  qd377of2025: doc({
    key: 'qd-377-2025',
    number: '377-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2025-10-08',
    title:
      'Phân cấp quản lý cán bộ và quy hoạch, bổ nhiệm, giới thiệu ứng cử, tạm đình chỉ công tác, cho thôi giữ chức vụ, từ chức, miễn nhiệm đối với cán bộ (thay Quy định 80-QĐ/TW)',
    dateSource: 'domain.md gives the year only; the day is the published text’s (in force from signing)',
  }),
  qd244of2014: doc({
    key: 'qd-244-2014',
    number: '244-QĐ/TW',
    type: 'decision',
    issuer: 'Ban Chấp hành Trung ương',
    issuedOn: '2014-06-09',
    title: 'Quy chế bầu cử trong Đảng',
    dateSource: 'domain.md gives the year only',
  }),
  qd190of2024: doc({
    key: 'qd-190-2024',
    number: '190-QĐ/TW',
    type: 'decision',
    issuer: 'Ban Chấp hành Trung ương',
    issuedOn: '2024-10-17',
    title: 'Quy chế bầu cử trong Đảng',
    dateSource: 'domain.md gives the year only',
  }),
  qd262of2014: doc({
    key: 'qd-262-2014',
    number: '262-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2014-10-08',
    title: 'Lấy phiếu tín nhiệm',
    dateSource: 'domain.md gives the year only',
  }),
  qd96of2023: doc({
    key: 'qd-96-2023',
    number: '96-QĐ/TW',
    type: 'regulation',
    issuer: 'Bộ Chính trị',
    issuedOn: '2023-02-02',
    title: 'Lấy phiếu tín nhiệm',
    dateSource: 'domain.md gives the year only',
  }),
  labourCode2012: doc({
    key: 'blld-2012',
    number: '10/2012/QH13',
    type: 'law',
    issuer: 'Quốc hội',
    issuedOn: '2012-06-18',
    effectiveFrom: '2013-05-01',
    title: 'Bộ luật Lao động (điều 115: ngày nghỉ lễ; điều 187: tuổi nghỉ hưu)',
    dateSource: 'not in domain.md; the law’s own text',
  }),
  labourCode2019: doc({
    key: 'blld-2019',
    number: '45/2019/QH14',
    type: 'law',
    issuer: 'Quốc hội',
    issuedOn: '2019-11-20',
    effectiveFrom: '2021-01-01',
    title: 'Bộ luật Lao động (điều 112: ngày nghỉ lễ; điều 169: tuổi nghỉ hưu)',
    dateSource: 'not in domain.md; the law’s own text',
  }),
} as const satisfies Record<string, LegalDocument>;
