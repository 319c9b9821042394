import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipText, redactJwts, scrubHead, withoutUserinfo } from '../../src/safe-text.js';
import { scrubClip, secretScrubber } from '../../src/secret-scrub.js';

describe('withoutUserinfo', () => {
  it('drops user:password@ from every URL in a text, and nothing else', () => {
    assert.equal(withoutUserinfo('https://ada:pw@host.example/sig?x=1'), 'https://host.example/sig?x=1');
    assert.equal(
      withoutUserinfo('at "http://a:p@ss@host:8080/p" and (//u:v@cdn.example/lib)'),
      'at "http://host:8080/p" and (//cdn.example/lib)',
    );
    for (const text of ['mailto:ada@example.com', 'write to ada@example.com', 'https://host/a//b@c', 'https://host/x?u=a@b']) {
      assert.equal(withoutUserinfo(text), text);
    }
  });
});

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIn0.c2lnbmF0dXJlLXBhcnQ';

describe('redactJwts', () => {
  it('redacts JWT-looking strings', () => {
    assert.equal(redactJwts(`{"token":"${jwt}"}`), '{"token":"[redacted]"}');
    assert.equal(redactJwts('version 1.2.3 at example.com'), 'version 1.2.3 at example.com');
  });
});

describe('scrubHead', () => {
  const SECRET = 'SECRETSECRET';
  const dropSecret = (text: string): string => text.split(SECRET).join('');

  it('scrubs only a head of a long text, and the kept part is what scrubbing all of it gives', () => {
    const text = `${'a'.repeat(50)}${SECRET}${'b'.repeat(1_000_000)}`;
    let scanned = 0;
    const counting = (part: string): string => {
      scanned += part.length;
      return dropSecret(part);
    };
    const head = scrubHead(text, counting, 40, 30);
    assert.equal(head.slice(0, 40), dropSecret(text).slice(0, 40));
    assert.ok(scanned < 1000, `scanned ${scanned} characters of ${text.length}`);
  });

  it('grows the window when scrubbing shrinks it, so a secret cut at its end never reaches the kept part', () => {
    // Scrubbing the first 22 characters leaves "SECRETSEC": clipping that would quote the cut secret.
    const text = `${SECRET.repeat(6)}tail${SECRET}`;
    const kept = clipText(scrubHead(text, dropSecret, 10, SECRET.length), 10);
    assert.equal(kept, 'tail');
    assert.ok(!kept.includes('SEC'));
  });

  it('returns short texts scrubbed whole', () => {
    assert.equal(scrubHead(`x${SECRET}y`, dropSecret, 10, 20), 'xy');
  });
});

describe('secretScrubber', () => {
  it('replaces secrets, their URL-encoded form and JWT-shaped strings', () => {
    const scrub = secretScrubber(['pass word!', 'zak-value-1234']);
    assert.equal(
      scrub(`pwd=pass%20word! zak=zak-value-1234 sig=${jwt}`),
      'pwd=[redacted] zak=[redacted] sig=[redacted]',
    );
  });

  it('redacts values shorter than 4 characters only where they stand alone, never inside other numbers', () => {
    const scrub = secretScrubber(['12', '', 'a.b']);
    assert.equal(scrub('Zoom 3712 for meeting 1234567890'), 'Zoom 3712 for meeting 1234567890');
    assert.equal(scrub('passcode 12 is wrong (pwd=12)'), 'passcode [redacted] is wrong (pwd=[redacted])');
    assert.equal(scrub('axb a.b'), 'axb [redacted]');
  });

  it('finds a JWT inside a long run of token characters only where the run starts', () => {
    const scrub = secretScrubber([]);
    assert.equal(scrub(`a${jwt}`), '[redacted]', 'glued to a letter, still three long parts');
    assert.equal(scrub(`x ${'A'.repeat(10_000)} y`), `x ${'A'.repeat(10_000)} y`);
  });

  it('scrubClip keeps a secret that straddles the clip out of the result', () => {
    const scrub = secretScrubber(['zakTokenValue1234567890']);
    const clipped = scrubClip(`${'x'.repeat(290)} zakTokenValue1234567890 ${'y'.repeat(5000)}`, scrub, 300);
    assert.ok(!clipped.includes('zakToken'));
    assert.equal(clipped.length, 300);
  });
});
