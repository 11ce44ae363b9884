// The benchmark's browser half, and the report of all of it: the built page (dist/) in headless
// Chromium, and the native model figures criterion left in target/criterion. A measurement, not a
// test: it prints what it measured and asserts nothing. Run it through scripts/bench.sh.
//
//   node scripts/bench-page.mjs [--quick]
//
// --quick takes 20 steps instead of 200 and one throttling rate, to prove the benchmark runs;
// --proposal NAME measures that proposal's sliders only; --uncertainty measures only the
// uncertainty run (opened to finished).
import { readFile, readdir, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { cpus } from 'node:os';
import { launchBrowser, openPage, serveDist } from '../tests/browser/harness.mjs';

const QUICK = process.argv.includes('--quick');
const STEPS = QUICK ? 20 : 200;
// 4x is Chrome DevTools' "mid-tier mobile" setting: roughly a mid-range phone.
const RATES = QUICK ? [4] : [1, 4];
// The sliders a reader moves first: each proposal's main saving driver and its biggest cost.
const ALL_KEY_SLIDERS = {
  sandwell: ['allocation', 'reduction'],
  trafford: ['demographic-realisation', 'placements-units'],
  own: ['saving-per_year', 'capital-amount'],
};
const ONLY = process.argv[process.argv.indexOf('--proposal') + 1];
const KEY_SLIDERS = process.argv.includes('--proposal')
  ? { [ONLY]: ALL_KEY_SLIDERS[ONLY] ?? [] }
  : ALL_KEY_SLIDERS;
// --uncertainty measures only the uncertainty run, for a quick before and after.
const ONLY_UNCERTAINTY = process.argv.includes('--uncertainty');
// The number box typed into (its value committed, as a reader's Enter or Tab commits it).
const TYPED_BOX = { proposal: 'sandwell', lever: 'cost_per_case', values: ['2500', '3000', '1800', '12000'] };

const rows = [];
const record = (what, times, unit = 'ms') => rows.push({ what, ...summary(times), unit });

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], count: sorted.length };
}

// Opens the page at `query`, then slows its CPU `rate` times (Chrome DevTools Protocol).
async function openThrottled(browser, base, query, rate) {
  const context = await browser.newContext();
  const { page } = await openPage(context, `${base}?${query}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

// In the page: moves `selector` through `values` one input (or change) event at a time and gives,
// for each, the time from the event to the results: the last change to the document before the
// next task (the headline, chart and tables, which the page redraws at once), and to the last
// change of all: the switching values, worked out in slices after the reader pauses, are
// current once the panel is no longer marked as updating and two frames pass with no change.
function stepInPage({ selector, values, eventName }) {
  const control = document.querySelector(selector);
  if (!control) throw new Error(`${selector} is not on the page`);
  let lastChange = 0;
  const observer = new MutationObserver(() => { lastChange = performance.now(); });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  return (async () => {
    const times = { results: [], settled: [] };
    for (const value of values) {
      const started = performance.now();
      lastChange = started;
      control.value = value;
      control.dispatchEvent(new Event(eventName, { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      times.results.push(lastChange - started);
      let seen;
      do {
        seen = lastChange;
        await new Promise((resolve) => setTimeout(resolve, 0));
        await frame();
        await frame();
      } while (lastChange !== seen || document.querySelector('.assumptions--updating'));
      times.settled.push(lastChange - started);
    }
    observer.disconnect();
    return times;
  })();
}

// `count` slider values that each differ from the one before, bouncing between the ends.
function sweep(min, max, step, count) {
  const positions = Math.round((max - min) / step);
  const stride = Math.max(1, Math.round(positions / 50));
  const values = [];
  let at = 0;
  let direction = 1;
  for (let i = 0; i < count; i += 1) {
    if (at + direction * stride > positions || at + direction * stride < 0) direction = -direction;
    at += direction * stride;
    values.push(String(+(min + at * step).toFixed(6)));
  }
  return values;
}

// `STEPS` values of the slider at `selector` on the page, as `sweep` gives them.
async function sweepOf(page, selector) {
  const [min, max, step] = await page.$eval(selector, (s) => [Number(s.min), Number(s.max), Number(s.step)]);
  return sweep(min, max, step, STEPS);
}

async function measureSliders(browser, base) {
  for (const rate of RATES) {
    for (const [proposal, levers] of Object.entries(KEY_SLIDERS)) {
      for (const horizon of [null, 120]) {
        const query = `v=1&p=${proposal}${horizon ? `&horizon=${horizon}` : ''}`;
        const { context, page } = await openThrottled(browser, base, query, rate);
        const months = await page.$eval('#chart-month', (slider) => Number(slider.max) + 1);
        for (const lever of levers) {
          const selector = `#lever-${lever}-slider`;
          const times = await page.evaluate(stepInPage, { selector, values: await sweepOf(page, selector), eventName: 'input' });
          record(`slider ${proposal} ${lever}, ${months} months, ${rate}x CPU: results`, times.results);
          record(`slider ${proposal} ${lever}, ${months} months, ${rate}x CPU: switching values too`, times.settled);
        }
        await context.close();
      }
    }
    const { context, page } = await openThrottled(browser, base, `v=1&p=${TYPED_BOX.proposal}`, rate);
    const values = Array.from({ length: STEPS }, (_, i) => TYPED_BOX.values[i % TYPED_BOX.values.length]);
    const times = await page.evaluate(stepInPage, { selector: `#lever-${TYPED_BOX.lever}`, values, eventName: 'change' });
    record(`number box ${TYPED_BOX.proposal} ${TYPED_BOX.lever} typed, ${rate}x CPU: results`, times.results);
    record(`number box ${TYPED_BOX.proposal} ${TYPED_BOX.lever} typed, ${rate}x CPU: switching values too`, times.settled);
    await context.close();
  }
}

