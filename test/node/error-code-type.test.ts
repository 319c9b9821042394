// ZoomJoinError.code is the union of the documented codes: a page's switch with a misspelt code fails to compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const errorModule = fileURLToPath(new URL('../../src/zoom-join-error.js', import.meta.url));

function diagnosticsOf(source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zoom-join-code-type-'));
  try {
    const file = join(dir, 'page.ts');
    writeFileSync(file, source.replace('ERROR_MODULE', errorModule));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      skipLibCheck: true,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file?.fileName === file)
      .map((diagnostic) => `${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const page = (cases: string) => `
import type { ZoomJoinError } from 'ERROR_MODULE';
export function react(error: ZoomJoinError): string {
  switch (error.code) {
    ${cases}
    default:
      return 'other';
  }
}
`;

test('documented codes compile in a switch', () => {
  assert.deepEqual(diagnosticsOf(page("case 'signature-invalid': return 'a'; case 'sign-in-required': return 'b';")), []);
});

test('a misspelt code does not', () => {
  const diagnostics = diagnosticsOf(page("case 'signature-invalidd': return 'a';"));
  assert.equal(diagnostics.length, 1, diagnostics.join('\n'));
  assert.match(diagnostics[0]!, /^2678 Type '"signature-invalidd"' is not comparable to type 'ZoomJoinErrorCode'/);
});
