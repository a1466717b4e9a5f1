// `npm run e2e`: the browser tests against SPOTTER_URL, or, without it, against the built jar
// (../target/spotter.jar) started here on a free port with embedded Postgres/Redis in a temporary data dir.
// Each run registers a trainer; a server allows 10 registrations per address an hour by default, so
// for more runs start yours with SPOTTER_REGISTRATIONS_PER_IP=0 (the one started here has it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const JAR = resolve('../target/spotter.jar');

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function ready(url, server, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    const ok = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server at ${url} was not ready within ${timeoutMs / 1000} s`);
}

async function startServer() {
  if (!existsSync(JAR)) throw new Error(`no ${JAR}: run mvn package first, or set SPOTTER_URL to a running server`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'spotter-e2e-'));
  const url = `http://localhost:${port}`;
  const server = spawn('java', ['-jar', JAR], {
    env: { ...process.env, SPOTTER_PORT: String(port), SPOTTER_DATA_DIR: dataDir, SPOTTER_REGISTRATIONS_PER_IP: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await ready(url, server);
  return { url, stop: () => new Promise((done) => {
    server.once('exit', () => { rmSync(dataDir, { recursive: true, force: true }); done(); });
    server.kill('SIGTERM');
  }) };
}

const server = process.env.SPOTTER_URL ? null : await startServer();
const url = process.env.SPOTTER_URL ?? server.url;
console.log(`browser tests against ${url}`);
// Named one by one: given the directory, node --test would also run this file and its helpers.
const files = readdirSync('test/e2e').filter((f) => f.endsWith('.test.mjs')).map((f) => `test/e2e/${f}`);
const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  env: { ...process.env, SPOTTER_URL: url },
  stdio: 'inherit',
});
const code = await new Promise((done) => tests.on('exit', (c) => done(c ?? 1)));
await server?.stop();
process.exit(code);
