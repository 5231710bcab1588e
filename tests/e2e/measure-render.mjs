// Measures, in headless Chromium, over repeated cold page loads of the demo customer (a new browser
// context each time: empty HTTP cache), the cold load — navigation start to the timeline's first
// screenful (10 of the 50 rows since issue 14) rendered (mark c360:timeline-rendered, taken on the
// next animation frame) — and within it the
// render: the insights response arriving in the panel (mark c360:insights-received) to that same
// mark. Prints median and p90; asserts nothing (these machines are noisy).
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/measure-render.mjs [runs]

import { startServer, launchBrowser, DEMO_PHONE } from './harness.mjs';

const runs = Number(process.argv[2] ?? 30);
const server = await startServer();
const browser = await launchBrowser();
const token = server.token();
const spans = [];
const loads = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.panelUrl(token, { phoneNumber: DEMO_PHONE }));
    await page.waitForFunction(() => performance.getEntriesByName('c360:timeline-rendered').length > 0);
    const { span, load, rows } = await page.evaluate(() => {
      const received = performance.getEntriesByName('c360:insights-received')[0].startTime;
      const rendered = performance.getEntriesByName('c360:timeline-rendered')[0].startTime;
      return {
        span: rendered - received,
        load: rendered,
        rows: document.querySelectorAll('[data-testid=timeline-row]').length,
      };
    });
    if (rows !== 10) throw new Error(`expected the first 10 rows, got ${rows}`);
    spans.push(span);
    loads.push(load);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const stat = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const pick = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${pick(0.5).toFixed(1)} ms, p90 ${pick(0.9).toFixed(1)} ms, max ${s.at(-1).toFixed(1)} ms`;
};
console.log(`cold load: navigation → first screenful rendered, ${runs} cold loads: ${stat(loads)}`);
console.log(`  insights response → first screenful rendered: ${stat(spans)}`);
