// "Did you mean …?" for a mistyped command or option: the one known name within a
// small edit distance (or the one that starts with what was typed), else nothing —
// a guess between two names would mislead more than it helps.

/** Optimal-string-alignment distance (a swap of two neighbours counts as one edit), or Infinity above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return Infinity; // every alignment already costs more
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** The known name `word` was most likely meant to be, or undefined when none (or two) are close. */
export function closest(word: string, known: readonly string[]): string | undefined {
  // long input is not a typo of a short name (and must not cost a quadratic comparison)
  if (word.length < 2 || word.length > 64) return undefined;
  // what was typed is the start of exactly one name (`export` for export-c): that one
  const prefixed = word.length >= 3 ? known.filter((k) => k.startsWith(word)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const max = word.length <= 4 ? 1 : 2;
  let best: string[] = [];
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word, k, max);
    if (d < bestD) [best, bestD] = [[k], d];
    else if (d === bestD && d !== Infinity) best.push(k);
  }
  return best.length === 1 ? best[0] : undefined;
}
