// Measures the screen pop (demo workspace, `window.workspace.start(…)`, a
// new interaction each run: posted → c360:host-started → c360:insights-received →
// c360:timeline-rendered, the first screenful of the history painted) under DevTools CPU throttling
// at 1×, 4× and 6×, and the full history: with a `[data-testid=show-older]` button, its click → every
// interaction of the insights answer present as a `[data-testid=timeline-row]` (clicked again while
// the button stays), timed on the next animation frame; without one, the whole list is what
// c360:timeline-rendered marked, so full history = total.
//
// Throttling: `Emulation.setCPUThrottlingRate` slows the renderer process of the session's target.
// The workspace and the panel are different origins but the same site (127.0.0.1, ports apart), so
// Chromium keeps the panel in the workspace's process, not an out-of-process iframe: the page's one
// session throttles both (Playwright refuses a CDP session for a same-process frame). Should the panel
// ever be an OOPIF (a real deployment, another site), its own session is opened and throttled too.
// The workspace is reloaded (a fresh panel) before a customer comes round again, since the panel
// would answer a returning customer's contact history from its cache; reloads are not measured, and
// each is followed by one unmeasured interaction with an unknown caller (warm code).
// Each rate starts with a check that prints how much slower a fixed loop runs in the panel frame.
// The demo customers take turns (1 to 50 interactions each), so the longest history is also
// reported alone. Prints median, p90 and max per rate; asserts nothing (these machines are noisy).
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/measure-throttled.mjs [runs] [rates]    # runs per rate, default 30; rates, default 1,4,6
//   node tests/e2e/measure-throttled.mjs 30 1               # the unthrottled screen pop alone

import { startServer, launchBrowser, loadWorkspace } from './harness.mjs';

