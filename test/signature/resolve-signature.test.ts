import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ZoomJoinError } from '../../src/zoom-join-error.js';
import {
  fetchSignature,
  resolveSignature,
  type SignatureRequestParams,
  type SignatureProvider,
} from '../../src/signature/fetch-signature.js';
import { inspectSignature } from '../../src/signature/inspect.js';

const TEST_SDK_KEY = 'zoom-join-test-sdk-key';
const params: SignatureRequestParams = { meetingNumber: '98765432100', role: 1 };
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJtbiI6Ijk4NzY1NDMyMTAwIn0.c2lnbmF0dXJlLXNlY3JldC1wYXJ0';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function zoomError(promise: Promise<unknown>): Promise<ZoomJoinError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(ZoomJoinError);
  const typed = error as ZoomJoinError;
  expect(typed.category).to.equal('signature');
  expect(typed.message).not.to.contain(TOKEN);
  expect(typed.hint).not.to.contain(TOKEN);
  expect(typed.steps.join(' ')).not.to.contain(TOKEN);
  expect(JSON.stringify(typed)).not.to.contain('c2lnbmF0dXJl');
  return typed;
}

function expectAbortError(error: unknown): void {
  expect(error).to.be.instanceOf(DOMException);
  expect((error as DOMException).name).to.equal('AbortError');
}

describe('resolveSignature: precedence', () => {
  afterEach(() => sinon.restore());

  it('a direct signature wins over provider and endpoint, and nothing is fetched', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const provider = sinon.spy(async () => 'other');
    const result = await resolveSignature(
      { signature: `  ${TOKEN}\n`, sdkKey: 'key-1', provider, endpoint: '/test-endpoint/ok' },
      params,
    );
    expect(result).to.deep.equal({ signature: TOKEN, sdkKey: 'key-1' });
    expect(provider.called).to.equal(false);
    expect(fetchSpy.called).to.equal(false);
  });

  it('a provider wins over the endpoint and gets the params and a signal', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const provider = sinon.spy(async () => ({ signature: TOKEN, sdkKey: 'key-2' }));
    const result = await resolveSignature({ provider, endpoint: '/test-endpoint/ok' }, params);
    expect(result).to.deep.equal({ signature: TOKEN, sdkKey: 'key-2' });
    expect(provider.calledOnce).to.equal(true);
    const [givenParams, context] = provider.firstCall.args as unknown as Parameters<SignatureProvider>;
    expect(givenParams).to.deep.equal(params);
    expect(context.signal).to.be.instanceOf(AbortSignal);
    expect(fetchSpy.called).to.equal(false);
  });

  it('an empty or blank signature falls through to the next source', async () => {
    const result = await resolveSignature({ signature: '  ', provider: () => TOKEN }, params);
    expect(result).to.deep.equal({ signature: TOKEN });
  });

  it('the endpoint is used last, with its request options', async () => {
    const result = await resolveSignature(
      { endpoint: '/test-endpoint/ok', request: { method: 'GET', retries: 0 } },
      params,
    );
    expect(result.sdkKey).to.equal(TEST_SDK_KEY);
    expect(inspectSignature(result.signature, { meetingNumber: params.meetingNumber, role: 1 }).problems).to.deep.equal([]);
  });

  it('signature-endpoint-missing when nothing is given (blank values count as nothing)', async () => {
    for (const source of [{}, { signature: '', endpoint: '   ' }]) {
      const error = await zoomError(resolveSignature(source, params));
      expect(error.code).to.equal('signature-endpoint-missing');
      expect(error.retryable).to.equal(false);
      expect([error.hint, ...error.steps].join(' ')).to.contain('endpoint');
    }
  });

  it('uses the injected fetch for the endpoint', async () => {
    const injected = sinon.spy((input: RequestInfo | URL, init?: RequestInit) => window.fetch(input, init));
    await resolveSignature({ endpoint: '/test-endpoint/ok' }, params, { fetch: injected });
    expect(injected.calledOnce).to.equal(true);
  });
});

