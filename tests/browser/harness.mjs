// Serves the built site (dist/) on 127.0.0.1 under a strict Content-Security-Policy and a
// sub-path, and starts Debian's Chromium through playwright-core. Shared by the page tests and
// the accessibility audit.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const SUB_PATH = '/calculators/invest-to-save/';
// The Content-Security-Policy the README tells a council to send ("Publish it on your website"),
// read from the README itself, so the tests serve exactly what it says.
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
export const CSP = README.match(/^ {7}(default-src 'self';.*)$/m)?.[1];
if (!CSP?.includes("frame-ancestors 'self'")) {
  throw new Error("README.md's Content-Security-Policy (an indented line starting default-src 'self';) was not found");
}
// The policy for a calculator embedded in a page at `origin`, as the README tells a council to
// change it: that origin added to frame-ancestors.
export function embeddedBy(origin) {
  return CSP.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${origin}`);
}
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// `extra` maps paths under the site to content served as if the site's publisher had put those
// files beside the page; `root` is the built site to serve (dist/ unless a test built another);
// `policy` the Content-Security-Policy it is served under.
export async function serveDist(extra = {}, root = DIST, policy = CSP) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(SUB_PATH)) {
      response.writeHead(404).end();
      return;
    }
    const relative = normalize(url.pathname.slice(SUB_PATH.length) || 'index.html');
    if (relative.startsWith('..')) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = relative in extra ? Buffer.from(extra[relative]) : await readFile(join(root, relative));
      response.writeHead(200, {
        'Content-Type': TYPES[extname(relative)] ?? 'application/octet-stream',
        'Content-Security-Policy': policy,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, base: `http://127.0.0.1:${port}${SUB_PATH}` };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// Opens a page and records what would make a reader distrust it: console errors, uncaught
// exceptions, CSP violations, alert dialogs.
export async function openPage(context, address) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(address);
  await page.waitForSelector('#headline');
  return { page, problems };
}

// For a test file: serves the site and starts the browser before its tests, and stops both
// after. `extra` (or an async function giving it) and `root` (or an async function giving it)
// are passed to serveDist. The returned object gains `base` and `browser` once the tests start.
export function useSite(extra = {}, root = DIST) {
  const site = {};
  before(async () => {
    const files = typeof extra === 'function' ? await extra() : extra;
    const folder = typeof root === 'function' ? await root() : root;
    Object.assign(site, await serveDist(files, folder));
    site.browser = await launchBrowser();
  });
  // Opens the page at a link's query (`v=1&p=own`, or `?...` / `#...` as written) in a new
  // browser context: the context, the page and the problems openPage records.
  site.open = async (query = '', options = {}) => {
    const context = await site.browser.newContext(options);
    const suffix = !query || /^[?#]/.test(query) ? query : `?${query}`;
    const opened = await openPage(context, site.base + suffix);
    return { context, ...opened };
  };
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

// The page's address once the address bar has caught up with the scenario (the page writes it
// once the reader pauses): the same as the link offered to share.
export async function settledAddress(page) {
  await page.waitForFunction(() => document.querySelector('#scenario-link')?.value === location.href);
  return new URL(page.url());
}
