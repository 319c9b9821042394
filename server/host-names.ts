/**
 * Host names as the URL parser spells them, so one address has one spelling: "127.000.000.001" and "127.1" are
 * 127.0.0.1, "0:0:0:0:0:0:0:1" and "[::1]" are [::1]. Both the Host guard and the loopback test compare these.
 */

/** The canonical host name of `entry` (a name, an IPv4 address, or an IPv6 address with or without brackets). */
export function normalizeHostName(entry: string): string | undefined {
  const trimmed = entry.trim();
  if (trimmed === '') return undefined;
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
  try {
    const url = new URL(`http://${bracketed}/`);
    // A port, user info or path means the entry was not a bare host.
    return url.port === '' && url.username === '' && url.host === url.hostname ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True for every address only this machine can reach: all of 127.0.0.0/8, ::1 in any spelling, the IPv4-mapped
 * loopback, and "localhost" (and names under it, which resolvers keep on loopback).
 */
export function isLoopbackHost(entry: string): boolean {
  const name = normalizeHostName(entry);
  if (name === undefined) return false;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '[::1]') return true;
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}\]$/.exec(name);
  // The URL parser writes ::ffff:127.0.0.1 as [::ffff:7f00:1]; 0x7f is 127.
  if (mapped) return parseInt(mapped[1] ?? '', 16) >> 8 === 127;
  return /^127\.\d+\.\d+\.\d+$/.test(name);
}
