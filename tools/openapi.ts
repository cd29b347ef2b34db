/**
 * Writes the API's OpenAPI document to `apps/web/src/api/openapi.json`, which the web client is typed from
 * (`npm run openapi`). Needs no database or Temporal: the document comes from the module graph.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { previewOpenApiDocument } from '../apps/api/src/bootstrap';

/** Where the web app reads the document from. */
export const OPENAPI_PATH = join(__dirname, '..', 'apps', 'web', 'src', 'api', 'openapi.json');

/** The document as committed: pretty JSON with a final newline, so diffs stay readable. */
export function formatDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  writeFileSync(OPENAPI_PATH, formatDocument(await previewOpenApiDocument()));
  new Logger('openapi').log(`wrote ${OPENAPI_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    new Logger('openapi').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
