// What a user sees while a new store is seeded: one human line on standard error (where, how
// many triples, about how long), and on a terminal a progress bar over the steps. Standard output
// stays data only. The time is the first start measured by `npm run bench:startup` (README).
import type { SeedStep } from '../kb/KnowledgeService.js';
import { progressBar } from './progress.js';

// bench:startup measured a first start of 14.7 s with the 2 cores shared by other work (README).
const ABOUT = 'about 5 s, longer on a busy machine';

export function seedNotice(location: string, wasAbsent: boolean): (step: SeedStep) => void {
  const bar = progressBar('seeding');
  return (s) => {
    if (s.step === 'reading') {
      const where = wasAbsent ? `${location} did not exist: creating a new store there` : `creating a new store in ${location}`;
      process.stderr.write(`emokb: ${where}, seeded from the shipped ontology and lexicons (takes ${ABOUT})\n`);
      bar.start(3, 0, { step: 'reading the release' });
    } else if (s.step === 'writing') {
      bar.update(1, { step: `writing ${s.triples} triples` });
    } else {
      bar.update(3, { step: 'done' });
      bar.stop();
    }
  };
}
