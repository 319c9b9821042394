/** Mirrors the element's reflected `status` attribute (the contract CSS and tests rely on) into a badge. */
export function bindStatusBadge(badge: HTMLElement, element: HTMLElement): () => void {
  const update = (): void => {
    const status = element.getAttribute('status') ?? 'idle';
    badge.textContent = status;
    badge.dataset.status = status;
  };
  const observer = new MutationObserver(update);
  observer.observe(element, { attributes: true, attributeFilter: ['status'] });
  update();
  return () => observer.disconnect();
}
