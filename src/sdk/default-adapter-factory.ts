import type { SdkView } from '../zoom-join-error.js';
import type { SdkAdapter } from './adapter.js';
import { ClientViewAdapter, loadClientViewApi } from './client-view-adapter.js';
import { ComponentViewAdapter, loadEmbeddedApi } from './component-view-adapter.js';

/** The real SDK behind the adapter interface. The adapters import the SDK lazily, so this file stays small. */
export function createSdkAdapter(view: SdkView): SdkAdapter {
  return view === 'client' ? new ClientViewAdapter() : new ComponentViewAdapter();
}

/**
 * Imports the SDK module of `view` ahead of the click: its few MB of JavaScript are parsed and run while the page
 * is idle instead of after Join. Failures are left for the join to report.
 */
export async function preloadSdkView(view: SdkView): Promise<void> {
  await (view === 'client' ? loadClientViewApi() : loadEmbeddedApi()).catch(() => undefined);
}
