// Runs the browser tests once against one server:
//   1. builds an index of corpus/ and starts `finwijzer serve` on a free loopback port (FINWIJZER_BIN,
//      default build/bin/finwijzer), or the mock when FINWIJZER_E2E_MOCK=1;
//   2. waits for /healthz, runs every *.test.mjs here with node:test (one file at a time);
//   3. always stops the server (SIGTERM), also on failure or Ctrl-C.
//
//   cd tests/e2e && npm ci && node run.mjs            # or: FINWIJZER_E2E_MOCK=1 node run.mjs
//   node run.mjs chat.test.mjs                        # only some files

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { E2E_DIR, startServer } from './server.mjs';

const wanted = process.argv.slice(2);
const files = (wanted.length ? wanted : readdirSync(E2E_DIR).filter((f) => f.endsWith('.test.mjs')).sort())
  .map((f) => path.resolve(E2E_DIR, f));

let server = null;
let stopping = null;
const stop = () => {
  stopping ??= (server ? server.stop() : Promise.resolve()).catch((err) => {
    console.error(`e2e: stopping the server failed: ${err.message}`);
  });
  return stopping;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stop().then(() => process.exit(130)));
}

let exitCode = 1;
try {
  server = await startServer();
  console.log(`e2e: ${server.kind} server at ${server.url}; ${files.length} test files`);
  process.env.FINWIJZER_E2E_URL = server.url; // the test files use it instead of starting their own
  process.env.FINWIJZER_E2E_KIND = server.kind;

  let failed = 0;
  let passed = 0;
  const stream = run({ files, concurrency: 1 });
  stream.on('test:fail', (event) => {
    if (event.details?.type !== 'suite') failed += 1;
  });
  stream.on('test:pass', (event) => {
    if (event.details?.type !== 'suite') passed += 1;
  });
  await new Promise((resolve, reject) => {
    stream.compose(spec).on('end', resolve).on('error', reject).pipe(process.stdout, { end: false });
  });
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (err) {
  console.error(`e2e: ${err.message}`);
} finally {
  await stop();
}
process.exitCode = exitCode;
