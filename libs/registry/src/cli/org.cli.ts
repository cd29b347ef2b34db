/**
 * `npm run org -- <command>`: the organisation registry on the command line (Organization Committee staff).
 *
 *   import <file> [--kind K] [--effective-from YYYY-MM-DD]   check the file, then record it; exit 1 on any error
 *   validate <file> [--kind K] [--effective-from YYYY-MM-DD] check the file against the registry; record nothing
 *   export [--format xlsx|json] [--on YYYY-MM-DD] [--out F]  the registry as of a date (default today, xlsx)
 *   template [--out F]                                       the empty .xlsx template with Vietnamese headers
 *
 * The database is found like `npm run audit` finds it: DATABASE_URL, else a running `npm start`, else the embedded
 * server on the data folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { ConfigValidationError, loadConfig } from '@cadreflow/config';
import { EventStore, createDataSource, provideDatabase, resolveSigner } from '@cadreflow/event-store';
import { todayIso } from '../file/civil-date';
import { RECORD_KINDS, type RecordKind } from '../file/registry-columns';
import type { RegistryFileError } from '../file/registry-errors';
import { writeWorkbook } from '../file/registry-file.writer';
import type { ChangeCount } from '../storage/registry-plan';
import { RegistryStore } from '../storage/registry.store';
import { RegistryWriter } from '../storage/registry.writer';
import { CreateRegistry1763786000000 } from '../migrations/1763786000000-CreateRegistry';

const USAGE = `Cách dùng / Usage: npm run org -- <lệnh>
  import <tệp> [--kind K] [--effective-from YYYY-MM-DD]    kiểm tra rồi ghi tệp vào sổ tổ chức (lỗi: không ghi gì, thoát 1)
  validate <tệp> [--kind K] [--effective-from YYYY-MM-DD]  chỉ kiểm tra tệp, không ghi
  export [--format xlsx|json] [--on YYYY-MM-DD] [--out F]   xuất sổ tổ chức tại một ngày
  template [--out F]                                        mẫu .xlsx có tiêu đề tiếng Việt
Loại dữ liệu (--kind) của tệp CSV: ${RECORD_KINDS.join(', ')}`;

class UsageError extends Error {}

interface Args {
  command: 'import' | 'validate' | 'export' | 'template';
  file?: string;
  kind?: RecordKind;
  effectiveFrom?: string;
  format: 'xlsx' | 'json';
  on?: string;
  out?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'import' && command !== 'validate' && command !== 'export' && command !== 'template') {
    throw new UsageError(command ? `Lệnh không rõ / unknown command "${command}".` : 'Thiếu lệnh / no command given.');
  }
  const args: Args = { command, format: 'xlsx' };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} cần một giá trị / needs a value.`);
      return v;
    };
    if (flag === '--kind') {
      const kind = value();
      if (!(RECORD_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind: "${kind}" không hợp lệ.`);
      args.kind = kind as RecordKind;
    } else if (flag === '--effective-from' || flag === '--on') {
      const date = value();
      if (!DATE.test(date)) throw new UsageError(`${flag}: ngày ghi dạng YYYY-MM-DD (got "${date}").`);
      if (flag === '--on') args.on = date;
      else args.effectiveFrom = date;
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'xlsx' && format !== 'json') throw new UsageError(`--format: xlsx hoặc json (got "${format}").`);
      args.format = format;
    } else if (flag === '--out') args.out = value();
    else if (!flag.startsWith('--') && args.file === undefined) args.file = flag;
    else throw new UsageError(`Tùy chọn không rõ / unknown option "${flag}".`);
  }
  if ((command === 'import' || command === 'validate') && !args.file) {
    throw new UsageError(`${command}: thiếu tên tệp / no file given.`);
  }
  return args;
}

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function printErrors(errors: RegistryFileError[]): void {
  out(
    `Tệp có ${errors.length} lỗi; không có gì được ghi. / The file has ${errors.length} error(s); nothing was recorded.`,
  );
  for (const e of errors) {
    const where = [e.sheet, e.row > 0 ? `dòng ${e.row}` : 'dữ liệu hiện có', e.column ? `cột "${e.column}"` : '']
      .filter(Boolean)
      .join(', ');
    out(`  ${where}: ${e.message} [${e.code}]`);
  }
}

function printChanges(changes: ChangeCount[]): void {
  for (const c of changes) out(`  ${c.kind.padEnd(12)} thêm ${c.added}, sửa ${c.changed}, bỏ ${c.removed}`);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'template') {
    const file = args.out ?? 'mau-nhap-to-chuc.xlsx';
    await writeFile(file, await writeWorkbook());
    out(`Đã ghi mẫu / template written: ${file}`);
    return 0;
  }
  const config = loadConfig();
  const database = await provideDatabase(config.database, config.dataDir);
  const dataSource = createDataSource({
    url: database.url,
    poolSize: 4,
    extraMigrations: [CreateRegistry1763786000000],
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const store = new EventStore(dataSource);
    // The checkpointer signs only events whose append carries a receipt signed with the log's key.
    store.sealWith(await resolveSigner(config.signingKeyPem, config.dataDir));
    const registry = new RegistryStore(dataSource, store);
    const writer = new RegistryWriter(dataSource, registry);
    if (args.command === 'export') {
      const on = args.on ?? todayIso();
      const { model, version } = await registry.model(on);
      const file = args.out ?? `to-chuc-${on}.${args.format}`;
      await writeFile(
        file,
        args.format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : await writeWorkbook(model),
      );
      out(`Đã xuất sổ tổ chức ngày ${on} (phiên bản ${version}) / exported: ${file}`);
      return 0;
    }
    const file = { content: await readFile(args.file!), fileName: basename(args.file!), kind: args.kind };
    const options = { effectiveFrom: args.effectiveFrom };
    if (args.command === 'validate') {
      const checked = await writer.check(file, options);
      if (!checked.valid) {
        printErrors(checked.errors);
        return 1;
      }
      out(`Tệp hợp lệ; nếu nhập sẽ thay đổi (từ ${checked.effectiveFrom}): / valid; importing would change:`);
      printChanges(checked.changes);
      return 0;
    }
    const actor = { actorId: `cli/${userInfo().username}`, actorRole: 'organization-committee', bodyId: 'cli' };
    const { preview, result } = await writer.importFile(file, actor, options);
    if (!result) {
      printErrors(preview.errors);
      return 1;
    }
    out(`Đã nhập ${file.fileName}: ${result.events} sự kiện, sổ tổ chức phiên bản ${result.version}. / imported.`);
    printChanges(preview.changes);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
