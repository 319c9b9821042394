#!/usr/bin/env node
/**
 * zoom-join-signature: the reference signature server on node:http. All logic is in start-server.ts so tests
 * can run it in-process; this file only talks to the terminal and the process.
 */
import { ENV_HELP, startSignatureServer } from './start-server.js';

const NAME = 'zoom-join-signature';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: ${NAME}\nServes Zoom Meeting SDK signatures at POST / ({"meetingNumber", "role"}), and sign in with Zoom under /zoom/ when configured.\n\n${ENV_HELP}`);
  process.exit(0);
}

try {
  const server = await startSignatureServer(process.env);
  // Before the ready line: whoever waits for it may signal at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means "now", not "wait for the requests in flight".
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${NAME}: error while stopping on ${signal}:`, error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { allowedOrigins, allowHost, signIn } = server.config;
  const origins = allowedOrigins.length > 0 ? allowedOrigins.join(' ') : 'same-origin only';
  const zoomSignIn = signIn ? `sign in with Zoom at ${signIn.signInUrl}, attaching ${signIn.attach}` : 'sign in with Zoom: off';
  console.log(`${NAME} listening on ${server.url} (origins: ${origins}; host role: ${allowHost ? 'on' : 'off'}; ${zoomSignIn})`);
} catch (error) {
  // Startup errors are settings or a taken port: the message is the whole story, a stack trace only adds noise.
  console.error(`${NAME}: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Run ${NAME} --help for the settings.`);
  process.exit(1);
}
