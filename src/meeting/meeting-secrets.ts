import type { SignatureProvider, SignatureRequestOptions } from '../signature/signature-types.js';

/** What the element holds as properties only: never attributes, never reflected, rendered or logged. */
export interface MeetingSecrets {
  signature?: string;
  zak?: string;
  tk?: string;
  obfToken?: string;
  signatureProvider?: SignatureProvider;
  signatureRequest?: SignatureRequestOptions;
}
