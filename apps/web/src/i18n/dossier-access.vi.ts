/**
 * Vietnamese labels of the personnel file access log (`/audit/dossier-access`), merged family by family into `vi.ts`.
 * `dossier-access.en.ts` has the same shape.
 */
export const dossierAccessVi = {
  nav: {
    dossierAccess: 'Nhật ký hồ sơ',
  },
  dossierAccess: {
    title: 'Nhật ký xem hồ sơ nhân sự',
    intro: 'Mọi lần xem hồ sơ nhân sự và mọi lần bị từ chối, mới nhất trước.',
    person: 'Hồ sơ của',
    reader: 'Người xem',
    days: 'Từ ngày – đến ngày',
    outcome: 'Kết quả',
    at: 'Thời điểm',
    roleOrReason: 'Vai trò / lý do từ chối',
    procedure: 'Quy trình',
    purpose: 'Mục đích đã nêu',
    searchPerson: 'Gõ tên để tìm',
    empty: 'Không có lần xem hay lần từ chối nào.',
    total: 'Tổng cộng {{count}} mục',
    procedureOf: '{{kind}} — {{organisationName}}',
  },
  dossierAccessOutcome: {
    read: 'Đã xem',
    refused: 'Bị từ chối',
  },
  dossierRefusal: {
    DOSSIER_NEED_TO_KNOW: 'Không có nhiệm vụ cần xem hồ sơ (không phải người quyết định bước đang mở)',
    DOSSIER_SELF: 'Hồ sơ của chính mình',
    DOSSIER_RELATIVE: 'Hồ sơ của người thân',
    DOSSIER_NO_ACTOR: 'Không đại diện cơ quan nào',
  },
  error: {
    DATE_RANGE_REVERSED: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.',
  },
};