// In the page: drags `selector` through `values`, one input each animation frame as a browser
// sends them while a slider is dragged, and gives the time between frames: the page's answer
// and the browser's own layout and paint of it, which the steps above leave out.
function dragInPage({ selector, values }) {
  const control = document.querySelector(selector);
  if (!control) throw new Error(`${selector} is not on the page`);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  return (async () => {
    const gaps = [];
    let last = await frame();
    for (const value of values) {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true }));
      const now = await frame();
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  })();
}

async function measureDragging(browser, base) {
  for (const rate of RATES) {
    for (const [proposal, [lever]] of Object.entries(KEY_SLIDERS)) {
      if (!lever) continue;
      const { context, page } = await openThrottled(browser, base, `v=1&p=${proposal}&horizon=120`, rate);
      const selector = `#lever-${lever}-slider`;
      await page.locator('#assumptions:not(.assumptions--updating)').waitFor();
      const gaps = await page.evaluate(dragInPage, { selector, values: await sweepOf(page, selector) });
      record(`dragging ${proposal} ${lever}, 120 months, ${rate}x CPU: time between frames`, gaps);
      await context.close();
    }
  }
}

// From navigation: the first paint of the headline (the built page carries it, before the
// WebAssembly arrives), and the first slider move the running page answers.
async function measureLoading(browser, base) {
  const runs = QUICK ? 1 : 5;
  for (const rate of RATES) {
    const headline = [];
    const answered = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.addInitScript(() => {
        // Tries a slider every few milliseconds until the page's results answer it.
        const timer = setInterval(() => {
          const slider = document.querySelector('#lever-allocation-slider');
          const results = document.querySelector('#headline');
          if (!slider || !results) return;
          const before = results.textContent;
          slider.value = slider.value === slider.max ? slider.min : slider.max;
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          queueMicrotask(() => setTimeout(() => {
            if (results.isConnected && results.textContent !== before && !window.firstAnswered) {
              window.firstAnswered = performance.now();
              clearInterval(timer);
            }
          }, 0));
        }, 5);
      });
      await page.goto(`${base}?v=1&p=sandwell`);
      await page.waitForFunction(() => window.firstAnswered, null, { timeout: 60000 });
      const [paint, first] = await page.evaluate(() => [
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        window.firstAnswered,
      ]);
      headline.push(paint);
      answered.push(first);
      await context.close();
    }
    record(`load: first headline painted (Sandwell), ${rate}x CPU`, headline);
    record(`load: first slider move answered (Sandwell), ${rate}x CPU`, answered);
  }
}

