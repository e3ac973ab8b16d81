// The automatic-backup settings (EMOKB_BACKUP_EVERY, EMOKB_BACKUP_KEEP), read through the settings
// table's one rule: a bad or empty value is BAD_INPUT naming the variable.
import { resolve, type Environment } from '../settings.js';

export interface BackupSettings {
  /** A backup after every N-th change; 0: none but those before destructive operations. */
  every: number;
  /** How many automatic backups are kept. */
  keep: number;
}

export function backupSettings(env: Environment = process.env): BackupSettings {
  return { every: resolve('backupEvery', undefined, env).value, keep: resolve('backupKeep', undefined, env).value };
}
