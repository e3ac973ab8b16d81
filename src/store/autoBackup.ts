// Automatic backups in <data>/backups: before every destructive operation (import --replace,
// undo --force, emotion remove --cascade) and after every N-th change, keeping the newest K of
// each kind (manual backups, `emokb backup`, are never deleted).
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBackup } from './backupFile.js';
import { backupSettings, type BackupSettings } from './backupSettings.js';
import { BACKUP_DIR } from './dataDirectory.js';
import type { StoreContent } from './KnowledgeStore.js';

export const BACKUP_SUFFIX = '.emokb-backup';
/** The name of an automatic backup (see AutoBackups#write), its reason in group 1. */
const AUTOMATIC = /^\d{4}-\d\d-\d\dT[\dZ-]+-change\d+-(every|before-[a-z-]+)\.emokb-backup$/;

/** Commands that remove more than the user may have meant: a backup is written before them. */
export function isDestructive(command: string): boolean {
  return /^(import .* --replace|undo \d+ --force|emotion remove .*--cascade)\b/.test(command);
}

export class AutoBackups {
  readonly dir: string;
  readonly settings: BackupSettings;

  constructor(dataDir: string, settings: BackupSettings = backupSettings()) {
    this.dir = join(dataDir, BACKUP_DIR);
    this.settings = settings;
  }

  /** True when the change with this id is one of every N. */
  due(changeId: number): boolean {
    return this.settings.every > 0 && changeId > 0 && changeId % this.settings.every === 0;
  }

  /** Writes a backup named after the change it holds and why, then deletes the oldest beyond K. */
  async write(content: StoreContent, reason: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const last = content.changes.at(-1)?.id ?? 0;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.dir, `${stamp}-change${last}-${reason}${BACKUP_SUFFIX}`);
    await writeBackup(file, content);
    const names = await readdir(this.dir);
    // temporary files of backups killed half-way (a completed backup renames its own away)
    for (const stale of names.filter((name) => name.endsWith('.tmp') && !name.endsWith(`.${process.pid}.tmp`)))
      await unlink(join(this.dir, stale)).catch(() => undefined);
    // Each kind rotates on its own: a run of periodic backups must never push out the one taken
    // before a destructive change, and a backup a user asked for is theirs to delete.
    // Only names this class writes: a user's own file in backups/ ("my-everyday.emokb-backup",
    // "1-before-upgrade.emokb-backup", `emokb backup -o` allows it) is never counted or deleted.
    for (const kind of ['every', 'before-']) {
      const all = names.filter((name) => AUTOMATIC.exec(name)?.[1]?.startsWith(kind)).sort();
      for (const old of all.slice(0, Math.max(0, all.length - this.settings.keep)))
        await unlink(join(this.dir, old)).catch(() => undefined);
    }
    return file;
  }
}
