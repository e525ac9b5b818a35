// Commands shown in the report are meant to be pasted into a POSIX shell: a word with
// anything but plain path characters is single-quoted.

export function shellWord(w: string): string {
  if (/^[A-Za-z0-9_./,:@%+=-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

export function shellWords(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}
