/**
 * What every doctor check produces, and how it is shown: short lines for a person, or JSON for a script. One
 * shape for all three modes, so the exit code is decided in one place.
 */

export const Mark = { ok: 'ok', warning: 'warning', problem: 'problem', info: 'info' } as const;
export type Mark = (typeof Mark)[keyof typeof Mark];

export interface Finding {
  /** Stable name of the check (a signature problem code, `cors-preflight`, `wasm-mime`, ...); scripts match on it. */
  check: string;
  mark: Mark;
  /** What was found, in one sentence. */
  message: string;
  /** Why it matters, in one sentence. */
  hint?: string;
  /** What to do, in order. */
  steps?: string[];
}

export interface Section {
  title: string;
  findings: Finding[];
  /** Machine-readable extras for --json (decoded claims, headers); never a secret or a whole token. */
  details?: Record<string, unknown>;
}

/** Documented in docs/troubleshooting.md; scripts rely on them. */
export const ExitCode = { ok: 0, problem: 1, usage: 2 } as const;

export function hasProblem(sections: readonly Section[]): boolean {
  return sections.some((section) => section.findings.some((finding) => finding.mark === Mark.problem));
}

const SYMBOL: Record<Mark, string> = { ok: '✔', warning: '!', problem: '✖', info: '·' };

export function renderText(sections: readonly Section[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(section.title);
    for (const finding of section.findings) {
      lines.push(`  ${SYMBOL[finding.mark]} ${finding.message}`);
      if (finding.hint) lines.push(`      ${finding.hint}`);
      for (const step of finding.steps ?? []) lines.push(`      → ${step}`);
    }
    lines.push('');
  }
  const all = sections.flatMap((section) => section.findings);
  const problems = all.filter((finding) => finding.mark === Mark.problem).length;
  const warnings = all.filter((finding) => finding.mark === Mark.warning).length;
  const warned = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
  lines.push(
    problems > 0
      ? `✖ ${problems} problem${problems === 1 ? '' : 's'} that stop${problems === 1 ? 's' : ''} a join${warned}.`
      : `✔ Nothing found that stops a join${warned}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderJson(sections: readonly Section[]): string {
  return `${JSON.stringify({ ok: !hasProblem(sections), sections }, null, 2)}\n`;
}
