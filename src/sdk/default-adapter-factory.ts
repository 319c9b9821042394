import type { SdkView } from '../zoom-join-error.js';
import type { SdkAdapter } from './adapter.js';
import { ClientViewAdapter } from './client-view-adapter.js';
import { ComponentViewAdapter } from './component-view-adapter.js';

/** The real SDK behind the adapter interface, each view in a realm of its own (see sdk-realm.ts). */
export function createSdkAdapter(view: SdkView): SdkAdapter {
  return view === 'client' ? new ClientViewAdapter() : new ComponentViewAdapter();
}
