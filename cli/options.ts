// Parsing option values: one clear error per bad value.

import { UserError } from '../fuzz/load.js';

export function intOption(name: string, v: unknown, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const s = String(v);
  if (!/^[0-9]+$/.test(s)) throw new UserError(`--${name} takes a whole number, got '${s}'`);
  const n = Number(s);
  if (n < min || n > max) throw new UserError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function numOption(name: string, v: unknown, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const s = String(v);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(s)) throw new UserError(`--${name} takes a number, got '${s}'`);
  const n = Number(s);
  if (n < min || n > max) throw new UserError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
