// Bundles the extension client, the language server and the CLI into dist/.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Spectral's jsonc-parser dependency ships a UMD build that breaks when bundled; prefer ES modules.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const spectralMinify = { minify: false, minifyWhitespace: production, minifySyntax: production };

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The engine alone, for benchmarks and scripts that call it in-process.
  { entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' },
  // Spectral, heavy, in its own worker thread beside the server; rollup's optional macOS watcher is never used.
  // Identifiers are never minified: Spectral prints rule functions' names in its messages. (esbuild's keepNames
  // would keep them too, but wraps every function it creates, which costs Spectral half its speed.)
  { entryPoints: ['server/src/spectral/worker.ts'], outfile: 'dist/spectral-worker-main.js', external: ['fsevents'], ...spectralMinify },
  // The worker's entry: loads the bundle above through V8's code cache (server/src/code-cache.ts).
  { entryPoints: ['server/src/spectral/worker-start.ts'], outfile: 'dist/spectral-worker.js' },
  // What Prepare would write, measured for the status bar off the server's thread.
  { entryPoints: ['server/src/prepared-size/worker.ts'], outfile: 'dist/prepared-size-worker.js' },
  // The Spectral runner alone, in-process, for its benchmark.
  { entryPoints: ['server/src/spectral/index.ts'], outfile: 'dist/spectral.js', external: ['fsevents'], ...spectralMinify },
  // The settings forms' page script, for the webview (a browser, no Node).
  { entryPoints: ['client/webview/forms-page.ts'], outfile: 'dist/webview/forms.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // Its stylesheet beside it: the webview may read that one folder of the extension and no other.
  { entryPoints: ['media/forms.css'], outfile: 'dist/webview/forms.css', platform: 'browser', format: undefined, target: 'chrome120' },
];

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
