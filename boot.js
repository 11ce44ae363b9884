// Starts the WebAssembly page. A file of its own (not an inline script) so the site runs under
// a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from './invest-to-save.js';

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
