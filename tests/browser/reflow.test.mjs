// Reflow: at 320 CSS pixels wide (what a 1280-pixel screen shows at 400% zoom) every scenario
// fits with no sideways scrolling of the page, nothing sticks out but inside a table's own
// scrolling region (focusable and labelled), and every control can be used. A full-page
// screenshot of each is saved under test-results/ to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useSite } from './harness.mjs';
import { SCENARIOS, openEverything, typeInto } from './scenarios.mjs';

const site = useSite();
const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const fresh = (query, viewport) => site.open(query, { viewport });

// What does not fit: the page's own width against the screen's, and every element reaching
// past either edge, unless it is inside a region that scrolls on its own (or is hidden text for
// screen readers).
function layout(page) {
  return page.evaluate(() => {
    const sticking = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element.closest('.table-scroll, .visually-hidden') || !element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.left < -0.5 || box.right > innerWidth + 0.5)) {
        sticking.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className} (${Math.round(box.left)} to ${Math.round(box.right)})`);
      }
    }
    const regions = [...document.querySelectorAll('.table-scroll')].filter((r) => r.checkVisibility()).map((region) => ({
      scrolls: region.scrollWidth > region.clientWidth,
      focusable: region.tabIndex === 0,
      role: region.getAttribute('role'),
      name: document.getElementById(region.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      fits: region.getBoundingClientRect().right <= innerWidth + 0.5,
    }));
    return { pageWidth: document.documentElement.scrollWidth, screenWidth: innerWidth, sticking: sticking.slice(0, 8), regions };
  });
}

async function checkReflow(page, name) {
  const found = await layout(page);
  assert.ok(found.pageWidth <= found.screenWidth, `the page is ${found.pageWidth}px wide on a ${found.screenWidth}px screen`);
  assert.deepEqual(found.sticking, [], 'nothing reaches past the edges of the screen');
  for (const region of found.regions) {
    assert.ok(region.fits, 'a table region fits the screen');
    if (region.scrolls) {
      assert.ok(region.focusable && region.role === 'region' && region.name.length > 0,
        `a table that scrolls sideways does so in a focusable, labelled region ("${region.name}")`);
    }
  }
  // Every control can be used with a pointer: wholly on screen once scrolled to, big enough, and
  // not covered by anything else.
  const controls = page.locator('.lever input:not([disabled]), .picker label, summary, button:not([disabled]), #chart-month');
  for (const control of await controls.all()) {
    if (!await control.evaluate((c) => c.checkVisibility())) continue; // inside a closed section
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    assert.ok(box.width >= 16 && box.height >= 16, `a control is big enough to use (${box.width} by ${box.height})`);
    assert.ok(box.x >= 0 && box.x + box.width <= found.screenWidth + 0.5, 'a control is wholly on screen');
    await control.click({ trial: true, timeout: 5000 });
  }
  await mkdir(SHOTS, { recursive: true });
  const file = `${SHOTS}reflow-320-${slug(name)}.png`;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  assert.ok((await stat(file)).size > 10_000, 'the screenshot was saved');
}

describe('at 320 CSS pixels wide the page reflows into one column', () => {
  for (const scenario of SCENARIOS) {
    test(`"${scenario.name}", everything open`, async () => {
      const { context, page } = await fresh(scenario.query, { width: 320, height: 640 });
      await openEverything(page);
      await checkReflow(page, scenario.name);
      await context.close();
    });
  }

  test('with a correction notice and the error summary showing', async () => {
    const { context, page } = await fresh('v=1&p=sandwell&allocation=250', { width: 320, height: 640 });
    await openEverything(page);
    await typeInto(page, 'cost_per_case', 'a great deal of money, more than anyone could possibly count');
    await page.locator('#error-summary').waitFor();
    assert.ok(await page.locator('#link-notice').isVisible());
    await checkReflow(page, 'notice and error summary');
    await context.close();
  });

  test('a 1280 by 720 screen at 400% zoom (320 by 180): the results bar does not take the screen', async () => {
    const { context, page } = await fresh('', { width: 320, height: 180 });
    await checkReflow(page, 'a short screen at 400 percent');
    await page.locator('#lever-allocation').scrollIntoViewIfNeeded();
    const bar = await page.locator('.summary-bar').boundingBox();
    assert.ok(bar.y + bar.height <= 0, 'the bar scrolls away with the page');
    await context.close();
  });
});
