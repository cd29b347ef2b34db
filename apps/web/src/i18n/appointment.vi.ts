/**
 * Vietnamese labels of the appointment's forms (reappointment, transfer, rotation, ratification of a member the
 * lower committee elects), merged family by family into `vi.ts`. `appointment.en.ts` has the same shape.
 */
export const appointmentVi = {
  variant: {
    appointment: 'Bổ nhiệm (giới thiệu từ nguồn nhân sự tại chỗ)',
    reappointment: 'Bổ nhiệm lại',
    transfer: 'Điều động',
    rotation: 'Luân chuyển',
    ratification: 'Bầu bổ sung cấp ủy viên, cấp trên chuẩn y',
  },
  kindHelp: {
    appointment:
      'Bổ nhiệm, bổ nhiệm lại, điều động, luân chuyển một chức danh; hoặc cấp ủy bầu bổ sung cấp ủy viên và cấp trên chuẩn y',
  },
  launch: {
    appointmentVariant: 'Hình thức',
    appointmentVariantHelp: 'Trừ bổ nhiệm từ nguồn tại chỗ, chọn đúng một người ở danh sách bên dưới',
    postTitle: 'Chức danh',
    centralManagement: 'Chức danh thuộc diện Trung ương quản lý',
    appointmentNoPerson: 'Bổ nhiệm từ nguồn tại chỗ do tập thể lãnh đạo giới thiệu: không chọn trước người.',
    appointmentOnePerson: 'Chọn đúng một người được bổ nhiệm lại, điều động, luân chuyển hoặc bầu bổ sung.',
  },
  outcome: {
    ratified: 'Cấp trên đã chuẩn y',
  },
  event: {
    MemberRatified: 'Cấp trên chuẩn y cấp ủy viên được bầu bổ sung',
    MemberRatificationRefused: 'Cấp trên không chuẩn y cấp ủy viên được bầu bổ sung',
  },
  error: {
    APPOINTMENT_PERSON_MISSING: 'Cần nêu người được bổ nhiệm lại, điều động, luân chuyển hoặc bầu bổ sung.',
    APPOINTMENT_PERSON_UNEXPECTED: 'Bổ nhiệm từ nguồn tại chỗ do tập thể lãnh đạo giới thiệu, không nêu trước người.',
  },
};
