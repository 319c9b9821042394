import '../src/index.js';

for (const name of ['zoom-status', 'zoom-joined', 'zoom-left', 'zoom-error', 'zoom-signature-warning'] as const) {
  document.addEventListener(name, (event) => console.info(name, (event as CustomEvent).detail));
}
