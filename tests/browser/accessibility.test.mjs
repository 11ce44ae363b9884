// Accessibility audit: axe on every named scenario, with "More assumptions" and the monthly
// table open so every control and table is checked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, openPage, serveDist } from './harness.mjs';
import { SCENARIOS } from './scenarios.mjs';

let server;
let base;
let browser;

before(async () => {
  ({ server, base } = await serveDist());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
});

for (const scenario of SCENARIOS) {
  test(`"${scenario.name}" has no accessibility violations`, async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, base + (scenario.query ? `?${scenario.query}` : ''));
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    assert.deepEqual(summary, []);
    await context.close();
  });
}
