// The option table the element checks componentViewOptions / clientViewOptions against is generated from the
// installed SDK's type definitions: this fails when the two disagree (run `npm run sdk:options`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readSchemas, renderSchemaModule, SCHEMA_PATH } from '../../../scripts/sdk-option-schema.js';

test('src/sdk/options/sdk-option-schema.ts is what the installed SDK\'s .d.ts files give (else: npm run sdk:options)', () => {
  assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), renderSchemaModule());
});

test('the table holds what the issue asks for, read from the SDK (not a table of anything)', () => {
  const { component, client } = readSchemas();
  const fields = component.fields!;
  assert.deepEqual(fields.video!.fields!.isResizable, { kinds: ['boolean'] });
  assert.deepEqual(fields.video!.fields!.defaultViewType!.words, ['active', 'gallery', 'minimized', 'ribbon', 'speaker']);
  const button = fields.toolbar!.fields!.buttons!.items!;
  assert.deepEqual(button.fields!.onClick, { kinds: ['function'] });
  assert.deepEqual(button.required, ['onClick', 'text']);
  assert.deepEqual(fields.participants!.fields!.popper!.fields!.anchorElement, { kinds: ['element', 'null'] });
  assert.ok(fields.meetingInfo!.items!.words!.includes('topic'));
  for (const name of ['defaultView', 'disableInvite', 'disablePreview', 'isSupportAV', 'isSupportChat', 'screenShare', 'meetingInfo', 'disableJoinAudio']) {
    assert.ok(client.fields![name], `the Client View's init has ${name}`);
  }
  assert.deepEqual(client.fields!.defaultView!.words, ['gallery', 'multiSpeaker', 'speaker']);
  assert.deepEqual(client.fields!.onRetryCallback, { kinds: ['function'] });
  assert.ok(!('language' in client.fields!), 'the Client View has no language option');
});
