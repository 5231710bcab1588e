// Measures, in headless Chromium, search as you type in the release build of the panel over
// loopback: from the last keystroke of a query to its result list rendered (the options in the
// DOM, on the next animation frame), and within it the debounce wait (keystroke → request sent),
// the request (sent → response in), and the render (response in → rendered). Queries are typed at
// 60 ms a key, as a quick agent types; the panel waits for a 200 ms pause before it asks. Prints
// median and p90; asserts nothing (these machines are noisy).
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   C360_SERVER_BIN=target/server/c360-server node tests/e2e/measure-search.mjs [runs]

import { startServer, launchBrowser } from './harness.mjs';

const runs = Number(process.argv[2] ?? 40);
// What agents type into the demo tenant: names (with and without accents), companies, emails,
// phone tails, whole numbers.
const QUERIES = ['whitf', 'nunez', 'okafor', 'gonz', '0160', 'becker', 'ibáñez', 'garc', 'grace.ok', 'bluebird',
  '+14155550102', 'mart', 'whitfield bak', 'maria', 'lefèvre', '0101'];

const server = await startServer();
const browser = await launchBrowser();
const token = server.token();
const samples = { total: [], debounce: [], request: [], render: [] };
try {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  const page = await context.newPage();
  // A call from a known customer: the card is open, as when an agent looks for someone else.
  await page.goto(server.panelUrl(token, { phoneNumber: '+14155550102' }));
  await page.getByTestId('contact-card').waitFor();
  const input = page.getByTestId('search-input');
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid=search-input]');
    box.addEventListener('keydown', () => { window.lastKey = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.rendered === undefined && document.querySelector('[data-testid=search-result]')) {
        requestAnimationFrame(() => { window.rendered = performance.now(); });
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (let i = 0; i < runs + 2; i++) {
    const query = QUERIES[i % QUERIES.length];
    await input.fill('');
    await page.waitForFunction(() => !document.querySelector('[data-testid=search-result]'));
    await page.evaluate(() => { window.rendered = undefined; performance.clearResourceTimings(); });
    await input.pressSequentially(query, { delay: 60 });
    await page.waitForFunction(() => window.rendered !== undefined, null, { timeout: 10_000 });
    const t = await page.evaluate(() => {
      const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/contacts?q='));
      const last = requests.at(-1);
      return { key: window.lastKey, sent: last.startTime, received: last.responseEnd, rendered: window.rendered };
    });
    if (i < 2) continue; // warm-up: the first requests open connections and fill caches
    samples.total.push(t.rendered - t.key);
    samples.debounce.push(t.sent - t.key);
    samples.request.push(t.received - t.sent);
    samples.render.push(t.rendered - t.received);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
const stat = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const pick = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${pick(0.5).toFixed(1)} ms, p90 ${pick(0.9).toFixed(1)} ms, max ${s.at(-1).toFixed(1)} ms`;
};
console.log(`search as you type, ${runs} queries: last keystroke → result list rendered: ${stat(samples.total)}`);
console.log(`  keystroke → request sent (the debounce): ${stat(samples.debounce)}`);
console.log(`  request sent → response in: ${stat(samples.request)}`);
console.log(`  response in → list rendered: ${stat(samples.render)}`);
