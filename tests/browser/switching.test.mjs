// Switching values on the page: each slider has a sentence under it saying how far its lever can
// move before the proposal stops paying back, and moving one slider changes another's sentence.
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
