// The layer rule of docs/architecture.md, checked by `npm run lint` (dependency-cruiser): each folder
// of src/ imports only folders below it. From the bottom up:
//
//   rdf -> store | shacl -> kb -> sparql | linkeddata -> wordnet -> text -> lexicon -> tagger -> expansion | linkers | edit | queue -> audit -> graphql -> cli
//
// Folders of one rank (store and shacl; expansion, linkers, edit and queue) sit side by side and never
// import each other. graphql and cli are the front doors: nothing imports them, except that the CLI
// starts the server (`emokb serve`). The root files (errors.ts, logger.ts, paths.ts,
// readInput.ts, decisionsFile.ts) are a shared base any layer may import; index.ts is the public API.
/** Layers, bottom first; a folder may import folders of its own rank or lower, not higher. */
const LAYERS = [
  ['rdf'],
  ['store', 'shacl'],
  ['kb'],
  // The snapshot published as RDF: the SPARQL engine, and the IRI documents and dataset description.
  ['sparql', 'linkeddata'],
  ['wordnet'],
  ['text'],
  ['lexicon'],
  ['tagger'],
  // queue: bulk tagging over BullMQ; it runs the tagger's code, and nothing below it knows of it.
  ['expansion', 'linkers', 'edit', 'queue'],
  // The in-context audit reads corpora with the expansion pipeline's readers and judges the tagger.
  ['audit'],
  ['graphql'],
  ['cli'],
];

const rules = [];
LAYERS.forEach((layer, rank) => {
  const above = LAYERS.slice(rank + 1).flat();
  // Side by side: a folder of the same rank.
  for (const folder of layer) {
    const beside = layer.filter((f) => f !== folder);
    const forbidden = [...above, ...beside];
    if (forbidden.length === 0) continue;
    rules.push({
      name: `${folder}-points-down`,
      comment: `src/${folder} may import only folders below it (${LAYERS.slice(0, rank).flat().join(', ') || 'none'}); see docs/architecture.md`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(${forbidden.join('|')})/` },
    });
  }
});

module.exports = {
  forbidden: [
    ...rules,
    {
      name: 'no-circular',
      comment: 'modules do not import each other in a loop',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'root-base-points-nowhere',
      comment: 'the root files are a shared base: they import no folder of src/',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/index\\.ts$' },
      to: { path: '^src/[^/]+/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
