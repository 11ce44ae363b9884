// Measures the built page (dist/): download sizes, and how long the page takes to show new
// results after a slider moves, in headless Chromium. A measurement, not a test.
//   scripts/setup.sh --tests && trunk build --release --offline && node scripts/measure-page.mjs
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { launchBrowser, openPage, serveDist } from '../tests/browser/harness.mjs';

const dist = new URL('../dist/', import.meta.url);
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log('file                          bytes     gzip   brotli');
for (const name of (await readdir(dist)).filter((n) => /\.(html|js|css|wasm)$/.test(n)).sort()) {
  const body = await readFile(new URL(name, dist));
  const sizes = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body).length };
  for (const key of Object.keys(total)) total[key] += sizes[key];
  console.log(`${name.padEnd(26)} ${String(sizes.raw).padStart(8)} ${String(sizes.gzip).padStart(8)} ${String(sizes.brotli).padStart(8)}`);
}
console.log(`${'total'.padEnd(26)} ${String(total.raw).padStart(8)} ${String(total.gzip).padStart(8)} ${String(total.brotli).padStart(8)}`);

const { server, base } = await serveDist();
const browser = await launchBrowser();
try {
  const count = 60;
  for (const [proposal, selector, values] of [
    ['sandwell', '#lever-allocation-slider', Array.from({ length: count }, (_, i) => String(20 + (i % 60)))],
    ['trafford', '#lever-demographic-realisation-slider', Array.from({ length: count }, (_, i) => String(5 * (i % 30)))],
  ]) {
    for (const horizon of [null, 120]) {
      const context = await browser.newContext();
      const started = Date.now();
      const { page } = await openPage(context, `${base}?v=1&p=${proposal}${horizon ? `&horizon=${horizon}` : ''}`);
      const loaded = Date.now() - started;
      const times = await page.evaluate(async ({ selector, values }) => {
        const slider = document.querySelector(selector);
        const times = [];
        for (const value of values) {
          const started = performance.now();
          slider.value = value;
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          // Yew renders in microtasks; a zero timeout runs after them.
          await new Promise((resolve) => setTimeout(resolve, 0));
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b);
      }, { selector, values });
      const median = times[Math.floor(times.length / 2)];
      const p95 = times[Math.floor(times.length * 0.95)];
      console.log(`${proposal} ${horizon ?? 'published'} horizon: page ready in ${loaded} ms; slider to new results: median ${median.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
