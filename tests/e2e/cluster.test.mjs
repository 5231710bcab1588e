// The production layout end to end: `cargo xtask cluster` (PostgreSQL, two c360-server instances,
// nginx in front) serves the release panel; the demo workspace, also through nginx, pops a caller;
// both instances answer; one stops under load and no request fails.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, loadWorkspace, DEMO_PHONE } from './harness.mjs';

const SERVER_BIN = process.env.C360_SERVER_BIN ?? join(process.cwd(), 'target/debug/c360-server');
const DIST = process.env.C360_DIST ?? join(process.cwd(), 'dist');

let cluster;
let browser;

/**
 * Starts `cargo xtask cluster` on the built server and panel, in a temporary folder, and waits for
 * its links. `stop()` ends it (SIGTERM: it stops its parts in order) and removes the folder.
 */
async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'c360-cluster-'));
  const args = ['cluster', '--server', SERVER_BIN, '--static', DIST, '--dir', dir,
    '--listen', '127.0.0.1:0', '--workspace', '127.0.0.1:0'];
  const [program, programArgs] = process.env.C360_XTASK_BIN
    ? [process.env.C360_XTASK_BIN, args]
    : ['cargo', ['run', '--quiet', '--package', 'xtask', '--', ...args]];
  const child = spawn(program, programArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { err += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = (pattern) => out.match(pattern);
  const waitFor = async (pattern, ms) => {
    const deadline = Date.now() + ms;
    while (!line(pattern)) {
      if (child.exitCode !== null) throw new Error(`the cluster exited:\n${out}\n${err}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return line(pattern);
  };
  await waitFor(/^nginx: /m, 180_000);
  const panel = line(/^Panel: (http:\/\/[^/]+)\/\S*#token=(\S+)$/m);
  const instances = [...out.matchAll(/^Instance (\d+): (http:\/\/\S+) \(pid (\d+)/gm)]
    .map(([, n, base, pid]) => ({ n: Number(n), base, pid: Number(pid) }));
  return {
    origin: panel[1],
    token: decodeURIComponent(panel[2]),
    workspace: line(/^Workspace: (\S+)$/m)[1],
    instances,
    waitFor,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

before(async () => {
  cluster = await startCluster();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await cluster?.stop();
});

const insight = (query) => `${cluster.origin}/v1/public/tenants/demo/interactions-insight?${query}`;
const get = (url) => fetch(url, { headers: { authorization: `Bearer ${cluster.token}` } });

/** Starts a call from the demo customer in the workspace and waits for the popped history. */
async function popCaller(page, panel) {
  await page.evaluate((phone) => window.workspace.start({ interactionType: 'phone', customerPhone: phone }), DEMO_PHONE);
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100');
  assert.equal(await panel.getByTestId('timeline-row').count(), 10);
}

test('through the load balancer a call pops the caller, and both instances answer', async () => {
  assert.equal(cluster.instances.length, 2);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const panel = await loadWorkspace(page, cluster.workspace);
  assert.equal(new URL(panel.url()).origin, cluster.origin, 'the panel comes from the load balancer');
  await popCaller(page, panel);
  assert.deepEqual(errors, []);
  await context.close();

  const answeredBy = new Set();
  for (let i = 0; i < 6; i++) {
    const reply = await get(insight('phoneNumber=%2B14155550100'));
    assert.equal(reply.status, 200);
    answeredBy.add(reply.headers.get('x-c360-instance'));
  }
  assert.deepEqual([...answeredBy].sort(), cluster.instances.map((i) => i.base.slice('http://'.length)).sort());
});

test('an instance stopped under load loses no request, and the panel keeps working', async () => {
  const statuses = [];
  let sent = 0;
  const worker = async () => {
    while (sent < 400) {
      sent += 1;
      const reply = await get(insight(`phoneNumber=%2B1415555010${sent % 4}`));
      await reply.arrayBuffer();
      statuses.push(reply.status);
    }
  };
  const load = Promise.all(Array.from({ length: 8 }, worker));
  while (statuses.length < 80) await new Promise((r) => setTimeout(r, 10));
  const [first] = cluster.instances;
  process.kill(first.pid, 'SIGTERM');
  await load;
  await cluster.waitFor(new RegExp(`^Instance ${first.n} stopped \\(exit status: 0\\)`, 'm'), 30_000);
  assert.equal(statuses.length, 400);
  assert.deepEqual(statuses.filter((s) => s !== 200), [], 'every request answered 200');

  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await popCaller(page, await loadWorkspace(page, cluster.workspace));
  await context.close();
});
