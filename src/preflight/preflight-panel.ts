import { html, nothing, type TemplateResult } from 'lit';
import { panelTexts, problemText } from './preflight-texts.js';
import { renderedLocale } from '../l10n/locale.js';
import type { ZoomPreflightDetail } from './preflight-types.js';

/** Kept with the panel (a lazy chunk) rather than in the element's first-load styles. */
const panelStyle = html`<style>
  [part~='preflight'] { margin: 0.5em 0; padding: 0.5em 0.75em; border: 1px solid var(--zoom-join-error-border, #c77700); border-radius: 4px; }
  [part~='preflight-title'] { margin: 0 0 0.25em; font-weight: 600; }
  [part~='preflight-problems'] { margin: 0; padding-left: 1.2em; }
  [part~='preflight-severity'] { font-weight: 600; }
  [part~='preflight-steps'] { margin: 0.25em 0 0.5em; }
</style>`;

/**
 * The pre-join panel (`preflight="panel"`): each problem as a list item — how bad it is in words, what will not
 * work, and the steps to fix it — before the Join button. Nothing when nothing stands in the way.
 */
export function renderPreflightPanel(detail: ZoomPreflightDetail | undefined): TemplateResult | typeof nothing {
  if (!detail || detail.problems.length === 0) return nothing;
  // Made at each render, in the locale of the moment (the check may have run before the translation arrived).
  const textOf = (problem: ZoomPreflightDetail['problems'][number]) => problemText(problem.code, detail.browser);
  return html`${panelStyle}
    <section part="preflight" lang=${renderedLocale()} aria-labelledby="zoom-join-preflight-title">
      <p part="preflight-title" id="zoom-join-preflight-title">${panelTexts.title}</p>
      <ul part="preflight-problems">
        ${detail.problems.map(
          (problem) => html`<li part="preflight-problem" data-code=${problem.code}>
            <span part="preflight-severity">${problem.blocking ? panelTexts.blocking : panelTexts.limited}</span>
            <span part="preflight-message">${textOf(problem).message}</span>
            <ol part="preflight-steps">
              ${textOf(problem).steps.map((step) => html`<li>${step}</li>`)}
            </ol>
          </li>`,
        )}
      </ul>
    </section>`;
}
