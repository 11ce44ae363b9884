// Who pays and who gains: the results split by organisation, as the model computes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';

const site = useSite();

async function rows(query) {
  const { context, page, problems } = await site.open(query);
  const table = await page.locator('#organisations-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
  await context.close();
  return { table, problems };
}

test("Sandwell: the Council invests and gains, the Trust invests", async () => {
  const { table, problems } = await rows('v=1&p=sandwell');
  assert.deepEqual(table, [
    ['Council', '(112,500)', '662,500', '550,000'],
    ['Trust', '(180,000)', '0', '(180,000)'],
  ]);
  assert.deepEqual(problems, []);
});

test("the children's home: the council's £2m against four beds' savings, moving with occupancy", async () => {
  const { table } = await rows('v=1&p=childrens_home');
  // 60 months of £46,800 (4 beds x £3,000 a week x 52 weeks x 90% / 12) = £2,808,000.
  assert.deepEqual(table, [['Council', '(2,000,000)', '2,808,000', '808,000']]);
  const { table: fuller } = await rows('v=1&p=childrens_home&beds.occupancy=100');
  assert.deepEqual(fuller, [['Council', '(2,000,000)', '3,120,000', '1,120,000']]);
});
