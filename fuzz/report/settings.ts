// The settings table of the report in words: each key of summary.settings with a label a
// reader knows (and the command-line option that sets it), its value written as a person
// would (a duration in minutes, a list joined, none for nothing). A key this table does
// not know (a newer campaign's) keeps its name, spelled out from camelCase.

export interface SettingRow {
  readonly key: string;
  readonly label: string;
  /** The option or variable that sets it, when there is one. */
  readonly option?: string;
  readonly value: string;
}

const LABELS: Readonly<Record<string, { readonly label: string; readonly option?: string }>> = {
  targets: { label: 'Targets compared', option: '--targets' },
  inject: { label: 'Injected impl bugs', option: 'MMDIFF_INJECT' },
  host: { label: 'Host' },
  machine: { label: 'Target machine', option: '# machine' },
  workers: { label: 'Worker threads', option: '--workers' },
  seed: { label: 'Seed', option: '--seed' },
  durationMs: { label: 'Duration', option: '--minutes' },
  runs: { label: 'Programs to run', option: '--runs' },
  maxOps: { label: 'Ops per program, at most', option: '--max-ops' },
  batchSize: { label: 'Programs per batch' },
  corpusDir: { label: 'Corpus directory (cases written)', option: '--corpus' },
  exclude: { label: 'Ops never generated' },
  maxCorpus: { label: 'In-memory corpus, at most', option: '--max-corpus' },
  seedDirs: { label: 'Seed corpora' },
  blind: { label: 'Blind (no coverage feedback)', option: '--blind' },
  syncDir: { label: 'Sync directory', option: '--sync-dir' },
  instance: { label: 'Instance name', option: '--instance' },
};

/** `maxMapCount` -> `Max map count`. */
function spelledOut(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(key: string, v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  if (key === 'inject') return typeof v === 'string' && v ? v : 'none (the impl as it is)';
  if (key === 'durationMs' && typeof v === 'number') {
    const min = v / 60_000;
    return min >= 1 ? `${Number(min.toFixed(2))} min` : `${Number((v / 1000).toFixed(1))} s`;
  }
  if (typeof v === 'number') return v.toLocaleString('en');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

export function settingRows(settings: Readonly<Record<string, unknown>>): SettingRow[] {
  return Object.entries(settings)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([key, v]) => ({ key, label: LABELS[key]?.label ?? spelledOut(key), ...(LABELS[key]?.option ? { option: LABELS[key].option } : {}), value: valueText(key, v) }));
}
