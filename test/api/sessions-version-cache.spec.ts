import type { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { ApiSettings } from '../../apps/api/src/api-settings';
import { SessionsService } from '../../apps/api/src/auth/sessions.service';

/** A users table of one row whose token version the test raises, counting the reads. */
function usersTable(): { dataSource: DataSource; raise(): void; reads: () => number } {
  let version = 1;
  let reads = 0;
  const dataSource = {
    query: (sql: string) => {
      reads += 1;
      expect(sql).toContain('token_version');
      return Promise.resolve([{ token_version: version, revoked_sessions: [] }]);
    },
  } as unknown as DataSource;
  return { dataSource, raise: () => (version += 1), reads: () => reads };
}

describe('SessionsService token versions', () => {
  const settings = new ApiSettings('postgres://unused', 'localhost:7233', 'default', 'q', false, 'x'.repeat(32));

  it('answers from its cache within a second, but a token newer than the cache reads the version again', async () => {
    const table = usersTable();
    const sessions = new SessionsService(table.dataSource, {} as JwtService, settings);
    expect(await sessions.check('user/vanphong', 1, undefined, 0)).toBe('current');
    expect(await sessions.check('user/vanphong', 1, undefined, 500)).toBe('current');
    expect(table.reads()).toBe(1);

    // The user's roles change (the database raises the version) and they sign in again at once.
    table.raise();
    expect(await sessions.check('user/vanphong', 2, undefined, 600)).toBe('current');
    expect(table.reads()).toBe(2);
    // The token of before the change is revoked, from the cache.
    expect(await sessions.check('user/vanphong', 1, undefined, 700)).toBe('version');
    expect(table.reads()).toBe(2);
  });

  it('reads again after a second, so a revocation reaches a token the cache still held as current', async () => {
    const table = usersTable();
    const sessions = new SessionsService(table.dataSource, {} as JwtService, settings);
    expect(await sessions.check('user/phobithu', 1, undefined, 0)).toBe('current');
    table.raise();
    expect(await sessions.check('user/phobithu', 1, undefined, 2_000)).toBe('version');
    expect(table.reads()).toBe(2);
  });
});
