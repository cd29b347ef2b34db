import { rulebook2020to2025, regulation205LinkedPosts } from './rulebook-2020-2025.data';
import { type Rulebook } from './rulebook.types';

/** QĐ 114 adds the heads of 13 sectors in the same locality to the linked posts of QĐ 205. */
export const regulation114Sectors: readonly string[] = [
  'police',
  'military',
  'court',
  'procuracy',
  'inspectorate',
  'finance',
  'tax',
  'customs',
  'treasury',
  'natural-resources',
  'planning-investment',
  'state-audit',
  'market-surveillance',
];

/**
 * Rulebook for the 2025–2030 congress cycle: Chỉ thị 45-CT/TW (2025), Quy định 114 (2023), Quy định 80/377
 * (30 working days for posts under central management), Quyết định 190 (2024), and 48 months of service left
 * for re-election.
 */
export const rulebook2025to2030: Rulebook = {
  ...rulebook2020to2025,
  id: 'rulebook/2025-2030',
  title: 'Congress cycle 2025–2030',
  cycle: { startYear: 2025, endYear: 2030 },
  effectiveFrom: '2024-06-14',
  effectiveTo: undefined,
  documents: {
    ...rulebook2020to2025.documents,
    congressDirective: {
      number: '45-CT/TW',
      type: 'directive',
      issuer: 'Bộ Chính trị',
      issuedOn: '2025-04-14',
      title: 'Đại hội đảng bộ các cấp tiến tới Đại hội XIV (thay Chỉ thị 35-CT/TW năm 2024)',
    },
    powerControl: {
      number: '114-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2023-07-11',
      title: 'Kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ',
    },
    congressGuidance: {
      number: '26-HD/BTCTW',
      type: 'guidance',
      issuer: 'Ban Tổ chức Trung ương',
      issuedOn: '2024-11-28',
      title: 'Công tác nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025–2030',
    },
    reviewAndClassification: {
      number: '366-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2025-08-30',
      title: 'Kiểm điểm, đánh giá, xếp loại chất lượng',
    },
    introducingCadres: {
      number: '80-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2022-08-18',
      title: 'Phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử (sửa bởi 377-QĐ/TW)',
    },
    electionRegulations: {
      number: '190-QĐ/TW',
      type: 'decision',
      issuer: 'Ban Chấp hành Trung ương',
      issuedOn: '2024-10-17',
      title: 'Quy chế bầu cử trong Đảng',
    },
    confidenceVotes: {
      number: '96-QĐ/TW',
      type: 'regulation',
      issuer: 'Bộ Chính trị',
      issuedOn: '2023-02-02',
      title: 'Lấy phiếu tín nhiệm',
    },
  },
  age: { ...rulebook2020to2025.age, reElectionMonthsLeft: 48 },
  appointment: { ...rulebook2020to2025.appointment, deadlineWorkingDays: { standard: 15, centralManagement: 30 } },
  linkedPosts: [
    ...regulation205LinkedPosts,
    {
      kind: 'sector-heads-same-locality',
      id: 'linked/sector-heads-same-locality',
      description: 'Heads of the 13 sectors named by QĐ 114 in the same locality',
      sectors: regulation114Sectors,
    },
  ],
};
