import { css } from 'lit';

/**
 * The element's own chrome, and the box of the `meeting` slot: the SDK's frame fills it, and it shows only while a
 * meeting is joining, in its waiting room, joined or reconnecting. (No comments inside the CSS: they would ship in the first load.)
 */
export const zoomJoinStyles = css`
  :host {
    display: block;
    position: relative;
    font: var(--zoom-join-font, 14px/1.4 system-ui, sans-serif);
    color: var(--zoom-join-color, CanvasText);
  }
  :host([hidden]) {
    display: none;
  }
  ::slotted([slot='meeting']) {
    display: block;
    height: var(--zoom-join-meeting-height, min(600px, 100vh));
  }
  :host(:not([status^='join']):not([status='reconnecting']):not([status='waiting-room'])) ::slotted([slot='meeting']) {
    display: none;
  }
  [part='status'] {
    margin: 0 0 0.5em;
  }
  :host([status='joined']) [part='status'],
  :host([status='error']) [part='status'] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  button,
  [part='sign-in-button'] {
    display: inline-block;
    text-decoration: none;
    font: inherit;
    cursor: pointer;
    border: 0;
    border-radius: 6px;
    padding: 0.5em 1.2em;
    background: var(--zoom-join-accent, #0b5cff);
    color: var(--zoom-join-accent-contrast, #fff);
  }
  button:focus-visible,
  [part='sign-in-button']:focus-visible {
    outline: 2px solid var(--zoom-join-accent, #0b5cff);
    outline-offset: 2px;
  }
  [part='error'] {
    border-radius: 8px;
    padding: 0.75em 1em;
    margin: 0.5em 0;
    background: var(--zoom-join-error-background, light-dark(#fdecea, #3b1512));
    color: var(--zoom-join-error-color, light-dark(#5f1410, #ffd9d4));
    border: 1px solid var(--zoom-join-error-border, light-dark(#f5c2bd, #7a2a22));
  }
  [part='error'] p {
    margin: 0.35em 0;
  }
  [part='error-steps'] {
    margin: 0.35em 0;
    padding-inline-start: 1.5em;
  }
  [part='error-code'] {
    display: block;
    opacity: 0.8;
    font-size: 0.85em;
    margin-bottom: 0.5em;
  }
`;
