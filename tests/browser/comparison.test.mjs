// Scenarios side by side: a reader pins the scenario on the page as A and B with names, moves
// on, and compares them in one table with their curves on the chart; the link carries it all,
// so a reload (or whoever the link is sent to) sees the same comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, settledAddress } from './harness.mjs';
import { typeInto } from './scenarios.mjs';

const site = useSite();

async function comparisonTable(page) {
  await page.locator('#comparison-table').waitFor();
  await page.waitForFunction(() => document.querySelector('.comparison__updating') === null
    && document.querySelector('#comparison [aria-busy="true"]') === null, null, { timeout: 90000 });
  const headers = await page.locator('#comparison-table thead th').allTextContents();
  const rows = await page.locator('#comparison-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
  return { headers, rows };
}

const row = (rows, heading) => rows.find((cells) => cells[0] === heading)?.slice(1);

test('two pinned scenarios are compared with the one on the page, and survive a reload of the link', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell&draws=500');
  try {
    await page.locator('#comparison > summary').click();
    await page.fill('#pin-name', 'As published');
    await page.click('#pin-button');
    await page.fill('#lever-allocation-slider', '30');
    await page.fill('#pin-name', 'Cautious');
    assert.equal(await page.locator('#pin-button').textContent(), 'Pin as B');
    await page.click('#pin-button');
    await typeInto(page, 'cost_per_case', '2000');
    // The link carries both pins, each its name and what differs from the proposal's figures.
    const address = await settledAddress(page);
    assert.equal(address.search,
      '?v=1&p=sandwell&allocation=30&cost_per_case=2000&draws=500&a~name=As%20published&b~name=Cautious&b~allocation=30');

    // `calc '<that link>' --table comparison --format json` gives the same rows.
    const { headers, rows } = await comparisonTable(page);
    assert.deepEqual(headers, ['Now', 'A: As published', 'B: Cautious']);
    assert.deepEqual(row(rows, 'Net return'), ['£117,500', '£370,000', '£215,833']);
    assert.deepEqual(row(rows, 'Payback month'), ['September 2024', 'December 2023', 'June 2024']);
    assert.deepEqual(row(rows, 'Assumptions that differ from now'), [
      '(the scenario on the page)',
      'Referrals that become cases: 44%; Cost per case: £2,500 a year',
      'Cost per case: £2,500 a year',
    ]);
    assert.deepEqual(row(rows, 'Chance of paying back by the target month'),
      ['96.6% (±1.6 points) by March 2025', '100% (every draw) by March 2025', '100% (every draw) by March 2025']);
    assert.deepEqual(row(rows, 'Switching value: Referral reduction, share of plan'), [
      'Pays back by March 2025 at 72.95% or more',
      'Pays back by March 2025 at 40.86% or more',
      'Pays back by March 2025 at 59.92% or more',
    ]);
    // Their curves are on the chart, lettered, told apart by their dashes.
    assert.deepEqual(await page.locator('.chart__pinned text').allTextContents(), ['A', 'B']);

    // A reload of the link: the same pins, the same table.
    const reloaded = await context.newPage();
    await reloaded.goto(address.href);
    // The page built in advance has no pins; the running page draws them once it starts.
    await reloaded.locator('#pins').waitFor({ state: 'attached' });
    assert.deepEqual(await reloaded.locator('#pins .comparison__pin-label').allTextContents(), ['A: As published', 'B: Cautious']);
    await reloaded.locator('#comparison > summary').click();
    assert.deepEqual(await comparisonTable(reloaded), { headers, rows });

    // Removing A leaves B, and the link says so.
    await reloaded.getByRole('button', { name: 'Remove A: As published' }).click();
    assert.deepEqual(await reloaded.locator('#pins .comparison__pin-label').allTextContents(), ['B: Cautious']);
    const after = await settledAddress(reloaded);
    assert.ok(!after.search.includes('a~'), after.search);
    assert.equal(await reloaded.locator('#pin-button').textContent(), 'Pin as A');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with A, B and C pinned the page says to remove one, and a link written before pins opens as it did', async () => {
  const { context, page, problems } = await site.open('v=1&p=sandwell&a~name=One&b~name=Two&c~name=Three');
  try {
    await page.locator('#comparison > summary').click();
    assert.equal(await page.locator('#pin-button').count(), 0);
    assert.match(await page.locator('#pins-full').textContent(), /remove one to pin another/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  const old = await site.open('v=1&p=sandwell&allocation=50');
  try {
    assert.equal(await old.page.locator('#pins').count(), 0);
    assert.equal((await settledAddress(old.page)).search, '?v=1&p=sandwell&allocation=50');
  } finally {
    await old.context.close();
  }
});