const runs = Number(process.argv[2] ?? 30);
const rates = (process.argv[3] ?? '1,4,6').split(',').map(Number);
const server = await startServer({ workspace: true });
const browser = await launchBrowser();
const tables = [];
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const pageSession = await context.newCDPSession(page);
  // The interactions in each insights answer, in arrival order (the full list's length).
  const answers = [];
  context.on('response', (r) => {
    if (r.url().includes('/interactions-insight')) answers.push(r.json().then((b) => b.interactions.length));
  });
  const session = await (await fetch(`${server.workspace}/session?tenantId=demo`)).json();
  const customers = session.customers.map((c) => c.phone);
  // A fresh workspace and panel, throttled. The panel keeps a returning customer's contact history
  // (its InsightsCache is keyed by contact, and a new interaction forgets only the phone number),
  // so it is reloaded before any customer comes round again: every run fetches.
  let panel;
  let frameSession = null;
  const open = async (rate) => {
    await frameSession?.detach().catch(() => {});
    panel = await loadWorkspace(page, server.workspace);
    frameSession = await context.newCDPSession(panel).catch(() => null);
    for (const cdp of [pageSession, frameSession]) await cdp?.send('Emulation.setCPUThrottlingRate', { rate });
    // One unmeasured interaction (a caller nobody knows) so that no measured one runs cold code.
    await page.evaluate((p) => window.workspace.start({ interactionType: 'phone', customerPhone: p }), session.unknownNumber);
    await panel.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
  };
  const loop = () => panel.evaluate(() => {
    const t = performance.now();
    for (let i = 0, x = 0; i < 2e7; i++) x += i % 7;
    return performance.now() - t;
  });
  let unthrottled;
  for (const rate of rates) {
    await open(rate);
    const check = Math.min(await loop(), await loop());
    unthrottled ??= check;
    const rows = { total: [], delivery: [], fetch: [], render: [], full: [], shown: [], clicked: [], size: [], before: [], wire: [], parse: [] };
    for (let i = 0; i < runs; i++) {
      if (i > 0 && i % customers.length === 0) await open(rate);
      await panel.evaluate(() => { performance.clearMarks(); performance.clearResourceTimings(); });
      answers.length = 0;
      // Each round of customers in another order: none is always the first after a reload.
      const phone = customers[(i + Math.floor(i / customers.length)) % customers.length];
      const posted = await page.evaluate((p) => {
        const at = performance.timeOrigin + performance.now();
        window.workspace.start({ interactionType: 'phone', customerPhone: p });
        return at;
      }, phone);
      await panel.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
      const m = await panel.evaluate(() => {
        const at = (name) => performance.timeOrigin + performance.getEntriesByName(name)[0].startTime;
        return {
          started: at('c360:host-started'),
          received: at('c360:insights-received'),
          rendered: at('c360:timeline-rendered'),
          request: performance.getEntriesByType('resource').filter((e) => e.name.includes('/interactions-insight'))
            .map((e) => [performance.timeOrigin + e.startTime, performance.timeOrigin + e.responseEnd]).at(-1),
          rows: document.querySelectorAll('[data-testid=timeline-row]').length,
          older: document.querySelector('[data-testid=show-older]') !== null,
        };
      });
      if (m.rows === 0) throw new Error('no timeline rows rendered');
      rows.total.push(m.rendered - posted);
      rows.delivery.push(m.started - posted);
      rows.fetch.push(m.received - m.started);
      rows.render.push(m.rendered - m.received);
      rows.before.push(m.request[0] - m.started);
      rows.wire.push(m.request[1] - m.request[0]);
      rows.parse.push(m.received - m.request[1]);
      rows.shown.push(m.rows);
      for (let wait = 0; answers.length === 0; wait += 5) {
        if (wait > 5000) throw new Error('no insights request: the history came from a cache');
        await new Promise((r) => setTimeout(r, 5));
      }
      const all = await answers.at(-1);
      rows.size.push(all);
      if (!m.older) {
        rows.full.push(m.rendered - posted);
        continue;
      }
      // In the panel: click until every row is there (a click may render at once or later), then
      // the next animation frame.
      rows.full.push(await panel.evaluate((all) => new Promise((done, fail) => {
        const count = () => document.querySelectorAll('[data-testid=timeline-row]').length;
        const start = performance.now();
        setTimeout(() => fail(new Error(`${count()} of ${all} rows after 10 s`)), 10_000);
        const step = () => {
          const before = count();
          if (before >= all) return requestAnimationFrame(() => done(performance.now() - start));
          document.querySelector('[data-testid=show-older]')?.click();
          if (count() !== before) return step();
          const observer = new MutationObserver(() => {
            if (count() !== before) { observer.disconnect(); step(); }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        };
        step();
      }), all));
      rows.clicked.push(rows.full.length - 1);
    }
    tables.push({ rate, check, slower: check / unthrottled, rows });
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

const pick = (s, q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
const stat = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return [pick(s, 0.5), pick(s, 0.9), s.at(-1)].map((x) => x.toFixed(1).padStart(8)).join('');
};
for (const { rate, check, slower, rows } of tables) {
  const shown = [...rows.shown].sort((a, b) => a - b);
  const clicked = rows.clicked.map((i) => rows.full[i]);
  console.log(`\nCPU throttling ${rate}×, ${runs} interactions (a fixed loop in the panel frame: ${check.toFixed(0)} ms, ` +
    `${slower.toFixed(1)}× the 1× run), ms:`);
  console.log(''.padEnd(54) + '  median     p90     max');
  console.log(`  total: posted → first screenful painted`.padEnd(54) + stat(rows.total));
  console.log('    delivery: postMessage delivered and parsed'.padEnd(54) + stat(rows.delivery));
  console.log('    fetch: host-started → insights received'.padEnd(54) + stat(rows.fetch));
  console.log('      host-started → insights request sent'.padEnd(54) + stat(rows.before));
  console.log('      insights request sent → response end'.padEnd(54) + stat(rows.wire));
  console.log('      response end → insights received (parsed)'.padEnd(54) + stat(rows.parse));
  console.log('    render: insights received → first screenful'.padEnd(54) + stat(rows.render));
  if (clicked.length) {
    console.log(`  full history: show-older click(s) → all rows painted`.padEnd(54) + stat(clicked) +
      `   (${clicked.length} of ${runs} runs had the button)`);
  } else {
    console.log('  full history: no show-older button, = total'.padEnd(54) + stat(rows.full));
  }
  console.log(`  rows in the first screenful: ${shown[0]}–${shown.at(-1)}, median ${pick(shown, 0.5)}`);
  // The customers take turns; the one with the longest history shows the cost of many rows.
  const most = Math.max(...rows.size);
  const hers = (list) => list.filter((_, i) => rows.size[i] === most);
  console.log(`  the longest history only (${most} interactions, ${hers(rows.total).length} runs):`);
  console.log('    total'.padEnd(54) + stat(hers(rows.total)));
  console.log('    render'.padEnd(54) + stat(hers(rows.render)));
}
