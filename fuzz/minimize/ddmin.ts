// Delta debugging (Zeller & Hildebrandt, ddmin) over a program's ops: the smallest
// set of ops, to 1-minimality, whose program still fails the same way.

/**
 * `test(keep)` says whether the program made of the op indices in `keep` still
 * fails. Returns a 1-minimal subset of `items`.
 */
export async function ddmin(items: readonly number[], test: (keep: readonly number[]) => boolean | Promise<boolean>): Promise<number[]> {
  let cur = items.slice();
  let n = 2;
  while (cur.length >= 2) {
    const chunk = Math.ceil(cur.length / n);
    const parts: number[][] = [];
    for (let i = 0; i < cur.length; i += chunk) parts.push(cur.slice(i, i + chunk));
    let progressed = false;
    // try each complement first: removing a chunk is what shrinks programs fastest
    for (let i = 0; i < parts.length && !progressed; i++) {
      const complement = parts.filter((_, j) => j !== i).flat();
      if (complement.length && (await test(complement))) {
        cur = complement;
        n = Math.max(n - 1, 2);
        progressed = true;
      }
    }
    for (let i = 0; i < parts.length && !progressed; i++) {
      if (parts[i].length < cur.length && (await test(parts[i]))) {
        cur = parts[i];
        n = 2;
        progressed = true;
      }
    }
    if (!progressed) {
      if (n >= cur.length) break;
      n = Math.min(n * 2, cur.length);
    }
  }
  return cur;
}
