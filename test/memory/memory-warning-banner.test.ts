import { expect, fixture, html } from '@open-wc/testing';
import type { ZoomMemoryWarningDetail } from '../../src/memory/memory-events.js';
import { describeMemoryWarning, memoryWarningTexts } from '../../src/memory/memory-texts.js';
import { renderMemoryWarning } from '../../src/memory/memory-warning-banner.js';
import { MB } from './fakes.js';

describe('warning texts and banner', () => {
  const growth: ZoomMemoryWarningDetail = {
    reason: 'growth',
    bytesPerSecond: 12.34 * MB,
    usedBytes: 640 * MB,
    limitBytes: 4096 * MB,
    threshold: 5 * MB,
    at: 1,
    source: 'performance.memory',
  };

  it('has a title, a cause and advice for every reason', () => {
    for (const text of Object.values(memoryWarningTexts)) {
      expect(text.title).to.not.be.empty;
      expect(text.cause).to.not.be.empty;
      expect(text.advice).to.match(/virtual background/).and.match(/rejoin/);
    }
    expect(memoryWarningTexts['sdk-out-of-memory'].advice).to.match(/other tabs/);
    expect(memoryWarningTexts.freeze.advice).to.match(/other tabs/);
  });

  it('puts the warning’s figures into the cause', () => {
    expect(describeMemoryWarning(growth).cause).to.contain('12.3 MB every second').and.contain('640 MB');
    expect(
      describeMemoryWarning({ ...growth, reason: 'near-limit', usedBytes: 3500 * MB, threshold: 3481 * MB }).cause,
    ).to.contain('3500 MB of the 4096 MB');
    expect(
      describeMemoryWarning({ reason: 'freeze', blockedMs: 2600, detectedBy: 'longtask', threshold: 2000, at: 1 })
        .title,
    ).to.equal('The page stopped responding for 2.6 s');
    expect(describeMemoryWarning({ reason: 'sdk-out-of-memory', sdkCode: 204, at: 1 }).cause).to.contain('WebGL');
  });

  it('renders a ::part(warning) banner with an optional Dismiss button', async () => {
    let dismissed = 0;
    const banner = await fixture(html`<div>${renderMemoryWarning(growth, { onDismiss: () => dismissed++ })}</div>`);
    const warning = banner.querySelector('[part=warning]')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(warning.getAttribute('data-reason')).to.equal('growth');
    expect(warning.querySelector('[part=warning-title]')!.textContent).to.equal('Memory use keeps growing');
    (warning.querySelector('[part=warning-dismiss]') as HTMLButtonElement).click();
    expect(dismissed).to.equal(1);
    const plain = await fixture(html`<div>${renderMemoryWarning(growth)}</div>`);
    expect(plain.querySelector('[part=warning-dismiss]')).to.equal(null);
  });
});
