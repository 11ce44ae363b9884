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
