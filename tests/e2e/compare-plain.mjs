// Compares, in headless Chromium on loopback, unthrottled, the panel's cold load with a hand-written
// page that shows the same history with no framework (tests/e2e/plain/: the same identity match and
// insights request, the same row text set with textContent, no WebAssembly, no stylesheet). Both are
// served by the real server, from a temporary copy of the panel build with plain/ added, so they
// share origin, CSP, compression and caching. Each run loads both, in alternating order, each in a
// new browser context (empty HTTP cache), and takes navigation start → newest interaction visible
// (panel: mark c360:timeline-rendered; plain: mark plain:rendered, both on the next animation frame),
// and within it the render (c360:insights-received or plain:insights-received → that mark).
// Prints median and p90 of each and their ratio (the robust figure on a shared machine), then the
// panel's cold-load WATERFALL: medians over the runs, in ms from navigation start, of the document,
// each file, the WebAssembly instantiation (WebAssembly.instantiate* wrapped by an init script) and
// the app's start (trunk's TrunkApplicationStarted event), first contentful paint, each API request
// (start → end, and the one that ended last before it started), and the panel's marks; then the main
// thread's long tasks in the median run. Which request waits on which is then tested, not guessed
// from timing: one more cold load per API path holds that path's answers HOLD ms (page.route), and
// every request that starts that much later waits on it. Asserts nothing (noisy machines).
//
// `warm` measures a returning agent instead: each context loads the page once, waits 3 s (long
// enough for V8 to write its code cache for the wasm), and the measured load is a reload — files
// from the HTTP cache, the wasm's compiled code from V8's cache (trace-cold-load.mjs shows why that
// matters: a cold load compiles each function on its first call).
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/compare-plain.mjs [runs] [cold|warm]

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, DEMO_PHONE, here } from './harness.mjs';

const runs = Number(process.argv[2] ?? 30);
const warm = process.argv[3] === 'warm';
const dist = mkdtempSync(join(tmpdir(), 'c360-plain-'));
cpSync(process.env.C360_DIST ?? join(process.cwd(), 'dist'), dist, { recursive: true });
cpSync(join(here, 'plain'), join(dist, 'plain'), { recursive: true });

// Marks around the WebAssembly instantiation and the app's start (added before any page script runs).
const wasmMarks = () => {
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      performance.mark('wasm:instantiate-start');
      try { return await original.apply(WebAssembly, args); } finally { performance.mark('wasm:instantiated'); }
    };
  }
  addEventListener('TrunkApplicationStarted', () => performance.mark('wasm:app-started'));
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
    .observe({ type: 'longtask', buffered: true });
};
const HOLD = 1000;

const server = await startServer({ dist });
const browser = await launchBrowser();
const token = server.token();
const urls = {
  panel: server.panelUrl(token, { phoneNumber: DEMO_PHONE }),
  plain: `${server.base}/plain/index.html?${new URLSearchParams({ tenantId: 'demo', phoneNumber: DEMO_PHONE })}#token=${encodeURIComponent(token)}`,
};
const marks = { panel: 'c360:timeline-rendered', plain: 'plain:rendered' };
const loads = { panel: [], plain: [] };
const renders = { panel: [], plain: [] };
const waterfalls = [];

/** One cold load of `kind`; `hold` (a path) has its answers held back HOLD ms. */
async function coldLoad(kind, hold) {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  if (hold) await context.route((url) => url.pathname === hold, (route) => setTimeout(() => route.continue(), HOLD));
  const page = await context.newPage();
  if (kind === 'panel') await page.addInitScript(wasmMarks);
  await page.goto(urls[kind]);
  if (warm) {
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks[kind]);
    await page.waitForTimeout(3000);
    await page.reload();
  }
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, marks[kind]);
  if (kind === 'panel') await page.waitForLoadState('networkidle');
  const seen = await page.evaluate((m) => {
    const strip = (url) => url.replace(location.origin, '');
    return {
      at: performance.getEntriesByName(m)[0].startTime,
      rows: document.querySelectorAll('[data-testid=timeline-row]').length,
      first: document.querySelector('[data-testid=row-title]')?.textContent,
      html: performance.getEntriesByType('navigation')[0].responseEnd,
      resources: performance.getEntriesByType('resource')
        .map((e) => ({ name: strip(e.name), start: e.startTime, request: e.requestStart, end: e.responseEnd })),
      marks: performance.getEntriesByType('mark').map((e) => ({ name: e.name, at: e.startTime })),
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      longTasks: window.longTasks ?? [],
    };
  }, marks[kind]);
  await context.close();
  return seen;
}

