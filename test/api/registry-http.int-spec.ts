import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ApiSettings, DEMO_PASSWORD, createApiApp } from '@cadreflow/api';
import { demoIds, demoOrganisation, type OrganisationModel } from '@cadreflow/domain';
import { CheckpointSigner, TrustedKeys } from '@cadreflow/event-store';
import { sortModel } from '@cadreflow/registry';
import { createSeededDatabase } from '../support/full-stack';

/** The API alone over HTTP (no Temporal call is made by the registry routes), on a database set up as at first start. */
describe('registry over HTTP (real PostgreSQL)', () => {
  let app: INestApplication;
  let drop: () => Promise<void>;
  let clerk: string;
  let deputy: string;

  const server = () => app.getHttpServer() as Parameters<typeof request>[0];
  const login = async (username: string): Promise<string> => {
    const answer = await request(server()).post('/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    return (answer.body as { accessToken: string }).accessToken;
  };
  const get = (path: string, token = clerk) => request(server()).get(path).set('authorization', `Bearer ${token}`);
  const post = (path: string, token = clerk) => request(server()).post(path).set('authorization', `Bearer ${token}`);
  /** A JSON answer's body, for the assertions to read. */
  const json = (answer: { body: unknown }): Record<string, unknown> => answer.body as Record<string, unknown>;
  /** A file route's body as bytes. */
  const download = async (path: string): Promise<Buffer> =>
    (
      await get(path)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const exported = async (): Promise<OrganisationModel> =>
    JSON.parse((await download('/registry/export?format=json')).toString('utf8')) as OrganisationModel;
  const workbook = async (path: string): Promise<ExcelJS.Workbook> => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(path)) as unknown as ArrayBuffer);
    return book;
  };

  beforeAll(async () => {
    const database = await createSeededDatabase('reghttp');
    drop = database.drop;
    const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
    app = await createApiApp(
      new ApiSettings(database.url, '127.0.0.1:1', 'default', 'unused', false, 'registry-secret-long-enough-for-tests'),
      new TrustedKeys([signer.publicKey]),
      ['error'],
    );
    await app.init();
    clerk = await login('tochuc');
    deputy = await login('phobithu');
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('answers reads to any signed-in user, and none without a token', async () => {
    await request(server()).get('/registry/organisations').expect(401);
    const found = await get('/registry/organisations?q=bac%20ninh', deputy).expect(200);
    expect(found.body).toEqual({
      items: [
        {
          id: demoIds.province,
          name: 'Đảng bộ tỉnh Bắc Ninh',
          levelKind: 'province',
          levelName: 'Tỉnh, thành phố trực thuộc Trung ương',
          parentId: demoIds.national,
          parentName: 'Đảng Cộng sản Việt Nam',
        },
      ],
    });
    const people = await get(`/registry/people?q=${encodeURIComponent('trinh van to')}`, deputy).expect(200);
    expect(people.body).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 50,
      items: [{ id: 'person/bn-ot-01', fullName: 'Trịnh Văn Tổ' }],
    });
    const person = await get(`/registry/people/${encodeURIComponent('person/bn-12')}?on=2025-06-30`, deputy).expect(
      200,
    );
    expect(json(person).relatives).toMatchObject([{ personId: 'person/bn-40', kind: 'spouse' }]);
    const province = await get(`/registry/organisations/${encodeURIComponent(demoIds.province)}`).expect(200);
    expect(json(province).children).toHaveLength(3);
    expect((await get('/registry/people/nobody').expect(404)).body).toMatchObject({ code: 'REGISTRY_NOT_FOUND' });
    expect(json(await get('/registry/people?on=30/06/2025').expect(400)).message).toMatch(/^on: /);
  });

  it('the registry started with the demo province, imported like any file', async () => {
    expect(sortModel(await exported())).toEqual(sortModel(demoOrganisation));
  });

  it('serves the template with Vietnamese headers', async () => {
    expect((await get('/registry/template').expect(200)).headers['content-type']).toContain('spreadsheetml');
    const book = await workbook('/registry/template');
    expect(book.getWorksheet('Nhân sự')?.getRow(1).values).toEqual([
      undefined,
      'Mã nhân sự',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
    ]);
  });

  it('imports only for the Organization Committee; a bad file is all errors and changes nothing', async () => {
    const csv = Buffer.from('Mã nhân sự,Họ và tên,Giới tính,Ngày sinh\np1,Lê Văn A,Nam,1970\n');
    const refused = await post('/registry/imports', deputy).attach('file', csv, 'Nhân sự.csv').expect(403);
    expect(json(refused).code).toBe('NOT_ALLOWED');
    expect((await post('/registry/imports').field('kind', 'people').expect(400)).body).toMatchObject({
      code: 'VALIDATION',
      field: 'file',
    });
    expect(
      json(await post('/registry/imports').field('kind', 'cats').attach('file', csv, 'x.csv').expect(400)).message,
    ).toMatch(/^kind: /);

    const book = await workbook('/registry/export');
    const people = book.getWorksheet('Nhân sự')!;
    people.getRow(2).getCell(4).value = '30/02/1970';
    people.getRow(3).getCell(3).value = 'Khác';
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const preview = await post('/registry/imports').attach('file', bad, 'Tỉnh Bắc Ninh.xlsx').expect(200);
    expect(preview.body).toMatchObject({ valid: false, fileName: 'Tỉnh Bắc Ninh.xlsx' });
    expect(json(preview).errors).toEqual([
      expect.objectContaining({ sheet: 'Nhân sự', row: 2, column: 'Ngày sinh', code: 'REGISTRY_MALFORMED_DATE' }),
      expect.objectContaining({ sheet: 'Nhân sự', row: 3, column: 'Giới tính', code: 'REGISTRY_UNKNOWN_VALUE' }),
    ]);
    const rejected = await post(`/registry/imports/${json(preview).importId as string}/confirm`).expect(422);
    expect(json(rejected).code).toBe('REGISTRY_IMPORT_INVALID');
    expect(sortModel(await exported())).toEqual(sortModel(demoOrganisation));
  });

  it('previews, then confirms, an import; a preview older than the last change is refused with 409', async () => {
    const book = await workbook('/registry/export');
    book.getWorksheet('Nhân sự')!.getRow(2).getCell(2).value = 'Nguyễn Văn Mới';
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const first = await post('/registry/imports')
      .field('effectiveFrom', '2026-01-01')
      .attach('file', file, 'tinh.xlsx')
      .expect(200);
    const second = await post('/registry/imports').attach('file', file, 'tinh.xlsx').expect(200);
    expect(first.body).toMatchObject({ valid: true, errors: [], effectiveFrom: '2026-01-01' });
    expect(json(first).changes).toContainEqual({ kind: 'people', added: 0, changed: 1, removed: 0 });
    const confirmed = await post(`/registry/imports/${json(first).importId as string}/confirm`).expect(200);
    expect(confirmed.body).toEqual({ version: 8, events: 1 });
    await post(`/registry/imports/${json(first).importId as string}/confirm`).expect(200, confirmed.body);
    expect(json(await post(`/registry/imports/${json(second).importId as string}/confirm`).expect(409)).code).toBe(
      'REGISTRY_CHANGED_SINCE_PREVIEW',
    );
    const person = await get(`/registry/people/${encodeURIComponent('person/bn-01')}?on=2026-01-01`).expect(200);
    expect(json(person).fullName).toBe('Nguyễn Văn Mới');
    const before = await get(`/registry/people/${encodeURIComponent('person/bn-01')}?on=2025-12-31`).expect(200);
    expect(json(before).fullName).toBe(demoOrganisation.people[0].fullName);
  });

  it('records effective-dated changes; a bad change names its field and writes nothing', async () => {
    const missing = await post('/registry/changes')
      .send({ kind: 'person-moves', effectiveFrom: '2026-03-01', personId: 'person/bn-20' })
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION', field: 'fromBodyId' });
    expect(json(missing).message).toMatch(/fromBodyId/);
    const unknown = await post('/registry/changes')
      .send({ kind: 'person-joins', effectiveFrom: '2026-03-01', personId: 'person/ghost', bodyId: demoIds.finance })
      .expect(422);
    expect(unknown.body).toMatchObject({
      code: 'REGISTRY_UNKNOWN_PERSON',
      field: 'personId',
      params: { personId: 'person/ghost' },
    });
    await post('/registry/changes', deputy)
      .send({ kind: 'person-retires', effectiveFrom: '2026-03-01', personId: 'person/bn-20' })
      .expect(403);
    const moved = await post('/registry/changes')
      .send({
        kind: 'person-moves',
        effectiveFrom: '2026-03-01',
        personId: 'person/bn-20',
        fromBodyId: demoIds.police,
        bodyId: demoIds.finance,
        postId: 'post/bn-finance-deputy',
      })
      .expect(200);
    expect(moved.body).toEqual({ version: 10, events: 2 });
    const person = await get(`/registry/people/${encodeURIComponent('person/bn-20')}?on=2026-03-01`).expect(200);
    expect(json(person).posts).toEqual([
      {
        postId: 'post/bn-finance-deputy',
        title: 'Phó Giám đốc Sở Tài chính',
        bodyId: demoIds.finance,
        bodyName: 'Sở Tài chính',
        from: '2026-03-01',
        to: null,
      },
    ]);
  });
});
