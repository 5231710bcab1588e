// Native CRM end to end, through the demo agent workspace in tenant `demo` (release build of the
// panel, served by the real server, in headless Chromium): the multi-match caller and the picker,
// search as you type, creating a contact from the screen-pop prompt, editing, another system's
// change arriving while the form is open (merged by itself, or chosen by the agent), a draft
// that survives a reload, a call logged from the "+" menu, a task in another layout and a
// record's details, and auto log at wrap-up. Every state is checked with axe-core in the light and the dark theme.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, loadWorkspace, axeViolations, crmClient, DEMO_PHONE } from './harness.mjs';

// The demo tenant's contacts (crates/server/src/demo/contacts): each test works on its own.
const HOUSEHOLD_LANDLINE = '+14155550160'; // Dana and Sam Whitfield
const NEW_CALLER = '+447700900123'; // history, no contact
const MARIA = { name: 'Maria Gonzalez', phone: '+14155550101', id: 'ct-0002' };
const TOM = { name: 'Tom Becker', phone: '+14155550102', id: 'ct-0003' };
const GRACE = { name: 'Grace Okafor', phone: '+442079460001', id: 'ct-0004' };
const DANA = { name: 'Dana Whitfield', phone: DEMO_PHONE, id: 'ct-0001' };

let server;
let browser;
let crm;

before(async () => {
  server = await startServer({ workspace: true });
  browser = await launchBrowser();
  crm = crmClient(server.base, server.apiKey());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openWorkspace() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const panel = await loadWorkspace(page, server.workspace);
  return { page, context, panel, errors };
}

const call = (page, phone) =>
  page.evaluate((p) => window.workspace.start({ interactionType: 'phone', customerPhone: p }), phone);
const cardOf = (panel, name) => panel.locator('[data-testid=contact-name]', { hasText: name }).waitFor();
const fieldValues = (panel) => panel.getByTestId('contact-field').evaluateAll((els) =>
  Object.fromEntries(els.map((e) => [e.querySelector('dt').textContent, e.querySelector('dd').textContent])));

/** axe on the state on screen, in the dark theme and the light one (the workspace's toggle). */
async function axeClean(page, panel, state) {
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => window.workspace.setTheme(t), theme);
    await panel.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
    assert.deepEqual(await axeViolations(panel), [], `${state}, ${theme}`);
  }
}

async function editCard(panel) {
  await panel.getByTestId('contact-edit').click();
  await panel.getByTestId('contact-form').waitFor();
}

/**
 * A call from `who` opens their card; the agent types `mine` (field → value) into the form while
 * another system saves `theirs` through the API; then the agent saves.
 */
async function saveOverAnotherChange(page, panel, who, mine, theirs) {
  await call(page, who.phone);
  await cardOf(panel, who.name);
  await editCard(panel);
  for (const [field, value] of Object.entries(mine)) await panel.getByTestId(`input-${field}`).fill(value);
  await crm.patch(who.id, theirs);
  await panel.getByTestId('save').click();
}

