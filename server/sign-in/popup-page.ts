/**
 * The page a popup sign-in ends on: it tells the page that opened it (only if that page is on this origin, the
 * postMessage target) and closes. Its one inline script is allowed by hash, nothing else runs.
 *
 * It says so on the BroadcastChannel "zoom-join:sign-in" too: Zoom's pages may cut the popup off from its opener
 * (Cross-Origin-Opener-Policy), and a page of this origin still hears the channel.
 */
const SCRIPT =
  "try{var c=new BroadcastChannel('zoom-join:sign-in');c.postMessage({type:'zoom-join:signed-in'});c.close()}catch(e){}" +
  "if(window.opener){window.opener.postMessage({type:'zoom-join:signed-in'},location.origin)}window.close();";

let scriptHash: Promise<string> | undefined;

async function hashOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

export async function popupSignedInPage(): Promise<{ html: string; csp: string }> {
  scriptHash ??= hashOf(SCRIPT);
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in with Zoom</title></head>' +
    '<body><p>You are signed in with Zoom. You can close this window.</p>' +
    `<script>${SCRIPT}</script></body></html>`;
  return { html, csp: `default-src 'none'; script-src 'sha256-${await scriptHash}'; base-uri 'none'; form-action 'none'` };
}
