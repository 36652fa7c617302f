// Starts what the browser tests talk to, and stops it again:
//   FINWIJZER_E2E_URL=http://…   a server someone else started (run.mjs sets this for the test files)
//   FINWIJZER_E2E_MOCK=1         the mock (mock-server.mjs), for UI work only
//   otherwise                    the real `finwijzer serve` (FINWIJZER_BIN, default build/bin/finwijzer)
//                                on a fresh index of corpus/, on a free loopback port.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(E2E_DIR, '../..');
export const ARTIFACTS = path.join(E2E_DIR, 'artifacts');

const HEALTH_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 8000;

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end; rejects with its output when it fails. */
function runToEnd(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal || code}):\n${output}`));
    });
  });
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = null;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`finwijzer serve exited (${child.exitCode}) before /healthz answered; see artifacts/server.log`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      let status = 'ok';
      try { status = JSON.parse(body).status ?? 'ok'; } catch { /* a plain-text answer */ }
      if (res.ok && status === 'ok') return;
      lastError = new Error(`/healthz answered ${res.status}: ${body.trim()}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy server at ${url} within ${HEALTH_TIMEOUT_MS / 1000} s: ${lastError?.message}`);
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function startReal() {
  const bin = path.resolve(process.env.FINWIJZER_BIN || path.join(REPO, 'build/bin/finwijzer'));
  if (!existsSync(bin)) {
    throw new Error(`${bin} does not exist: build first (scripts/build.sh release) or set FINWIJZER_BIN`);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'finwijzer-e2e-'));
  const index = path.join(tmp, 'index');
  await runToEnd(bin, ['index', '--corpus', path.join(REPO, 'corpus'), '--out', index]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = createWriteStream(path.join(ARTIFACTS, 'server.log'));
  const child = spawn(bin, ['serve', '--index', index, '--listen', `127.0.0.1:${port}`,
    '--web', path.join(REPO, 'web')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((resolve) => child.once('close', resolve));
  const stop = async () => {
    await stopChild(child);
    await exited; // its output is flushed to the log
    log.end();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, kind: 'finwijzer', stop };
}

async function startMockServer() {
  const { startMock } = await import('./mock-server.mjs');
  const mock = await startMock({ webDir: path.join(REPO, 'web') });
  await waitForHealth(mock.url, null);
  return { url: mock.url, kind: 'mock', stop: () => mock.close() };
}

/** {url, kind, stop()}: the server the tests use. */
export async function startServer() {
  if (process.env.FINWIJZER_E2E_URL) {
    const url = process.env.FINWIJZER_E2E_URL.replace(/\/$/, '');
    return { url, kind: process.env.FINWIJZER_E2E_KIND || 'external', stop: async () => {} };
  }
  return process.env.FINWIJZER_E2E_MOCK === '1' ? startMockServer() : startReal();
}
