// Where a screen pop's time goes: each posted → c360:timeline-rendered in the demo workspace, at a
// CPU throttling rate, recorded one of two ways and summed per run. Asserts nothing (noisy
// machines); measure-throttled.mjs gives the screen pop's length.
//
// trace (default): a Chromium trace (devtools timeline categories), as self time on the renderer's
//   main thread per trace event inside the window — script by file, style recalculation, layout,
//   paint, … — and how many of each. The panel shares the workspace's renderer process
//   (measure-throttled.mjs), so the workspace's own work is in it too.
// cpu: DevTools' sampling CPU profile (100 µs), by function, self and inclusive. Its window
//   includes this script's own CDP calls: read the figures against each other. "(program)" is the
//   renderer's native work, which the trace splits. The release build strips the wasm's name
//   section (its functions read `wasm-function[n]`); for names, build a copy that keeps them (over
//   the size ceiling, so without the compress hook):
//
//     git worktree add /tmp/names HEAD && cd /tmp/names
//     # index.html: add `data-keep-debug` to the rust <link> and `-g ` at the start of its
//     # data-wasm-opt-params; Trunk.toml: delete the [[hooks]] block
//     trunk build --release        # then C360_DIST=/tmp/names/dist for the command below
//
// waterfall: the same trace, run by run: each main-thread task in the window (start and length
//   from `posted`, ms) with what it did, the requests sent and finished, and the marks — the order
//   of things, which a sum hides. Printed for every run; read the median one.
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/profile-screen-pop.mjs [runs] [rate] [trace|cpu|waterfall]   # default 12, 4×, trace

import { startServer, launchBrowser, loadWorkspace, addSamples } from './harness.mjs';

