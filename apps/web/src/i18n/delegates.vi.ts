/**
 * Vietnamese labels of the election of delegates to the higher congress (official and alternate), merged family by
 * family into `vi.ts`. `delegates.en.ts` has the same shape.
 */
export const delegatesVi = {
  launch: {
    alternateSeats: 'Số đại biểu dự khuyết',
    alternateSeatsHelp: 'Chỉ khi bầu đại biểu dự đại hội cấp trên: bầu chung một danh sách với đại biểu chính thức',
    delegateSeats: 'Số đại biểu chính thức dự đại hội cấp trên',
    delegateSeatsHelp: 'Bầu sau Ban Chấp hành; để trống nếu đại hội không bầu đại biểu',
    alternateDelegateSeats: 'Số đại biểu dự khuyết dự đại hội cấp trên',
    delegateCandidates: 'Danh sách bầu đại biểu dự đại hội cấp trên',
    congressFirstSession: 'Theo dõi cả phiên họp thứ nhất của Ban Chấp hành khóa mới',
    congressFirstSessionHelp:
      'Giai đoạn cuối của quy trình: Ban Chấp hành mới bầu Ban Thường vụ, Bí thư, Phó Bí thư, Ủy ban Kiểm tra và Chủ nhiệm Ủy ban Kiểm tra',
    congressInspectionSeats: 'Số ủy viên Ủy ban Kiểm tra bầu tại phiên họp thứ nhất',
    congressInspectionSeatsHelp: 'Ít nhất 1, không quá số ủy viên Ban Chấp hành',
    congressInspectionSeatsMissing: 'Nhập số ủy viên Ủy ban Kiểm tra (ít nhất 1)',
    congressInspectionSeatsRange: 'Số ủy viên Ủy ban Kiểm tra phải từ {{min}} đến {{max}}',
    delegateSeatsMissing: 'Nhập số đại biểu chính thức trước khi chọn đại biểu dự khuyết hoặc danh sách',
  },
  stage: {
    delegates: 'Bầu đại biểu dự đại hội cấp trên',
  },
  status: {
    delegates: 'Giai đoạn bầu đại biểu',
  },
  delegates: {
    title: 'Đại biểu dự đại hội cấp trên',
    official: 'Đại biểu chính thức',
    alternates: 'Đại biểu dự khuyết',
    name: 'Họ và tên',
    votes: 'Số phiếu',
    share: 'Tỉ lệ trên cơ sở',
    none: 'Không có',
  },
  outcome: {
    'delegates-elected': 'Đã bầu đại biểu chính thức và dự khuyết',
  },
  event: {
    DelegatesElected: 'Công bố đại biểu chính thức và đại biểu dự khuyết dự đại hội cấp trên',
  },
};
