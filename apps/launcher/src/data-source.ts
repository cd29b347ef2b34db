/**
 * The standalone data source for TypeORM's CLI (`npm run migration:run`, `migration:generate`, ...), with every
 * migration of the system. It needs DATABASE_URL; `npm start` runs the migrations itself.
 */
import { loadConfig } from '@cadreflow/config';
import { createDataSource } from '@cadreflow/event-store';
import { apiEntities, apiMigrations } from '@cadreflow/api';

const config = loadConfig();
if (config.database.kind !== 'external') {
  throw new Error(
    'Migration commands need DATABASE_URL. The embedded database (npm start) runs its migrations itself.',
  );
}
export default createDataSource({
  url: config.database.url,
  poolSize: 2,
  extraEntities: apiEntities,
  extraMigrations: apiMigrations,
});
