import { executeServerCommand } from '@web/test-runner-commands';

/** Browser settings for this test page (test/support/device-control-plugin.mjs). */
export const deviceControl = {
  /** Playwright's grant: these permissions granted, every other one denied. */
  grant: (permissions: string[]) => executeServerCommand('device-control', { action: 'grant', permissions }),
  /** One permission set as the user would in the site settings, the others kept. */
  permission: (permission: 'camera' | 'microphone', setting: PermissionState) => executeServerCommand('device-control', { action: 'permission', permission, setting }),
  resetPermissions: () => executeServerCommand('device-control', { action: 'reset-permissions' }),
  /** Undefined lifts the override. */
  userAgent: (userAgent?: string) => executeServerCommand('device-control', { action: 'user-agent', userAgent }),
  serveInsecure: (host: string) => executeServerCommand('device-control', { action: 'serve-insecure', host }),
};