describe('resolveSignature: provider results and failures', () => {
  it('accepts a JWT string (trimmed), sync or async', async () => {
    expect(await resolveSignature({ provider: () => `${TOKEN} ` }, params)).to.deep.equal({ signature: TOKEN });
    expect(await resolveSignature({ provider: async () => TOKEN }, params)).to.deep.equal({ signature: TOKEN });
  });

  const badValues: Array<[string, unknown, RegExp]> = [
    ['undefined', undefined, /returned undefined/],
    ['an empty string', '', /empty string/],
    ['a number', 42, /returned a number/],
    ['an object without signature', { token: TOKEN }, /keys token but no non-empty signature/],
    ['a non-string signature', { signature: 7 }, /keys signature but no/],
    ['null', null, /returned null/],
  ];
  for (const [name, value, message] of badValues) {
    it(`signature-provider-failed when it returns ${name}`, async () => {
      const provider = (() => value) as unknown as SignatureProvider;
      const error = await zoomError(resolveSignature({ provider }, params));
      expect(error.code).to.equal('signature-provider-failed');
      expect(error.message).to.match(message);
    });
  }

  it('signature-provider-failed with the cause when it rejects', async () => {
    const thrown = new Error(`backend said 401 for ${TOKEN}`);
    const error = await zoomError(resolveSignature({ provider: async () => Promise.reject(thrown) }, params));
    expect(error.code).to.equal('signature-provider-failed');
    // A scrubbed copy, never the thrown value: other fields of a provider's error may hold request headers.
    expect(error.cause).to.be.instanceOf(Error).and.not.equal(thrown);
    expect((error.cause as Error).message).to.equal('backend said 401 for [redacted]');
    expect(error.message).to.contain('backend said 401 for [redacted]');
  });

  it('signature-provider-failed when it throws synchronously', async () => {
    const provider: SignatureProvider = () => {
      throw new TypeError('config is undefined');
    };
    const error = await zoomError(resolveSignature({ provider }, params));
    expect(error.code).to.equal('signature-provider-failed');
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('keeps the precise error of a provider built on fetchSignature', async () => {
    const provider: SignatureProvider = (p, { signal }) =>
      fetchSignature('/test-endpoint/404', p, { signal, retries: 0 });
    const error = await zoomError(resolveSignature({ provider }, params));
    expect(error.code).to.equal('signature-http-status');
  });

  it('a provider\'s own AbortError, without our abort, is a provider failure', async () => {
    const provider: SignatureProvider = async () => {
      throw new DOMException('its own timeout', 'AbortError');
    };
    const error = await zoomError(resolveSignature({ provider }, params));
    expect(error.code).to.equal('signature-provider-failed');
  });
});

describe('resolveSignature: cancellation', () => {
  it('aborting rejects with an AbortError at once, even if the provider ignores the signal', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const provider: SignatureProvider = (_p, { signal }) => {
      seen = signal;
      return new Promise<string>(() => {});
    };
    const pending = resolveSignature({ provider }, params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expectAbortError(await rejection(pending));
    expect(seen?.aborted).to.equal(true);
  });

  it('an already aborted signal rejects before any source is used', async () => {
    const controller = new AbortController();
    controller.abort();
    const provider = sinon.spy(() => TOKEN);
    expectAbortError(await rejection(resolveSignature({ signature: TOKEN }, params, { signal: controller.signal })));
    expectAbortError(await rejection(resolveSignature({ provider }, params, { signal: controller.signal })));
    expect(provider.called).to.equal(false);
  });

  it('aborting stops the endpoint request', async () => {
    const controller = new AbortController();
    const pending = resolveSignature({ endpoint: '/test-endpoint/slow?ms=5000' }, params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expectAbortError(await rejection(pending));
  });
});
