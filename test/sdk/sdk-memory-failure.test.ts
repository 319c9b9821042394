import { expect } from '@open-wc/testing';
import { sdkMemoryFailure } from '../../src/sdk/sdk-memory-failure.js';

describe('sdkMemoryFailure (the SDK’s media-internal-error payloads)', () => {
  it('recognises WasmOutOfMemory (205) and WebGlContextInvalid (204), nothing else', () => {
    expect(
      sdkMemoryFailure({ message: 'Uh-oh! You’re running low on memory.', type: 'video', code: 205 }),
    ).to.deep.equal({ sdkCode: 205, sdkType: 'WasmOutOfMemory', message: 'Uh-oh! You’re running low on memory.' });
    expect(sdkMemoryFailure({ type: 'video', code: 204 })).to.deep.equal({
      sdkCode: 204,
      sdkType: 'WebGlContextInvalid',
    });
    expect(sdkMemoryFailure({ errorCode: '205' })?.sdkCode).to.equal(205);
    expect(sdkMemoryFailure({ type: 'WasmOutOfMemory' })?.sdkCode).to.equal(205);
    expect(sdkMemoryFailure({ type: 'video', code: 206 })).to.equal(null);
    expect(sdkMemoryFailure('205')).to.equal(null);
    expect(sdkMemoryFailure(null)).to.equal(null);
  });
});
