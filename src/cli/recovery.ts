// `emokb check`, `emokb backup` and `emokb restore`: find damage, save the whole store (triples and
// change log) as one file, and bring such a file back into a new directory, history included.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EmokbError } from '../errors.js';
import { KnowledgeService } from '../kb/KnowledgeService.js';
import { AutoBackups } from '../store/autoBackup.js';
import { readBackup, writeBackup } from '../store/backupFile.js';
import { backupSettings } from '../store/backupSettings.js';
import { directoryState, foreignEntries, OWN_FILES, refuseOutputInsideStore, restoreHint } from '../store/dataDirectory.js';
import { LevelStore } from '../store/LevelStore.js';
import { checkStore } from '../store/storeCheck.js';
import { dataDir, printJson, type GlobalOptions } from './context.js';
import { openStore, storeChoice } from './storeChoice.js';

export function registerRecovery(program: Command): void {
  program
    .command('check')
    .description('read the whole store and report damage: LevelDB keys, triples, change log, integrity record, SHACL (changes nothing)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (storeChoice(globals).kind === 'sparql')
        throw new EmokbError(
          'BAD_INPUT',
          '`emokb check` reads the embedded store (LevelDB files); a SPARQL store is checked by every open (count and content hash against its integrity record)',
        );
      const dir = dataDir(globals);
      const state = await directoryState(dir);
      if (state !== 'store')
        throw new EmokbError('STORE_ERROR', `no emokb store in ${dir} (the directory is ${state}); nothing to check`, { location: dir });
      const store = await LevelStore.open(dir);
      let steps;
      try {
        const { validateGraph } = await import('../shacl/validate.js');
        steps = await checkStore(store, async (quads) => {
          const report = await validateGraph(quads);
          return report.conforms ? null : `${report.violations.length} SHACL violation(s); \`emokb validate\` lists them`;
        });
      } finally {
        await store.close();
      }
      if (options.json) printJson({ location: dir, ok: steps.every((s) => s.ok), steps });
      else process.stdout.write(steps.map((s) => `${s.ok ? 'ok     ' : 'DAMAGED'} ${s.step.padEnd(17)} ${s.detail}\n`).join(''));
      const failed = steps.filter((s) => !s.ok);
      if (failed.length) {
        throw new EmokbError(
          'STORE_ERROR',
          `data directory ${dir}: ${failed.length} check(s) failed (${failed.map((s) => s.step).join(', ')}). ${restoreHint(dir)}`,
          { location: dir },
        );
      }
    });

  program
    .command('backup')
    .description('write the whole store and its change log to one file (default: <data>/backups/)')
    .option('-o, --output <file>', 'the backup file to write (written atomically)')
    .option('--json', 'print what was written as JSON')
    .action(async (options: { output?: string; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const dir = dataDir(globals);
      const shared = storeChoice(globals).kind === 'sparql';
      const state = shared ? 'store' : await directoryState(dir);
      if (state !== 'store')
        throw new EmokbError('STORE_ERROR', `no emokb store in ${dir} (the directory is ${state}); nothing to back up`, { location: dir });
      const service = await KnowledgeService.open(await openStore(globals), { seed: false });
      let file: string;
      let header;
      try {
        const content = await service.content();
        if (options.output) {
          await refuseOutputInsideStore(dir, options.output, '--output');
          file = options.output;
          header = await writeBackup(file, content);
        } else {
          file = await new AutoBackups(dir, backupSettings()).write(content, 'manual');
          header = (await readBackup(file)).header;
        }
      } finally {
        await service.close();
      }
      if (options.json) return printJson({ file, triples: header.triples, changes: header.changes, hash: header.integrity.hash });
      process.stdout.write(`${file}: ${header.triples} triples, ${header.changes} changes (hash ${header.integrity.hash.slice(0, 12)})\n`);
    });

  program
    .command('restore')
    .description('bring a backup file back into an absent or empty data directory (--data), history included')
    .argument('<file>', 'a file written by `emokb backup` (or one in <data>/backups/)')
    .option('--json', 'print what was restored as JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (storeChoice(globals).kind === 'sparql') {
        // The store refuses unless it is empty; the restore is one conditional update (SparqlStore.restore).
        const { header, content } = await readBackup(file);
        const shared = await openStore(globals);
        try {
          await shared.restore(content);
        } finally {
          await shared.close();
        }
        if (options.json) return printJson({ file, location: shared.location, triples: header.triples, changes: header.changes });
        process.stdout.write(`${shared.location}: restored ${header.triples} triples and ${header.changes} changes from ${file}\n`);
        return;
      }
      const dir = dataDir(globals);
      const foreign = await foreignEntries(dir);
      if (foreign.length && !foreign.includes('CURRENT')) {
        throw new EmokbError(
          'BAD_INPUT',
          `restore needs an absent or empty directory; ${dir} holds ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ' and more' : ''}; nothing was changed`,
          { location: dir },
        );
      }
      // Checked before the backup is read, and again by the store when it writes.
      if ((await directoryState(dir)) === 'store') {
        throw new EmokbError(
          'BAD_INPUT',
          `${dir} already holds a store; restore into an absent or empty directory (--data NEW_DIR); nothing was changed`,
          { location: dir },
        );
      }
      const { header, content } = await readBackup(file);
      const store = await LevelStore.open(dir);
      try {
        await store.restore(content);
      } catch (error) {
        await store.close();
        // What this command created goes again: the directory stays as it was found.
        if (store.wasAbsent) await rm(dir, { recursive: true, force: true });
        else for (const name of await readdir(dir)) if (!OWN_FILES.has(name)) await rm(join(dir, name), { recursive: true, force: true });
        throw error;
      }
      await store.close();
      if (options.json) return printJson({ file, location: dir, triples: header.triples, changes: header.changes });
      process.stdout.write(`${dir}: restored ${header.triples} triples and ${header.changes} changes from ${file}\n`);
    });
}