const runs = Number(process.argv[2] ?? 12);
const rate = Number(process.argv[3] ?? 4);
const mode = process.argv[4] ?? 'trace';
const server = await startServer({ workspace: true });
const browser = await launchBrowser();
const self = new Map();
const inclusive = new Map();
const counts = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
let windowMs = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const session = await (await fetch(`${server.workspace}/session?tenantId=demo`)).json();
  const customers = session.customers.map((c) => c.phone);
  const recorder = mode === 'cpu' ? cpuProfile(cdp) : trace(page, mode === 'waterfall');
  let panel;
  for (let i = 0; i < runs; i++) {
    // A fresh panel before a customer comes round again (its cache would answer), warmed up by
    // one unmeasured interaction with a caller nobody knows.
    if (i % customers.length === 0) {
      panel = await loadWorkspace(page, server.workspace);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.evaluate((p) => window.workspace.start({ interactionType: 'phone', customerPhone: p }), session.unknownNumber);
      await panel.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
    }
    await panel.evaluate(() => performance.clearMarks());
    await recorder.start();
    await page.evaluate((p) => {
      performance.mark('posted');
      window.workspace.start({ interactionType: 'phone', customerPhone: p });
    }, customers[i % customers.length]);
    await panel.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
    await recorder.stop();
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

// Main-thread self time per trace event between the workspace's `posted` mark and the panel's.
function trace(page, waterfall) {
  return {
    start: () => browser.startTracing(page, {
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
    }),
    async stop() {
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      const mark = (n) => events.find((e) => e.name === n && e.ph !== 'e' && e.cat.includes('user_timing'))?.ts;
      const [from, to] = [mark('posted'), mark('c360:timeline-rendered')];
      if (!from || !to) throw new Error('the marks are not in the trace');
      windowMs += (to - from) / 1000;
      if (waterfall) return printWaterfall(events, from, to);
      const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`));
      const inside = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.ts + (e.dur ?? 0) > from && e.ts < to)
        .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      // An event's own time: its duration within the window less its children's.
      const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
      const open = [];
      const own = new Map();
      for (const e of inside) {
        while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
        own.set(e, clip(e));
        if (open.length) own.set(open.at(-1), own.get(open.at(-1)) - clip(e));
        open.push(e);
      }
      for (const [e, us] of own) {
        const url = e.args?.data?.url;
        const key = url !== undefined ? `${e.name} ${url.split('/').pop()}` : e.name;
        add(self, key, us / 1000);
        add(counts, key, 1);
      }
    },
  };
}

// One run's order of things on the renderer's main thread, ms from `posted`.
function printWaterfall(events, from, to) {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const on = (e) => main.has(`${e.pid}:${e.tid}`) && e.ts >= from - 1000 && e.ts <= to + 1000;
  const ms = (ts) => ((ts - from) / 1000).toFixed(1).padStart(6);
  const urls = new Map();
  const lines = [];
  // Which document a style, layout or paint was for: the panel's (its URL has `tenantId`) or the
  // workspace around it.
  const frames = new Map();
  for (const e of events) {
    const list = e.name === 'TracingStartedInBrowser' ? e.args?.data?.frames ?? []
      : e.name === 'FrameCommittedInBrowser' ? [e.args?.data] : [];
    for (const f of list) if (f?.frame) frames.set(f.frame, (f.url ?? '').includes('tenantId') ? ' (panel)' : ' (workspace)');
  }
  for (const e of events.filter((e) => e.name === 'ResourceSendRequest')) {
    const url = (e.args?.data?.url ?? '').replace(/^https?:\/\/[^/]+/, '').slice(0, 70);
    urls.set(e.args?.data?.requestId, url);
    if (e.ts >= from && e.ts <= to) lines.push([e.ts, `${ms(e.ts)}          → request ${url}`]);
  }
  for (const e of events.filter((e) => e.name === 'ResourceFinish' && e.ts >= from && e.ts <= to)) {
    lines.push([e.ts, `${ms(e.ts)}          ← finished ${urls.get(e.args?.data?.requestId) ?? '?'}`]);
  }
  for (const e of events.filter((e) => e.cat.includes('user_timing') && e.ph !== 'e' && e.ts >= from && e.ts <= to)) {
    lines.push([e.ts, `${ms(e.ts)}          ★ ${e.name}`]);
  }
  const tasks = events.filter((e) => e.ph === 'X' && on(e) && e.dur > 0 && e.ts < to && e.ts + e.dur > from)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const interesting = new Set(['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks',
    'v8.callFunction', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'ParseHTML', 'HitTest']);
  let top = null;
  let parts = new Map();
  const flush = () => {
    if (top && top.dur >= 300) {
      const what = [...parts].filter(([, us]) => us >= 200).sort((a, b) => b[1] - a[1])
        .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ');
      lines.push([top.ts, `${ms(top.ts)} ${(top.dur / 1000).toFixed(1).padStart(6)} ms  ${what}`]);
    }
  };
  for (const e of tasks) {
    if (!top || e.ts >= top.ts + top.dur) {
      flush();
      top = e;
      parts = new Map();
    } else if (interesting.has(e.name)) {
      const frame = e.args?.data?.frame ?? e.args?.beginData?.frame;
      const where = frame === undefined ? '' : frames.get(frame) ?? '';
      const key = e.name === 'EventDispatch' ? `event ${e.args?.data?.type}` : `${e.name}${where}`;
      parts.set(key, (parts.get(key) ?? 0) + e.dur);
    }
  }
  flush();
  console.log(`\nrun: ${((to - from) / 1000).toFixed(1)} ms`);
  console.log(lines.sort((a, b) => a[0] - b[0]).map(([, l]) => l).join('\n'));
}

// Sampled time per function, self and inclusive (each function once per sample).
function cpuProfile(cdp) {
  return {
    async start() {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      windowMs += addSamples(profile, self, inclusive);
    },
  };
}

const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, ms]) => {
  const times = counts.has(key) ? `${(counts.get(key) / runs).toFixed(1).padStart(6)}×  ` : '';
  return `${(ms / runs).toFixed(1).padStart(7)} ms  ${times}${key.slice(0, 150)}`;
}).join('\n');
console.log(`${runs} screen pops at ${rate}×, ${mode}: ${(windowMs / runs).toFixed(1)} ms per run recorded`);
console.log(`\nSELF, per run\n${top(self, mode === 'cpu' ? 40 : 30)}`);
if (mode === 'cpu') console.log(`\nINCLUSIVE, per run\n${top(inclusive, 160)}`);
