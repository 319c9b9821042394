import { executeServerCommand } from '@web/test-runner-commands';

/** Browser settings for this test page (test/support/device-control-plugin.mjs). */
export const deviceControl = {
  grant: (permissions: string[]) => executeServerCommand('device-control', { action: 'grant', permissions }),
  deny: (permission: 'camera' | 'microphone') => executeServerCommand('device-control', { action: 'deny', permission }),
  resetPermissions: () => executeServerCommand('device-control', { action: 'reset-permissions' }),
  /** Undefined lifts the override. */
  userAgent: (userAgent?: string) => executeServerCommand('device-control', { action: 'user-agent', userAgent }),
  serveInsecure: (host: string) => executeServerCommand('device-control', { action: 'serve-insecure', host }),
};
