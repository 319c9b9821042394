'use client';
import { ZoomJoin } from 'zoom-join/react';

export function Meeting() {
  return (
    <ZoomJoin
      meetingNumber="12345678901"
      userName="Packed Next App"
      assetPath="/zoom-sdk/lib"
      signatureEndpoint="/api/zoom-signature"
    />
  );
}
