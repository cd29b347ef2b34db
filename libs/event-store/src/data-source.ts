/**
 * The standalone data source for TypeORM's CLI (`npm run migration:run`, `migration:generate`, ...).
 * It needs DATABASE_URL; the embedded default runs its migrations itself at start.
 */
import { loadConfig } from '@cadreflow/config';
import { createDataSource } from './database/data-source.factory';

const config = loadConfig();
if (config.database.kind !== 'external') {
  throw new Error(
    'Migration commands need DATABASE_URL. The embedded database (npm start) runs its migrations itself.',
  );
}
export default createDataSource({ url: config.database.url, poolSize: 2 });
