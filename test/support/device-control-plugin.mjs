// Browser settings a page cannot change itself, changed for the test page through Playwright and CDP: permission
// states, the user agent, and an insecure (non-localhost http) host that serves this test server's files.

/** Per page, the CDP sessions that hold a user-agent or permission override (closing one lifts its overrides). */
const userAgentSessions = new WeakMap();
const permissionSessions = new WeakMap();

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
        await permissionSessions.get(page)?.detach().catch(() => undefined);
        permissionSessions.delete(page);
        await page.context().clearPermissions();
        return true;
      case 'permission': {
        // One permission, the others kept (Playwright's grantPermissions denies every permission it is not given).
        // The override lives as long as the CDP session that set it: kept until reset-permissions.
        let cdp = permissionSessions.get(page);
        if (!cdp) {
          cdp = await page.context().browser().newBrowserCDPSession();
          permissionSessions.set(page, cdp);
        }
        await cdp.send('Browser.setPermission', {
          permission: { name: payload.permission },
          setting: payload.setting,
          origin,
          browserContextId: await browserContextId(page),
        });
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
