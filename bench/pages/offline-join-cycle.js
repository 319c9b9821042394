// One offline join with a Component View client, as Zoom's sample runs it: init on `zoomAppRoot`, join (which
// fails offline with -3000), leave. Used by the raw-SDK rejoin page; returns Zoom's error code.
import { benchSignature } from '/.cache/bench/signature.js';

export async function joinOffline(client, zoomAppRoot) {
  await client.init({
    zoomAppRoot,
    assetPath: new URL('/node_modules/@zoom/meetingsdk/dist/lib/av', location.href).href,
    patchJsMedia: false,
    leaveOnPageUnload: true,
  });
  let code;
  try {
    await client.join({ signature: benchSignature(), meetingNumber: '1234567890', userName: 'bench', password: '' });
  } catch (error) {
    code = error && error.errorCode;
  }
  await client.leaveMeeting().catch(() => undefined);
  return code;
}
