import { createRoot } from 'react-dom/client';
import { ZoomJoin } from 'zoom-join/react';

function App() {
  return (
    <ZoomJoin
      meetingNumber="12345678901"
      userName="Packed React App"
      assetPath="/zoom-sdk/lib"
      signatureEndpoint="/api/signature"
      onZoomError={(event) => console.log('zoom-error', event.detail.code)}
    />
  );
}

createRoot(document.getElementById('root')).render(<App />);
