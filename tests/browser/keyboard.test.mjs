// Keyboard only: from the top of the page, Tab reaches every control, each shows where the focus
// is, and the focus leaves the page at the end (no trap). Then every kind of control is worked
// from the keyboard alone: the skip link, the proposal radios, a slider (arrows, Home, End,
// Page Up and Page Down), a number box with Enter, "More assumptions" with Enter and Space, the
// chart's reading slider and data table, and the copy button.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';
import { VIEWPORTS, openEverything } from './scenarios.mjs';

const site = useSite();

// The page as a reader meets it once it has settled: the switching values under the sliders
// are worked out a moment after it opens, and draw their markers then, which would move the
// controls' places in the page between counting them and walking them.
async function fresh(query, options) {
  const opened = await site.open(query, options);
  await opened.page.locator('#assumptions:not(.assumptions--updating)').waitFor({ state: 'attached', timeout: 30000 });
  return opened;
}

// What has the focus, and whether a sighted reader can see that it has: an outline or a ring
// of non-zero width, on screen, and not hidden under the results bar that stays at the top of a
// narrow screen. A control drawn by its label instead of itself (a proposal's radio button, a
// file picker) shows the focus on its label.
function focusNow(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const own = element.getBoundingClientRect();
    const drawnByLabel = getComputedStyle(element).opacity === '0' || own.width <= 1 || own.height <= 1;
    const shown = (drawnByLabel && element.labels?.[0]) || element;
    const style = getComputedStyle(shown);
    const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    const ring = style.boxShadow === 'none' ? 0 : Math.max(...(style.boxShadow.match(/(\d+(\.\d+)?)px/g) ?? ['0']).map(parseFloat));
    const box = shown.getBoundingClientRect();
    const inView = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
      && box.right > 0 && box.left < innerWidth;
    const bar = document.querySelector('.summary-bar');
    const barBox = bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect() : null;
    // Clear of the bar; or, for a region taller than the space beside the bar, a good part of it
    // on screen and clear of the bar.
    const overlap = barBox ? Math.max(0, Math.min(box.bottom, barBox.bottom) - Math.max(box.top, barBox.top)) : 0;
    const onScreen = Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    const short = box.height < innerHeight - (barBox?.height ?? 0);
    const underBar = short ? overlap > 1 : onScreen - overlap < 40;
    const index = [...document.querySelectorAll('*')].indexOf(element);
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`
      + `${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
    const where = `top ${Math.round(box.top)}, bottom ${Math.round(box.bottom)}, bar ${barBox ? Math.round(barBox.top) : '-'} to ${barBox ? Math.round(barBox.bottom) : '-'}`;
    return { index, name, indicator: Math.max(outline, ring), inView, underBar, where };
  });
}

// Every control a keyboard should reach, in document order: enabled, rendered, in the tab
// order; of each group of radios only the chosen one (arrow keys move within the group).
function reachable(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((e) => !e.disabled && e.tabIndex >= 0 && e.checkVisibility())
      .filter((e) => e.type !== 'radio' || e.checked)
      .map((e) => all.indexOf(e));
  });
}

// Tabs from the top of the page until the focus leaves it, recording each stop. A month box
// keeps the focus for its month and its year, so repeats of one element count once. (If a
// control has the focus already, it first Tabs on until the focus leaves the page, so the walk
// starts at the top whatever came before.)
async function walk(page, key = 'Tab') {
  const most = 400;
  for (let presses = 0; await focusNow(page) !== null; presses += 1) {
    if (presses === most) throw new Error(`the focus never left the page after ${most} presses of ${key}`);
    await page.keyboard.press(key);
  }
  const stops = [];
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press(key);
    const now = await focusNow(page);
    if (now === null) return stops;
    if (stops.at(-1)?.index !== now.index) stops.push(now);
  }
  throw new Error(`the focus never left the page after ${most} presses of ${key}: a trap near ${stops.at(-1)?.name}`);
}

