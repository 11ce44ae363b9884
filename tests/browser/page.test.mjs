// Whole-page tests: the built site in headless Chromium, driven as a reader would drive it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';
import { SCENARIOS } from './scenarios.mjs';

const site = useSite();

const fresh = site.open;

const headline = (page) => page.locator('#headline').textContent();
const curve = (page) => page.locator('.chart__model').getAttribute('d');
const query = (page) => new URL(page.url()).search;

describe('opening the calculator', () => {
  test('Sandwell opens at its published assumptions with the published results', async () => {
    const { context, page, problems } = await fresh();
    assert.match(await headline(page), /paid back by December 2023/);
    assert.match(await headline(page), /£370,000 net/);
    assert.match(await page.locator('#figure-breakeven').textContent(), /February 2023/);
    assert.equal(query(page), '?v=1&p=sandwell');
    assert.equal(await page.locator('#lever-allocation').inputValue(), '44');
    assert.equal(await page.locator('#loading').count(), 0, 'the loading line is gone');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const scenario of SCENARIOS) {
    test(`"${scenario.name}" opens a working page with no error`, async () => {
      const { context, page, problems } = await fresh(scenario.query);
      assert.ok((await headline(page)).length > 20);
      assert.ok((await curve(page)).startsWith('M'));
      if (scenario.notice) {
        assert.ok(await page.locator('#link-notice').isVisible(), 'a notice explains the corrections');
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('moving the assumptions', () => {
  for (const [proposal, key, keys] of [
    ['sandwell', 'reduction', ['PageDown', 'PageDown']],
    ['sandwell', 'allocation', ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']],
    ['sandwell', 'cost_per_case', ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']],
    ['trafford', 'benefits.realisation', ['ArrowLeft', 'ArrowLeft']],
    ['trafford', 'placements.units', ['ArrowRight', 'ArrowRight', 'ArrowRight']],
    ['own', 'saving.per_year', ['PageDown']],
    ['own', 'capital.amount', ['ArrowRight']],
  ]) {
    test(`moving ${proposal}'s ${key} slider by keyboard changes the curve, the headline and the link`, async () => {
      const { context, page, problems } = await fresh(`v=1&p=${proposal}`);
      const before = { curve: await curve(page), headline: await headline(page), query: query(page) };
      const id = `lever-${key.replace('.', '-')}`;
      const slider = page.locator(`#${id}-slider`);
      await slider.focus();
      for (const press of keys) await page.keyboard.press(press);
      await page.waitForFunction((q) => location.search !== q, before.query);
      await page.waitForFunction((h) => document.querySelector('#headline').textContent !== h, before.headline);
      assert.notEqual(await curve(page), before.curve);
      assert.notEqual(await headline(page), before.headline);
      assert.ok(new URLSearchParams(query(page)).has(key), `the link records ${key}`);
      // The box beside the slider shows the slider's value.
      assert.equal((await page.locator(`#${id}`).inputValue()).replaceAll(',', ''), await slider.inputValue());
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('typing a value in the number box moves the slider, the results and the link', async () => {
    const { context, page } = await fresh();
    await page.locator('#lever-allocation').fill('60');
    await page.locator('#lever-allocation').press('Enter');
    await page.waitForFunction(() => location.search.includes('allocation=60'));
    assert.equal(await page.locator('#lever-allocation-slider').inputValue(), '60');
    assert.doesNotMatch(await headline(page), /December 2023/);
    await context.close();
  });

  test('a typed value out of range is refused, kept in the box to correct, and the reader is told the range', async () => {
    const { context, page } = await fresh();
    await page.locator('#lever-allocation').fill('250%');
    await page.locator('#lever-allocation').press('Tab');
    await page.waitForSelector('#error-summary');
    assert.equal(await page.locator('#lever-allocation').inputValue(), '250%');
    assert.match(await page.locator('[data-lever="allocation"] .lever__message').textContent(), /^Error: .* must be between 0% and 100%$/);
    assert.equal(await page.locator('#lever-allocation').getAttribute('aria-invalid'), 'true');
    assert.equal(query(page), '?v=1&p=sandwell', 'nothing changed');
    assert.match(await headline(page), /December 2023/);
    // A value in range puts it right.
    await page.locator('#lever-allocation').fill('100');
    await page.locator('#lever-allocation').press('Enter');
    await page.waitForFunction(() => location.search.includes('allocation=100'));
    assert.equal(await page.locator('#error-summary').count(), 0);
    assert.equal(await page.locator('[data-lever="allocation"] .lever__message').count(), 0);
    await context.close();
  });

  test('a typed value that is not a number is refused with a message and changes nothing', async () => {
    const { context, page } = await fresh();
    await page.locator('#lever-allocation').fill('lots');
    await page.locator('#lever-allocation').press('Tab');
    assert.match(await page.locator('[data-lever="allocation"] .lever__message').textContent(), /must be a number, like 44/);
    assert.equal(await page.locator('#lever-allocation').getAttribute('aria-invalid'), 'true');
    assert.equal(query(page), '?v=1&p=sandwell');
    // Moving the slider instead clears the refusal and shows the slider's value in the box.
    await page.locator('#lever-allocation-slider').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('allocation=45'));
    assert.equal(await page.locator('#lever-allocation').inputValue(), '45');
    assert.equal(await page.locator('#lever-allocation').getAttribute('aria-invalid'), 'false');
    await context.close();
  });

  test('the assumptions under "More assumptions" work too, and reset restores the published values', async () => {
    const { context, page } = await fresh();
    await page.locator('.more-assumptions summary').click();
    await page.locator('#lever-council-months').fill('24');
    await page.locator('#lever-council-months').press('Enter');
    await page.waitForFunction(() => location.search.includes('council.months=24'));
    await page.locator('#lever-cap-off').check();
    await page.waitForFunction(() => location.search.includes('cap=none'));
    await page.locator('#reset').click();
    await page.waitForFunction(() => location.search === '?v=1&p=sandwell');
    assert.match(await headline(page), /December 2023/);
    await context.close();
  });

  test('a delivery start typed as a month moves the payback', async () => {
    const { context, page } = await fresh();
    await page.locator('.more-assumptions summary').click();
    await page.locator('#lever-delivery_start').fill('2023-01');
    await page.locator('#lever-delivery_start').dispatchEvent('change');
    await page.waitForFunction(() => location.search.includes('delivery_start=2023-01'));
    assert.doesNotMatch(await headline(page), /December 2023/);
    await context.close();
  });

  test('the screen-reader announcement waits for the value to settle', async () => {
    const { context, page } = await fresh();
    await page.waitForFunction(() => document.querySelector('#headline-announcement').textContent.length > 0);
    const slider = page.locator('#lever-allocation-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // What is announced is what stands on screen: the headline, then when the council's money
    // is back (Sandwell's Trust repays it).
    const repaid = await page.locator('.headline__repaid').allTextContents();
    assert.equal(repaid.length, 1);
    const visible = [await headline(page), ...repaid].join(' ');
    assert.notEqual(await page.locator('#headline-announcement').textContent(), visible, 'not announced mid-move');
    await page.waitForFunction((text) => document.querySelector('#headline-announcement').textContent === text, visible);
    await context.close();
  });
});

describe('choosing a proposal', () => {
  test('Trafford opens at its published table, and its levers move its results', async () => {
    const { context, page } = await fresh();
    await page.locator('label[for="proposal-trafford"]').click();
    await page.waitForFunction(() => location.search === '?v=1&p=trafford');
    const funding = page.locator('#budget-table tr[data-row="council_funding_required"]');
    assert.match(await funding.textContent(), /2,449,332.*228,133.*\(455,544\).*2,221,921/);
    assert.match(await page.locator('#figure-funding').textContent(), /£2,221,921.*Published: £2,221,921/);
    const slider = page.locator('#lever-demographic-realisation-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.search.includes('demographic.realisation=95'));
    assert.doesNotMatch(await funding.textContent(), /2,221,921/);
    assert.match(await page.locator('#figure-funding').textContent(), /^Council funding required, 2020\/21 to 2022\/23£2,3/);
    await context.close();
  });

  test('your own proposal pays back a one-off £7.5m from £2.58m a year in month 35', async () => {
    const { context, page } = await fresh('v=1&p=own');
    assert.match(await page.locator('#figure-payback').textContent(), /February 2029/);
    // Its starting values are an example to edit, not a report's figures.
    assert.match(await page.locator('[data-lever="capital.amount"] .lever__published').textContent(), /^Example: £7,500,000/);
    await page.locator('#lever-capital-amount').fill('£10,000,000');
    await page.locator('#lever-capital-amount').press('Enter');
    await page.waitForFunction(() => location.search.includes('capital.amount=10000000'));
    assert.doesNotMatch(await page.locator('#figure-payback').textContent(), /February 2029/);
    await context.close();
  });
});

describe('sharing', () => {
  test('opening a shared link restores the exact state', async () => {
    // Written in the calculator's own order, so the address stays exactly as given.
    const shared = 'v=1&p=sandwell&allocation=60&cap=none&council.months=18';
    const { context, page } = await fresh(shared);
    assert.equal(query(page), `?${shared}`);
    assert.equal(await page.locator('#lever-allocation').inputValue(), '60');
    assert.equal(await page.locator('#lever-allocation-slider').inputValue(), '60');
    assert.equal(await page.locator('#lever-council-months').inputValue(), '18');
    assert.ok(await page.locator('#lever-cap-off').isChecked());
    assert.equal(await page.locator('#link-notice').count(), 0);
    await context.close();
  });

  test('"Copy link to this scenario" puts the scenario link on the clipboard', async () => {
    const { context, page } = await fresh('v=1&p=sandwell&allocation=50', {});
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#copy-link').click();
    await page.waitForFunction(() => document.querySelector('#copy-status').textContent.length > 0);
    assert.match(await page.locator('#copy-status').textContent(), /Link copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(copied).search, '?v=1&p=sandwell&allocation=50');
    await context.close();
  });

  test('a hostile link opens with its values corrected, a notice, and no script run', async () => {
    const hostile = SCENARIOS.find((s) => s.name === 'A hostile link');
    const { context, page, problems } = await fresh(hostile.query);
    const notice = page.locator('#link-notice');
    const text = await notice.textContent();
    assert.match(text, /cannot be above 100%/);
    assert.match(text, /does not use/);
    assert.match(text, /version/);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    // The address is rewritten to the corrected scenario.
    assert.match(query(page), /allocation=100/);
    assert.doesNotMatch(query(page), /script|img/);
    await page.locator('#dismiss-notice').click();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the page as a whole', () => {
  test('on a phone the page fits the screen with no sideways scrolling', async () => {
    const { context, page } = await fresh('', { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    // The results stay in view while the reader moves the assumptions.
    await page.locator('#lever-allocation').scrollIntoViewIfNeeded();
    const bar = page.locator('.summary-bar');
    assert.ok(await bar.isVisible());
    assert.match(await bar.textContent(), /Paid back Dec 2023/);
    const top = await bar.evaluate((element) => element.getBoundingClientRect().top);
    assert.ok(top <= 1, `the summary bar is ${top}px from the top of the screen`);
    await context.close();
  });

  test('without JavaScript the page says what it needs', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.base);
    assert.match(await page.locator('p.noscript').textContent(), /turn JavaScript on/);
    assert.ok(await page.locator('p.noscript').isVisible());
    // "Loading" would never end without JavaScript; the noscript message says why instead.
    assert.equal(await page.locator('#loading').isVisible(), false);
    // The site build's uncertainty run is there too: `calc sandwell --table uncertainty`.
    assert.equal(await page.locator('#static-uncertainty').textContent(),
      'Of 10,000 runs from seed 1, with every uncertain assumption drawn at once, 100% (every draw) have paid back by March 2025.');
    await context.close();
  });

  test('the curve shows the published figures dashed, the zero line and both markers', async () => {
    const { context, page } = await fresh();
    assert.equal(await page.locator('.chart__published').count(), 1);
    assert.equal(await page.locator('.chart__zero').count(), 1);
    assert.match(await page.locator('.chart__marker--breakeven text').textContent(), /Feb 2023/);
    assert.match(await page.locator('.chart__marker--payback text').textContent(), /Dec 2023/);
    // The curve can be read month by month, from the keyboard or by pointing at it.
    const reading = page.locator('#chart-reading');
    assert.equal(await reading.textContent(), 'March 2025: cumulative £370,000, in month £25,833');
    await page.locator('#chart-month').focus();
    await page.keyboard.press('Home');
    assert.equal(await reading.textContent(), 'January 2022: cumulative -£7,500, in month -£7,500');
    const box = await page.locator('.chart__svg').boundingBox();
    const guide = await page.locator('.chart__marker--payback circle').boundingBox();
    await page.mouse.move(guide.x + guide.width / 2, box.y + box.height / 2);
    assert.equal(await reading.textContent(), 'December 2023: cumulative £3,333, in month £15,417');
    await context.close();
  });

  test('the monthly table shows the working: referrals and cases avoided, whole steps', async () => {
    const { context, page } = await fresh();
    await page.locator('.months summary').click();
    const may = page.locator('#months-table tbody tr', { hasText: 'May 2024' });
    assert.match(await may.textContent(), /160\.9\s*16\s*.*33,333/);
    await context.close();
  });

  test('the reconciliation lists the print\'s own inconsistencies', async () => {
    const { context, page } = await fresh();
    assert.match(await page.locator('.reconciliation').textContent(), /199 of the 215 figures/);
    assert.equal(await page.locator('.inconsistencies li').count(), 7);
    await context.close();
  });
});
