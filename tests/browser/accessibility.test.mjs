// Accessibility audit: axe on every named scenario, with "More assumptions" and the monthly
// table open so every control and table is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, useSite } from './harness.mjs';
import { SCENARIOS } from './scenarios.mjs';

const site = useSite();

for (const scenario of SCENARIOS) {
  test(`"${scenario.name}" has no accessibility violations`, async () => {
    const context = await site.browser.newContext();
    const { page } = await openPage(context, site.base + (scenario.query ? `?${scenario.query}` : ''));
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    assert.deepEqual(summary, []);
    await context.close();
  });
}
