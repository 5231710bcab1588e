// End-to-end harness: starts the real c360-server (built by `cargo test`) on a fresh SQLite file
// and a free loopback port, serving the release build of the panel; drives Debian's Chromium
// through playwright-core; runs axe-core in the page.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const SERVER_BIN = process.env.C360_SERVER_BIN ?? join(process.cwd(), 'target/debug/c360-server');
const DIST = process.env.C360_DIST ?? join(process.cwd(), 'dist');

export const DEMO_PHONE = '+14155550100';
export const DEMO_EMAIL = 'maria.gonzalez@example.com';

/**
 * A running server on a temporary database; `stop()` ends it and removes the files. With
 * `workspace: true` it also serves the demo agent workspace on a second origin, and `workspace` is
 * that page's URL (http://127.0.0.1:PORT/demo/workspace). `dist` serves another build of the panel
 * than C360_DIST (a copy with extra pages, say).
 */
export async function startServer({ workspace = false, dist = DIST } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'c360-e2e-'));
  const db = join(dir, 'c360.sqlite');
  const args = ['serve', '--db', db, '--demo', '--static', dist, '--listen', '127.0.0.1:0'];
  if (workspace) args.push('--workspace-listen', '127.0.0.1:0');
  const child = spawn(SERVER_BIN, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, C360_LOG: 'info', NO_COLOR: '1' },
  });
  const { base, workspaceUrl } = await new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = log.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const w = log.match(/demo workspace on (http:\/\/127\.0\.0\.1:\d+\/demo\/workspace)/);
      if (m && (!workspace || w)) { clearTimeout(timer); resolve({ base: m[1], workspaceUrl: w?.[1] }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${log}`)); });
  });
  child.removeAllListeners('exit');
  const cli = (...args) => execFileSync(SERVER_BIN, [...args, '--db', db], { encoding: 'utf8' }).trim();
  return {
    base,
    ...(workspace ? { workspace: workspaceUrl } : {}),
    db,
    token: ({ tenant = 'demo', agent = 'E2E Agent', ttl = '1h' } = {}) =>
      cli('token', '--tenant', tenant, '--agent', agent, '--ttl', ttl),
    /** A new API key for the account owning `tenant` (a machine client, as another system would be). */
    apiKey: (tenant = 'demo') => cli('key', 'create', '--tenant', tenant),
    panelUrl(token, query) {
      return `${base}/?${new URLSearchParams({ tenantId: 'demo', ...query })}#token=${encodeURIComponent(token)}`;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r).once('error', r) && setTimeout(r, 2000));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the demo workspace at `url` in `page`, switches it to `tenant`, waits until the panel has
 * said `c360-ready-v1`, and returns the panel's frame.
 */
export async function loadWorkspace(page, url, tenant = 'demo') {
  const ready = () => page.waitForFunction(() => document.body.dataset.panelReady === 'true');
  await page.goto(url);
  await ready();
  if (tenant !== 'demo') {
    await page.selectOption('#tenant', tenant);
    await ready();
  }
  return page.frame({ name: 'c360-panel' });
}

/** Debian's Chromium, headless, as root-safe as the machines need. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      // V8 flags for a measurement's counterfactual (trace-cold-load.mjs); never set by the tests.
      ...(process.env.CHROMIUM_JS_FLAGS ? [`--js-flags=${process.env.CHROMIUM_JS_FLAGS}`] : [])],
  });
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) in the page; returns the violations, described. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the pages' CSP
  // (rightly) blocks inline scripts it has no hash for.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations;
}

/**
 * A native CRM client with an API key, as another system changing contacts would be:
 * `get(id)` → { contact, etag }, `patch(id, changes)` sends a JSON merge patch with the current
 * `If-Match` and returns the new contact.
 */
export function crmClient(base, key, tenant = 'demo') {
  const url = (path) => `${base}/v1/crm/tenants/${tenant}/contacts${path}`;
  const call = async (path, init = {}) => {
    const response = await fetch(url(path), { ...init, headers: { 'x-api-key': key, ...init.headers } });
    const body = await response.json();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
    return { body, etag: response.headers.get('etag') };
  };
  return {
    search: async (q) => (await call(`?q=${encodeURIComponent(q)}`)).body.contacts,
    related: async (id, interactionId) =>
      (await call(`/${encodeURIComponent(id)}/related?interactionId=${encodeURIComponent(interactionId)}`)).body.records,
    match: async (phoneNumber) => (await call(`?phoneNumber=${encodeURIComponent(phoneNumber)}`)).body.contacts,
    get: async (id) => {
      const { body, etag } = await call(`/${encodeURIComponent(id)}`);
      return { contact: body, etag };
    },
    /** `POST /activities` (an earlier record, as another system or agent made it). */
    async createActivity(activity) {
      const response = await fetch(`${base}/v1/crm/tenants/${tenant}/activities`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`POST /activities: ${response.status} ${JSON.stringify(body)}`);
      return body;
    },
    async patch(id, changes) {
      const { etag } = await this.get(id);
      const headers = { 'content-type': 'application/merge-patch+json', 'if-match': etag };
      const { body } = await call(`/${encodeURIComponent(id)}`, { method: 'PATCH', headers, body: JSON.stringify(changes) });
      return body;
    },
  };
}

export const here = dirname(new URL(import.meta.url).pathname);

/**
 * Adds a DevTools CPU profile's sampled time, ms per function, to `self` and `inclusive` (maps of
 * name → ms; each function counted once per sample); answers the profile's total ms. A wasm
 * function's name loses its hash (`::h0123…`); a nameless frame is its file's.
 */
export function addSamples(profile, self, inclusive) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = ({ callFrame: f }) =>
    f.functionName ? f.functionName.replace(/::h[0-9a-f]{16}$/, '') : `(${f.url.split('/').pop() || 'native'})`;
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let total = 0;
  profile.samples.forEach((id, k) => {
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    total += ms;
    add(self, name(byId.get(id)), ms);
    const stack = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) stack.add(name(byId.get(at)));
    for (const f of stack) add(inclusive, f, ms);
  });
  return total;
}
