// The analyses on the page: each slider's switching-value sentence (how far its lever can move
// before the proposal stops paying back), which moving another slider or the month to pay back by
// changes, and the discounted figures beside the cash ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';

const site = useSite();

const sentence = (page, key) => page.locator(`#lever-${key}-switching`);

test('moving the cost per case changes the allocation slider\'s switching value', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    await assert.doesNotReject(sentence(page, 'allocation').filter({ hasText: 'Pays back by March 2025 at 17.98% or more (published: 44%)' }).waitFor());
    // The slider says it too, to a screen reader, and the marker sits on its track.
    const describedBy = await page.getAttribute('#lever-allocation-slider', 'aria-describedby');
    assert.ok(describedBy.split(' ').includes('lever-allocation-switching'), describedBy);
    assert.equal(await page.locator('[data-lever="allocation"] .lever__marker line').getAttribute('x1'), '17.98%');

    // A case worth £5,000 a year, not £2,500: fewer cases need to be avoided.
    await page.fill('#lever-cost_per_case-slider', '5000');
    await sentence(page, 'allocation').filter({ hasNotText: '17.98%' }).filter({ hasText: 'Pays back by March 2025 at' }).waitFor();
    // `calc 'v=1&p=sandwell&cost_per_case=5000' --table switching` gives the same 9.97%.
    assert.equal(await sentence(page, 'allocation').textContent(), 'Pays back by March 2025 at 9.97% or more (published: 44%)');
    // Once every lever's figure is worked out again, the panel no longer says it is updating.
    await page.locator('#assumptions:not(.assumptions--updating)').waitFor();
    assert.equal(await page.locator('#switching-updating').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a lever with no switching value shows no line, not even while the others are worked out again', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    await page.locator('#assumptions:not(.assumptions--updating)').waitFor();
    // Every switching line that appears during the move, named by its lever.
    await page.evaluate(() => {
      const lines = () => [...document.querySelectorAll('.lever__switching')].map((line) => line.id);
      const before = new Set(lines());
      window.linesThatAppeared = new Set();
      new MutationObserver(() => {
        for (const id of lines()) if (!before.has(id)) window.linesThatAppeared.add(id);
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.fill('#lever-cost_per_case-slider', '5000');
    await sentence(page, 'allocation').filter({ hasText: 'Pays back by March 2025 at 9.97%' }).waitFor();
    await page.locator('#assumptions:not(.assumptions--updating)').waitFor();
    assert.deepEqual(await page.evaluate(() => [...window.linesThatAppeared]), []);
    for (const key of ['horizon', 'pay_back_by', 'discount_rate']) assert.equal(await sentence(page, key).count(), 0, key);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('choosing the month to pay back by changes every sentence, and the link carries it', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    await sentence(page, 'allocation').filter({ hasText: 'Pays back by March 2025 at 17.98%' }).waitFor();
    await page.locator('.more-assumptions > summary').click();
    await page.locator('#lever-pay_back_by').fill('2024-12');
    await page.locator('#lever-pay_back_by').dispatchEvent('change');
    // `calc 'v=1&p=sandwell&pay_back_by=2024-12' --table switching` gives 20.72%.
    await sentence(page, 'allocation').filter({ hasText: 'Pays back by December 2024 at 20.72% or more (published: 44%)' }).waitFor();
    await page.waitForFunction(() => location.search.includes('pay_back_by=2024-12'));
    // The month itself has no sentence: its answer is the payback month in the results.
    assert.equal(await sentence(page, 'pay_back_by').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a repayment's share says how far it can fall before the council's money is late, and moves with it", async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    await page.locator('.more-assumptions > summary').click();
    // `calc 'v=1&p=sandwell' --table switching`: the report's "fully paid back by December 2023".
    await sentence(page, 'repay_council-share').filter({ hasText: 'The Council is repaid by December 2023 at 97.13% or more (published: 100%)' }).waitFor();
    // The Trust repaying 99%: 97.13% is still the edge, and the headline still says December.
    await page.fill('#lever-repay_council-share-slider', '99');
    await page.locator('#assumptions:not(.assumptions--updating)').waitFor();
    assert.equal(await sentence(page, 'repay_council-share').textContent(), 'The Council is repaid by December 2023 at 97.13% or more (published: 100%)');
    // Below it the money is back a month late, as `calc 'v=1&p=sandwell&repay_council.share=97'` says.
    await page.fill('#lever-repay_council-share-slider', '97');
    await page.locator('.headline__repaid', { hasText: "The Council's £112,500 is repaid by January 2024." }).waitFor();
    await sentence(page, 'repay_council-share').filter({ hasText: 'The Council is repaid by December 2023 only at 97.13% or more' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the net present value sits beside the cash figures and moves with the discount rate', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    // `calc sandwell` gives £335,042 at 3.5%, against £370,000 cash.
    assert.match(await page.locator('#figure-npv').textContent(), /£335,042\s*Discounted at 3\.5% a year/);
    assert.match(await page.locator('#figure-net-return').textContent(), /£370,000/);
    assert.match(await page.locator('#figure-discounted-payback').textContent(), /January 2024/);
    await page.locator('.more-assumptions > summary').click();
    await page.locator('#lever-discount_rate').fill('0');
    await page.locator('#lever-discount_rate').dispatchEvent('change');
    // At 0% nothing is discounted: the cash figures.
    await page.locator('#figure-npv').filter({ hasText: '£370,000' }).waitFor();
    assert.match(await page.locator('#figure-discounted-payback').textContent(), /December 2023/);
    await page.waitForFunction(() => location.search.includes('discount_rate=0'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

const firstRow = (page) => page.locator('#sensitivity-table tbody tr').first();
const cells = (row) => row.locator('th, td').allTextContents();

test('the sensitivity panel is worked out when opened, follows the swing typed and the sliders, and never shows old figures as current', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell&allocation=50');
  try {
    // Closed, it costs nothing: no table until the reader opens it.
    await page.locator('#sensitivity').waitFor();
    assert.equal(await page.locator('#sensitivity-table').count(), 0);
    await page.locator('#sensitivity > summary').click();
    // `calc 'v=1&p=sandwell&allocation=50' --table sensitivity` prints this row first.
    await firstRow(page).filter({ hasText: 'Saving cap' }).waitFor();
    assert.deepEqual(await cells(firstRow(page)),
      ['Saving cap', '£320,000 a year', '£480,000 a year', '£324,167', '£490,417', '£166,250', 'October 2023', 'October 2023']);
    // The chart draws the same levers in the same order, each with a low and a high bar.
    const tableKeys = await page.locator('#sensitivity-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.lever));
    const chartKeys = await page.locator('.tornado__row').evaluateAll((rows) => rows.map((r) => r.dataset.lever));
    assert.deepEqual(chartKeys, tableKeys);
    assert.equal(tableKeys.length, 8);
    assert.equal(await page.locator('.tornado__row[data-lever="cap"] .tornado__bar--low').count(), 1);
    assert.equal(await page.locator('.tornado__row[data-lever="cap"] .tornado__bar--high').count(), 1);
    assert.match(await page.locator('#tornado-summary').textContent(),
      /^Net return now £417,917\. .*Saving cap moves it most: £324,167 at £320,000 a year, £490,417 at £480,000 a year\./);

    // 10%, not 20%: `calc ... --swing 10` gives £373,333 and £456,667 for the cap.
    await page.locator('#sensitivity-swing').fill('10');
    await firstRow(page).filter({ hasText: '£373,333' }).waitFor();
    assert.deepEqual((await cells(firstRow(page))).slice(1, 6),
      ['£360,000 a year', '£440,000 a year', '£373,333', '£456,667', '£83,333']);
    assert.match(await page.locator('#sensitivity-caption').textContent(), /alone moved 10% down and up/);

    // A swing that cannot be used is said, kept in the box, and leaves the last one in use.
    await page.locator('#sensitivity-swing').fill('ten');
    await page.locator('#sensitivity-swing-error').waitFor();
    assert.equal(await page.locator('#sensitivity-swing').inputValue(), 'ten');
    assert.equal(await page.locator('#sensitivity-swing').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#sensitivity-swing-error').textContent(), /from 1 to 100.*The table shows 10%/);
    assert.equal(await page.locator('.sensitivity__results').getAttribute('aria-busy'), 'false');
    assert.match(await firstRow(page).textContent(), /£373,333/);

    // Back to 20%, then a case costing £3,000 a year: every row is worked out again.
    await page.locator('#sensitivity-swing').fill('20');
    await firstRow(page).filter({ hasText: '£324,167' }).waitFor();
    await page.fill('#lever-cost_per_case-slider', '3000');
    // Until the new figures are in, the old ones are marked as being updated, never current.
    const seen = await page.evaluate(() => ({
      busy: document.querySelector('.sensitivity__results').getAttribute('aria-busy'),
      row: document.querySelector('#sensitivity-table tbody tr').textContent,
    }));
    if (seen.busy === 'false') assert.match(seen.row, /£360,000/);
    // `calc 'v=1&p=sandwell&allocation=50&cost_per_case=3000' --table sensitivity`.
    await page.locator('.sensitivity__results[aria-busy="false"]').waitFor();
    assert.deepEqual((await cells(firstRow(page))).slice(0, 6),
      ['Saving cap', '£320,000 a year', '£480,000 a year', '£360,000', '£560,000', '£200,000']);
    assert.match(await page.locator('#tornado-summary').textContent(), /^Net return now £467,500\./);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the uncertainty run draws its band behind the curve when asked, and an input is answered before a run finishes', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell');
  try {
    // Closed, nothing is drawn: no band and no run.
    await page.locator('#uncertainty').waitFor();
    assert.equal(await page.locator('.chart__band').count(), 0);
    await page.locator('#uncertainty > summary').click();
    // `calc sandwell --table uncertainty` gives the same sentence and year-end chances.
    const chance = page.locator('#uncertainty-chance');
    await chance.filter({ hasText: 'Of 10,000 runs from seed 1' }).waitFor({ timeout: 30000 });
    assert.equal(await chance.textContent(),
      'Of 10,000 runs from seed 1, with every uncertain assumption drawn at once, 100% (every draw) have paid back by March 2025.');
    assert.match(await page.locator('#uncertainty-years').textContent(), /March 2024\s*94\.2% \(±0\.5 points\)/);
    assert.match(await page.locator('#uncertainty-net-return').textContent(), /below £284,882, half below £360,464, a tenth above £439,580/);
    assert.equal(await page.locator('.chart__band:not(.chart__band--updating)').count(), 1);
    assert.match(await page.locator('#chart-summary').textContent(), /The shaded band holds the middle eight in ten of 10,000 runs/);

    // A case at £2,000 a year: the headline answers at once, while the new run is still being made.
    await page.locator('#lever-cost_per_case').fill('2000');
    await page.locator('#lever-cost_per_case').press('Enter');
    await page.locator('#figure-net-return').filter({ hasText: '£290,833' }).waitFor();
    const during = await page.evaluate(() => ({
      updating: document.querySelector('.uncertainty__updating') !== null,
      busy: document.querySelector('.uncertainty__results').getAttribute('aria-busy'),
      band: document.querySelector('.chart__band').getAttribute('class'),
    }));
    assert.deepEqual(during, { updating: true, busy: 'true', band: 'chart__band chart__band--updating' },
      'the results answered before the run was remade, and the old band is marked as such');
    // `calc 'v=1&p=sandwell&cost_per_case=2000' --table uncertainty`: 59.6% by March 2024.
    await page.locator('.uncertainty__results[aria-busy="false"]').waitFor({ timeout: 30000 });
    assert.match(await page.locator('#uncertainty-years').textContent(), /March 2024\s*59\.6% \(±1\.0 points\)/);
    assert.match(await page.locator('#uncertainty-net-return').textContent(), /below £198,937, half below £282,428, a tenth above £361,897/);
    assert.equal(await page.locator('.chart__band--updating').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a reader's own range for an assumption is drawn from, refused when it cannot be, and kept in the link", async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell&draws=1000');
  try {
    await page.locator('#uncertainty > summary').click();
    await page.locator('.uncertainty__results[aria-busy="false"]').waitFor({ timeout: 30000 });
    // A low above the likely 44% is refused beside the box, and what was typed stays.
    const low = page.locator('#range-allocation-low');
    await low.fill('60');
    await low.press('Enter');
    await page.locator('#range-allocation-low-message').filter({ hasText: 'The low end must be at or below the likely value, 44%.' }).waitFor();
    assert.equal(await low.inputValue(), '60');
    assert.equal(await low.getAttribute('aria-invalid'), 'true');
    // 30% is taken: the run is made again from it, and the link carries it.
    await low.fill('30');
    await low.press('Enter');
    await page.waitForFunction(() => location.search.includes('allocation~low=30'));
    await page.locator('.uncertainty__results[aria-busy="false"]').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#uncertainty-levers tr[data-lever="allocation"] td:last-child').textContent(), 'you');
    // `calc 'v=1&p=sandwell&allocation~low=30&draws=1000' --table uncertainty`: 85.5% by March 2024.
    assert.match(await page.locator('#uncertainty-years').textContent(), /March 2024\s*85\.5% \(±2\.2 points\)/);
    assert.equal(await page.locator('#range-allocation-low-message').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
