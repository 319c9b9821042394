import { renderedLocale } from '../l10n/locale.js';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ZoomMemoryWarningDetail } from './memory-events.js';
import { describeMemoryWarning } from './memory-texts.js';

export interface MemoryWarningBannerOptions {
  /** Shows a Dismiss button that calls this. */
  onDismiss?: () => void;
}

/**
 * The banner `<zoom-join>` renders for a memory warning. Styled from outside through `::part(warning)` and the
 * parts inside it.
 */
export function renderMemoryWarning(
  warning: ZoomMemoryWarningDetail,
  options: MemoryWarningBannerOptions = {},
): TemplateResult {
  const text = describeMemoryWarning(warning);
  return html`
    <div part="warning" lang=${renderedLocale()} role="alert" data-reason=${warning.reason}>
      <strong part="warning-title">${text.title}</strong>
      <p part="warning-cause">${text.cause}</p>
      <p part="warning-advice">${text.advice}</p>
      ${options.onDismiss
        ? html`<button part="warning-dismiss" type="button" @click=${options.onDismiss}>${msg('Dismiss')}</button>`
        : nothing}
    </div>
  `;
}
