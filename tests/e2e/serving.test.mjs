// Serving the release build like a production asset server, as Chromium sees it: the panel's
// wasm, js and css arrive brotli-compressed (built beside them by `cargo xtask compress`, trunk's
// post_build hook) and cached for a year; the document is revalidated on every open, its inline
// start-up script still runs under the CSP hash, and a second open fetches nothing but the document.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, DEMO_PHONE } from './harness.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSETS = [['wasm', /_bg\.wasm$/], ['js', /\.js$/], ['css', /\.css$/]];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the demo customer in `page`, recording every response and every CSP complaint. */
async function openDemoCustomer(page) {
  const responses = [];
  const problems = [];
  page.on('response', (r) => responses.push(r));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && problems.push(m.text()));
  await page.goto(server.panelUrl(server.token(), { phoneNumber: DEMO_PHONE }));
  await page.getByTestId('timeline-row').first().waitFor();
  return { responses, problems };
}

const pathOf = (response) => new URL(response.url()).pathname;

test('the panel\'s wasm, js and css arrive brotli-compressed and immutable, its document revalidated', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { responses, problems } = await openDemoCustomer(page);

  assert.equal(await page.getByTestId('timeline-row').count(), 10, 'the panel renders from the compressed files (the first screenful)');
  assert.deepEqual(problems, [], 'the inline start-up script ran under its CSP hash');

  for (const [kind, pattern] of ASSETS) {
    const assets = responses.filter((r) => pattern.test(pathOf(r)));
    assert.ok(assets.length > 0, `the page loaded a ${kind} file`);
    for (const response of assets) {
      const headers = await response.allHeaders();
      const sent = await response.request().allHeaders();
      assert.equal(response.status(), 200, pathOf(response));
      assert.match(sent['accept-encoding'] ?? '', /\bbr\b/, `Chromium offers brotli for ${pathOf(response)}`);
      assert.equal(headers['content-encoding'], 'br', pathOf(response));
      assert.match(headers.vary ?? '', /accept-encoding/i, pathOf(response));
      assert.equal(headers['cache-control'], IMMUTABLE, pathOf(response));
    }
  }
  const documents = responses.filter((r) => r.request().resourceType() === 'document');
  assert.equal(documents.length, 1);
  const document = await documents[0].allHeaders();
  assert.equal(document['cache-control'], 'no-cache', 'a new release is picked up at once');
  assert.equal(document['content-encoding'], undefined, 'the document is sent as its CSP hash was read');
  await context.close();
});

test('opening the panel again fetches only its document: the hashed files come from the cache', async () => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await openDemoCustomer(first);
  await first.close();

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const fromNetwork = [];
  const fromCache = new Set();
  cdp.on('Network.requestServedFromCache', ({ requestId }) => fromCache.add(requestId));
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (!response.fromDiskCache && !response.fromMemoryCache) fromNetwork.push({ requestId, url: response.url });
  });
  await openDemoCustomer(page);

  assert.ok(fromNetwork.some(({ url }) => new URL(url).pathname === '/'), 'the document is asked for again');
  const assetsFetched = fromNetwork
    .filter(({ requestId }) => !fromCache.has(requestId))
    .map(({ url }) => new URL(url).pathname)
    .filter((path) => ASSETS.some(([, pattern]) => pattern.test(path)));
  assert.deepEqual(assetsFetched, [], 'no wasm, js or css asked of the server again');
  await context.close();
});
