// What the element passes to the SDK from componentViewOptions / clientViewOptions, and the zoom-warning a user
// sees for each bad input (the join goes on without it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSdkOptions, sdkOptionsOf, type SdkOptionWarning } from '../../../src/sdk/options/check-options.js';
import type { SdkView } from '../../../src/zoom-join-error.js';

function check(view: SdkView, raw: unknown): { options: Record<string, unknown>; warnings: SdkOptionWarning[]; failures: string[] } {
  const warnings: SdkOptionWarning[] = [];
  const failures: string[] = [];
  const options = checkSdkOptions(view, raw, (warning) => warnings.push(warning), (path, error) => failures.push(`${path}: ${String(error)}`));
  return { options, warnings, failures };
}

const LEFT_OUT = 'Left out; the join goes on without it.';

describe('componentViewOptions', () => {
  test('good options pass whole; functions are wrapped, and still called with what the SDK gives', () => {
    const calls: unknown[] = [];
    const { options, warnings } = check('component', {
      toolbar: { buttons: [{ text: 'Hi', className: 'mine', onClick: (event: unknown) => calls.push(event) }] },
      meetingInfo: ['topic', 'host', 'mn'],
      video: { isResizable: false, defaultViewType: 'gallery', viewSizes: { default: { width: 640, height: 360 } }, popper: { disableDraggable: true } },
      chat: { notificationCls: { top: '10px', left: 0 }, popper: { anchorElement: 'top-right', placement: 'bottom-end' } },
      sharing: { options: { hideShareAudioOption: true } },
    });
    assert.deepEqual(warnings, []);
    const button = (options.toolbar as { buttons: Array<{ text: string; className: string; onClick(event: unknown): void }> }).buttons[0]!;
    assert.equal(button.text, 'Hi');
    button.onClick('clicked');
    assert.deepEqual(calls, ['clicked']);
    assert.deepEqual(options.video, { isResizable: false, defaultViewType: 'gallery', viewSizes: { default: { width: 640, height: 360 } }, popper: { disableDraggable: true } });
    assert.deepEqual(options.chat, { notificationCls: { top: '10px', left: 0 }, popper: { anchorElement: 'top-right', placement: 'bottom-end' } });
  });

  test('each bad input: left out with a warning naming its path, what was given and what the SDK takes; the rest goes on', () => {
    const { options, warnings } = check('component', {
      video: { isResizable: 'no', isResizeable: true, defaultViewType: 'galery', viewSizes: { default: { width: 400 } } },
      meetingInfo: ['topic', 'hots'],
      toolbar: { buttons: [{ text: 'No click' }] },
      participants: { popper: { anchorElement: { nodeType: 1, tagName: 'DIV' } } },
      language: 'de-DE',
      customize: {},
      inviteUrlFormat: 5,
    });
    assert.deepEqual(warnings, [
      { code: 'sdk-option-invalid', message: `componentViewOptions.video.isResizable is the string "no", and the Zoom SDK 6.2.0 takes true or false there. ${LEFT_OUT}` },
      { code: 'sdk-option-invalid', message: `componentViewOptions.video.isResizeable is not an option the Zoom SDK 6.2.0 knows. Did you mean isResizable? ${LEFT_OUT}` },
      {
        code: 'sdk-option-invalid',
        message: `componentViewOptions.video.defaultViewType is the string "galery", and the Zoom SDK 6.2.0 takes one of "active", "gallery", "minimized", "ribbon", "speaker" there. ${LEFT_OUT}`,
      },
      { code: 'sdk-option-invalid', message: `componentViewOptions.video.viewSizes.default has no height, which the Zoom SDK 6.2.0 needs there. ${LEFT_OUT}` },
      {
        code: 'sdk-option-invalid',
        message: `componentViewOptions.meetingInfo[1] is the string "hots", and the Zoom SDK 6.2.0 takes one of "dc", "enctype", "host", "invite", "mn", "participant", "pwd", "telPwd", "topic" there. ${LEFT_OUT}`,
      },
      { code: 'sdk-option-invalid', message: `componentViewOptions.toolbar.buttons[0] has no onClick, which the Zoom SDK 6.2.0 needs there. ${LEFT_OUT}` },
      {
        code: 'sdk-option-invalid',
        message: `componentViewOptions.participants.popper.anchorElement: a page element cannot anchor a popper: the SDK draws it in the element's frame, where page elements are not. Give one of "top-left", "top-right", "bottom-left", "bottom-right", "center" (a spot in the element's box), or anchorPosition. ${LEFT_OUT}`,
      },
      { code: 'sdk-option-managed', message: `componentViewOptions.language is set by the element itself: use the lang attribute. ${LEFT_OUT}` },
      {
        code: 'sdk-option-invalid',
        message: `componentViewOptions.customize: componentViewOptions is the customize object itself; give its fields (toolbar, video, …) directly. ${LEFT_OUT}`,
      },
      { code: 'sdk-option-invalid', message: `componentViewOptions.inviteUrlFormat is 5, and the Zoom SDK 6.2.0 takes a string there. ${LEFT_OUT}` },
    ]);
    // What was usable stays; an object left with nothing usable goes (the SDK's defaults apply).
    assert.deepEqual(options, { meetingInfo: ['topic'], toolbar: { buttons: [] } });
  });

  test("an app's function that throws or rejects is reported, not thrown into the SDK", async () => {
    const { options, failures } = check('component', {
      toolbar: {
        buttons: [
          { text: 'Throws', onClick: () => { throw new Error('app bug'); } },
          { text: 'Rejects', onClick: () => Promise.reject(new Error('later bug')) },
        ],
      },
    });
    const [throws, rejects] = (options.toolbar as { buttons: Array<{ onClick(): unknown }> }).buttons;
    assert.equal(throws!.onClick(), undefined);
    const rejected = rejects!.onClick() as Promise<unknown>;
    await rejected.catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(failures, ['componentViewOptions.toolbar.buttons[0].onClick: Error: app bug', 'componentViewOptions.toolbar.buttons[1].onClick: Error: later bug']);
  });

  test('the attribute form: JSON text; bad JSON or a non-object leaves all of it out, with a warning', () => {
    assert.deepEqual(check('component', '{"video":{"isResizable":false}}').options, { video: { isResizable: false } });
    assert.deepEqual(check('component', '{video:').warnings.map((warning) => warning.message.split(' (')[0]), ['componentViewOptions is not JSON']);
    assert.deepEqual(check('component', '[1]').warnings, [
      { code: 'sdk-option-invalid', message: 'componentViewOptions is an array, not an object of options: all of it is left out; the join goes on without it.' },
    ]);
    assert.deepEqual(check('component', undefined), { options: {}, warnings: [], failures: [] });
  });
});

