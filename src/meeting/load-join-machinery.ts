import { memoizeImport } from '../lazy-import.js';

export type JoinMachinery = typeof import('./join-machinery.js');

/** One import per page; a failed import (offline, a deploy in between) is forgotten so Retry can try again. */
export const loadJoinMachinery = memoizeImport((): Promise<JoinMachinery> => import('./join-machinery.js'));
