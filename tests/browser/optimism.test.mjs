// Optimism bias on the page: moving the uplift on costs changes the results, and the figures
// without it appear beside them; a link carries it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';

const site = useSite();

test('an uplift on costs changes the results and shows the figures without it beside them', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    // None is applied as published, so nothing is run twice and nothing is shown.
    assert.equal(await page.locator('#figures-without-optimism-bias').count(), 0);
    await page.locator('.more-assumptions > summary').click();
    await page.fill('#lever-optimism_bias_costs-slider', '24');
    // `calc 'v=1&p=sandwell&optimism_bias_costs=24'`: £292,500 x 1.24 = £362,700 invested,
    // £662,500 - £362,700 = £299,800 net; without it, £370,000 as published.
    await page.locator('#figure-net-return').filter({ hasText: '£299,800' }).waitFor();
    const without = page.locator('#figures-without-optimism-bias');
    await without.waitFor();
    assert.match(await without.textContent(), /Optimism bias\s*Costs raised by 24%\s*Total investment/);
    assert.match(await without.textContent(), /Net return without optimism bias\s*£370,000/);
    assert.match(await without.textContent(), /Payback month without optimism bias\s*December 2023/);
    await page.waitForFunction(() => location.search.includes('optimism_bias_costs=24'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
