// Accessibility audit: axe (WCAG 2.0, 2.1 and 2.2 A and AA, and best practice) on every named
// scenario, on a desktop and at 320 CSS pixels, with "More assumptions" and every other section
// open; with a correction notice showing; with the error summary showing. Then the clauses axe
// cannot check: colour never the only carrier, reduced motion, the chart in words and as a
// table, the sliders' instructions and spoken values, and the GOV.UK error pattern.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, useSite } from './harness.mjs';
import { SCENARIOS, VIEWPORTS, openEverything, typeInto } from './scenarios.mjs';

const site = useSite();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const fresh = site.open;

async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

describe('axe finds no violations', () => {
  for (const { name: width, viewport } of VIEWPORTS) {
    for (const scenario of SCENARIOS) {
      test(`"${scenario.name}", ${width}, everything open`, async () => {
        const { context, page } = await fresh(scenario.query, { viewport });
        await openEverything(page);
        if (await page.locator('.more-assumptions').count()) {
          assert.ok(await page.locator('.more-assumptions').evaluate((d) => d.open), '"More assumptions" is open');
        }
        if (scenario.notice) {
          assert.ok(await page.locator('#link-notice').isVisible(), 'the correction notice is showing');
        }
        assert.deepEqual(await violations(page), []);
        await context.close();
      });
    }

    test(`with the error summary and an error message showing, ${width}`, async () => {
      const { context, page } = await fresh('v=1&p=sandwell&allocation=250', { viewport });
      await openEverything(page);
      await typeInto(page, 'allocation', '250');
      await typeInto(page, 'council.months', 'twelve');
      await page.waitForFunction(() => document.querySelectorAll('#error-summary li').length === 2);
      assert.ok(await page.locator('#link-notice').isVisible(), 'the correction notice is showing too');
      assert.deepEqual(await violations(page), []);
      await context.close();
    });
  }
});

describe('the GOV.UK error pattern', () => {
  test('label, hint, then "Error: ..." above the box, tied to it, and the box marked invalid', async () => {
    const { context, page } = await fresh();
    await typeInto(page, 'allocation', '250');
    const message = page.locator('#lever-allocation-message');
    await message.waitFor();
    assert.match(await message.textContent(), /^Error: Referrals that become cases must be between 0% and 100%$/);
    // "Error:" is for screen readers; the words after it say what to do.
    assert.equal(await message.locator('.visually-hidden').textContent(), 'Error: ');
    const order = await page.locator('[data-lever="allocation"]').evaluate((lever) => [
      '.lever__label', '.lever__hint', '.lever__message', '#lever-allocation',
    ].map((selector) => [...lever.querySelectorAll('*')].indexOf(lever.querySelector(selector))));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `label, hint, message, box: ${order}`);
    const box = page.locator('#lever-allocation');
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    // The hint, the message, then the switching value's sentence.
    assert.deepEqual((await box.getAttribute('aria-describedby')).split(' '), ['lever-allocation-hint', 'lever-allocation-message', 'lever-allocation-switching']);
    assert.ok((await page.locator('#lever-allocation-slider').getAttribute('aria-describedby')).includes('lever-allocation-message'));
    await context.close();
  });

  test('the error summary: role alert, "There is a problem", a link to each box, and the focus', async () => {
    const { context, page } = await fresh();
    await typeInto(page, 'cost_per_case', '£-5');
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary', 'the summary takes the focus');
    assert.equal(await summary.locator('[role="alert"] h2').textContent(), 'There is a problem');
    const link = summary.locator('a');
    assert.equal(await link.getAttribute('href'), '#lever-cost_per_case');
    assert.equal(await link.textContent(), (await page.locator('#lever-cost_per_case-message').textContent()).replace(/^Error: /, ''));
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'lever-cost_per_case', 'the link goes to the box');
    assert.equal(new URL(page.url()).hash, '', 'the address stays the scenario link');
    // Nothing was changed by the refused value, and the reader's text stays to correct.
    assert.equal(await page.locator('#lever-cost_per_case').inputValue(), '£-5');
    assert.equal(new URL(page.url()).search, '?v=1&p=sandwell');
    await typeInto(page, 'cost_per_case', '3000');
    await page.waitForFunction(() => !document.querySelector('#error-summary'));
    assert.equal(await page.locator('#lever-cost_per_case').inputValue(), '3,000');
    await context.close();
  });

  test('a summary link opens "More assumptions" if it was closed, and reset clears the errors', async () => {
    const { context, page } = await fresh();
    await page.locator('.more-assumptions summary').click();
    await typeInto(page, 'council.months', '999');
    await page.locator('#error-summary').waitFor();
    await page.locator('.more-assumptions summary').click();
    assert.equal(await page.locator('.more-assumptions').evaluate((d) => d.open), false);
    await page.locator('#error-summary a').click();
    assert.equal(await page.locator('.more-assumptions').evaluate((d) => d.open), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'lever-council-months');
    assert.match(await page.locator('#error-summary a').textContent(), /must be between 0 months and 120 months$/);
    await page.locator('#lever-allocation-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await page.locator('#reset').click();
    await page.waitForFunction(() => !document.querySelector('#error-summary'));
    assert.equal(await page.locator('#lever-council-months').inputValue(), '15');
    await context.close();
  });
});