async function tabTo(page, selector, most = 200) {
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const WALKS = [
  { name: 'Sandwell as published', query: '' },
  { name: 'a corrected link, everything open', query: 'v=1&p=sandwell&allocation=250', open: true },
  { name: 'Trafford, everything open', query: 'v=1&p=trafford', open: true },
];

describe('Tab goes through the whole page', () => {
  for (const { name: width, viewport } of VIEWPORTS) {
    for (const scenario of WALKS) {
      test(`${scenario.name}, ${width}: every control, each with a visible focus, then out of the page`, async () => {
        const { context, page } = await fresh(scenario.query, { viewport });
        if (scenario.open) await openEverything(page);
        const expected = await reachable(page);
        const stops = await walk(page);
        assert.deepEqual(stops.map((s) => s.index), expected, 'Tab reaches every control, in the order of the page');
        for (const stop of stops) {
          assert.ok(stop.indicator >= 2, `${stop.name} shows a focus indicator (${stop.indicator}px)`);
          assert.ok(stop.inView, `${stop.name} is scrolled into view`);
          assert.ok(!stop.underBar, `${stop.name} is not hidden under the results bar (${stop.where})`);
        }
        assert.ok(stops.some((s) => s.name === 'input#chart-month'), 'the results are reached');
        await context.close();
      });
    }
  }

  test('backwards with Shift+Tab at 320px wide, nothing with the focus is hidden under the results bar', async () => {
    const { context, page } = await fresh('v=1&p=sandwell&allocation=250', { viewport: { width: 320, height: 640 } });
    await openEverything(page);
    const expected = await reachable(page);
    const stops = await walk(page, 'Shift+Tab');
    assert.deepEqual(stops.map((s) => s.index), [...expected].reverse());
    for (const stop of stops) {
      assert.ok(stop.inView && !stop.underBar, `${stop.name} is in view and clear of the results bar (${stop.where})`);
    }
    await context.close();
  });
});

describe('working the calculator by keyboard alone', () => {
  test('the skip link is first, shows itself, and takes the focus to the calculator', async () => {
    const { context, page } = await fresh('v=1&p=sandwell&allocation=250');
    await page.keyboard.press('Tab');
    const skip = page.locator('#skip-link');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link');
    assert.equal(await skip.textContent(), 'Skip to main content');
    const box = await skip.boundingBox();
    assert.ok(box.y >= 0 && box.height > 10, 'visible while it has the focus');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dismiss-notice', 'the next Tab is inside the calculator');
    const after = await skip.boundingBox();
    assert.ok(after.y + after.height <= 0, 'out of sight again');
    await context.close();
  });

  test('a slider moves with the arrows, Home, End, Page Up and Page Down, saying its value', async () => {
    const { context, page } = await fresh();
    await tabTo(page, '#lever-allocation-slider');
    const slider = page.locator('#lever-allocation-slider');
    const state = async () => ({
      value: await slider.inputValue(),
      spoken: await slider.getAttribute('aria-valuetext'),
      box: await page.locator('#lever-allocation').inputValue(),
      link: new URL(page.url()).searchParams.get('allocation'),
    });
    for (const [key, value] of [['ArrowRight', '45'], ['ArrowLeft', '44'], ['ArrowUp', '45'], ['ArrowDown', '44'],
      ['End', '100'], ['Home', '0']]) {
      await page.keyboard.press(key);
      await page.waitForFunction((v) => document.querySelector('#lever-allocation-slider').getAttribute('aria-valuetext') === `${v} percent`, value);
      // The address bar follows once the reader pauses.
      await page.waitForFunction((v) => new URLSearchParams(location.search).get('allocation') === (v === '44' ? null : v), value);
      assert.deepEqual(await state(), { value, spoken: `${value} percent`, box: value, link: value === '44' ? null : value }, key);
    }
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => document.querySelector('#lever-allocation-slider').value !== '0');
    const up = Number(await slider.inputValue());
    assert.ok(up > 1, `Page Up takes a bigger step (${up})`);
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.querySelector('#lever-allocation-slider').value === '0');
    await context.close();
  });

  test('a number box takes a typed value on Enter', async () => {
    const { context, page } = await fresh();
    await tabTo(page, '#lever-cost_per_case');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3,300');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('cost_per_case=3300'));
    assert.equal(await page.locator('#lever-cost_per_case-slider').inputValue(), '3300');
    assert.equal(await page.locator('#lever-cost_per_case-slider').getAttribute('aria-valuetext'), '£3,300 a year');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'lever-cost_per_case', 'the focus stays put');
    await context.close();
  });

  test('"More assumptions" opens and closes with Enter and Space, and Tab goes on into it', async () => {
    const { context, page } = await fresh();
    await tabTo(page, '.more-assumptions > summary');
    const open = () => page.locator('.more-assumptions').evaluate((d) => d.open);
    assert.equal(await open(), false);
    await page.keyboard.press('Enter');
    assert.equal(await open(), true, 'Enter opens it');
    await page.keyboard.press('Space');
    assert.equal(await open(), false, 'Space closes it');
    await page.keyboard.press('Space');
    assert.equal(await open(), true, 'Space opens it');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('.more-assumptions .lever')), 'Tab goes into its assumptions');
    await context.close();
  });

  test('a "None" box switches an assumption off with Space', async () => {
    const { context, page } = await fresh();
    await tabTo(page, '.more-assumptions > summary');
    await page.keyboard.press('Enter');
    await tabTo(page, '#lever-cap-off');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search.includes('cap=none'));
    assert.ok(await page.locator('#lever-cap-slider').isDisabled(), 'its slider is off too');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !location.search.includes('cap='));
    await context.close();
  });

  test('dismissing the correction notice leaves the focus at the top of the calculator', async () => {
    const { context, page } = await fresh('v=1&proposal=sandwell&allocation=250');
    await tabTo(page, '#dismiss-notice');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#link-notice'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'proposal-sandwell');
    await context.close();
  });

  test('the proposal radios move with the arrow keys', async () => {
    const { context, page } = await fresh();
    await tabTo(page, '#proposal-sandwell');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search === '?v=1&p=trafford');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'proposal-trafford');
    await context.close();
  });

  test('the results: the chart is read month by month, its data opened as a table, and the link copied', async () => {
    const { context, page } = await fresh();
    await tabTo(page, '#chart-month');
    const reading = page.locator('#chart-reading');
    await page.keyboard.press('Home');
    assert.match(await reading.textContent(), /^January 2022: cumulative -£7,500/);
    await page.keyboard.press('End');
    assert.match(await reading.textContent(), /^March 2025: cumulative £370,000/);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.matches('#chart-data > summary')));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'region', 'the table scrolls in a focusable region');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#copy-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#copy-status').textContent.length > 0);
    await context.close();
  });
});
