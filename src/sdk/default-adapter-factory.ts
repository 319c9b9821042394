import type { SdkView } from '../errors.js';
import type { SdkAdapter } from './adapter.js';
import { ClientViewAdapter } from './client-view-adapter.js';
import { ComponentViewAdapter } from './component-view-adapter.js';

/** The real SDK behind the adapter interface. The adapters import the SDK lazily, so this file stays small. */
export function createSdkAdapter(view: SdkView): SdkAdapter {
  return view === 'client' ? new ClientViewAdapter() : new ComponentViewAdapter();
}
