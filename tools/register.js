// Runs TypeScript entry points directly: path aliases from tsconfig.json and a fast, transpile-only compile.
// Type checking is `npm run typecheck`; this only has to load the code.
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
process.env.TS_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.json');
require('ts-node/register');
require('tsconfig-paths/register');
require('reflect-metadata');
