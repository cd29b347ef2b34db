/**
 * Vietnamese labels of the confidence vote and the annual classification (codes the engine sends, and their forms),
 * merged family by family into `vi.ts`. `procedures.en.ts` has the same shape.
 */
export const proceduresVi = {
  kind: {
    'cadre-opinion': 'Cho ý kiến về cán bộ theo đề nghị của cấp trên',
    'confidence-vote': 'Lấy phiếu tín nhiệm',
    classification: 'Đánh giá, xếp loại hằng năm',
  },
  kindHelp: {
    'cadre-opinion': 'Ghi nhận đề nghị của cơ quan cấp trên, Trung ương; Ban Thường vụ cho ý kiến về từng người',
    'confidence-vote': 'Ban Chấp hành lấy phiếu tín nhiệm; kết quả tín nhiệm thấp do cấp trên xem xét',
    classification: 'Ban Thường vụ xếp loại từng người trong năm; cấp trên phê duyệt',
  },
  status: {
    ANSWERING: 'Đang cho ý kiến',
    ANSWERED: 'Đã cho ý kiến',
    FOLLOW_UP: 'Cấp trên xem xét kết quả tín nhiệm thấp',
    GRADING: 'Đang xếp loại',
    REVIEW: 'Chờ cấp trên phê duyệt',
  },
  outcome: {
    'opinion-given': 'Đã cho ý kiến',
    classified: 'Đã xếp loại xong',
  },
  decisionKind: {
    'confidence-tally': 'Ghi kết quả lấy phiếu tín nhiệm',
    classification: 'Xếp loại',
  },
  event: {
    OpinionRequested: 'Nhận đề nghị cho ý kiến về cán bộ',
    OpinionGiven: 'Cho ý kiến về một cán bộ',
    ConfidenceVoteScheduled: 'Lên danh sách lấy phiếu tín nhiệm',
    ConfidenceRated: 'Ghi kết quả tín nhiệm của một người',
    ConfidenceConsequenceDecided: 'Cấp trên quyết định về kết quả tín nhiệm thấp',
    ClassificationScheduled: 'Lên danh sách đánh giá, xếp loại',
    ClassificationProposed: 'Ban Thường vụ xếp loại',
    ClassificationReturned: 'Cấp trên trả lại kết quả xếp loại',
    ClassificationApproved: 'Cấp trên phê duyệt kết quả xếp loại',
  },
  error: {
    OPINION_REQUEST_INCOMPLETE: 'Đề nghị còn thiếu số văn bản hoặc nội dung xin ý kiến.',
    CLASSIFICATION_EXCELLENT_OVER_QUOTA:
      'Số "Hoàn thành xuất sắc" ({{excellent}}) vượt quá 20% số "Hoàn thành tốt" ({{good}}): tối đa {{allowed}}.',
    CLASSIFICATION_GRADE_INVALID: 'Mức xếp loại không hợp lệ.',
    CLASSIFICATION_GRADE_MISSING: 'Còn người chưa được xếp loại.',
    CLASSIFICATION_YEAR_INVALID: 'Năm đánh giá không hợp lệ.',
    DECISION_NOT_REJECTABLE: 'Bước này chỉ phê duyệt hoặc trả lại, không bác bỏ.',
    DECISION_NOT_RETURNABLE: 'Bước này quyết định có hoặc không áp dụng biện pháp, không trả lại.',
  },
  step: {
    cadreOpinion: 'Ban Thường vụ cho ý kiến về cán bộ',
    confidenceVote: 'Ban Chấp hành ghi kết quả lấy phiếu tín nhiệm',
    confidenceFollowUp: 'Cấp trên xem xét kết quả tín nhiệm thấp',
    grading: 'Ban Thường vụ xếp loại (lần {{n}})',
    classificationApproval: 'Cấp trên phê duyệt kết quả xếp loại (lần {{n}})',
  },
  launch: {
    year: 'Năm đánh giá',
    yearRange: 'Nhập năm từ 1930 đến 2200',
  },
  confidence: {
    title: 'Kết quả lấy phiếu tín nhiệm',
    person: 'Người được lấy phiếu',
    high: 'Tín nhiệm cao',
    confidence: 'Tín nhiệm',
    low: 'Tín nhiệm thấp',
    highFor: 'Tín nhiệm cao — {{name}}',
    confidenceFor: 'Tín nhiệm — {{name}}',
    lowFor: 'Tín nhiệm thấp — {{name}}',
    ballotsOverPresent: 'Tổng số phiếu ({{total}}) lớn hơn số có mặt ({{present}})',
    submit: 'Ghi kết quả',
    measureTaken: 'Áp dụng biện pháp',
    measureNotTaken: 'Không áp dụng biện pháp',
  },
  consequence: {
    none: 'Không phải xem xét',
    review: 'Tín nhiệm thấp trên 1/2: xem xét, có thể xin thôi giữ chức vụ',
    dismissal: 'Tín nhiệm thấp từ 2/3 trở lên: xem xét cho thôi giữ chức vụ',
  },
  classification: {
    title: 'Xếp loại trong năm',
    gradeOf: 'Xếp loại — {{name}}',
    quota:
      'Số "Hoàn thành xuất sắc" ({{excellent}}) không được vượt quá 20% số "Hoàn thành tốt" ({{good}}): tối đa {{allowed}}',
    submit: 'Ghi kết quả xếp loại',
  },
  grade: {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    good: 'Hoàn thành tốt nhiệm vụ',
    completed: 'Hoàn thành nhiệm vụ',
    'not-completed': 'Không hoàn thành nhiệm vụ',
  },
  opinion: {
    requestedBy: 'Cơ quan đề nghị',
    requesterCentral: 'Ban Tổ chức Trung ương',
    requesterHigher: 'Cấp ủy cấp trên (Bộ Chính trị đối với cấp tỉnh)',
    reference: 'Số, ngày văn bản đề nghị',
    referenceHelp: 'Ví dụ: Công văn số 123-CV/BTCTW ngày 25/3/2025',
    matter: 'Nội dung xin ý kiến',
  },
};
