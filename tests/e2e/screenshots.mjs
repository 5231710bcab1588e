// Screenshots of the panel opened by link, and embedded in the demo workspace in each embedding
// state and each native CRM state (`crm-*`: search results, contact card, edit form with an
// inline error, conflict chooser, multi-match picker, create with the duplicate prompt, the new
// caller's prompt), at 360 and 480 px, light and dark, into docs/screenshots/ (plus the workspace
// itself). A tool for looking, not a test.
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/screenshots.mjs          # SCREENSHOTS_DIR=/tmp/x to write elsewhere
//   SCREENSHOTS_ONLY=panel,crm-search node tests/e2e/screenshots.mjs   # only these states

import { join } from 'node:path';
import { startServer, launchBrowser, loadWorkspace, crmClient, here, DEMO_PHONE } from './harness.mjs';

const out = process.env.SCREENSHOTS_DIR ?? join(here, '../../docs/screenshots');
const only = process.env.SCREENSHOTS_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);
const server = await startServer({ workspace: true });
const browser = await launchBrowser();
const crm = crmClient(server.base, server.apiKey());

const tenants = { 'identity-only': 'demo-identity', 'screen-pop-off': 'demo-no-pop', 'unknown-caller': 'demo-identity' };
// States whose subject is below the first screenful: the shot ends at it.
const endsAt = {
  'crm-form-call': 'activity-form',
  'crm-form-event': 'activity-form',
  'crm-form-note': 'activity-form',
  'crm-form-case': 'activity-form',
  'crm-task-layout': 'activity-form', 'crm-record-details': 'record-view', 'crm-contact-quick': 'new-contact-form' };
const states = {
  // name → (page) => set the state up (in the tenant `tenants` names, else demo)
  'screen-pop': (page) => page.evaluate((p) => window.workspace.start({ customerPhone: p }), DEMO_PHONE),
  ended: async (page) => {
    const id = await page.evaluate((p) => window.workspace.start({ customerPhone: p }), DEMO_PHONE);
    await page.frame({ name: 'c360-panel' }).getByTestId('timeline-row').first().waitFor();
    await page.evaluate((i) => window.workspace.end(i), id);
  },
  internal: (page) => page.click('#internal'),
  'screen-pop-off': (page) => page.evaluate((p) => window.workspace.start({ customerPhone: p }), DEMO_PHONE),
  'identity-only': (page) => page.evaluate((p) => window.workspace.start({ customerPhone: p }), DEMO_PHONE),
  // Far down the history: the header and the history's head (mood, topics, filters) stay in view.
  scrolled: async (page) => {
    await page.evaluate((p) => window.workspace.start({ customerPhone: p }), DEMO_PHONE);
    const panel = page.frame({ name: 'c360-panel' });
    await panel.getByTestId('show-older').click();
    await panel.getByTestId('timeline-row').nth(30).scrollIntoViewIfNeeded();
  },
  // A topic picked: every row names the topic it matched.
  'topic-filtered': async (page) => {
    await page.evaluate((p) => window.workspace.start({ customerPhone: p }), DEMO_PHONE);
    const panel = page.frame({ name: 'c360-panel' });
    await panel.getByTestId('topic-chip').first().click();
    await panel.getByTestId('row-matched-topic').first().scrollIntoViewIfNeeded();
  },
  // A number with no history: one empty state.
  'unknown-caller': (page) => page.evaluate(() => window.workspace.start({ customerPhone: '+13125550187' })),
  ...crmStates(),
};

