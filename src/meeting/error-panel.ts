import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ZoomJoinError } from '../zoom-join-error.js';

/**
 * The panel `<zoom-join>` shows for a failed join: what went wrong, why, the steps, the code and Retry. Loaded with
 * the join machinery, since every failure but its own load comes after it (that one only the status line reports,
 * asking for a reload).
 *
 * Not a live region: the element's status line announces the failure once, with the title, and is then hidden from
 * sight, so the title shows once: in the panel (and its message only when it says more than the title). The panel is a named
 * group that takes focus when there is nothing to retry, and Retry is described by the hint, so a keyboard or
 * screen-reader user reaches both without a pointer.
 */
export function renderErrorPanel(error: ZoomJoinError, onRetry: () => void): TemplateResult {
  return html`
    <div part="error" lang=${error.lang} role="group" aria-labelledby="error-title" tabindex="-1">
      <strong part="error-title" id="error-title">${error.title}</strong>
      ${error.message !== error.title ? html`<p part="error-message">${error.message}</p>` : nothing}
      <p part="error-hint" id="error-hint">${error.hint}</p>
      ${error.steps.length > 0
        ? html`<ol part="error-steps">${error.steps.map((step) => html`<li>${step}</li>`)}</ol>`
        : nothing}
      <code part="error-code">${error.code}${error.sdkCode !== undefined ? ` (Zoom ${error.sdkCode})` : ''}</code>
      ${error.retryable
        ? html`<button part="retry-button" type="button" aria-describedby="error-hint" @click=${onRetry}>${msg('Retry')}</button>`
        : nothing}
    </div>
  `;
}
