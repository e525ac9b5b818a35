// JUnit XML, the test-report format CI systems read (GitHub, GitLab, Jenkins show a
// failed <testcase> with its text): `mmdiff smoke --junit FILE` writes one testcase per
// replayed corpus case and one per campaign. Only what those readers use is written.

export interface JUnitCase {
  readonly name: string;
  readonly classname: string;
  readonly file?: string;
  readonly seconds: number;
  /** A failed case: one line, and the text a reader needs (the case, the repro command). */
  readonly failure?: { readonly message: string; readonly text: string };
  /** Not run, and why. */
  readonly skipped?: string;
}

/** Text as XML 1.0 character data: markup escaped, characters XML cannot hold written as \uXXXX. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

const secs = (s: number) => s.toFixed(3);

/** The document: one <testsuite> per classname, in the order first seen. */
export function junitXml(name: string, cases: readonly JUnitCase[]): string {
  const suites = new Map<string, JUnitCase[]>();
  for (const c of cases) suites.set(c.classname, [...(suites.get(c.classname) ?? []), c]);
  const count = (cs: readonly JUnitCase[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => c.failure).length,
    errors: 0,
    skipped: cs.filter((c) => c.skipped !== undefined && !c.failure).length,
    time: secs(cs.reduce((t, c) => t + c.seconds, 0)),
  });
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name, ...count(cases) })}>`];
  for (const [suite, cs] of suites) {
    lines.push(`  <testsuite${attrs({ name: suite, ...count(cs) })}>`);
    for (const c of cs) {
      const head = `    <testcase${attrs({ classname: c.classname, name: c.name, file: c.file, time: secs(c.seconds) })}`;
      if (c.failure) lines.push(`${head}>`, `      <failure${attrs({ message: c.failure.message, type: 'divergence' })}>${xmlEscape(c.failure.text)}</failure>`, '    </testcase>');
      else if (c.skipped !== undefined) lines.push(`${head}>`, `      <skipped${attrs({ message: c.skipped })}/>`, '    </testcase>');
      else lines.push(`${head}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

/** A GitHub Actions annotation (a workflow command on stdout): `::error file=F,line=N::message`. */
export function githubError(file: string, line: number, message: string): string {
  // the escapes GitHub's runner undoes (toolkit's escapeData / escapeProperty)
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${prop(file)},line=${line}::${data(message)}\n`;
}
