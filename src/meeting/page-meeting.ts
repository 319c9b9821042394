/**
 * The SDK is a singleton per page: a second join would tear down the first meeting. The first element to claim
 * the page keeps it until it releases it.
 */
let owner: object | undefined;

export function claimPageMeeting(claimant: object): boolean {
  if (owner !== undefined && owner !== claimant) return false;
  owner = claimant;
  return true;
}

export function releasePageMeeting(claimant: object): void {
  if (owner === claimant) owner = undefined;
}
