/**
 * Every text the preflight shows or sends, in one place (for translation). Each problem speaks to whoever must act:
 * the visitor for what their browser decides, the site's owner for what the page decides.
 */
import type { PreflightProblemCode } from './preflight-types.js';

export interface ProblemText {
  message: string;
  steps: string[];
}

export const panelTexts = {
  title: 'Before you join',
  /** Prefixes that say how bad a problem is in words, not colour only. */
  blocking: 'Will not work:',
  limited: 'Limited:',
};

export function problemText(code: PreflightProblemCode, browser: { name: string; version?: number; minimum?: number }): ProblemText {
  switch (code) {
    case 'insecure-context':
      return {
        message: 'This page is not secure (it does not use https), so the browser keeps the camera, the microphone and Zoom itself from working.',
        steps: [
          'Open this page at its address starting with https://.',
          'If you run this site: serve it over HTTPS (http://localhost is fine while developing).',
        ],
      };
    case 'camera-denied':
      return {
        message: 'You have blocked the camera for this site, so the others will not see you.',
        steps: [
          "Click the icon at the left of the address bar, open the site's settings and set Camera to Allow.",
          'Then reload this page.',
        ],
      };
    case 'microphone-denied':
      return {
        message: 'You have blocked the microphone for this site, so the others will not hear you.',
        steps: [
          "Click the icon at the left of the address bar, open the site's settings and set Microphone to Allow.",
          'Then reload this page.',
        ],
      };
    case 'camera-blocked':
      return {
        message: 'The page this meeting is embedded in does not let it use the camera, so the others will not see you.',
        steps: ['If you run the embedding page: add camera to the allow attribute of the iframe that shows this page (allow="camera; microphone; display-capture").'],
      };
    case 'microphone-blocked':
      return {
        message: 'The page this meeting is embedded in does not let it use the microphone, so the others will not hear you.',
        steps: ['If you run the embedding page: add microphone to the allow attribute of the iframe that shows this page (allow="camera; microphone; display-capture").'],
      };
    case 'screen-share-blocked':
      return {
        message: 'The page this meeting is embedded in does not let it share your screen.',
        steps: ['If you run the embedding page: add display-capture to the allow attribute of the iframe that shows this page.'],
      };
    case 'browser-unsupported':
      return {
        message: `Zoom does not support ${browser.name} for meetings in a web page; parts of the meeting may not work.`,
        steps: ['Open this page in Chrome, Edge, Firefox or Safari.'],
      };
    case 'browser-outdated':
      return {
        message: `This ${browser.name}${browser.version !== undefined ? ` (version ${browser.version})` : ''} is older than Zoom supports (version ${browser.minimum ?? '?'} or newer).`,
        steps: [`Update ${browser.name} (in its menu: Help or Settings, then About), then reload this page.`],
      };
  }
}
