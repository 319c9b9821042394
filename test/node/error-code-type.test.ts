// ZoomJoinError.code is the union of the documented codes: a page's switch with a misspelt code fails to compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const errorModule = fileURLToPath(new URL('../../src/zoom-join-error.js', import.meta.url));

/** Type-checks each page in one program (creating one takes seconds): the diagnostics per page. */
function diagnosticsOf(sources: string[]): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'zoom-join-code-type-'));
  try {
    const files = sources.map((source, index) => {
      const file = join(dir, `page-${index}.ts`);
      writeFileSync(file, source.replace('ERROR_MODULE', errorModule));
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    return files.map((file) =>
      diagnostics
        .filter((diagnostic) => diagnostic.file?.fileName === file)
        .map((diagnostic) => `${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`),
    );
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

test('documented codes compile in a switch; a misspelt one does not', () => {
  const [documented, misspelt] = diagnosticsOf([
    page("case 'signature-invalid': return 'a'; case 'sign-in-required': return 'b';"),
    page("case 'signature-invalidd': return 'a';"),
  ]);
  assert.deepEqual(documented, []);
  assert.equal(misspelt!.length, 1, misspelt!.join('\n'));
  assert.match(misspelt![0]!, /^2678 Type '"signature-invalidd"' is not comparable to type 'ZoomJoinErrorCode'/);
});
