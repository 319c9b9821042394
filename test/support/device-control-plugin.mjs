// Browser settings a page cannot change itself, changed for the test page through Playwright and CDP: permission
// states, the user agent, and an insecure (non-localhost http) host that serves this test server's files.

/** Per page, the CDP session that holds a user-agent override (closing it lifts the override). */
const userAgentSessions = new WeakMap();

async function browserContextId(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await cdp.send('Target.getTargetInfo')).targetInfo.browserContextId;
  } finally {
    await cdp.detach();
  }
}

export const deviceControlPlugin = {
  name: 'device-control',
  async executeCommand({ command, payload, session }) {
    if (command !== 'device-control') return undefined;
    const page = session.browser.getPage(session.id);
    const origin = new URL(page.url()).origin;
    switch (payload.action) {
      case 'grant':
        await page.context().grantPermissions(payload.permissions, { origin: payload.origin ?? origin });
        return true;
      case 'reset-permissions':
        await page.context().clearPermissions();
        return true;
      case 'deny': {
        // Playwright only grants; Chromium's CDP sets any state, for one origin of this page's context.
        const cdp = await page.context().browser().newBrowserCDPSession();
        try {
          await cdp.send('Browser.setPermission', {
            permission: { name: payload.permission },
            setting: 'denied',
            origin,
            browserContextId: await browserContextId(page),
          });
        } finally {
          await cdp.detach();
        }
        return true;
      }
      case 'user-agent': {
        await userAgentSessions.get(page)?.detach().catch(() => undefined);
        userAgentSessions.delete(page);
        if (!payload.userAgent) return true;
        const cdp = await page.context().newCDPSession(page);
        userAgentSessions.set(page, cdp);
        // No client hints (userAgentMetadata): navigator.userAgentData then has no brands, as for a UA it cannot describe.
        await cdp.send('Emulation.setUserAgentOverride', { userAgent: payload.userAgent });
        return true;
      }
      case 'serve-insecure': {
        // http://<host>/… answers with this server's /…: a page there is not a secure context (not https, not localhost).
        await page.route(`http://${payload.host}/**`, async (route) => {
          const url = new URL(route.request().url());
          const response = await route.fetch({ url: `${origin}${url.pathname}${url.search}` });
          await route.fulfill({ response });
        });
        return true;
      }
      default:
        throw new Error(`device-control: no action ${payload.action}`);
    }
  },
};
