// Embedding end to end: the demo agent workspace on its own origin frames the release build of the
// panel served by the real server, and drives it with the host protocol (postMessage), as an
// agent workspace would.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, loadWorkspace, axeViolations, DEMO_PHONE, DEMO_EMAIL } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ workspace: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the workspace (optionally for another tenant) and waits for the panel's ready. */
async function openWorkspace({ tenant = 'demo', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  const consoleLines = [];
  const insightRequests = [];
  const apiRequests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('request', (r) => {
    if (r.url().includes('/interactions-insight')) insightRequests.push(r.url());
    if (r.url().includes('/v1/')) apiRequests.push(new URL(r.url()).pathname);
  });
  const panel = await loadWorkspace(page, server.workspace, tenant);
  assert.ok(panel, 'the panel frame is there');
  return { page, context, panel, errors, consoleLines, insightRequests, apiRequests };
}

const start = (page, opts) => page.evaluate((o) => window.workspace.start(o), opts);
const logged = (page, name, dir = 'in') =>
  page.evaluate(([n, d]) => window.workspace.log.filter((e) => e.name === n && e.dir === d), [name, dir]);
const ignoredCount = (panel) => panel.evaluate(() => Number(document.querySelector('main').dataset.ignoredMessages));

test('a started call pops the caller: readable number, full timeline, announced, and the host is told', async () => {
  const { page, context, panel, errors, consoleLines, insightRequests, apiRequests } = await openWorkspace();
  assert.equal((await logged(page, 'c360-ready-v1')).length, 1, 'the panel said it is ready');
  await panel.getByTestId('idle-notice').waitFor();

  const id = await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE, customerName: 'Dana' });
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100');
  assert.equal(await panel.getByTestId('customer-region').textContent(), 'United States');
  assert.equal(await panel.getByTestId('timeline-row').count(), 10);
  assert.match(await panel.getByTestId('panel-status').textContent(), /Call · inbound: \+1 415 555 0100/);
  await page.waitForFunction(() => window.workspace.log.some((e) => e.name === 'c360-identity-shown-v1'));
  const shown = await logged(page, 'c360-identity-shown-v1');
  assert.deepEqual(shown.at(-1), {
    dir: 'in', name: 'c360-identity-shown-v1',
    payload: { interactionId: id, identity: { phoneNumber: DEMO_PHONE }, schemaVersion: '1.0.0' },
  });
  await page.waitForFunction(() => window.workspace.log.some((e) => e.name === 'c360-resize-v1' && e.payload.height > 900));
  // The panel says how tall it would like to be; the host fits the frame to its window, and the
  // panel scrolls inside (one scrollbar).
  const frameHeight = await page.evaluate(() => document.getElementById('panel').getBoundingClientRect().height);
  assert.ok(frameHeight <= 900 - 32 + 2, `the frame fits the window: ${frameHeight}`);
  assert.ok(await panel.evaluate(() => document.documentElement.scrollHeight > innerHeight), 'the panel scrolls within it');
  assert.equal(await panel.getByTestId('limited-profile').count(), 0, 'a native-CRM tenant shows no limited profile');
  // The matched contact's history is asked for once, with the match's answer: before the card,
  // its related records and layouts, which the agent reads after the history.
  assert.equal(insightRequests.length, 1, 'one history request');
  assert.match(insightRequests[0], /contactId=/, "the matched contact's whole history");
  const history = apiRequests.findIndex((p) => p.endsWith('/interactions-insight'));
  const match = apiRequests.findIndex((p) => p.endsWith('/contacts'));
  const card = apiRequests.findIndex((p) => /\/contacts\/[^/]+$/.test(p));
  assert.ok(match >= 0 && match < history && history < card, `match, history, then the card: ${apiRequests.join(' ')}`);

  assert.deepEqual(await axeViolations(panel), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleLines.filter((l) => /Content.Security.Policy|Refused to/i.test(l)), [], 'nothing blocked by the CSP');
  assert.deepEqual(await context.cookies(), [], 'the panel sets no cookies');
  await context.close();
});

