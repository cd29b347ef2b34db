/**
 * Vietnamese labels of the election of delegates to the higher congress (official and alternate), merged family by
 * family into `vi.ts`. `delegates.en.ts` has the same shape.
 */
export const delegatesVi = {
  launch: {
    alternateSeats: 'Số đại biểu dự khuyết',
    alternateSeatsHelp: 'Chỉ khi bầu đại biểu dự đại hội cấp trên: bầu chung một danh sách với đại biểu chính thức',
  },
  outcome: {
    'delegates-elected': 'Đã bầu đại biểu chính thức và dự khuyết',
  },
  event: {
    DelegatesElected: 'Công bố đại biểu chính thức và đại biểu dự khuyết dự đại hội cấp trên',
  },
};
