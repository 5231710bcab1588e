// Where a cold load's time goes after the WebAssembly has started: V8 compiles each wasm function
// on its first call (lazy compilation, Liftoff), on the main thread, so code run for the first time
// is slower than the same code run again. Traces panel loads opened by link (Chromium trace with
// V8's wasm categories) and prints, per run and as medians: navigation start → app started →
// insights received → newest interaction visible, and the main thread's lazy compilation — how many
// functions, how long in all, and how much of it fell between the app's start and the rendered mark.
// Asserts nothing (noisy machines). Tracing itself slows a load: read the figures against each other.
//
//   node tests/e2e/trace-cold-load.mjs [runs] [cold|warm] [trace|cpu]
//
// cold (default): each load in a new browser context (empty HTTP cache), as compare-plain.mjs.
// warm: the same context loads the panel once, waits 3 s (V8 may write its code cache), and the
//   measured load is a reload — an agent opening the panel again on the same machine.
// cpu: instead of the trace, DevTools' sampling CPU profile (100 µs) of navigation → rendered, by
//   function, self and inclusive per run, as profile-screen-pop.mjs's cpu mode (its header says how
//   to build a copy of the panel whose wasm keeps its function names).
// CHROMIUM_JS_FLAGS=… passes V8 flags to the browser (e.g. --no-wasm-lazy-compilation, for the
// counterfactual of compiling every function ahead, which pages cannot ask for).

import { startServer, launchBrowser, DEMO_PHONE, addSamples } from './harness.mjs';

const runs = Number(process.argv[2] ?? 10);
const mode = process.argv[3] ?? 'cold';
const cpu = process.argv[4] === 'cpu';
const self = new Map();
const inclusive = new Map();
const server = await startServer();
const browser = await launchBrowser();
const url = server.panelUrl(server.token(), { phoneNumber: DEMO_PHONE });
const categories = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'];
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => performance.mark('wasm:app-started')));
    if (mode === 'warm') {
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
      await page.waitForTimeout(3000);
    }
    const cdp = cpu ? await context.newCDPSession(page) : null;
    if (cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    } else {
      await browser.startTracing(page, { categories });
    }
    await (mode === 'warm' ? page.reload() : page.goto(url));
    await page.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
    if (cpu) {
      addSamples((await cdp.send('Profiler.stop')).profile, self, inclusive);
      await context.close();
      continue;
    }
    const marks = Object.fromEntries(await page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await context.close();
    results.push(summarise(events, marks));
    const r = results.at(-1);
    console.log(`run ${i}: started ${r.started.toFixed(0)}, received ${r.received.toFixed(0)}, rendered ${r.rendered.toFixed(0)} ms; ` +
      `lazy compiles ${r.compiles} (${r.compileMs.toFixed(1)} ms), ${r.afterStartMs.toFixed(1)} ms of them after the start`);
  }
} finally {
  await browser.close();
  await server.stop();
}

// The trace's clock and the page's differ by an offset: the `c360:timeline-rendered` mark is in
// both. Lazy compilations (`wasm.CompileLazy`) on the renderer's main thread, as the page's times.
function summarise(events, marks) {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const rendered = events.find((e) => e.name === 'c360:timeline-rendered' && e.cat.includes('user_timing') && e.ph !== 'e');
  const toPage = (ts) => (ts - rendered.ts) / 1000 + marks['c360:timeline-rendered'];
  const compiles = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ at: toPage(e.ts), ms: e.dur / 1000 }))
    .filter((c) => c.at <= marks['c360:timeline-rendered']);
  const started = marks['wasm:app-started'];
  const sum = (list) => list.reduce((t, c) => t + c.ms, 0);
  return {
    started,
    received: marks['c360:insights-received'],
    rendered: marks['c360:timeline-rendered'],
    compiles: compiles.length,
    compileMs: sum(compiles),
    afterStartMs: sum(compiles.filter((c) => c.at >= started)),
  };
}

if (cpu) {
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([key, ms]) => `${(ms / runs).toFixed(1).padStart(7)} ms  ${key.slice(0, 150)}`).join('\n');
  console.log(`${mode} loads, ${runs} runs, CPU profile per run\n\nSELF\n${top(self, 40)}\n\nINCLUSIVE\n${top(inclusive, 160)}`);
  process.exit(0);
}
const median = (key) => {
  const s = results.map((r) => r[key]).sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
console.log(`\n${mode} loads, ${runs} runs${process.env.CHROMIUM_JS_FLAGS ? ` (V8 flags: ${process.env.CHROMIUM_JS_FLAGS})` : ''}, medians:`);
console.log(`  app started ${median('started').toFixed(1)} ms, insights received ${median('received').toFixed(1)} ms, ` +
  `newest interaction visible ${median('rendered').toFixed(1)} ms`);
console.log(`  main-thread lazy compilation: ${median('compiles')} functions, ${median('compileMs').toFixed(1)} ms, ` +
  `of which ${median('afterStartMs').toFixed(1)} ms between the app's start and the rendered mark ` +
  `(that span: ${(median('rendered') - median('started')).toFixed(1)} ms)`);
