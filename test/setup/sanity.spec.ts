describe('test setup', () => {
  it('gives every test file the URL of the run-wide PostgreSQL', () => {
    expect(process.env.CADREFLOW_TEST_ADMIN_URL).toMatch(/^postgres(ql)?:\/\//);
  });
});
