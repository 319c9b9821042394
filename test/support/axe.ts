/** Loads axe-core into the test page once (its UMD build defines `window.axe`). */
export async function loadAxe(): Promise<void> {
  if ('axe' in window) return;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
}