test('focus switches between two live interactions, and switching back is served from the cache', async () => {
  const { page, context, panel, insightRequests } = await openWorkspace();
  const call = await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();
  await start(page, { interactionType: 'chat', customerEmail: 'Maria.Gonzalez@example.com' });
  await panel.locator('[data-testid=customer-identity]', { hasText: DEMO_EMAIL }).waitFor();
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.match(await panel.getByTestId('panel-status').textContent(), /^Chat · inbound: maria.gonzalez@example.com/);
  const requestsBefore = insightRequests.length;
  assert.equal(requestsBefore, 2);

  await page.evaluate((i) => window.workspace.focus(i), call);
  await panel.locator('[data-testid=customer-identity]', { hasText: '+1 415 555 0100' }).waitFor();
  assert.equal(await panel.getByTestId('timeline-loading').count(), 0, 'no loading state: shown from the cache');
  assert.equal(await panel.getByTestId('timeline-row').count(), 10);
  assert.equal(insightRequests.length, requestsBefore, 'no new request');

  // A new call from the same caller: their history is fetched afresh (it may have grown), though
  // in a native CRM tenant it is kept under the contact the number matched, not the number.
  await page.evaluate((i) => window.workspace.end(i), call);
  await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  for (let waited = 0; insightRequests.length === requestsBefore && waited < 5000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(insightRequests.length, requestsBefore + 1, 'a returning caller is not served a stale history');
  await context.close();
});

test("the host's frame holds steady while the next caller loads, and shrinks once the panel is shorter", async () => {
  const { page, context, panel, errors } = await openWorkspace();
  const heights = async () => (await logged(page, 'c360-resize-v1')).map((e) => e.payload.height);
  const frame = () => page.evaluate(() => document.getElementById('panel').getBoundingClientRect().height);
  await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();
  await page.waitForFunction(() => window.workspace.log.some((e) => e.name === 'c360-resize-v1' && e.payload.height > 900));
  const tall = (await heights()).at(-1);
  const fitted = await frame();

  // A new caller: for a moment the panel holds only the header and skeletons. The host is not
  // asked to shrink its frame for that (and grow it again as the history lands).
  const before = (await heights()).length;
  await start(page, { interactionType: 'chat', customerEmail: DEMO_EMAIL });
  await panel.locator('[data-testid=customer-identity]', { hasText: DEMO_EMAIL }).waitFor();
  await panel.getByTestId('timeline-row').first().waitFor();
  const whileLoading = (await heights()).slice(before);
  assert.ok(whileLoading.every((h) => h >= tall), `no smaller height asked for while it loaded: ${whileLoading}`);
  assert.equal(await frame(), fitted, 'the frame kept its size');

  // A caller nobody knows: one short empty state. The panel's smaller height reaches the host a
  // moment later, and the frame fits it.
  const [asked, was] = [(await heights()).length, (await heights()).at(-1)];
  await start(page, { interactionType: 'phone', customerPhone: '+13125550187' });
  await panel.getByTestId('history-empty').waitFor();
  await page.waitForFunction(([n, h]) => window.workspace.log.filter((e) => e.name === 'c360-resize-v1')
    .slice(n).some((e) => e.payload.height < h), [asked, was]);
  const short = (await heights()).at(-1);
  assert.ok(short < 900, `the panel asked for less room: ${short}`);
  await page.waitForFunction((h) => Math.abs(document.getElementById('panel').getBoundingClientRect().height - Math.max(h, 160)) < 2, short);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an internal call gets the internal state and no customer lookup; an ended call stays, marked ended', async () => {
  const { page, context, panel, insightRequests } = await openWorkspace();
  const call = await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();
  await page.evaluate((i) => window.workspace.end(i), call);
  await panel.getByTestId('interaction-ended').waitFor();
  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100', 'the profile stays');
  assert.equal(await panel.getByTestId('timeline-row').count(), 10);
  assert.match(await panel.getByTestId('panel-status').textContent(), /Interaction ended/);

  const before = insightRequests.length;
  await page.click('#internal');
  await panel.getByTestId('internal-notice').waitFor();
  assert.match(await panel.getByTestId('internal-notice').textContent(), /No customer context for internal calls/);
  assert.equal(await panel.getByTestId('timeline-row').count(), 0);
  assert.equal(insightRequests.length, before, 'nobody was looked up');
  assert.deepEqual(await axeViolations(panel), []);

  // A known customer dialling the agent directly, not through a queue: said as such.
  await page.getByTestId('direct-0').click();
  await panel.getByTestId('unrouted-notice').waitFor();
  assert.match(await panel.getByTestId('unrouted-notice').textContent(), /Direct call: not matched to a customer/);
  assert.equal(insightRequests.length, before, 'not looked up either');
  assert.match(await panel.getByTestId('panel-status').textContent(), /Direct call, not through a queue/);
  assert.deepEqual(await axeViolations(panel), []);
  await context.close();
});

test('a message from a frame of another origin, and a malformed one from the host, change nothing', async () => {
  const { page, context, panel, consoleLines, insightRequests } = await openWorkspace();
  await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();
  const requests = insightRequests.length;

  const rogueUrl = await page.evaluate(() => window.workspace.untrusted('+14155550123'));
  assert.match(rogueUrl, /^http:\/\/localhost:/, 'really another origin');
  await panel.waitForFunction(() => Number(document.querySelector('main').dataset.ignoredMessages) >= 1);
  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100');

  await page.click('#malformed');
  await panel.waitForFunction(() => Number(document.querySelector('main').dataset.ignoredMessages) >= 2);
  await page.evaluate(() => window.workspace.sendRaw({ type: 'event', name: 'aw-interaction-started-v1',
    payload: { interactionId: 'x', interactionType: 'phone', direction: 'inbound', customerPhone: '<b>+1</b>',
      schemaVersion: '2.0.0' } }));
  await page.evaluate(() => window.workspace.sendRaw('not even an object'));
  await panel.waitForFunction(() => Number(document.querySelector('main').dataset.ignoredMessages) >= 4);

  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100', 'still the same caller');
  assert.equal(await panel.getByTestId('timeline-row').count(), 10);
  assert.equal(insightRequests.length, requests, 'nothing was looked up');
  assert.equal(await ignoredCount(panel), 4);
  const warnings = consoleLines.filter((l) => l.startsWith('Customer 360 panel: ignored'));
  assert.equal(warnings.filter((l) => l.includes('not an allowed host origin')).length, 1, 'logged once per reason');
  assert.ok(warnings.length <= 4, 'counted, not flooded');
  await context.close();
});

test('a refused token makes the panel ask its host for a fresh one, and it recovers by itself', async () => {
  const { page, context, panel } = await openWorkspace();
  await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();

  await page.evaluate(() => window.workspace.sendRaw({ type: 'event', name: 'c360-auth-v1',
    payload: { token: 'v1.not-a.real-token', schemaVersion: '1.0.0' } }));
  await page.waitForFunction(() => window.workspace.log.some((e) => e.name === 'c360-auth-required-v1'));
  const [asked] = await logged(page, 'c360-auth-required-v1');
  assert.deepEqual(asked.payload, { reason: 'invalid', schemaVersion: '1.0.0' });
  // The workspace answers with a fresh token; the panel signs in again and shows the same caller.
  await page.waitForFunction(() => window.workspace.log.filter((e) => e.name === 'c360-auth-v1').length >= 3);
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100');
  assert.equal((await logged(page, 'c360-auth-required-v1')).length, 1, 'asked once');
  await context.close();
});

test('the identity-only tenant shows the limited profile, says why, offers no edit control, and logs nothing at wrap-up', async () => {
  const { page, context, panel } = await openWorkspace({ tenant: 'demo-identity' });
  const id = await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();
  const card = panel.getByTestId('limited-profile');
  await card.waitFor();
  const counts = await panel.getByTestId('profile-counts').textContent();
  assert.match(counts, /^\d+ calls?( · \d+ [\w ]+)*$/, 'channel counts, calls first for this caller');
  assert.equal(counts.match(/\d+/g).map(Number).reduce((a, b) => a + b), 50, 'they add up to the listed history');
  assert.match(await panel.getByTestId('profile-first').textContent(), /\d{4}/);
  assert.match(await panel.getByTestId('profile-last').textContent(), /\d{4}/);
  assert.match(await panel.getByTestId('identity-only-note').textContent(), /no native CRM.*not a fault/s);
  const editing = await panel.locator('button, a, input, textarea').evaluateAll((els) =>
    els.map((e) => `${e.textContent} ${e.getAttribute('aria-label') ?? ''}`).filter((t) => /edit|create|new contact|save|\+/i.test(t)));
  assert.deepEqual(editing, [], 'no create or edit controls');
  assert.deepEqual(await axeViolations(panel), []);

  // The call ends and is wrapped up: an identity-only tenant has nothing to log it to, and
  // nothing is sent.
  const crmCalls = [];
  page.on('request', (r) => { if (r.url().includes('/v1/crm/')) crmCalls.push(r.url()); });
  await page.evaluate((i) => window.workspace.end(i), id);
  await panel.getByTestId('interaction-ended').waitFor();
  await page.getByRole('button', { name: /^Enter wrap-up/ }).click();
  await page.waitForTimeout(500);
  assert.deepEqual(crmCalls, [], 'no wrap-up, no record');
  assert.equal(await panel.getByTestId('auto-log').count(), 0, 'and no auto-log status');
  await context.close();
});

test('with screen pop off the caller is named at once, and the history waits for the agent', async () => {
  const { page, context, panel, insightRequests } = await openWorkspace({ tenant: 'demo-no-pop' });
  const id = await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('screen-pop-off').waitFor();
  assert.equal(await panel.getByTestId('customer-identity').textContent(), '+1 415 555 0100');
  assert.match(await panel.getByTestId('panel-status').textContent(), /Call · inbound: \+1 415 555 0100\. Screen pop is off/);
  assert.deepEqual(await axeViolations(panel), []);
  assert.equal(insightRequests.length, 0, 'nothing is looked up before the agent asks');
  assert.equal((await logged(page, 'c360-identity-shown-v1')).length, 0, 'no profile is on screen yet');

  // By keyboard: the button is reachable and Enter opens the history; focus lands on it.
  await panel.getByTestId('show-history').focus();
  await panel.getByTestId('show-history').press('Enter');
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.equal(await panel.getByTestId('timeline-row').count(), 10);
  assert.equal(insightRequests.length, 1);
  assert.equal(await panel.evaluate(() => document.activeElement.className), 'customer-body');
  await page.waitForFunction(() => window.workspace.log.some((e) => e.name === 'c360-identity-shown-v1'));
  assert.deepEqual((await logged(page, 'c360-identity-shown-v1')).at(-1).payload.interactionId, id);

  // The next interaction waits again; switching back to the opened one needs no new request.
  await start(page, { interactionType: 'chat', customerEmail: DEMO_EMAIL });
  await panel.locator('[data-testid=customer-identity]', { hasText: DEMO_EMAIL }).waitFor();
  await panel.getByTestId('screen-pop-off').waitFor();
  await page.evaluate((i) => window.workspace.focus(i), id);
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.equal(insightRequests.length, 1, 'the waiting chat was not looked up, and the call came from the cache');
  assert.deepEqual(await axeViolations(panel), []);
  await context.close();
});

test('the host theme applies to the panel, and the panel stays accessible in dark', async () => {
  const { page, context, panel } = await openWorkspace();
  await start(page, { interactionType: 'phone', customerPhone: DEMO_PHONE });
  await panel.getByTestId('timeline-row').first().waitFor();
  const background = () => panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.click('#theme');
  await panel.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await background(), 'rgb(18, 23, 30)');
  assert.deepEqual(await axeViolations(panel), []);
  assert.deepEqual(await axeViolations(page), [], 'the workspace itself, dark');
  await context.close();
});

test('the panel document is framed only by allowed origins', async () => {
  const response = await fetch(`${server.base}/?tenantId=demo`);
  const csp = response.headers.get('content-security-policy');
  const workspaceOrigin = new URL(server.workspace).origin;
  assert.match(csp, new RegExp(`frame-ancestors 'self' ${workspaceOrigin.replace(/[.]/g, '\\.')}(;|$)`));
  assert.equal(response.headers.get('x-frame-options'), null);
});
