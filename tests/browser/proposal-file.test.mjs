// A council's own proposal file in the browser: opened through the file picker or dropped,
// checked with the same messages as `calc check`, carried in the link's fragment when it fits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openPage, useSite, settledAddress } from './harness.mjs';

const site = useSite();
const OWN = readFileSync(new URL('../../proposals/own.toml', import.meta.url), 'utf8');
// Our own proposal, from the shipped template: its own id and name, £1m once, £400,000 a year.
const MINE = OWN
  .replace('id = "own"', 'id = "anytown"')
  .replace('name = "Your own proposal"', 'name = "Anytown family hubs"')
  .replace('one_off = 7500000', 'one_off = 1000000')
  .replace('amount_per_year = 2580000', 'amount_per_year = 400000');

const fresh = site.open;

// The checker (TOML reader and line-and-column messages) is a module of its own, fetched only
// by readers who bring a file.
const checkerRequests = (requests) => requests.filter((url) => /\/checker[^/]*\.(js|wasm)$/.test(new URL(url).pathname));

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

test('a file chosen with the picker opens in the calculator, and its link carries it', async () => {
  const { context, page, problems } = await fresh();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.locator('#lever-allocation-slider').focus();
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(checkerRequests(requests), [], 'a reader who brings no file never fetches the checker');
  await page.locator('#proposal-file-input').setInputFiles(file('anytown.toml', MINE));
  await page.waitForFunction(() => document.querySelector('#headline').textContent.includes('£1,000,000'));
  // £1m against £400,000 a year (£33,333.33 a month) from the first month: paid back in month 30.
  assert.match(await page.locator('#headline').textContent(), /paid back by September 2028/);
  assert.ok(await page.locator('#proposal-opened-anytown').isChecked());
  assert.equal(checkerRequests(requests).length, 2, 'the checker is fetched once the reader opens a file');
  const address = await settledAddress(page);
  assert.match(address.hash, /^#proposal=[A-Za-z0-9_-]+$/);
  assert.equal(await page.locator('#scenario-link').inputValue(), page.url());

  // Whoever opens the link sees the same proposal and results, with no file of their own.
  const other = await site.browser.newContext();
  const { page: shared, problems: sharedProblems } = await openPage(other, page.url());
  assert.equal(await shared.locator('#headline').textContent(), await page.locator('#headline').textContent());
  assert.ok(await shared.locator('#proposal-opened-anytown').isChecked());
  assert.deepEqual(sharedProblems, []);
  await other.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file dropped on the box opens too', async () => {
  const { context, page } = await fresh();
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.toml', { type: 'text/plain' }));
    return data;
  }, MINE);
  await page.locator('.proposal-file').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.proposal-file').dispatchEvent('drop', { dataTransfer: transfer });
  await page.waitForFunction(() => document.querySelector('#proposal-opened-anytown')?.checked);
  assert.match(await page.locator('#headline').textContent(), /£1,000,000/);
  await context.close();
});

