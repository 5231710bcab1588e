// The walking skeleton end to end: the release build of the panel, served by the real server on
// the demo database, in headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, axeViolations, DEMO_PHONE, DEMO_EMAIL } from './harness.mjs';

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

async function openPanel(query, { token = server.token(), colorScheme = 'light', width = 400 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.panelUrl(token, query));
  return { page, context, errors };
}

test('the demo customer opens on a timeline of their 50 most recent interactions, newest first', async () => {
  const { page, context, errors } = await openPanel({ phoneNumber: DEMO_PHONE });
  const rows = page.getByTestId('timeline-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 10, 'the first screenful at once');
  assert.match(await page.getByTestId('timeline-count').textContent(), /Showing 50 of the 50 most recent · older ones exist/);
  // The rest on demand; the keyboard carries on at the first of them.
  const older = page.getByTestId('show-older');
  assert.equal(await older.textContent(), 'Show 40 older');
  await older.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-row]').length === 50);
  assert.equal(await page.getByTestId('show-older').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-testid=timeline-row]')
    === document.querySelectorAll('[data-testid=timeline-row]')[10]), true, 'focus on the 11th row');
  assert.ok((await page.getByTestId('day-heading').count()) >= 5, 'grouped under day headings');
  assert.equal(await page.getByTestId('customer-identity').textContent(), '+1 415 555 0100', 'the number, grouped for reading');

  const times = await page.$$eval('[data-testid=row-time]', (els) => els.map((e) => Date.parse(e.getAttribute('datetime'))));
  assert.ok(times.every((t, i) => i === 0 || times[i - 1] >= t), 'newest first');
  const channels = new Set(await page.$$eval('[data-testid=row-channel]', (els) => els.map((e) => e.textContent)));
  assert.ok(channels.has('Call') && channels.has('WhatsApp'), `mixed channels: ${[...channels]}`);
  const titles = await page.$$eval('[data-testid=row-title]', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(titles.every((t) => t.length > 0), 'every row says what it was about');

  assert.match(await page.getByTestId('history-status').textContent(), /50 interactions loaded/, 'announced');
  assert.equal(await page.evaluate(() => location.hash), '', 'the token leaves the address bar');
  await page.reload();
  await page.getByTestId('timeline-row').first().waitFor();
  assert.equal(await page.getByTestId('timeline-row').count(), 10, 'a reload keeps the session');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an email identity shows the history from that address; with native CRM, the contact\'s whole history', async () => {
  // Identity-only: what came from the address (this customer mostly writes).
  const token = server.token({ tenant: 'demo-identity' });
  const { page, context } = await openPanel({ tenantId: 'demo-identity', email: DEMO_EMAIL }, { token });
  await page.getByTestId('timeline-row').first().waitFor();
  const channels = new Set(await page.$$eval('[data-testid=row-channel]', (els) => els.map((e) => e.textContent)));
  assert.ok([...channels].every((c) => c === 'Email' || c === 'Web chat'), `channels: ${[...channels]}`);
  await context.close();

  // Native CRM: the address is Maria Gonzalez's; her card opens over everything from her phone too.
  const native = await openPanel({ email: DEMO_EMAIL });
  await native.page.locator('[data-testid=contact-name]', { hasText: 'Maria Gonzalez' }).waitFor();
  await native.page.getByTestId('timeline-row').first().waitFor();
  const all = new Set(await native.page.$$eval('[data-testid=row-channel]', (els) => els.map((e) => e.textContent)));
  assert.ok(all.has('Email') && [...all].some((c) => c !== 'Email' && c !== 'Web chat'), `channels: ${[...all]}`);
  await native.context.close();
});

test('an unknown customer gets one plain empty state, with a heading and nothing over it', async () => {
  for (const [tenantId, token] of [['demo', server.token()], ['demo-identity', server.token({ tenant: 'demo-identity' })]]) {
    const { page, context } = await openPanel({ tenantId, phoneNumber: '+13125550187' }, { token });
    const empty = page.getByTestId('history-empty');
    await empty.waitFor();
    assert.equal(await empty.getByRole('heading').textContent(), 'No history for +1 312 555 0187 in the last 12 months');
    for (const id of ['sentiment-empty', 'topics-empty', 'timeline-empty', 'filter-channel', 'profile-counts']) {
      assert.equal(await page.getByTestId(id).count(), 0, `${tenantId}: no ${id} besides it`);
    }
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  }
});

test('an expired token says so instead of showing a broken panel', async () => {
  const token = server.token({ ttl: '1s' });
  await new Promise((r) => setTimeout(r, 1500));
  const { page, context } = await openPanel({ phoneNumber: DEMO_PHONE }, { token });
  const notice = page.getByTestId('error-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Your session has expired/);
  assert.equal(await page.getByTestId('retry').count(), 0, 'retrying cannot help: reopen instead');
  await context.close();
});

test('a token for another tenant is refused', async () => {
  const { page, context } = await openPanel({ phoneNumber: DEMO_PHONE, tenantId: 'someone-else' });
  await page.getByTestId('error-notice').waitFor();
  assert.match(await page.getByTestId('error-notice').textContent(), /not allowed/);
  assert.equal(await page.getByTestId('timeline-row').count(), 0);
  await context.close();
});

test('a link without a token explains what is missing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/?tenantId=demo&phoneNumber=${encodeURIComponent(DEMO_PHONE)}`);
  await page.getByTestId('setup-notice').waitFor();
  assert.match(await page.getByTestId('setup-notice').textContent(), /link is incomplete/);
  await context.close();
});

