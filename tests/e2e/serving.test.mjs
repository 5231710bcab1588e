// Serving the release build like a production asset server, as Chromium sees it: the panel's
// wasm, js and css arrive brotli-compressed (built beside them by `cargo xtask compress`, trunk's
// post_build hook) and cached for a year; the document is revalidated on every open, its inline
// start-up script still runs under the CSP hash, and a second open fetches nothing but the document.
// A panel opened by link asks for its first reads while its WebAssembly is still on the way.

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

/**
 * Loads the panel in `page` by `go` (a goto, a reload) with its WebAssembly held back until the
 * history has been asked for (or 3 s have passed), and answers the API reads, in order, each with
 * whether it went out before the WebAssembly was released.
 */
async function loadWithWasmHeld(page, go) {
  const reads = [];
  let released = false;
  let sawHistory;
  const seen = new Promise((resolve) => { sawHistory = resolve; });
  const onRequest = (r) => {
    const { pathname, search } = new URL(r.url());
    if (!pathname.startsWith('/v1/')) return;
    reads.push({ read: `${pathname.replace(/^\/v1\/[a-z]+\/tenants\/[^/]+/, '')}${search}`, early: !released });
    if (/interactions-insight/.test(pathname)) sawHistory();
  };
  page.on('request', onRequest);
  const hold = async (route) => {
    await Promise.race([seen, new Promise((r) => setTimeout(r, 3000))]);
    released = true;
    await route.continue();
  };
  await page.route(/_bg\.wasm$/, hold);
  await go();
  await page.getByTestId('timeline-row').first().waitFor();
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  await page.unroute(/_bg\.wasm$/, hold);
  return reads;
}

test('a panel opened by link asks for its settings, match and history while its WebAssembly loads, each once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const reads = await loadWithWasmHeld(page, () => page.goto(server.panelUrl(server.token(), { phoneNumber: DEMO_PHONE })));
  const phone = `phoneNumber=${encodeURIComponent(DEMO_PHONE)}`;
  const first = ['/config', `/contacts?${phone}`, '/interactions-insight?contactId=ct-0001&crmId=native'];
  assert.deepEqual(reads.slice(0, 3), first.map((read) => ({ read, early: true })), 'the three reads go out before the panel starts');
  for (const read of first) assert.equal(reads.filter((r) => r.read === read).length, 1, `${read} asked once: the panel took the early answer`);
  assert.equal(await page.getByTestId('timeline-row').count(), 10, "the customer's newest rows are shown from it");
  assert.equal(await page.getByTestId('customer-name').innerText(), 'Dana Whitfield', 'the matched contact is named');

  // A reload has no token in its address any more (the panel keeps it in session storage): the
  // early reads still go out, and each is again taken once.
  assert.doesNotMatch(page.url(), /token/);
  const again = await loadWithWasmHeld(page, () => page.reload());
  assert.deepEqual(again.slice(0, 3), first.map((read) => ({ read, early: true })));
  for (const read of first) assert.equal(again.filter((r) => r.read === read).length, 1, `${read} asked once after the reload`);
  await context.close();
});

test('an identity-only tenant\'s link reads its history by the phone number early, and nothing of the CRM', async () => {
  const context = await browser.newContext();
  const token = server.token({ tenant: 'demo-identity' });
  const url = server.panelUrl(token, { phoneNumber: DEMO_PHONE }).replace('tenantId=demo', 'tenantId=demo-identity');
  const page = await context.newPage();
  const reads = await loadWithWasmHeld(page, () => page.goto(url));
  const history = `/interactions-insight?phoneNumber=${encodeURIComponent(DEMO_PHONE)}`;
  assert.deepEqual(reads.slice(0, 2), [{ read: '/config', early: true }, { read: history, early: true }]);
  assert.equal(reads.filter((r) => r.read === history).length, 1, 'the history asked once');
  assert.equal(reads.filter((r) => r.read.startsWith('/contacts')).length, 0, 'no identity match in an identity-only tenant');
  await context.close();
});
