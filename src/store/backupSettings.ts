// The automatic-backup settings, from the environment (an empty variable is unset):
//   EMOKB_BACKUP_EVERY  a backup after every N-th change (default 50; 0 turns it off)
//   EMOKB_BACKUP_KEEP   how many automatic backups <data>/backups keeps, oldest deleted first (default 10; at least 1)
// Backups before destructive operations are always written. A bad value is BAD_INPUT naming the variable.
import { EmokbError } from '../errors.js';

export interface BackupSettings {
  every: number;
  keep: number;
}

export const BACKUP_DEFAULTS: BackupSettings = { every: 50, keep: 10 };

export function backupSettings(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  return {
    every: integer(env, 'EMOKB_BACKUP_EVERY', 0) ?? BACKUP_DEFAULTS.every,
    keep: integer(env, 'EMOKB_BACKUP_KEEP', 1) ?? BACKUP_DEFAULTS.keep,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new EmokbError('BAD_INPUT', `${name}: "${raw}" is not a whole number of at least ${min}`);
  }
  return value;
}
