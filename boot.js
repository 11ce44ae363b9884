// Starts the WebAssembly page. A file of its own (not an inline script) so the site runs under
// a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from './invest-to-save.js';

// Inside another site's frame, tell that page how tall the calculator is (embed.js listens), so
// the frame fits its content and never needs a scroll bar of its own.
if (window.parent !== window && 'ResizeObserver' in window) {
  const report = () => window.parent.postMessage(
    { type: 'invest-to-save:height', height: document.documentElement.getBoundingClientRect().height },
    '*',
  );
  new ResizeObserver(report).observe(document.documentElement);
}

// The proposal-file checker (a second WebAssembly module, with the TOML reader) is fetched the
// first time the page asks for it: when a reader opens or downloads a file of their own, or
// follows a link that carries one. A failed fetch is tried again at the next ask, at a new
// address: a browser may keep a module whose fetch failed as failed for its address (the HTML
// standard no longer asks it to, but browsers released before that change do).
let checker;
let failures = 0;
globalThis.investToSaveChecker = () => {
  const script = new URL('./checker.js', import.meta.url);
  if (failures > 0) script.searchParams.set('attempt', String(failures));
  checker ??= import(script.href)
    .then(async (module) => {
      await module.default({ module_or_path: new URL('./checker_bg.wasm', import.meta.url) });
      return module;
    })
    .catch((error) => {
      checker = undefined;
      failures += 1;
      throw error;
    });
  return checker;
};

try {
  await init({ module_or_path: new URL('./invest-to-save_bg.wasm', import.meta.url) });
} catch (error) {
  const message = document.createElement('p');
  message.className = 'load-failure';
  message.setAttribute('role', 'alert');
  message.textContent = 'The calculator could not start in this browser (' + error + '). Try reloading the page, or another browser.';
  document.body.prepend(message);
  document.getElementById('loading')?.remove();
}
