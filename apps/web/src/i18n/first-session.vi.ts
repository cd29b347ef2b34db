/**
 * Vietnamese labels of the first session of the new executive committee (phiên họp thứ nhất của Ban Chấp hành khóa
 * mới): codes the engine sends and its forms, merged family by family into `vi.ts`. `first-session.en.ts` has the
 * same shape.
 */
export const firstSessionVi = {
  kind: {
    'first-session': 'Phiên họp thứ nhất của Ban Chấp hành khóa mới',
  },
  kindHelp: {
    'first-session':
      'Ban Chấp hành mới bầu Ban Thường vụ, Bí thư, Phó Bí thư, Ủy ban Kiểm tra và Chủ nhiệm; cấp trên chuẩn y',
  },
  stage: {
    'first-session': 'Phiên họp thứ nhất Ban Chấp hành',
  },
  status: {
    'first-session': 'Giai đoạn phiên họp thứ nhất',
    NOMINATING: 'Ban Chấp hành giới thiệu danh sách bầu',
    RATIFIED: 'Đã chuẩn y',
  },
  outcome: {
    'first-session-ratified': 'Cấp trên đã chuẩn y kết quả phiên họp thứ nhất',
  },
  decisionKind: {
    nomination: 'Giới thiệu danh sách bầu',
  },
  office: {
    'standing-committee': 'Ban Thường vụ',
    secretary: 'Bí thư',
    'deputy-secretaries': 'Phó Bí thư',
    'inspection-committee': 'Ủy ban Kiểm tra',
    'inspection-chair': 'Chủ nhiệm Ủy ban Kiểm tra',
  },
  /** An office as the object of an election ("bầu … "), in a step's title. */
  officeElected: {
    'standing-committee': 'Ủy viên Ban Thường vụ',
    secretary: 'Bí thư',
    'deputy-secretaries': 'Phó Bí thư',
    'inspection-committee': 'Ủy viên Ủy ban Kiểm tra',
    'inspection-chair': 'Chủ nhiệm Ủy ban Kiểm tra',
  },
  event: {
    FirstSessionScheduled: 'Triệu tập phiên họp thứ nhất của Ban Chấp hành khóa mới',
    FirstSessionOfficeOpened: 'Bắt đầu bầu một chức danh',
    FirstSessionCandidatesNominated: 'Ban Chấp hành giới thiệu danh sách bầu',
    FirstSessionRoundOpened: 'Mở vòng bầu',
    FirstSessionMemberElected: 'Một người trúng cử',
    FirstSessionRoundClosed: 'Kết thúc vòng bầu',
    FirstSessionOfficeFilled: 'Kết thúc bầu một chức danh',
    FirstSessionConcluded: 'Phiên họp thứ nhất bầu xong, trình cấp trên chuẩn y',
    FirstSessionRatified: 'Cấp trên chuẩn y kết quả phiên họp thứ nhất',
    FirstSessionReturned: 'Cấp trên trả lại kết quả phiên họp thứ nhất để bầu lại',
  },
  error: {
    FIRST_SESSION_ATTENDANCE_MISMATCH:
      'Số ủy viên Ban Chấp hành ghi trong biên bản ({{given}}) khác số ủy viên được bầu ({{members}}).',
    FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE: 'Người này không thuộc diện được bầu vào chức danh này.',
    FIRST_SESSION_CANDIDATE_NOT_MEMBER: 'Chỉ ủy viên Ban Chấp hành khóa mới mới được bầu tại phiên họp thứ nhất.',
    FIRST_SESSION_MEMBERS_TOO_FEW: 'Ban Chấp hành cần ít nhất {{min}} ủy viên, mới có {{members}}.',
    FIRST_SESSION_RELATIVES_LINKED_POSTS:
      'Không giới thiệu được {{personNames}}: là người thân (vợ, chồng, cha mẹ, cha mẹ vợ hoặc chồng, con, anh chị em ruột) của {{relativeNames}}, sẽ cùng giữ chức vụ có liên quan theo Quy định 205/114. Hãy giới thiệu người khác.',
    FIRST_SESSION_SEATS_INVALID:
      'Số lượng không hợp lệ: phải từ {{min}} đến {{max}} với Ban Chấp hành {{members}} người.',
    FIRST_SESSION_TOO_FEW_CANDIDATES: 'Danh sách có {{candidates}} người cho {{seats}} chỗ: cần ít nhất {{required}}.',
  },
  step: {
    firstSessionList: 'Ban Chấp hành giới thiệu danh sách bầu (bước {{n}})',
    firstSessionListOf: 'Ban Chấp hành giới thiệu danh sách bầu {{office}}',
    firstSessionRound: 'Ban Kiểm phiếu ghi kết quả bầu {{office}} (vòng {{n}})',
    firstSessionNextRound: 'Ban Chấp hành quyết định bầu tiếp {{office}} sau vòng {{n}}',
    firstSessionRoundOf: 'Ban Kiểm phiếu ghi kết quả bầu {{office}}',
    firstSessionNextRoundOf: 'Ban Chấp hành quyết định bầu tiếp {{office}}',
    firstSessionRatification: 'Cấp trên chuẩn y kết quả phiên họp thứ nhất',
  },
  launch: {
    firstSessionMembers: 'Ủy viên Ban Chấp hành khóa mới',
    firstSessionMembersHelp: 'Những người đại hội vừa bầu; chỉ họ được bầu vào các chức danh',
    standingCommitteeSeats: 'Số ủy viên Ban Thường vụ',
    deputySecretarySeats: 'Số Phó Bí thư',
    inspectionCommitteeSeats: 'Số ủy viên Ủy ban Kiểm tra',
    sessionDate: 'Ngày họp',
    firstSessionTooFew: 'Chọn ít nhất {{min}} ủy viên Ban Chấp hành khóa mới.',
    firstSessionSeats: 'Phải từ {{min}} đến {{max}} với số ủy viên đã chọn.',
  },
  firstSession: {
    nominate: 'Giới thiệu danh sách bầu',
    candidates: 'Người được giới thiệu',
    candidatesHelp: 'Chọn từ những người đủ điều kiện cho chức danh này',
    eligible: 'Đủ điều kiện',
    result: 'Kết quả bầu',
    resultsByOffice: 'Những người trúng cử theo chức danh',
    roundOfficialMembers: 'Số ủy viên Ban Chấp hành',
    roundExempt: 'Số ủy viên được miễn sinh hoạt',
    roundSuspended: 'Số ủy viên đang bị đình chỉ sinh hoạt',
    roundAbsentWithLeave: 'Số ủy viên vắng có lý do',
    roundPresent: 'Số ủy viên có mặt',
    roundSeats: '{{office}}: số chỗ cần bầu {{seats}}',
    noneElected: 'Chưa bầu chức danh nào',
  },
};
