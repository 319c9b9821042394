/**
 * Every text the preflight shows or sends, in one place (for translation). Each problem speaks to whoever must act:
 * the visitor for what their browser decides, the site's owner for what the page decides.
 */
import { msg, str } from '@lit/localize';
import type { PreflightProblemCode } from './preflight-types.js';

export interface ProblemText {
  message: string;
  steps: string[];
}

/** Getters: the texts follow the locale of the moment. */
export const panelTexts = {
  get title() {
    return msg('Before you join');
  },
  /** Prefixes that say how bad a problem is in words, not colour only. */
  get blocking() {
    return msg('Will not work:');
  },
  get limited() {
    return msg('Limited:');
  },
};

export function problemText(code: PreflightProblemCode, browser: { name: string; version?: number; minimum?: number }): ProblemText {
  switch (code) {
    case 'insecure-context':
      return {
        message: msg('This page is not secure (it does not use https), so the browser keeps the camera, the microphone and Zoom itself from working.'),
        steps: [
          msg('Open this page at its address starting with https://.'),
          msg('If you run this site: serve it over HTTPS (http://localhost is fine while developing).'),
        ],
      };
    case 'camera-denied':
      return {
        message: msg('You have blocked the camera for this site, so the others will not see you.'),
        steps: [
          msg("Click the icon at the left of the address bar, open the site's settings and set Camera to Allow."),
          msg('Then reload this page.'),
        ],
      };
    case 'microphone-denied':
      return {
        message: msg('You have blocked the microphone for this site, so the others will not hear you.'),
        steps: [
          msg("Click the icon at the left of the address bar, open the site's settings and set Microphone to Allow."),
          msg('Then reload this page.'),
        ],
      };
    case 'camera-blocked':
      return {
        message: msg('The page this meeting is embedded in does not let it use the camera, so the others will not see you.'),
        steps: [msg('If you run the embedding page: add camera to the allow attribute of the iframe that shows this page (allow="camera; microphone; display-capture").')],
      };
    case 'microphone-blocked':
      return {
        message: msg('The page this meeting is embedded in does not let it use the microphone, so the others will not hear you.'),
        steps: [msg('If you run the embedding page: add microphone to the allow attribute of the iframe that shows this page (allow="camera; microphone; display-capture").')],
      };
    case 'screen-share-blocked':
      return {
        message: msg('The page this meeting is embedded in does not let it share your screen.'),
        steps: [msg('If you run the embedding page: add display-capture to the allow attribute of the iframe that shows this page.')],
      };
    case 'browser-unsupported':
      return {
        message: msg(str`Zoom does not support ${browser.name} for meetings in a web page; parts of the meeting may not work.`),
        steps: [msg('Open this page in Chrome, Edge, Firefox or Safari.')],
      };
    case 'browser-outdated':
      return {
        message:
          browser.version === undefined
            ? msg(str`This ${browser.name} is older than Zoom supports (version ${browser.minimum ?? '?'} or newer).`)
            : msg(str`This ${browser.name} (version ${browser.version}) is older than Zoom supports (version ${browser.minimum ?? '?'} or newer).`),
        steps: [msg(str`Update ${browser.name} (in its menu: Help or Settings, then About), then reload this page.`)],
      };
  }
}
