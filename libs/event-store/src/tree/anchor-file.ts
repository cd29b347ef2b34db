import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Where tree heads are kept outside the database: an append-only text file, one cosigned C2SP note a record (a
 * note ends with its signature lines; records are separated by a line holding only `%%`). A database administrator
 * can rewrite the tables, not this file, when it lives on another disk, host or write-once store; by default it
 * sits beside the data folder, never inside it.
 */
export class AnchorFile {
  constructor(readonly path: string) {}

  /** The default place: `<data folder>-tree-heads.log`, beside the data folder. */
  static besideDataDir(dataDir: string): AnchorFile {
    return new AnchorFile(`${resolve(dataDir)}-tree-heads.log`);
  }

  async append(note: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${note}%%\n`, { mode: 0o644 });
  }

  /** The newest note, read from the end of the file (the file grows with every head). */
  async newest(): Promise<string | undefined> {
    let handle;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const records = buffer.toString('utf8').split('%%\n');
      // The first record may be cut by the window; the last one before the final separator is whole.
      return records.length >= 2 ? records[records.length - 2].replace(/^\n+/, '') : undefined;
    } finally {
      await handle.close();
    }
  }

  /** Every note in the file, oldest first; none when the file does not exist. */
  async notes(): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('%%\n')
      .filter((n) => n.trim() !== '')
      .map((n) => n.replace(/^\n+/, ''));
  }
}
