// Who pays and who gains: the results split by organisation, as the model computes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';

const site = useSite();

async function rows(query) {
  const { context, page, problems } = await site.open(query);
  const cells = (selector) => page.locator(selector).evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
  const table = await cells('#organisations-table tbody tr');
  const repayments = await cells('#repayments-table tbody tr');
  const headings = await page.locator('#organisations-table thead th').allTextContents();
  const repaid = await page.locator('.headline__repaid').allTextContents();
  const sources = await page.locator('section.organisations .organisations__source').allTextContents();
  await context.close();
  return { table, repayments, headings, repaid, sources, problems };
}

test("Sandwell: the savings land with the Trust, which repays the council's £112,500 by December 2023", async () => {
  const { table, repayments, headings, repaid, sources, problems } = await rows('v=1&p=sandwell');
  assert.deepEqual(headings, ['Organisation', 'Invests', 'Gains', 'Repays', 'Is repaid', 'Net (cost) / gain']);
  // The Trust gains all 662,500 of savings, pays 180,000 for the post and repays 112,500.
  assert.deepEqual(table, [
    ['Council', '(112,500)', '0', '0', '112,500', '0'],
    ['Trust', '(180,000)', '662,500', '(112,500)', '0', '370,000'],
  ]);
  assert.deepEqual(repayments, [
    ['The Trust repays the council', 'Trust repays Council', '£112,500', '£112,500', '£0', 'December 2023'],
  ]);
  // The headline says when the council's own money is back.
  assert.deepEqual(repaid, ["The Council's £112,500 is repaid by December 2023."]);
  // Where the terms come from, in the report's words, as the page built in advance says too.
  assert.equal(sources.length, 1);
  assert.match(sources[0], /^The Trust repays the council: The Trust funds the post "from generated demand led returns"/);
  assert.deepEqual(problems, []);
});

test("Sandwell: repaying at most £5,000 a month puts the council's money back in September 2024", async () => {
  const { table, repaid } = await rows('v=1&p=sandwell&repay_council.per_month=5000');
  assert.deepEqual(repaid, ["The Council's £112,500 is repaid by September 2024."]);
  // Only who has the money moves: the nets still add up to the proposal's £370,000.
  assert.deepEqual(table.map((row) => row.at(-1)), ['0', '370,000']);
});

test("the children's home: the council's £2m against four beds' savings, moving with occupancy", async () => {
  const { table } = await rows('v=1&p=childrens_home');
  // 60 months of £46,800 (4 beds x £3,000 a week x 52 weeks x 90% / 12) = £2,808,000.
  assert.deepEqual(table, [['Council', '(2,000,000)', '2,808,000', '808,000']]);
  const { table: fuller } = await rows('v=1&p=childrens_home&beds.occupancy=100');
  assert.deepEqual(fuller, [['Council', '(2,000,000)', '3,120,000', '1,120,000']]);
});
