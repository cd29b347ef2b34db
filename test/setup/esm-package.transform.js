/**
 * Jest loads modules as CommonJS, and `@nestjs/terminus` ships ES modules only (Node itself requires them as they
 * are). This compiles such a package's files to CommonJS with TypeScript's own transpiler, after putting the
 * CommonJS spellings in place of the few `import.meta` uses (its own `require` and file name).
 */
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const commonJsSource = source
      .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(');
    const { outputText } = ts.transpileModule(commonJsSource, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    return { code: outputText };
  },
};
