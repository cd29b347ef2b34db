// Runs TypeScript entry points directly: path aliases from tsconfig.json and a fast, transpile-only compile.
// Type checking is `npm run typecheck`; this only has to load the code.
process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
process.env.TS_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.json');

// ts-node loads Node's `repl` for its REPL, which these processes never start, and `repl` loads `domain`, which
// makes every EventEmitter in the process slower to create (about 250 ns instead of 35: sockets, HTTP requests,
// streams, database queries). ts-node gets `repl` on first use instead.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'repl' && /[\\/]ts-node[\\/]/.test(parent?.filename ?? '')) {
    let repl;
    return new Proxy({}, { get: (_, key) => (repl ??= load.call(this, request, parent, isMain))[key] });
  }
  return load.call(this, request, parent, isMain);
};
try {
  require('ts-node/register');
} finally {
  Module._load = load;
}
require('tsconfig-paths/register');
require('reflect-metadata');