test('expanding rows reads their summaries from one batched request', async () => {
  const { page, context, errors } = await openPanel({ phoneNumber: DEMO_PHONE });
  const summaryRequests = [];
  page.on('request', (r) => { if (r.url().includes('/transcript-summaries')) summaryRequests.push(r.url()); });
  await page.getByTestId('timeline-row').first().waitFor();
  assert.equal(summaryRequests.length, 0, 'nothing fetched before a row is opened');

  const first = page.getByTestId('timeline-row').first();
  await first.getByTestId('row-toggle').click();
  await first.getByTestId('row-summary').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid=row-summary][aria-busy=true]'));
  const text = await first.getByTestId('row-summary').textContent();
  assert.match(text, /AI summary|No summary for this interaction|not available yet/);
  assert.equal(await first.getByTestId('row-toggle').getAttribute('aria-expanded'), 'true');

  // Open a few more rows (keyboard for one of them): no further request.
  await page.getByTestId('row-toggle').nth(1).click();
  await page.getByTestId('row-toggle').nth(2).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('row-summary').nth(2).waitFor();
  assert.equal(summaryRequests.length, 1, `one batch for all rows: ${summaryRequests.length}`);
  assert.equal(new URL(summaryRequests[0]).searchParams.getAll('interactionId').length, 50);
  assert.ok((await page.getByTestId('summary-text').count()) >= 1, 'at least one real summary is shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a topic filters the timeline to it, and clearing it restores the list', async () => {
  const { page, context } = await openPanel({ phoneNumber: DEMO_PHONE });
  const chip = page.getByTestId('topic-chip').first();
  await chip.waitFor();
  const topic = await chip.getAttribute('data-topic');
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  await page.getByTestId('filter-topic').waitFor();
  const count = await page.getByTestId('timeline-count').textContent();
  const shown = Number(count.match(/Showing (\d+) of the 50/)[1]);
  assert.ok(shown > 0 && shown < 50, `filtered to ${shown}`);
  // The chip's numbers are of the recent analysed interactions, and say so.
  assert.match(await page.locator('[data-testid=topic-detail]').first().textContent(), /of the last \d+ analysed/);
  assert.match(await page.getByTestId('topics-legend').textContent(), /Size: how often, in the last \d+ analysed · Colour: category/);
  if (shown > 10) await page.getByTestId('show-older').click();
  assert.equal(await page.getByTestId('timeline-row').count(), shown);
  const matched = await page.$$eval('[data-testid=row-matched-topic]', (els) => els.map((e) => e.textContent));
  assert.deepEqual(matched, Array(shown).fill(`Matched topic: ${topic}`), 'every row names the topic it matched');
  await page.getByTestId('filter-topic').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=row-matched-topic]').length === 0);
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  await context.close();
});

test('far down the history, who, mood, topics and filters stay in view, and a focused row is never hidden under them', async () => {
  const { page, context } = await openPanel({ phoneNumber: DEMO_PHONE });
  await page.getByTestId('show-older').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-row]').length === 50);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const inView = (testid) => page.getByTestId(testid).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && document.elementFromPoint(r.left + 2, r.top + r.height / 2)?.closest('[data-testid]') === el.closest('[data-testid]');
  });
  for (const testid of ['customer-identity', 'sentiment-toggle', 'topic-chip', 'filter-channel', 'timeline-count']) {
    assert.ok(await inView(testid), `${testid} stays in view`);
  }
  // Tabbing back up through the rows: each focused toggle shows below the sticky head.
  const head = await page.locator('.history-head').evaluate((el) => el.getBoundingClientRect().bottom);
  await page.getByTestId('row-toggle').nth(30).focus();
  await page.keyboard.press('Shift+Tab');
  const top = await page.evaluate(() => document.activeElement.getBoundingClientRect().top);
  assert.ok(top >= head, `the focused row (top ${top}) is clear of the head (bottom ${head})`);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the mood badge opens its breakdown from the keyboard', async () => {
  const { page, context } = await openPanel({ phoneNumber: DEMO_PHONE });
  const toggle = page.getByTestId('sentiment-toggle');
  await toggle.waitFor();
  assert.match(await page.getByTestId('sentiment-label').textContent(), /Positive|Negative|Mixed|Neutral/);
  // The badge is described by the sentence that says what the mood rests on.
  const why = page.getByTestId('sentiment-why');
  assert.match(await why.textContent(), /the last \d+ analysed/);
  assert.equal(await toggle.getAttribute('aria-describedby'), await why.getAttribute('id'));
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('sentiment-breakdown').waitFor();
  assert.match(await page.getByTestId('sentiment-breakdown').textContent(), /Customer/);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`the timeline passes an axe-core WCAG 2.2 AA scan (${colorScheme})`, async () => {
    const { page, context } = await openPanel({ phoneNumber: DEMO_PHONE }, { colorScheme });
    await page.getByTestId('timeline-row').first().waitFor();
    await page.getByTestId('row-toggle').first().click();
    await page.getByTestId('row-summary').first().waitFor();
    const toggle = page.getByTestId('sentiment-toggle');
    if (await toggle.count()) await toggle.click();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}
