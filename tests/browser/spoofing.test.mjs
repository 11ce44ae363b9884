// A link (or a file) can carry any proposal under a published proposal's id, with the council's
// look around it. It must never take the published proposal's place, and the page must say
// plainly, above the figures and in its title, that the site did not publish it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, openPage, serveDist, useSite, settledAddress } from './harness.mjs';
import { VIEWPORTS } from './scenarios.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const site = useSite();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const proposalFile = (name) => readFileSync(new URL(`../../proposals/${name}`, import.meta.url), 'utf8');
// Sandwell's own file, id, name and all, with a case costing twice as much and a higher cap:
// £1,249,167 net where the published proposal returns £370,000.
const SPOOF = proposalFile('sandwell.toml')
  .replace('cost_per_case_per_year = 2500', 'cost_per_case_per_year = 5000')
  .replace('saving_cap_per_year = 400000', 'saving_cap_per_year = 2000000');
assert.notEqual(SPOOF, proposalFile('sandwell.toml'));

// The fragment as src/codec/fragment.rs writes it: raw deflate (no zlib header, as miniz's
// compress_to_vec), in URL-safe base64 without padding.
const fragment = (text) => `#proposal=${deflateRawSync(Buffer.from(text), { level: 9 }).toString('base64url')}`;
const SPOOFING_LINK = `?v=1&p=sandwell${fragment(SPOOF)}`;

const PUBLISHED_TITLE = 'Sandwell: an early help lead to reduce referrals: Invest to save calculator';
const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

