// Types only: what the installed @zoom/meetingsdk accepts, as its own definitions say. The schema the element checks
// options against at run time is generated from the two types below (scripts/sdk-option-schema.ts).
import type { InitOptions } from '@zoom/meetingsdk/embedded';
import type { ZoomMtg } from '@zoom/meetingsdk';

/** The Component View's `init({customize})`, as the installed SDK types it. */
export type SdkComponentCustomize = NonNullable<InitOptions['customize']>;

/** The Client View's `ZoomMtg.init()` options, as the installed SDK types them. */
export type SdkClientInitOptions = Parameters<typeof ZoomMtg.init>[0];

/** Client View `init` options the element sets itself (check-options.ts says what to use instead). */
export type ManagedClientOption = 'leaveUrl' | 'patchJsMedia' | 'leaveOnPageUnload' | 'success' | 'error';

/**
 * Where a popper goes inside the element's box: a page element cannot anchor what the SDK renders in the element's
 * frame, so a popper's `anchorElement` is one of these spots instead.
 */
export type PopperAnchor = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'center';

/** The SDK's type with every popper's `anchorElement` a spot in the element's box. */
export type WithAnchors<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? Array<WithAnchors<Item>>
    : T extends object
      ? { [K in keyof T]: K extends 'anchorElement' ? PopperAnchor | null : WithAnchors<T[K]> }
      : T;

/**
 * `componentViewOptions`: the Component View's `customize` (toolbar buttons, meeting info, video sizes and views,
 * poppers, chat, sharing), with popper anchors as spots in the element's box.
 */
export type ComponentViewOptions = WithAnchors<SdkComponentCustomize>;

/** `clientViewOptions`: the Client View's `init` options, but those the element sets itself. */
export type ClientViewOptions = Omit<SdkClientInitOptions, ManagedClientOption>;
