// A council publishes its own proposal by putting a TOML file and a catalogue beside the page:
// no rebuild, no Rust.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, useSite } from './harness.mjs';

describe('a council\'s own proposal published beside the page', () => {
  // The files a council would put beside the page: its proposal, one broken file, and a catalogue
  // that also names a missing file and tries to reach outside its folder.
  const site = useSite(async () => {
    const own = await readFile(new URL('../../proposals/own.toml', import.meta.url), 'utf8');
    const ours = own
      .replace('id = "own"', 'id = "borsetshire"')
      .replace('name = "Your own proposal"', 'name = "Borsetshire: family hubs"')
      .replace('one_off = 7500000', 'one_off = 1200000')
      .replace('amount_per_year = 2580000', 'amount_per_year = 480000');
    return {
      'proposals/catalogue.txt': '# Borsetshire\nborsetshire.toml\nbroken.toml\nmissing.toml\n../../etc/passwd\n',
      'proposals/borsetshire.toml': ours,
      'proposals/broken.toml': ours.replace('start = "2026-04"', 'start = "2026-13"').replace('borsetshire', 'broken'),
    };
  });

  test('a proposal listed in the site catalogue is offered and opens from a link', async () => {
    const context = await site.browser.newContext();
    const { page, problems } = await openPage(context, `${site.base}?v=1&proposal=borsetshire`);
    assert.ok(await page.locator('#proposal-borsetshire').isChecked());
    assert.match(await page.locator('#about-heading').textContent(), /Borsetshire: family hubs/);
    // £1.2m once against £40,000 a month: paid back in the 30th month, September 2028.
    assert.match(await page.locator('#figure-payback').textContent(), /September 2028/);
    const listed = await page.locator('#site-problems').textContent();
    assert.match(listed, /broken\.toml: timeline\.start/);
    assert.match(listed, /missing\.toml is listed in the catalogue but could not be found/);
    assert.match(listed, /etc\/passwd/);
    assert.equal(await page.locator('#link-notice').count(), 0);
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await context.close();
  });
});
