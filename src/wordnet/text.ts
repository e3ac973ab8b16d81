// Bags of content words for gloss overlap: lowercase tokens, stop words dropped, a light suffix
// stripper so that "angry", "anger" and "angered" meet ("angr"/"anger" -> first 5 letters).
const STOP = new Set(
  (
    'a an the of to in on at and or but be is are was were been being as by for from with without into onto over under ' +
    'that this these those it its one ones someone something somebody who whom which what when where how why ' +
    'not no any some all very more most much many such than then so too also only just own same other another ' +
    'feeling feelings emotion emotions state sense quality experience person people thing things way often usually ' +
    'especially strong strongly great greatly deep deeply intense mild something someone s e g etc their his her them they you your our ' +
    'have has had having do does did done make makes made cause causing caused about against between because while'
  ).split(' '),
);

export function stem(word: string): string {
  const w = word.toLowerCase();
  return w.length <= 5 ? w.replace(/(?:ies|y|e|s)$/, '') || w : w.slice(0, 5);
}

export function contentStems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((t) => t.length > 2 && !STOP.has(t))
    .map(stem);
}

export function bag(texts: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const text of texts) for (const s of contentStems(text)) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}

/** Overlap of two bags: shared stems weighted by their counts, normalised by both sizes. */
export function overlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const [k, n] of a) {
    const m = b.get(k);
    if (m) shared += Math.min(n, m);
  }
  return shared / Math.sqrt(a.size * b.size);
}
