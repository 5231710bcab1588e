// Screenshots of the panel opened by link, and embedded in the demo workspace in each embedding
// state, at 360 and 480 px, light and dark, into docs/screenshots/ (plus the workspace itself).
// A tool for looking, not a test.
//
//   cargo xtask test    # or: trunk build --release && cargo build -p c360-server
//   node tests/e2e/screenshots.mjs          # SCREENSHOTS_DIR=/tmp/x to write elsewhere

import { join } from 'node:path';
import { startServer, launchBrowser, loadWorkspace, here, DEMO_PHONE } from './harness.mjs';

const out = process.env.SCREENSHOTS_DIR ?? join(here, '../../docs/screenshots');
const server = await startServer({ workspace: true });
const browser = await launchBrowser();

const tenants = { 'identity-only': 'demo-identity', 'screen-pop-off': 'demo-no-pop' };
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
};

try {
  // The panel opened by link (standalone): the demo customer, closed and with a row and the mood open.
  const token = server.token();
  for (const theme of ['light', 'dark']) {
    for (const width of [360, 480]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(server.panelUrl(token, { phoneNumber: DEMO_PHONE }));
      await page.getByTestId('timeline-row').first().waitFor();
      await page.screenshot({ path: join(out, `panel-${theme}-${width}.png`) });
      await page.getByTestId('row-toggle').first().click();
      await page.getByTestId('sentiment-toggle').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=row-summary][aria-busy=true]'));
      await page.screenshot({ path: join(out, `expanded-${theme}-${width}.png`) });
      await context.close();
    }
  }
  for (const theme of ['light', 'dark']) {
    for (const [name, setUp] of Object.entries(states)) {
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
        await page.waitForTimeout(300); // let the resize message settle the frame's height
        await page.evaluate(() => window.scrollTo(0, 0));
        if (name === 'screen-pop' && width === 480) {
          await page.screenshot({ path: join(out, `workspace-${theme}.png`) });
        }
        // The host sizes the frame to the panel's content (c360-resize-v1); keep the first screenful.
        const box = await page.locator('#panel').boundingBox();
        const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) };
        await page.setViewportSize({ width: 1280, height: Math.ceil(box.y + clip.height) });
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