/** The native CRM's states in tenant `demo`, each set up from a fresh workspace. */
function crmStates() {
  const frame = (page) => page.frame({ name: 'c360-panel' });
  const call = (page, phone) => page.evaluate((p) => window.workspace.start({ customerPhone: p }), phone);
  const card = async (page, phone, name) => {
    await call(page, phone);
    await frame(page).locator('[data-testid=contact-name]', { hasText: name }).waitFor();
    await frame(page).getByTestId('timeline-row').first().waitFor();
  };
  const edit = async (page) => {
    await frame(page).getByTestId('contact-edit').click();
    await frame(page).getByTestId('contact-form').waitFor();
  };
  return {
    // During a call (the agent looking for another contact than the one that popped): the
    // results open over the card.
    'crm-search': async (page) => {
      await card(page, '+14155550102', 'Tom Becker');
      await frame(page).getByTestId('search-input').pressSequentially('whit', { delay: 30 });
      await frame(page).getByTestId('search-result').nth(3).waitFor();
    },
    'crm-card': (page) => card(page, DEMO_PHONE, 'Dana Whitfield'),
    'crm-edit-error': async (page) => {
      await card(page, '+14155550102', 'Tom Becker');
      await edit(page);
      await frame(page).getByTestId('input-emails-0').fill('tom at example');
      await frame(page).getByTestId('save').click();
      await frame(page).getByTestId('field-error').first().waitFor();
    },
    'crm-conflict': async (page) => {
      await card(page, '+442079460001', 'Grace Okafor');
      await edit(page);
      await frame(page).getByTestId('input-company').fill('Okafor Freight Ltd');
      await crm.patch('ct-0004', { company: 'Okafor Logistics Group' });
      await frame(page).getByTestId('save').click();
      await frame(page).getByTestId('conflict').waitFor();
      await crm.patch('ct-0004', { company: 'Okafor Logistics Ltd' }); // as it was, for the next run
    },
    'crm-multi-match': async (page) => {
      await page.click('[data-testid=multi-match-caller]');
      await frame(page).getByTestId('match-picker').waitFor();
      await frame(page).getByTestId('timeline-row').first().waitFor();
    },
    'crm-create-duplicate': async (page) => {
      const panel = frame(page);
      await panel.getByTestId('search-input').pressSequentially('Zoë Ashworth', { delay: 20 });
      await panel.getByTestId('search-create').click();
      await panel.getByTestId('new-contact-form').waitFor();
      await panel.getByTestId('input-phones-0').fill('+1 415 555 0100');
      await panel.getByTestId('duplicate').waitFor();
    },
    // The "+" menu open beside Dana's name.
    'crm-add-menu': async (page) => {
      await card(page, DEMO_PHONE, 'Dana Whitfield');
      await frame(page).getByTestId('add-menu-button').click();
      await frame(page).getByTestId('add-menu').waitFor();
    },
    // A task saved without its required parts: the server's errors beside the fields.
    'crm-task-form': async (page) => {
      await card(page, DEMO_PHONE, 'Dana Whitfield');
      await frame(page).getByTestId('add-menu-button').click();
      await frame(page).getByTestId('add-menu-item').nth(1).click();
      await frame(page).getByTestId('activity-save').click();
      await frame(page).getByTestId('field-error').first().waitFor();
    },
    // A call logged from the live call: it shows as New under related records.
    'crm-related': async (page) => {
      await card(page, DEMO_PHONE, 'Dana Whitfield');
      await frame(page).getByTestId('add-menu-button').click();
      await frame(page).getByTestId('add-menu-item').first().click();
      await frame(page).getByTestId('activity-save').click();
      await frame(page).locator('[data-testid=related-relation]', { hasText: 'New' }).first().waitFor();
      await frame(page).getByTestId('related-records').scrollIntoViewIfNeeded();
    },
    // A follow-up task: its custom callback number, and the Layout select at the bottom.
    'crm-task-layout': async (page) => {
      await card(page, DEMO_PHONE, 'Dana Whitfield');
      await frame(page).getByTestId('add-menu-button').click();
      await frame(page).getByTestId('add-menu-item').nth(1).click();
      await frame(page).getByTestId('input-subject').fill('Call back about the invoice');
      await frame(page).getByTestId('input-custom-callbackNumber').fill('+1 415 555 0199');
      await frame(page).getByTestId('layout-picker').focus();
    },
    // Each other form of the "+" menu, as it opens during Dana's call (pre-filled where it can be).
    ...Object.fromEntries(['call', 'event', 'note', 'case'].map((kind) => [`crm-form-${kind}`, async (page) => {
      await card(page, DEMO_PHONE, 'Dana Whitfield');
      await frame(page).getByTestId('add-menu-button').click();
      const item = { call: 'Log a Call', event: 'Create Event', note: 'Add Note', case: 'Create Case' }[kind];
      await frame(page).getByTestId('add-menu-item').filter({ hasText: item }).click();
      await frame(page).getByTestId('layout-picker').waitFor();
    }])),
    // A related record expanded: its fields in the chosen layout, and that layout's select.
    'crm-record-details': async (page) => {
      await card(page, DEMO_PHONE, 'Dana Whitfield');
      await frame(page).getByTestId('add-menu-button').click();
      await frame(page).getByTestId('add-menu-item').first().click();
      await frame(page).getByTestId('activity-save').click();
      await frame(page).locator('[data-testid=related-relation]', { hasText: 'New' }).first().waitFor();
      await frame(page).getByTestId('related-details').first().click();
      await frame(page).getByTestId('record-fields').waitFor();
    },
    // A new contact in the Quick layout: fewer fields, the choice at the bottom.
    'crm-contact-quick': async (page) => {
      const panel = frame(page);
      await panel.getByTestId('search-input').pressSequentially('Zoë Ashworth', { delay: 20 });
      await panel.getByTestId('search-create').click();
      await panel.getByTestId('new-contact-form').waitFor();
      await panel.getByTestId('layout-picker').selectOption('contact-quick');
      await panel.getByTestId('input-lastName').waitFor();
    },
    // The call ended and wrapped up: auto log says where it went.
    'crm-logged': async (page) => {
      const id = await call(page, DEMO_PHONE);
      await frame(page).locator('[data-testid=contact-name]', { hasText: 'Dana Whitfield' }).waitFor();
      await page.evaluate((i) => window.workspace.end(i), id);
      await page.evaluate((i) => window.workspace.wrapUp(i), id);
      await frame(page).locator('[data-testid=auto-log]', { hasText: 'Logged to' }).waitFor();
    },
    'crm-new-caller': async (page) => {
      await page.click('[data-testid=new-caller]');
      await frame(page).getByTestId('no-match').waitFor();
      await frame(page).getByTestId('timeline-row').first().waitFor();
    },
  };
}