test('a call from a shared landline shows how many share it; picking one opens its card and whole history, for this call only', async () => {
  const { page, context, panel, errors } = await openWorkspace();
  await page.click('[data-testid=multi-match-caller]');
  await panel.getByTestId('match-picker').waitFor();
  assert.equal((await panel.getByTestId('match-badge').textContent()).trim(), '2 contacts share this number');
  const options = await panel.getByTestId('match-option').allTextContents();
  assert.equal(options.length, 2);
  assert.ok(options.some((o) => o.includes('Dana Whitfield') && o.includes('Whitfield Bakery')), options.join(' | '));
  assert.ok(options.some((o) => o.includes('Sam Whitfield') && o.includes('sam.whitfield@example.com')), options.join(' | '));
  await panel.getByTestId('timeline-row').first().waitFor();
  assert.equal(await panel.getByTestId('contact-card').count(), 0, 'nobody is opened until the agent picks');
  await axeClean(page, panel, 'multi-match picker');

  await panel.getByTestId('match-option').filter({ hasText: 'Sam Whitfield' }).click();
  await cardOf(panel, 'Sam Whitfield');
  assert.equal(await panel.getByTestId('match-picker').count(), 0, 'the picker closes');
  assert.deepEqual(await panel.getByTestId('contact-phone').allTextContents(), ['+1 415 555 0161', '+1 415 555 0160']);
  await panel.getByTestId('timeline-row').first().waitFor();
  const rows = await panel.getByTestId('timeline-row').count();
  assert.ok(rows >= 5, `the landline's calls are Sam's history too (${rows})`);
  assert.equal((await panel.getByTestId('match-badge').textContent()).trim(), '2 contacts share this number');
  await axeClean(page, panel, 'picked contact');

  // The pick did not re-link the number: the next call from it asks again.
  await call(page, HOUSEHOLD_LANDLINE);
  await panel.getByTestId('match-picker').waitFor();
  assert.equal(await panel.getByTestId('contact-card').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('search as you type finds by a name typed without accents and by a phone tail, marks the match, and opens by keyboard', async () => {
  const { page, context, panel } = await openWorkspace();
  const input = panel.getByTestId('search-input');
  await input.pressSequentially('nunez', { delay: 30 });
  await panel.locator('[data-testid=result-name]', { hasText: 'Andrés Núñez' }).waitFor();
  assert.deepEqual(await panel.locator('[data-testid=search-result] mark').allTextContents(), ['Núñez']);
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await axeClean(page, panel, 'search results');

  await input.fill('');
  await input.pressSequentially('0160', { delay: 30 });
  await panel.locator('[data-testid=result-name]', { hasText: 'Sam Whitfield' }).waitFor();
  const names = await panel.getByTestId('result-name').allTextContents();
  assert.deepEqual([...names].sort(), ['Dana Whitfield', 'Sam Whitfield'], 'both hold the landline');
  const details = await panel.getByTestId('result-detail').allTextContents();
  assert.deepEqual(details, ['+1 415 555 0160', '+1 415 555 0160'], 'the matched phone, grouped');
  assert.deepEqual(await panel.locator('[data-testid=result-detail] mark').allTextContents(), ['0160', '0160']);

  await input.press('ArrowDown');
  assert.equal(await input.evaluate((e) => e.getAttribute('aria-activedescendant') !== null), true);
  await input.press('Enter');
  await cardOf(panel, names[0]);
  assert.equal(await input.getAttribute('aria-expanded'), 'false', 'the list closes');
  await panel.getByTestId('timeline-row').first().waitFor();
  await axeClean(page, panel, 'contact opened from search');
  await context.close();
});

test('a new caller gets their history and a pre-filled "Create contact"; the new contact opens in the card', async () => {
  const { page, context, panel } = await openWorkspace();
  await page.click('[data-testid=new-caller]');
  await panel.getByTestId('no-match').waitFor();
  await panel.getByTestId('timeline-row').first().waitFor();
  await axeClean(page, panel, 'new caller prompt');

  await panel.getByTestId('create-contact').click();
  await panel.getByTestId('new-contact-form').waitFor();
  assert.equal(await panel.getByTestId('input-phones-0').inputValue(), NEW_CALLER, "pre-filled with the caller's number");
  assert.equal(await panel.getByTestId('duplicate').count(), 0, 'nobody else has it');
  await panel.getByTestId('input-firstName').fill('Zoë');
  await panel.getByTestId('input-lastName').fill('Ashworth');
  await axeClean(page, panel, 'new contact form');
  await panel.getByTestId('create').click();

  await cardOf(panel, 'Zoë Ashworth');
  const phones = await panel.getByTestId('contact-phone').allTextContents();
  assert.deepEqual(phones.map((p) => p.replace(/ /g, '')), [NEW_CALLER], phones.join());
  await panel.getByTestId('timeline-row').first().waitFor();
  await axeClean(page, panel, 'created contact');
  const [created] = await crm.match(NEW_CALLER);
  assert.equal(`${created.firstName} ${created.lastName}`, 'Zoë Ashworth', 'stored, and found by its number at once');
  const found = await crm.search('ashw');
  assert.deepEqual(found.map((c) => c.contactId), [created.contactId], 'and by its name');
  await context.close();
});

test('editing marks an invalid field inline, then saves only what changed', async () => {
  const { page, context, panel } = await openWorkspace();
  await call(page, TOM.phone);
  await cardOf(panel, 'Tom Becker');
  await editCard(panel);
  await panel.getByTestId('input-emails-0').fill('tom at example');
  await panel.getByTestId('save').click();
  await panel.getByTestId('field-error').first().waitFor();
  assert.equal(await panel.getByTestId('input-emails-0').getAttribute('aria-invalid'), 'true');
  assert.match(await panel.getByTestId('field-error').first().textContent(), /not an email address/);
  await axeClean(page, panel, 'edit form with an inline error');

  await panel.getByTestId('input-emails-0').fill('tom.becker@example.com');
  await panel.getByTestId('input-title').fill('Head Baker');
  await panel.getByTestId('save').click();
  await panel.getByTestId('contact-card').waitFor();
  assert.equal((await fieldValues(panel))['Title'], 'Head Baker');
  assert.match(await panel.getByTestId('contact-status').textContent(), /^Saved\./);
  const { contact, etag } = await crm.get(TOM.id);
  assert.equal(contact.title, 'Head Baker');
  assert.equal(contact.version, 2, 'one write');
  assert.equal(etag, '"2"');
  assert.equal(contact.updatedBy, 'Demo Agent');
  await axeClean(page, panel, 'saved card');
  await context.close();
});

test("another system's change to a different field while the form is open is merged by itself", async () => {
  const { page, context, panel } = await openWorkspace();
  await saveOverAnotherChange(page, panel, MARIA, { company: 'Gonzalez Imports' }, { title: 'Buyer' });

  await panel.getByTestId('contact-card').waitFor();
  const said = await panel.getByTestId('contact-status').textContent();
  assert.match(said, /changed this contact while you were editing; your changes to Company were applied/);
  const shown = await fieldValues(panel);
  assert.equal(shown['Company'], 'Gonzalez Imports', 'mine');
  assert.equal(shown['Title'], 'Buyer', 'theirs');
  const { contact } = await crm.get(MARIA.id);
  assert.deepEqual([contact.company, contact.title, contact.version], ['Gonzalez Imports', 'Buyer', 3]);
  await axeClean(page, panel, 'merged by itself');
  await context.close();
});

test("another system's change to the same field shows theirs beside yours, and the agent's choice is saved", async () => {
  const { page, context, panel } = await openWorkspace();
  await saveOverAnotherChange(page, panel, GRACE, { company: 'Okafor Freight Ltd' }, { company: 'Okafor Logistics Group' });

  await panel.getByTestId('conflict').waitFor();
  assert.equal(await panel.getByTestId('conflict-mine').textContent(), 'Okafor Freight Ltd');
  assert.equal(await panel.getByTestId('conflict-theirs').textContent(), 'Okafor Logistics Group');
  assert.equal(await panel.getByTestId('save').isDisabled(), true, 'nothing saves until the agent chooses');
  await axeClean(page, panel, 'conflict chooser');

  await panel.getByTestId('keep-mine').click();
  await panel.getByTestId('save').click();
  await panel.getByTestId('contact-card').waitFor();
  assert.equal((await fieldValues(panel))['Company'], 'Okafor Freight Ltd');
  const { contact } = await crm.get(GRACE.id);
  assert.deepEqual([contact.company, contact.version], ['Okafor Freight Ltd', 3]);
  await context.close();
});

test('an unsaved edit survives a reload of the workspace and comes back when the contact does', async () => {
  const { page, context, panel } = await openWorkspace();
  await call(page, DANA.phone);
  await cardOf(panel, 'Dana Whitfield');
  await editCard(panel);
  await panel.getByTestId('input-title').fill('Owner and head baker');
  await panel.waitForFunction(() => sessionStorage.length > 0);

  await page.reload();
  await page.waitForFunction(() => document.body.dataset.panelReady === 'true');
  const again = page.frame({ name: 'c360-panel' });
  await call(page, DANA.phone);
  await again.getByTestId('contact-form').waitFor();
  assert.equal(await again.getByTestId('input-title').inputValue(), 'Owner and head baker', 'nothing typed is lost');
  await axeClean(page, again, 'restored draft');

  await again.getByTestId('cancel').click();
  await again.getByTestId('contact-card').waitFor();
  assert.equal((await fieldValues(again))['Title'], 'Owner');
  assert.equal(await again.evaluate(() => sessionStorage.length), 0, 'cancel drops the draft');
  assert.equal((await crm.get(DANA.id)).contact.version, 1, 'nothing was saved');
  await context.close();
});

test('a call logged from the "+" menu shows as New, an earlier note is linked and unlinked, and wrap-up logs the call once', async () => {
  const { page, context, panel, errors } = await openWorkspace();
  await crm.createActivity({ type: 'note', contactId: TOM.id, description: 'Prefers a call after 4 pm' });
  const id = await call(page, TOM.phone);
  await cardOf(panel, TOM.name);
  const note = panel.getByTestId('related-row').filter({ hasText: 'Prefers a call after 4 pm' });
  assert.equal(await note.getByTestId('related-relation').textContent(), 'Suggested', 'earlier, not linked');
  await note.getByRole('button', { name: 'Link “Prefers a call after 4 pm” to this interaction' }).click();
  await note.locator('[data-testid=related-relation]', { hasText: 'Linked' }).waitFor();
  await axeClean(page, panel, 'an earlier note linked');
  await note.getByRole('button', { name: 'Unlink “Prefers a call after 4 pm” from this interaction' }).click();
  await note.locator('[data-testid=related-relation]', { hasText: 'Suggested' }).waitFor();
  assert.equal((await crm.related(TOM.id, id)).find((r) => r.description === 'Prefers a call after 4 pm').relation, 'suggested');
  await panel.getByTestId('add-menu-button').click();
  await panel.getByTestId('add-menu').waitFor();
  await axeClean(page, panel, '"+" menu open');
  await panel.getByTestId('add-menu-item').first().click();
  await panel.getByTestId('activity-form').waitFor();
  assert.match(await panel.getByTestId('input-subject').inputValue(), /^Inbound call/, 'pre-filled from the call');
  await axeClean(page, panel, 'call log form');
  await panel.getByTestId('activity-save').click();
  await panel.locator('[data-testid=related-relation]', { hasText: 'New' }).first().waitFor();

  await page.evaluate((i) => window.workspace.end(i), id);
  await panel.getByTestId('interaction-ended').waitFor();
  await page.getByRole('button', { name: /^Enter wrap-up/ }).click();
  await panel.locator('[data-testid=auto-log]', { hasText: `Logged to ${TOM.name}` }).waitFor();
  await axeClean(page, panel, 'logged at wrap-up');
  const records = await crm.related(TOM.id, id);
  const auto = records.filter((r) => r.auto);
  assert.equal(auto.length, 1, JSON.stringify(records));
  assert.equal(auto[0].relation, 'new');

  // A reload of the workspace and the panel: the host re-announcing nothing, nothing is logged twice.
  await page.reload();
  await loadWorkspace(page, server.workspace);
  assert.equal((await crm.related(TOM.id, id)).filter((r) => r.auto).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a task in the quick layout sends only its fields, the choice holds, and details show a record in a layout', async () => {
  const { page, context, panel, errors } = await openWorkspace();
  const id = await call(page, GRACE.phone);
  await cardOf(panel, GRACE.name);
  await panel.getByTestId('add-menu-button').click();
  await panel.getByTestId('add-menu-item').filter({ hasText: 'Create Task' }).click();
  await panel.getByTestId('activity-form').waitFor();
  const picker = panel.getByTestId('layout-picker');
  assert.equal(await picker.inputValue(), 'task-follow-up', "the tenant's default");
  assert.deepEqual(await picker.locator('option').allTextContents(), ['Follow-up task', 'Quick task']);
  assert.equal(await panel.getByTestId('input-custom-callbackNumber').getAttribute('type'), 'tel', 'a custom phone field');
  await panel.getByTestId('input-subject').fill('Send the customs form');
  await panel.getByTestId('input-task-dueAt').fill('2026-12-04T10:00');
  await panel.getByTestId('input-custom-callbackNumber').fill('+442079460099');
  await axeClean(page, panel, 'task form, follow-up layout');
  await picker.selectOption('task-quick');
  await panel.getByTestId('input-custom-callbackNumber').waitFor({ state: 'detached' });
  assert.equal(await panel.getByTestId('input-subject').inputValue(), 'Send the customs form', 'what both show is kept');
  await axeClean(page, panel, 'task form, quick layout');
  await panel.getByTestId('activity-save').click();
  await panel.locator('[data-testid=related-subject]', { hasText: 'Send the customs form' }).waitFor();
  const task = (await crm.related(GRACE.id, id)).find((r) => r.subject === 'Send the customs form');
  assert.equal(task.relation, 'new');
  assert.deepEqual(task.customFields, {}, 'the hidden callback number was not sent');

  await panel.getByTestId('add-menu-button').click();
  await panel.getByTestId('add-menu-item').filter({ hasText: 'Create Task' }).click();
  await panel.getByTestId('activity-form').waitFor();
  assert.equal(await panel.getByTestId('layout-picker').inputValue(), 'task-quick', 'the choice holds this session');
  await panel.getByTestId('activity-cancel').click();

  const row = panel.getByTestId('related-row').filter({ hasText: 'Send the customs form' });
  const details = row.getByTestId('related-details');
  await details.click();
  const view = row.getByTestId('record-view');
  await view.getByTestId('record-fields').waitFor();
  assert.deepEqual(await view.locator('dt').allTextContents(), ['Subject', 'Due'], 'the quick layout');
  await view.getByTestId('layout-picker').selectOption('task-follow-up');
  await view.locator('dt', { hasText: 'Callback number' }).waitFor();
  assert.equal(await view.locator('dd.record-unset').first().textContent(), 'Not set');
  await axeClean(page, panel, 'record details');
  await view.getByTestId('layout-picker').press('Escape');
  await view.waitFor({ state: 'detached' });
  assert.equal(await details.getAttribute('aria-expanded'), 'false');
  assert.equal(await panel.evaluate(() => document.activeElement?.dataset.testid), 'related-details', 'focus back on Details');
  assert.deepEqual(errors, []);
  await context.close();
});