describe('clientViewOptions', () => {
  test('an unknown name is left out (ZoomMtg.init would never call back) and the managed ones say what to use', () => {
    const { options, warnings } = check('client', {
      disableInvite: true,
      defaultView: 'gallery',
      meetingInfo: ['topic', 'report'],
      onRetryCallback: () => undefined,
      defaultVeiw: 'gallery',
      leaveUrl: '/x',
      success: () => undefined,
      patchJsMedia: true,
      loginWindow: { width: '400' },
      undefinedIsNotGiven: undefined,
    });
    assert.deepEqual(Object.keys(options), ['disableInvite', 'defaultView', 'meetingInfo', 'onRetryCallback']);
    assert.deepEqual(warnings.map((warning) => warning.message), [
      `clientViewOptions.defaultVeiw is not an option the Zoom SDK 6.2.0 knows (ZoomMtg.init given a name it does not know never calls back: the join would hang). Did you mean defaultView? ${LEFT_OUT}`,
      `clientViewOptions.leaveUrl is set by the element itself: the element leaves inside its own frame; listen for zoom-left instead. ${LEFT_OUT}`,
      `clientViewOptions.success is set by the element itself: listen for zoom-joined instead. ${LEFT_OUT}`,
      `clientViewOptions.patchJsMedia is set by the element itself: the element sets it from asset-path (on for Zoom's CDN, off for self-hosted files). ${LEFT_OUT}`,
      `clientViewOptions.loginWindow has no height, which the Zoom SDK 6.2.0 needs there. ${LEFT_OUT}`,
    ]);
    assert.deepEqual(warnings.map((warning) => warning.code), ['sdk-option-invalid', 'sdk-option-managed', 'sdk-option-managed', 'sdk-option-managed', 'sdk-option-invalid']);
  });

  test('the element reads the property of the view it joins with; nothing left is undefined', () => {
    const element = { componentViewOptions: { video: { isResizable: false } }, clientViewOptions: { nothingKnown: true } };
    const warnings: SdkOptionWarning[] = [];
    assert.deepEqual(sdkOptionsOf(element, 'component', (warning) => warnings.push(warning)), { video: { isResizable: false } });
    assert.equal(sdkOptionsOf(element, 'client', (warning) => warnings.push(warning)), undefined);
    assert.deepEqual(warnings.map((warning) => warning.code), ['sdk-option-invalid']);
  });
});