try {
  // The panel opened by link (standalone): the demo customer, closed and with a row and the mood open.
  const token = server.token();
  for (const theme of wanted('panel') ? ['light', 'dark'] : []) {
    for (const width of [360, 480]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(server.panelUrl(token, { phoneNumber: DEMO_PHONE }));
      await page.getByTestId('timeline-row').first().waitFor();
      await page.screenshot({ path: join(out, `panel-${theme}-${width}.png`) });
      await page.getByTestId('row-toggle').first().click();
      await page.getByTestId('sentiment-toggle').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=row-summary][aria-busy=true]'));
      // From the mood badge down: its breakdown, the topics and the open row (the card is above).
      await page.evaluate(() => document.querySelector('[data-testid=sentiment-toggle]').scrollIntoView());
      await page.screenshot({ path: join(out, `expanded-${theme}-${width}.png`) });
      await context.close();
    }
  }
  for (const theme of ['light', 'dark']) {
    for (const [name, setUp] of Object.entries(states).filter(([name]) => wanted(name))) {
      for (const width of [360, 480]) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: theme });
        const page = await context.newPage();
        await loadWorkspace(page, server.workspace, tenants[name]);
        await page.evaluate(([w, t]) => {
          document.getElementById('panel').style.width = `${w}px`;
          window.workspace.setTheme(t);
        }, [width, theme]);
        await setUp(page);
        const panel = page.frame({ name: 'c360-panel' });
        await panel.waitForFunction(() => !document.querySelector('[data-testid=timeline-loading]'));
        // Let the resize messages settle the frame's height (a smaller one is sent after 1 s).
        await page.waitForTimeout(1300);
        await page.evaluate(() => window.scrollTo(0, 0));
        if (name === 'screen-pop' && width === 480) {
          await page.screenshot({ path: join(out, `workspace-${theme}.png`) });
        }
        // The host fits the frame to its window (c360-resize-v1, capped); the panel scrolls inside.
        // A subject below the first screenful is scrolled into view within the panel.
        if (endsAt[name]) {
          await panel.getByTestId(endsAt[name]).evaluate((el) => el.scrollIntoView({ block: 'end' }));
        }
        const clip = await page.locator('#panel').boundingBox();
        await page.screenshot({ path: join(out, `embedded-${name}-${theme}-${width}.png`), clip });
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`screenshots written to ${out}`);