describe('the sliders', () => {
  for (const proposal of ['trafford', 'own']) {
    test(`${proposal}'s sliders all say their value with its unit`, async () => {
      const { context, page } = await fresh(`v=1&proposal=${proposal}`);
      const spoken = await page.locator('input[type="range"].lever__slider:not([disabled])').evaluateAll(
        (sliders) => sliders.map((s) => s.getAttribute('aria-valuetext')),
      );
      assert.ok(spoken.length >= 3);
      for (const text of spoken) assert.match(text, /percent$|^£[\d,.]+( a (week|month|year))?$|\d (months?|cases?)$|^\d+ [a-z]{3,}/, text);
      await context.close();
    });
  }

  test('have visible instructions, a label shared with their box, and their value spoken with units', async () => {
    const { context, page } = await fresh();
    await openEverything(page);
    const instructions = page.locator('#slider-instructions');
    assert.ok(await instructions.isVisible());
    assert.match(await instructions.textContent(), /arrow keys.*type a value in its box/);
    const sliders = await page.locator('input[type="range"].lever__slider').all();
    assert.ok(sliders.length >= 8);
    for (const slider of sliders) {
      const details = await slider.evaluate((s) => {
        const label = document.getElementById(s.getAttribute('aria-labelledby'));
        const box = document.getElementById(s.id.replace(/-slider$/, ''));
        return {
          id: s.id,
          described: s.getAttribute('aria-describedby').split(' '),
          valuetext: s.getAttribute('aria-valuetext'),
          labelFor: label?.htmlFor,
          boxId: box?.id,
          hintVisible: !!document.getElementById(s.getAttribute('aria-describedby').split(' ')[1])?.checkVisibility(),
        };
      });
      assert.equal(details.described[0], 'slider-instructions', details.id);
      assert.ok(details.hintVisible, `${details.id}: its hint is visible`);
      assert.equal(details.labelFor, details.boxId, `${details.id}: the label names the slider and the box`);
      assert.match(details.valuetext, /percent|£|months?\b|cases?\b|^none$/, `${details.id}: "${details.valuetext}"`);
    }
    // The chart's reading slider too: a label, instructions, and the month and amounts spoken.
    const reader = page.locator('#chart-month');
    assert.ok(await page.locator(`#${await reader.getAttribute('aria-describedby')}`).isVisible());
    assert.match(await page.locator('#chart-month-hint').textContent(), /arrow keys/);
    assert.equal(await reader.getAttribute('aria-valuetext'), 'March 2025: cumulative £370,000, in month £25,833');
    const allocation = page.locator('#lever-allocation-slider');
    assert.equal(await allocation.getAttribute('aria-valuetext'), '44 percent');
    assert.equal(await page.locator('#lever-cost_per_case-slider').getAttribute('aria-valuetext'), '£2,500 a year');
    await allocation.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#lever-allocation-slider').getAttribute('aria-valuetext') === '45 percent');
    await context.close();
  });
});

