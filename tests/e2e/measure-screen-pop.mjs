// Measures, in headless Chromium on loopback, the screen pop: from the demo workspace posting
// `aw-interaction-started-v1` to the panel showing the caller's profile and full timeline (mark
// c360:timeline-rendered, taken on the next animation frame after the rows are mounted). The two
// windows are on different origins; both clocks are read as `performance.timeOrigin + t`, which is
// the same wall clock on one machine. Each run is a new interaction (its history is fetched, not
// taken from the cache). Prints median and p90 with the split; asserts nothing (noisy machines).
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/measure-screen-pop.mjs [runs]

import { startServer, launchBrowser, loadWorkspace } from './harness.mjs';

const runs = Number(process.argv[2] ?? 30);
const server = await startServer({ workspace: true });
const browser = await launchBrowser();
const rows = { total: [], delivery: [], fetch: [], render: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const panel = await loadWorkspace(page, server.workspace);
  const session = await (await fetch(`${server.workspace}/session?tenantId=demo`)).json();
  const customers = session.customers.map((c) => c.phone);
  for (let i = 0; i < runs; i++) {
    await panel.evaluate(() => performance.clearMarks());
    const phone = customers[i % customers.length];
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
        rows: document.querySelectorAll('[data-testid=timeline-row]').length,
      };
    });
    if (m.rows === 0) throw new Error('no timeline rows rendered');
    rows.total.push(m.rendered - posted);
    rows.delivery.push(m.started - posted);
    rows.fetch.push(m.received - m.started);
    rows.render.push(m.rendered - m.received);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
const stat = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const pick = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${pick(0.5).toFixed(1)} ms, p90 ${pick(0.9).toFixed(1)} ms`;
};
console.log(`aw-interaction-started-v1 posted → profile + full timeline rendered, ${runs} interactions: ${stat(rows.total)}`);
console.log(`  postMessage delivered and parsed: ${stat(rows.delivery)}`);
console.log(`  insights request (loopback, debug server): ${stat(rows.fetch)}`);
console.log(`  response → timeline rendered: ${stat(rows.render)}`);