const pick = (list, q) => {
  const s = list.filter((x) => x !== undefined).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (list) => pick(list, 0.5);
const firsts = {};
const waitsOn = {};
try {
  for (let i = 0; i < runs; i++) {
    for (const kind of i % 2 ? ['plain', 'panel'] : ['panel', 'plain']) {
      const seen = await coldLoad(kind);
      if (seen.rows === 0) throw new Error(`${kind}: no rows`);
      firsts[kind] = `${seen.rows} rows, newest "${seen.first}"`;
      loads[kind].push(seen.at);
      renders[kind].push(seen.at - seen.marks.find((m) => m.name === `${kind === 'panel' ? 'c360' : 'plain'}:insights-received`).at);
      if (kind === 'panel') waterfalls.push(seen);
    }
  }
  // The dependency probe: which API requests start only after a held path's answer, HOLD ms later.
  const paths = new Set(waterfalls.flatMap((w) => w.resources.map((r) => r.name.split('?')[0]).filter((n) => n.startsWith('/v1/'))));
  for (const path of paths) {
    const held = (await coldLoad('panel', path)).resources;
    const heldEnd = Math.min(...held.filter((r) => r.name.split('?')[0] === path).map((r) => r.end));
    for (const { name, start } of held) {
      const usual = median(waterfalls.map((w) => w.resources.find((r) => r.name === name)?.start));
      if (name.startsWith('/v1/') && name.split('?')[0] !== path && start >= heldEnd && start - usual > HOLD / 2) {
        (waitsOn[name] ??= []).push(path.replace('/v1/', '').replace('/tenants/demo', ''));
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dist, { recursive: true, force: true });
}

const ms = (x) => (x === undefined ? '—' : x.toFixed(1).padStart(7));
const stat = (list) => `median ${ms(median(list))} ms, p90 ${ms(pick(list, 0.9))} ms`;

console.log(`${warm ? 'warm (reload after 3 s)' : 'cold'} load, navigation start → newest interaction visible, ${runs} alternated runs each:`);
console.log(`  panel (c360:timeline-rendered): ${stat(loads.panel)}   [${firsts.panel}]`);
console.log(`  plain (plain:rendered):         ${stat(loads.plain)}   [${firsts.plain}]`);
console.log(`  of which insights received → rendered: panel ${stat(renders.panel)}; plain ${stat(renders.plain)}`);
const ratios = loads.panel.map((p, i) => p / loads.plain[i]);
console.log(`  ratio panel/plain: of medians ${(median(loads.panel) / median(loads.plain)).toFixed(2)}, ` +
  `median of per-run ratios ${median(ratios).toFixed(2)}, p90 ${pick(ratios, 0.9).toFixed(2)}`);

// The waterfall: each entry's median over the runs it appears in (a name seen twice in a run, like
// the favicon, is numbered).
const rows = new Map();
const add = (key, fields) => {
  if (!rows.has(key)) rows.set(key, { key, start: [], request: [], end: [] });
  for (const f of ['start', 'request', 'end']) if (fields[f] !== undefined) rows.get(key)[f].push(fields[f]);
};
for (const w of waterfalls) {
  add('document (HTML response end)', { start: 0, end: w.html });
  const count = new Map();
  for (const r of w.resources) {
    const n = (count.get(r.name) ?? 0) + 1;
    count.set(r.name, n);
    add(n > 1 ? `${r.name} (#${n})` : r.name, r);
  }
  for (const m of w.marks) add(`mark ${m.name}`, { start: m.at });
  if (w.paint !== undefined) add('first contentful paint', { start: w.paint });
}
const line = [...rows.values()].map((r) => ({ ...r, start: median(r.start), request: median(r.request), end: median(r.end) }))
  .sort((a, b) => a.start - b.start);
const api = line.filter((r) => r.key.startsWith('/v1/'));
console.log(`\nWATERFALL of the panel's cold load (median of ${waterfalls.length} runs, ms from navigation start):`);
console.log('   start  request      end  what');
for (const r of line) {
  let note = '';
  if (api.includes(r)) {
    const before = api.filter((o) => o !== r && o.end <= r.start).sort((a, b) => b.end - a.end)[0];
    const short = (key) => key.split('?')[0].replace('/v1/', '').replace('/tenants/demo', '');
    note = before ? `   [${(r.start - before.end).toFixed(1)} after ${short(before.key)} ended]` : '';
    note += `   waits on: ${waitsOn[r.key]?.join(', ') ?? 'nothing'}`;
  }
  console.log(`${ms(r.start)}  ${ms(r.request)}  ${ms(r.end)}  ${r.key}${note}`);
}
const middle = waterfalls.find((w) => w.at === median(waterfalls.map((x) => x.at)));
const busy = middle.longTasks.filter(([start]) => start < middle.at);
console.log(`  long tasks (≥50 ms) before the rendered mark, median run: ${busy.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(', ') || 'none'}` +
  ` (total ${busy.reduce((t, [, d]) => t + d, 0).toFixed(0)} ms)`);
const file = (suffix) => line.find((r) => r.key.endsWith(suffix));
const first = api[0];
if (file('_bg.wasm') && first) {
  console.log(`  wasm response end → first API request: ${(first.start - file('_bg.wasm').end).toFixed(1)} ms ` +
    '(compile, instantiate, mount until the first read)');
}