test('a broken file gets an error summary with every problem, focused, and the page carries on', async () => {
  const { context, page, problems } = await fresh();
  const before = await page.locator('#headline').textContent();
  const broken = MINE.replace('months = 60', 'months = "sixty"');
  await page.locator('#proposal-file-input').setInputFiles(file('broken.toml', broken));
  const summary = page.locator('#proposal-file-summary');
  await summary.waitFor();
  assert.equal(await summary.locator('h3').textContent(), 'There is a problem');
  const items = await summary.locator('li').allTextContents();
  assert.ok(items.length >= 1 && items.every((item) => item.startsWith('broken.toml: ')), items.join(' | '));
  assert.match(items.join(' '), /months/);
  // The same messages as `calc check`: where the problem is, then what it is.
  assert.ok(items.every((item) => /^broken\.toml: line \d+, column \d+: /.test(item)), items.join(' | '));
  assert.equal(await summary.locator('a').first().getAttribute('href'), '#proposal-file-input');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'proposal-file-summary');
  assert.equal(await page.locator('#proposal-file-input').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#proposal-file-error').textContent(), /^Error: The file could not be used/);
  assert.equal(await page.locator('#headline').textContent(), before, 'the proposal on screen is untouched');
  // Each problem's link takes the focus to the file box, and leaves the address alone.
  const address = page.url();
  await summary.locator('a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'proposal-file-input');
  assert.equal(page.url(), address);

  // Fixing the file and choosing it again clears the errors.
  await page.locator('#proposal-file-input').setInputFiles(file('broken.toml', MINE));
  await page.waitForFunction(() => !document.querySelector('#proposal-file-summary'));
  assert.ok(await page.locator('#proposal-opened-anytown').isChecked());
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the checker cannot be fetched, the reader is told, and choosing the file again works', async () => {
  const { context, page, problems } = await fresh();
  await page.route(/checker[^/]*\.wasm$/, (route) => route.abort());
  await page.locator('#proposal-file-input').setInputFiles(file('anytown.toml', MINE));
  const summary = page.locator('#proposal-file-summary');
  await summary.waitFor();
  assert.deepEqual(await summary.locator('li').allTextContents(),
    ['anytown.toml: the proposal-file checker could not be loaded; check the connection and try again']);
  await page.unroute(/checker[^/]*\.wasm$/);
  await page.locator('#proposal-file-input').setInputFiles(file('anytown.toml', MINE));
  await page.waitForFunction(() => document.querySelector('#proposal-opened-anytown')?.checked);
  assert.equal(await summary.count(), 0);
  // The failed fetch is logged (for the council's web team), and nothing else went wrong.
  assert.ok(problems.length > 0 && problems.every((problem) => /checker|Failed to fetch|ERR_FAILED|TypeError/i.test(problem)), problems.join(' | '));
  await context.close();
});

test('when the checker\'s script itself cannot be fetched, choosing the file again works without a reload', async () => {
  // A browser keeps a module whose fetch failed as failed for that address, so the page asks
  // for the script at a new address when it tries again.
  const { context, page, problems } = await fresh();
  await page.route(/checker[^/]*\.js(\?.*)?$/, (route) => route.abort());
  await page.locator('#proposal-file-input').setInputFiles(file('anytown.toml', MINE));
  const summary = page.locator('#proposal-file-summary');
  await summary.waitFor();
  assert.deepEqual(await summary.locator('li').allTextContents(),
    ['anytown.toml: the proposal-file checker could not be loaded; check the connection and try again']);
  await page.unroute(/checker[^/]*\.js(\?.*)?$/);
  const retried = page.waitForRequest((request) => /\/checker-[0-9a-f]{16}\.js\?attempt=1$/.test(request.url()));
  await page.locator('#proposal-file-input').setInputFiles(file('anytown.toml', MINE));
  await retried;
  await page.waitForFunction(() => document.querySelector('#proposal-opened-anytown')?.checked);
  assert.equal(await summary.count(), 0);
  assert.ok(problems.length > 0 && problems.every((problem) => /checker|Failed to fetch|ERR_FAILED|TypeError|dynamically imported module/i.test(problem)), problems.join(' | '));
  await context.close();
});

test('a proposal too large for a link says so, and the link still gives the assumptions', async () => {
  const { context, page } = await fresh();
  // Text that does not compress: about 12,000 characters of it, as comment lines (a summary
  // may hold at most 10,000 characters; a file, 64 KB).
  let noise = '';
  let seed = 7;
  for (let i = 0; i < 12000; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    noise += i % 100 === 0 ? '\n# ' : 'abcdefghijklmnopqrstuvwxyz '[seed % 27];
  }
  const large = `${MINE}${noise}\n`;
  await page.locator('#proposal-file-input').setInputFiles(file('large.toml', large));
  await page.waitForFunction(() => document.querySelector('#proposal-opened-anytown')?.checked);
  assert.match(await page.locator('#link-caveat').textContent(), /too large to travel in a link/);
  assert.equal((await settledAddress(page)).hash, '');
  await context.close();
});

test('a damaged proposal in a link is explained, and the page opens its first proposal', async () => {
  const { context, page, problems } = await fresh('?v=1#proposal=AAAA');
  assert.match(await page.locator('#proposal-file-summary').textContent(), /damaged/);
  assert.match(await page.locator('#headline').textContent(), /December 2023/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('round trip: download as a proposal file, check it, open it: the same scenario and results', async () => {
  const { context, page, problems } = await fresh('?v=1&p=sandwell&allocation=30&council.months=18');
  const headline = await page.locator('#headline').textContent();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-proposal').click()]);
  assert.equal(download.suggestedFilename(), 'sandwell.toml');
  const saved = await download.path();
  const text = readFileSync(saved, 'utf8');
  assert.match(text, /\[assumptions\]\nallocation = 30\n"council.months" = 18\n$/);

  // `calc check` accepts it: exit 0.
  const checked = execFileSync('cargo', ['run', '--quiet', '--bin', 'calc', '--', 'check', saved],
    { cwd: new URL('../../', import.meta.url), encoding: 'utf8' });
  assert.match(checked, /checks clean/);

  // Opened in a fresh page, it opens at the same assumptions with the same results.
  const other = await site.browser.newContext();
  const { page: reopened, problems: reopenedProblems } = await openPage(other, site.base);
  await reopened.locator('#proposal-file-input').setInputFiles(file('sandwell.toml', text));
  await reopened.waitForFunction((expected) => document.querySelector('#headline').textContent === expected, headline);
  assert.equal(await reopened.locator('#lever-allocation').inputValue(), '30');
  // The file's own figures are still the published ones.
  assert.match(await reopened.locator('[data-lever="allocation"]').textContent(), /44/);
  assert.deepEqual(reopenedProblems, []);
  await other.close();
  assert.deepEqual(problems, []);
  await context.close();
});