describe('the chart', () => {
  test('has a name, a text summary tied to it, and its data as a table', async () => {
    const { context, page } = await fresh();
    const svg = page.locator('.chart__svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match(await page.locator(`#${await svg.getAttribute('aria-labelledby')}`).textContent(), /^Cumulative position, month by month/);
    const summary = page.locator(`#${await svg.getAttribute('aria-describedby')}`);
    assert.ok(await summary.isVisible());
    const text = await summary.textContent();
    for (const part of [/starts at -£7,500 in January 2022/, /is lowest at -£[\d,]+ in \w+ \d{4}/, /breakeven.*February 2023/,
      /Payback.*December 2023/, /ends at £370,000 in March 2025/, /dashed line/]) {
      assert.match(text, part);
    }
    const disclosure = page.locator('#chart-data summary');
    assert.equal(await disclosure.textContent(), "Show the chart's data as a table");
    const rows = page.locator('#chart-data-table tbody tr');
    assert.equal(await rows.count(), 0, 'closed, its rows are not drawn (nor redrawn on each input)');
    await disclosure.click();
    await rows.first().waitFor();
    assert.equal(await rows.count(), 39);
    assert.match(await rows.first().textContent(), /Jan 2022\s*\(7,500\)\s*\(7,500\)/);
    assert.match(await page.locator('#chart-data-table thead').textContent(), /Model \(solid line\).*As published \(dashed line\)/);
    await context.close();
  });
});

describe('colour is never the only carrier of meaning', () => {
  test('line style, words, signs and shapes say what colour says', async () => {
    const { context, page } = await fresh('v=1&p=sandwell&allocation=30');
    // The two curves differ in line style, and a text key names them.
    const dash = (selector) => page.locator(selector).evaluate((e) => getComputedStyle(e).strokeDasharray);
    assert.equal(await dash('.chart__model'), 'none');
    assert.notEqual(await dash('.chart__published'), 'none');
    assert.deepEqual(await page.locator('.chart__key .key').allTextContents(), ['model', 'as published']);
    // The markers are labelled in words.
    assert.match(await page.locator('.chart__marker--breakeven text').textContent(), /^In-month breakeven: /);
    // Every red figure in a table is in brackets; every negative figure elsewhere has a minus sign.
    await openEverything(page);
    const red = await page.locator('.negative').allTextContents();
    assert.ok(red.length > 0);
    for (const figure of red) assert.match(figure, /^\([\d,]+\)$/);
    assert.match(await page.locator('#chart-reading').textContent(), /cumulative -?£/);
    // The chosen proposal is shown by a filled ring, not only by its colours.
    const ring = (selector) => page.locator(selector).evaluate((label) => getComputedStyle(label, '::before').backgroundColor);
    assert.notEqual(await ring('label[for="proposal-sandwell"]'), await ring('label[for="proposal-trafford"]'));
    assert.equal(await ring('label[for="proposal-trafford"]'), 'rgba(0, 0, 0, 0)');
    // And in a forced-colours (high contrast) mode, where the page's own colours are replaced.
    await page.emulateMedia({ forcedColors: 'active' });
    assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
    assert.notEqual(await ring('label[for="proposal-sandwell"]'), await ring('label[for="proposal-trafford"]'));
    await context.close();
  });
});

describe('motion', () => {
  test('with reduced motion asked for, nothing moves: no transitions, animations or smooth scrolling', async () => {
    const context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const { page } = await openPage(context, site.base);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches));
    await openEverything(page);
    const moving = await page.evaluate(() => {
      const found = [];
      for (const element of [document.documentElement, ...document.querySelectorAll('body *')]) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          const durations = [...style.transitionDuration.split(','), ...style.animationDuration.split(',')];
          if (durations.some((d) => parseFloat(d) > 0) || style.animationName !== 'none' || style.scrollBehavior === 'smooth') {
            found.push(`${element.tagName.toLowerCase()}#${element.id}.${element.className}${pseudo ?? ''}`);
          }
        }
      }
      return found;
    });
    assert.deepEqual(moving, []);
    await context.close();
  });
});
