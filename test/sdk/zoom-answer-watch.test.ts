// The watch on the SDK's request to Zoom's join web service, with real XHRs answered by the Zoom double.
import { expect } from '@open-wc/testing';
import type { ZoomAnswer } from '../../src/error-codes/zoom-answers.js';
import { watchZoomAnswers } from '../../src/sdk/zoom-answer-watch.js';
import { answerZoomWith } from '../support/zoom-double.js';

/** An XHR the way the SDK's rxjs ajax sends it: listeners first, then open and send. */
function post(url: string, onLoad: () => void = () => undefined): Promise<XMLHttpRequest> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.addEventListener('load', onLoad);
    xhr.addEventListener('loadend', () => resolve(xhr));
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    xhr.send('meetingNumber=1&signature=not-read');
  });
}

/**
 * A JSONP ask the way SDK 5.x sends it (its bundles' jsonp helper): the script is added to <head> first, the callback
 * defined right after; the callback removes the script and itself.
 */
function jsonp(url: string, name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${url}?meetingNumber=1&signature=not-read&callback=${name}`;
    script.onerror = () => reject(new Error('the JSONP script failed'));
    document.head.append(script);
    const globals = window as unknown as Record<string, unknown>;
    globals[name] = (data: unknown) => {
      script.remove();
      delete globals[name];
      resolve(data);
    };
  });
}

describe('watchZoomAnswers', () => {
  afterEach(() => answerZoomWith(null));

  it("hears SDK 5.x's JSONP answer, and hands it to the SDK's callback unchanged", async () => {
    await answerZoomWith('not-host');
    const heard: ZoomAnswer[] = [];
    const stop = watchZoomAnswers(window, (answer) => heard.push(answer));
    const data = await jsonp('https://zoom.us/api/v1/wc/info', 'zoomsdkjsonpcallback1');
    stop();
    expect(heard).to.deep.equal([{ httpStatus: 200, status: false, errorCode: 3003, errorMessage: 'You are not the meeting host.' }]);
    expect(data).to.include({ status: false, errorCode: 3003 });
    // Stopped: a later ask is not heard.
    await jsonp('https://zoom.us/api/v1/wc/info', 'zoomsdkjsonpcallback2');
    expect(heard.length).to.equal(1);
  });

  it("hears Zoom's answer before the SDK's own load handler runs, and only wc/info", async () => {
    await answerZoomWith('not-host');
    const heard: ZoomAnswer[] = [];
    const stop = watchZoomAnswers(window, (answer) => heard.push(answer));
    let heardBeforeLoad = -1;
    await post('https://zoom.us/api/v1/wc/info', () => {
      heardBeforeLoad = heard.length;
    });
    await post('https://zoom.us/api/v1/wc/other');
    stop();
    expect(heardBeforeLoad).to.equal(1);
    expect(heard).to.deep.equal([{ httpStatus: 200, status: false, errorCode: 3003, errorMessage: 'You are not the meeting host.' }]);
  });

  it('reports an unreachable Zoom as HTTP status 0', async () => {
    await answerZoomWith(null);
    const heard: ZoomAnswer[] = [];
    const stop = watchZoomAnswers(window, (answer) => heard.push(answer));
    await post('https://zoom.us/api/v1/wc/info');
    stop();
    expect(heard).to.deep.equal([{ httpStatus: 0 }]);
  });

  it('shares one patch between watchers and gives XMLHttpRequest back when the last one stops', async () => {
    const original = XMLHttpRequest.prototype.open;
    const first: ZoomAnswer[] = [];
    const second: ZoomAnswer[] = [];
    const stopFirst = watchZoomAnswers(window, (answer) => first.push(answer));
    const stopSecond = watchZoomAnswers(window, (answer) => second.push(answer));
    expect(XMLHttpRequest.prototype.open).to.not.equal(original);
    await answerZoomWith('invalid-signature');
    await post('https://zoom.us/api/v1/wc/info');
    stopFirst();
    expect(XMLHttpRequest.prototype.open).to.not.equal(original, 'still watched by the second');
    await post('https://zoom.us/api/v1/wc/info');
    stopSecond();
    expect(XMLHttpRequest.prototype.open).to.equal(original);
    expect(first.length).to.equal(1);
    expect(second.map((answer) => answer.errorMessage)).to.deep.equal(['Invalid signature.', 'Invalid signature.']);
  });

  it('a listener that throws does not break the request', async () => {
    await answerZoomWith('invalid-signature');
    const stop = watchZoomAnswers(window, () => {
      throw new Error('listener bug');
    });
    const xhr = await post('https://zoom.us/api/v1/wc/info');
    stop();
    expect(JSON.parse(xhr.responseText)).to.include({ errorCode: 200 });
  });
});
