// House rule: no `any` in src/. tsc's strict mode forbids implicit any; this catches the explicit kind.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const offenders = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const code = line.replace(/\/\/.*$/, '').replace(/(['"`]).*?\1/g, '');
          if (/(:\s*any\b|<any>|\bas any\b|any\[\])/.test(code)) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
        });
    }
  }
}
walk('src');
if (offenders.length > 0) {
  console.error(`explicit \`any\` in src/:\n${offenders.join('\n')}`);
  process.exit(1);
}