// "How sure are we?" opened to its finished run: 10,000 draws of the model, made in slices
// between the page's other work, each proposal at its own horizon.
async function measureUncertainty(browser, base) {
  const runs = QUICK ? 1 : 3;
  for (const rate of RATES) {
    for (const proposal of Object.keys(KEY_SLIDERS)) {
      const times = [];
      for (let run = 0; run < runs; run += 1) {
        const { context, page } = await openThrottled(browser, base, `v=1&p=${proposal}`, rate);
        await page.locator('#uncertainty').waitFor();
        times.push(await page.evaluate(() => new Promise((resolve) => {
          const started = performance.now();
          document.querySelector('#uncertainty > summary').click();
          const look = () => {
            const finished = document.querySelector('#uncertainty-chance')
              && !document.querySelector('.uncertainty__updating');
            if (finished) resolve(performance.now() - started);
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        })));
        await context.close();
      }
      record(`uncertainty ${proposal}, 10,000 draws, ${rate}x CPU: opened to finished`, times);
    }
    // An input's effect on the results while a run is being made, against the same page with
    // the panel closed: Sandwell's allocation slider, in one sitting.
    const { context, page } = await openThrottled(browser, base, 'v=1&p=sandwell', rate);
    const selector = '#lever-allocation-slider';
    const values = await sweepOf(page, selector);
    const closed = await page.evaluate(stepInPage, { selector, values, eventName: 'input' });
    record(`slider sandwell allocation, ${rate}x CPU, uncertainty closed: results`, closed.results);
    await page.locator('#uncertainty > summary').click();
    const open = await page.evaluate(stepInPage, { selector, values, eventName: 'input' });
    record(`slider sandwell allocation, ${rate}x CPU, uncertainty open and running: results`, open.results);
    await context.close();
  }
}

// criterion's samples (target/criterion/<group>/<bench>/<input>/new/sample.json), each the total
// time of a batch of iterations; only those written since scripts/bench.sh started.
async function nativeRows() {
  const since = Number(process.env.BENCH_STARTED ?? Infinity) * 1000;
  const root = new URL('../target/criterion/', import.meta.url);
  const found = [];
  const walk = async (folder, names) => {
    let entries;
    try { entries = await readdir(folder, { withFileTypes: true }); } catch { return; }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'report') continue;
      const inner = new URL(`${encodeURIComponent(entry.name)}/`, folder);
      if (entry.name === 'new') {
        const file = new URL('sample.json', inner);
        if ((await stat(file)).mtimeMs < since) continue;
        const { iters, times } = JSON.parse(await readFile(file, 'utf8'));
        found.push({ names, perIteration: times.map((ns, i) => ns / iters[i] / 1000) });
      } else {
        await walk(inner, [...names, entry.name]);
      }
    }
  };
  await walk(root, []);
  found.sort((a, b) => a.names.join('/').localeCompare(b.names.join('/'), 'en', { numeric: true }));
  for (const { names, perIteration } of found) {
    const [proposal, what, months] = names;
    record(`native ${what}, ${proposal}, ${months} months`, perIteration, 'µs');
  }
  return found.length;
}

// The files a reader's browser fetches to open the page and answer a slider (the checker, say,
// comes only with a proposal file of their own), by name.
async function fetchedToStart(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const names = new Set();
  page.on('request', (request) => names.add(new URL(request.url()).pathname.split('/').pop() || 'index.html'));
  await page.goto(`${base}?v=1&p=sandwell`);
  await page.waitForSelector('#lever-allocation-slider');
  await page.locator('#lever-allocation-slider').focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => !document.querySelector('#headline')?.textContent.includes('£370,000'));
  await context.close();
  return names;
}

async function sizeTable(startNames) {
  const dist = new URL('../dist/', import.meta.url);
  const lines = ['| file | fetched | bytes | gzip | brotli |', '|---|---|---:|---:|---:|'];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const atStart = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of (await readdir(dist)).filter((n) => /\.(html|js|css|wasm)$/.test(n)).sort()) {
    const body = await readFile(new URL(name, dist));
    const sizes = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body).length };
    const fetched = startNames.has(name);
    for (const key of Object.keys(total)) {
      total[key] += sizes[key];
      if (fetched) atStart[key] += sizes[key];
    }
    // Files carry a content hash (boot-0123456789abcdef.js): the table names them as built, so
    // one run's table reads against another's.
    const built = name.replace(/-[0-9a-f]{16}(\.\w+)$/, '$1');
    lines.push(`| ${built} | ${fetched ? 'to start' : 'when needed'} | ${sizes.raw.toLocaleString('en-GB')} | ${sizes.gzip.toLocaleString('en-GB')} | ${sizes.brotli.toLocaleString('en-GB')} |`);
  }
  const row = (what, sizes) => `| ${what} | | ${sizes.raw.toLocaleString('en-GB')} | ${sizes.gzip.toLocaleString('en-GB')} | ${sizes.brotli.toLocaleString('en-GB')} |`;
  lines.push(row('**what the page downloads to start**', atStart));
  lines.push(row('all files', total));
  return lines.join('\n');
}

const figure = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(2)) : 'n/a');
const native = await nativeRows();
const { server, base } = await serveDist();
const browser = await launchBrowser();
let startNames = new Set();
try {
  if (!ONLY_UNCERTAINTY) {
    await measureSliders(browser, base);
    await measureDragging(browser, base);
    await measureLoading(browser, base);
  }
  await measureUncertainty(browser, base);
  startNames = await fetchedToStart(browser, base);
} finally {
  await browser.close();
  server.close();
}
console.log(`\nBenchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium headless${QUICK ? ' (quick mode: 20 steps, figures not for quoting)' : ''}`);
if (!native) console.log('(no native figures: run through scripts/bench.sh, which runs criterion first)');
console.log('\n| measurement | median | 95th percentile | maximum | samples |');
console.log('|---|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.what} | ${figure(row.median)} ${row.unit} | ${figure(row.p95)} ${row.unit} | ${figure(row.max)} ${row.unit} | ${row.count} |`);
}
console.log(`\nDownload sizes (dist/ as built)\n\n${await sizeTable(startNames)}`);
