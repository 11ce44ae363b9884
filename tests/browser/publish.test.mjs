// Publishing: the page built in advance (no JavaScript), no request leaving the site, a
// council's own site file (name, colours, logo, proposals), the embed snippet, the downloads and
// the printed summary. The built dist/ is served under a sub-path with a strict CSP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, embeddedBy, openPage, serveDist, useSite } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const site = useSite();

// The same model, run by the command-line front: what the page must agree with.
function calc(...args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'calc', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

// The proposal's name and the headline sentence, as `calc --table results` prints them.
function calcHeadline(preset) {
  const lines = calc(preset, '--table', 'results').split('\n');
  const at = lines.findIndex((line) => line.startsWith('Scenario:')) + 2;
  return [lines[at], lines[at + 1]];
}

const fresh = site.open;

describe('before and without JavaScript', () => {
  test('the built page holds the opening proposal and its figures, computed by the model', async () => {
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    const [name, sentence] = calcHeadline('sandwell');
    const escaped = sentence.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
    assert.ok(html.includes(`<h1>${name.replaceAll("'", '&#39;')}</h1>`), 'the proposal is named');
    assert.ok(html.includes(escaped), `the headline "${sentence}" is in the built page`);
    // Each financial year's net and cumulative, as the model computes them, in the built table.
    const pounds = (text) => {
      const whole = Math.round(Number(text));
      const digits = Math.abs(whole).toLocaleString('en-GB');
      return whole < 0 ? `(${digits})` : digits;
    };
    for (const line of calc('sandwell', '--format', 'csv', '--table', 'years').trim().split('\n').slice(1)) {
      const cells = line.split(',');
      const [year, net, cumulative] = [cells[0], cells.at(-2), cells.at(-1)];
      const row = html.match(new RegExp(`<th scope="row">${year.replace('/', '\\/')}[^<]*</th>(.*?)</tr>`));
      assert.ok(row, `the ${year} row is in the built page`);
      assert.ok(row[1].includes(`>${pounds(net)}</td><td class="number">${pounds(cumulative)}</td>`), `${year}: ${row[1]}`);
    }
  });

  test('with JavaScript off, a reader sees the proposal, its results, assumptions, chart and years', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.base);
    const [name, sentence] = calcHeadline('sandwell');
    assert.equal(await page.locator('h1').textContent(), name);
    assert.equal(await page.locator('#static-headline').textContent(), sentence);
    const figures = await page.locator('#static-page .figure').allTextContents();
    assert.ok(figures.some((f) => f === 'Payback monthDecember 2023'), figures.join(' | '));
    assert.ok(figures.some((f) => f === 'Net return£370,000'), figures.join(' | '));
    assert.ok(await page.locator('#static-page svg.chart__svg').isVisible());
    assert.match(await page.locator('#static-page dl.static-page__assumptions').textContent(), /44%/);
    assert.equal(await page.locator('#static-page section table.cashflow').first().locator('tbody tr').count(), 4);
    // Who pays and who gains, and every month behind a disclosure that needs no script.
    // The savings land with the Trust, which repays the council's £112,500 out of them.
    assert.match(await page.locator('#static-page').textContent(), /Trust\(180,000\)662,500\(112,500\)0370,000/);
    assert.match(await page.locator('#static-page').textContent(), /The Council's £112,500 is repaid by December 2023\./);
    await page.locator('#static-page details.months summary').click();
    assert.equal(await page.locator('#static-page details.months tbody tr').count(), 39);
    await context.close();
  });

  test('before the calculator starts, the page has no accessibility violations and fits a 320-pixel screen', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
      // The audit needs scripts of its own, so keep the calculator from starting instead.
      const context = await site.browser.newContext({ viewport });
      await context.route(/\/boot-[0-9a-f]{16}\.js$/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(site.base);
      await page.locator('#static-headline').waitFor();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help}`), [], `at ${viewport.width}px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${overflow}px of sideways scrolling at ${viewport.width}px`);
      await context.close();
    }
  });

  test('the calculator takes over the page built in advance: one heading, one set of results', async () => {
    const { context, page, problems } = await fresh();
    assert.equal(await page.locator('#static-page').count(), 0);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('main').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('publishing', () => {
  test('no request leaves the site, and the page works under its Content-Security-Policy', async () => {
    const context = await site.browser.newContext();
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const { page, problems } = await openPage(context, site.base);
    await page.locator('#lever-allocation-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => !document.querySelector('#headline').textContent.includes('£370,000'));
    const origin = new URL(site.base).origin;
    assert.deepEqual(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:')), []);
    assert.ok(requests.every((url) => url.startsWith('blob:') || new URL(url).pathname.startsWith(new URL(site.base).pathname)),
      'every request stays under the sub-path');
    assert.deepEqual(problems, [], 'no CSP violation, console error or page error');
    await context.close();
  });

  // Every file but index.html and embed.js is named after its content, so a new index.html
  // never runs an old .wasm, script or stylesheet from a cache (README, "Publish it on your website").
  test('every file the page and its scripts load is in dist/ and carries a content hash', async () => {
    const hashed = /^[\w.-]+-[0-9a-f]{16}(\.\w+)?$/;
    const present = await readdir(DIST);
    for (const name of present) {
      if (name !== 'index.html' && name !== 'embed.js') assert.match(name, hashed, `${name} carries a hash`);
    }
    const builtName = (name) => name.replace(/-[0-9a-f]{16}(\.\w+)?$/, '$1');
    const built = present.map(builtName);
    assert.equal(new Set(built).size, built.length, `one copy of each: ${present.join(', ')}`);
    // The files a text loads: its ./name, href="name" and src="name" (not data: or other sites).
    const loaded = (text) => [...text.matchAll(/(?:'\.\/|"\.\/|href="|src=")([^'":?#]+)['"?#]/g)].map((m) => m[1].replace(/^\.\//, ''));
    const index = await readFile(join(DIST, 'index.html'), 'utf8');
    const fromIndex = loaded(index);
    const boot = fromIndex.find((name) => builtName(name) === 'boot.js');
    assert.ok(boot, `index.html loads boot.js by a hashed name: ${fromIndex.join(', ')}`);
    const fromBoot = loaded(await readFile(join(DIST, boot), 'utf8'));
    for (const name of ['invest-to-save.js', 'invest-to-save_bg.wasm']) {
      assert.ok(fromBoot.some((found) => builtName(found) === name), `boot.js loads ${name}: ${fromBoot.join(', ')}`);
    }
    for (const name of [...fromIndex, ...fromBoot]) {
      assert.ok(present.includes(name), `${name} is in dist/`);
      assert.match(name, hashed, `${name} carries a hash`);
    }
    // And the page runs from those names: every request it makes, beside the page itself, is
    // for a hashed file that exists.
    const context = await site.browser.newContext();
    const requests = [];
    context.on('request', (request) => request.url().startsWith('http') && requests.push(new URL(request.url()).pathname));
    const { page, problems } = await openPage(context, site.base);
    await page.locator('#headline').waitFor();
    const files = requests.filter((path) => path !== new URL(site.base).pathname).map((path) => path.split('/').at(-1));
    assert.ok(files.some((name) => builtName(name) === 'invest-to-save_bg.wasm'), files.join(', '));
    for (const name of files) {
      assert.match(name, hashed);
      assert.ok(present.includes(name), `${name} is in dist/`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a council's site file sets the name, colours, logo and the proposals, first one opening", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'site-'));
    try {
      await cp(DIST, folder, { recursive: true });
      execFileSync('cargo', ['run', '--quiet', '--bin', 'site', '--', '--config', 'tests/fixtures/site/site.toml', '--dist', folder],
        { cwd: ROOT, stdio: 'pipe' });
      const served = await serveDist({}, folder);
      try {
        const context = await site.browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(served.base);
        assert.match(await page.title(), /^Your own proposal: What-if: spending to save$/);
        assert.equal(await page.locator('.masthead__council').textContent(), 'Anytown Borough Council');
        assert.equal(await page.locator('.masthead__logo').getAttribute('alt'), 'Anytown Borough Council');
        await context.close();

        const live = await site.browser.newContext();
        const { page: app, problems } = await openPage(live, served.base);
        assert.equal(await app.locator('.masthead__title').textContent(), 'What-if: spending to save');
        assert.equal(await app.locator('.masthead__logo').evaluate((img) => img.complete && img.naturalWidth > 0), true, 'the logo loads');
        assert.equal(await app.locator('.masthead').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(43, 16, 64)');
        assert.match(new URL(app.url()).search, /[?&]p=own(&|$)/);
        const offered = await app.locator('.picker label').allTextContents();
        assert.equal(offered.length, 2, offered.join(' | '));
        assert.deepEqual(problems, []);
        await live.close();
      } finally {
        served.server.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  // A council page on another origin (localhost, where the calculator is on 127.0.0.1) that
  // embeds, with the README's snippet, the calculator its address names.
  async function embeddingPage() {
    const host = createServer(async (request, response) => {
      const url = new URL(request.url, 'http://localhost');
      const base = url.searchParams.get('calculator');
      if (url.pathname === '/' && base) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><html lang="en"><head><title>Host</title></head><body>
          <h1>A council page</h1>
          <iframe src="${base}" title="Invest to save calculator" data-invest-to-save width="100%" height="300"></iframe>
          <script src="${base}embed.js" defer></script></body></html>`);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
    const origin = `http://localhost:${host.address().port}`;
    return { host, origin, address: (base) => `${origin}/?calculator=${encodeURIComponent(base)}` };
  }

  test('embedded in another site that its policy names, the frame grows and shrinks with its content', async () => {
    const { host, origin, address } = await embeddingPage();
    // The README's policy with the embedding page's origin added to frame-ancestors, as it says.
    const served = await serveDist({}, DIST, embeddedBy(origin));
    try {
      const context = await site.browser.newContext({ viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      await page.goto(address(served.base));
      const frame = page.frameLocator('iframe');
      await frame.locator('#headline').waitFor();
      // The frame's inner height (without its border) is the content's height.
      const height = () => page.locator('iframe').evaluate((f) => f.clientHeight);
      await page.waitForFunction(() => document.querySelector('iframe').clientHeight > 1000);
      const closed = await height();
      const inner = await frame.locator('html').evaluate((html) => html.getBoundingClientRect().height);
      assert.ok(Math.abs(closed - inner) <= 1, `frame ${closed}px, content ${inner}px`);
      await frame.locator('.months summary').click();
      await page.waitForFunction((before) => document.querySelector('iframe').clientHeight > before + 500, closed);
      await frame.locator('.months summary').click();
      await page.waitForFunction((before) => Math.abs(document.querySelector('iframe').clientHeight - before) <= 1, closed);
      await context.close();
    } finally {
      served.server.close();
      host.close();
    }
  });

  test("under the README's policy as it stands, another site cannot show the calculator in a frame", async () => {
    const { host, address } = await embeddingPage();
    try {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const refused = page.waitForEvent('console', {
        predicate: (message) => message.text().includes('frame-ancestors'),
        timeout: 15000,
      });
      await page.goto(address(site.base));
      await refused;
      const frame = page.frames().find((f) => f !== page.mainFrame());
      assert.equal(await frame.locator('#headline').count(), 0, 'the calculator is not shown');
      await context.close();
    } finally {
      host.close();
    }
  });
});

describe('taking the numbers away', () => {
  async function download(page, button) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  test('the CSV files hold the tables the model computes for the scenario on screen', async () => {
    const { context, page, problems } = await fresh('v=1&p=sandwell');
    let months = await download(page, '#download-months');
    assert.equal(months.name, 'sandwell-months.csv');
    assert.equal(months.text, calc('sandwell', '--format', 'csv', '--table', 'months'));
    const years = await download(page, '#download-years');
    assert.equal(years.name, 'sandwell-years.csv');
    assert.equal(years.text, calc('sandwell', '--format', 'csv', '--table', 'years'));
    assert.match(years.text, /^year,investment_Council,investment_Trust,investment,saving,net,cumulative\n2021\/22,22500\.00,/);

    await page.locator('#lever-allocation').fill('30');
    await page.locator('#lever-allocation').press('Enter');
    await page.waitForFunction(() => new URL(location.href).search.includes('allocation=30'));
    months = await download(page, '#download-months');
    const link = new URL(page.url()).search.slice(1);
    assert.equal(months.text, calc(link, '--format', 'csv', '--table', 'months'));
    assert.notEqual(months.text, calc('sandwell', '--format', 'csv', '--table', 'months'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('who pays and who gains downloads as CSV, in total and month by month, with the repayment', async () => {
    const link = 'v=1&p=sandwell&repay_council.per_month=5000';
    const { context, page, problems } = await fresh(link);
    const organisations = await download(page, '#download-organisations');
    assert.equal(organisations.name, 'sandwell-organisations.csv');
    assert.equal(organisations.text, calc(link, '--format', 'csv', '--table', 'organisations'));
    assert.match(organisations.text, /\nCouncil,112500\.00,0\.00,0\.00,112500\.00,0\.00,112500\.00,2024-09\n/);
    const positions = await download(page, '#download-positions');
    assert.equal(positions.name, 'sandwell-positions.csv');
    assert.equal(positions.text, calc(link, '--format', 'csv', '--table', 'positions'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the chart downloads as a standalone SVG drawing', async () => {
    const { context, page } = await fresh('v=1&p=trafford');
    const chart = await download(page, '#download-chart');
    assert.equal(chart.name, 'trafford-chart.svg');
    assert.match(chart.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(chart.text, /<title id="svg-title">[^<]*Trafford[^<]*cumulative position/);
    assert.ok(!chart.text.includes('class='), 'colours are in the drawing, not a stylesheet');
    await context.close();
  });

  for (const proposal of ['sandwell', 'trafford', 'own']) {
    test(`printed, ${proposal} is a summary of at most two pages with its assumptions, results, chart, years and link`, async () => {
      const { context, page } = await fresh(`v=1&p=${proposal}`);
      await page.emulateMedia({ media: 'print' });
      const visible = async (selector) => page.locator(selector).first().isVisible();
      assert.ok(await visible('#headline'));
      assert.ok(await visible('.chart__svg'));
      assert.ok(await visible('.print-link'));
      assert.match(await page.locator('.print-link').textContent(), new RegExp(`[?&]p=${proposal}(&|$)`));
      assert.ok(await visible('.lever__number, .lever__month'), 'assumption values are printed');
      assert.equal(await visible('.lever__slider'), false);
      assert.equal(await visible('.downloads__list'), false);
      assert.equal(await visible('.share'), false);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 2, `${pages} printed pages`);
      await context.close();
    });
  }
});
