// A queue directory as libFuzzer and AFL++ keep one: every queue entry a file of its
// own, numbered in the order added (id-000000.mm, …), never rewritten, so a reader —
// another instance, a person, `mmdiff corpus merge` — sees the queue grow. Numbering
// continues after what is already there (a resumed campaign).

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../casefile.js';

export class QueueDir {
  private nextId: number;

  constructor(readonly dir: string) {
    this.nextId = existsSync(dir) ? readdirSync(dir).filter((f) => /^id-\d+\.mm$/.test(f)).length : 0;
  }

  /** Writes one entry (whole, by atomic rename); its path. */
  add(text: string): string {
    let file: string;
    // a file with the next number may exist (one removed by hand): never overwrite an entry
    do file = join(this.dir, `id-${String(this.nextId++).padStart(6, '0')}.mm`);
    while (existsSync(file));
    writeFileAtomic(file, text);
    return file;
  }
}