// The warning is there, in words, and before (and above) the results.
async function assertWarned(page, words) {
  const warning = page.locator('#unpublished-warning');
  assert.ok(await warning.isVisible(), 'the warning shows');
  assert.equal(await warning.locator('.warning-text__text').textContent(), `Warning: ${words}`);
  assert.equal(await warning.locator('.warning-text__icon').getAttribute('aria-hidden'), 'true');
  const before = await warning.evaluate((element) => {
    const headline = document.querySelector('#headline');
    const summary = document.querySelector('.summary-bar');
    return [headline, summary].every((figures) => figures
      && (element.compareDocumentPosition(figures) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  });
  assert.ok(before, 'the warning comes before the figures');
  const [top, headlineTop] = await Promise.all([
    warning.evaluate((element) => element.getBoundingClientRect().top),
    page.locator('#headline').evaluate((element) => element.getBoundingClientRect().top),
  ]);
  assert.ok(top < headlineTop, `the warning (${top}) is above the figures (${headlineTop})`);
}

const FROM_A_LINK = 'Not published on this site: this proposal was opened from a link. Its figures are whatever the link\'s author wrote; check them against the council\'s own papers.';
const FROM_A_FILE = 'Not published on this site: this proposal was opened from a file. Its figures are whatever the file\'s author wrote; check them against the council\'s own papers.';

describe('a link carrying a proposal under a published id', () => {
  test('opens the link\'s proposal as a separate entry, saying so above its figures and in the title', async () => {
    const { context, page, problems } = await site.open(SPOOFING_LINK);
    await page.waitForFunction(() => document.querySelector('#headline').textContent.includes('£1,249,167 net'));
    await assertWarned(page, FROM_A_LINK);
    assert.equal(await page.title(), `Not published on this site, opened from a link: ${PUBLISHED_TITLE}`);
    assert.match(await page.locator('h1').textContent(), /\(Not published on this site, opened from a link\)$/);
    assert.ok(await page.locator('#proposal-opened-sandwell').isChecked());
    assert.equal(await page.locator('label[for="proposal-opened-sandwell"]').textContent(),
      'Sandwell: an early help lead to reduce referrals (from a link)');
    // The published Sandwell is still offered, under its own name, beside it.
    assert.equal(await page.locator('label[for="proposal-sandwell"]').textContent(),
      'Sandwell: an early help lead to reduce referrals');
    // The page's own link for it is the link it was opened with.
    assert.equal(await page.locator('#scenario-link').inputValue(), site.base + SPOOFING_LINK);

    // Choosing the published Sandwell shows the published figures, with no warning and no file.
    await page.locator('label[for="proposal-sandwell"]').click();
    await page.waitForFunction(() => document.querySelector('#headline').textContent.includes('£370,000 net'));
    assert.equal(await page.locator('#unpublished-warning').count(), 0);
    assert.equal(await page.title(), PUBLISHED_TITLE);
    assert.doesNotMatch(await page.locator('h1').textContent(), /opened|published/);
    const published = await settledAddress(page);
    assert.equal(published.hash, '', 'the link for a published proposal carries no file');
    assert.match(published.search, /[?&]p=sandwell(&|$)/);

    // And back: the warning returns with the link's proposal.
    await page.locator('label[for="proposal-opened-sandwell"]').click();
    await page.waitForFunction(() => document.querySelector('#headline').textContent.includes('£1,249,167 net'));
    await assertWarned(page, FROM_A_LINK);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const { name: width, viewport } of VIEWPORTS) {
    test(`passes the accessibility audit with the warning showing, ${width}`, async () => {
      const { context, page } = await site.open(SPOOFING_LINK, { viewport });
      await page.locator('#unpublished-warning').waitFor();
      assert.deepEqual(await violations(page), []);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `no sideways scrolling (${sideways} pixels)`);
      await context.close();
    });
  }
});

describe('a file opened in the page under a published id', () => {
  test('goes beside the published proposal, says it came from a file, and its link says from a link', async () => {
    const { context, page, problems } = await site.open();
    await page.locator('#proposal-file-input').setInputFiles(file('sandwell.toml', SPOOF));
    await page.waitForFunction(() => document.querySelector('#proposal-opened-sandwell')?.checked);
    await page.waitForFunction(() => document.querySelector('#headline').textContent.includes('£1,249,167 net'));
    await assertWarned(page, FROM_A_FILE);
    assert.equal(await page.title(), `Not published on this site, opened from a file: ${PUBLISHED_TITLE}`);
    assert.match(await page.locator('h1').textContent(), /opened from a file\)$/);
    assert.equal(await page.locator('label[for="proposal-opened-sandwell"]').textContent(),
      'Sandwell: an early help lead to reduce referrals (from a file)');
    const address = await settledAddress(page);
    assert.match(address.search, /[?&]p=sandwell(&|$)/);
    assert.match(address.hash, /^#proposal=[A-Za-z0-9_-]+$/);

    // Whoever opens the page's link gets the same proposal, marked as from a link.
    const other = await site.browser.newContext();
    const { page: shared, problems: sharedProblems } = await openPage(other, page.url());
    assert.equal(await shared.locator('#headline').textContent(), await page.locator('#headline').textContent());
    await assertWarned(shared, FROM_A_LINK);
    assert.deepEqual(sharedProblems, []);
    await other.close();

    // The published Sandwell is untouched.
    await page.locator('label[for="proposal-sandwell"]').click();
    await page.waitForFunction(() => document.querySelector('#headline').textContent.includes('£370,000 net'));
    assert.equal(await page.locator('#unpublished-warning').count(), 0);
    assert.equal(await page.title(), PUBLISHED_TITLE);
    assert.equal((await settledAddress(page)).hash, '');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test("on a council's own site the warning names the council, and passes the audit in its colours", async () => {
  const folder = await mkdtemp(join(tmpdir(), 'site-'));
  try {
    await cp(DIST, folder, { recursive: true });
    execFileSync('cargo', ['run', '--quiet', '--bin', 'site', '--', '--config', 'tests/fixtures/site/site.toml', '--dist', folder],
      { cwd: ROOT, stdio: 'pipe' });
    const served = await serveDist({}, folder);
    try {
      const own = proposalFile('own.toml').replace('one_off = 7500000', 'one_off = 1000000');
      for (const { viewport } of VIEWPORTS) {
        const context = await site.browser.newContext({ viewport });
        const { page, problems } = await openPage(context, `${served.base}?v=1&p=own${fragment(own)}`);
        await assertWarned(page, 'Not published by Anytown Borough Council: this proposal was opened from a link. Its figures are whatever the link\'s author wrote; check them against the council\'s own papers.');
        assert.match(await page.title(), /^Not published by Anytown Borough Council, opened from a link: Your own proposal: What-if: spending to save$/);
        assert.equal(await page.locator('label[for="proposal-own"]').textContent(), 'Your own proposal');
        assert.deepEqual(await violations(page), []);
        assert.deepEqual(problems, []);
        await context.close();
      }
    } finally {
      served.server.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
