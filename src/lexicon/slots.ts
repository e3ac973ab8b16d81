// Slots in multiword forms: dictionaries write an expression about someone's own body, mind or
// life with a placeholder ("bite one's tongue", "lose one's temper", "lose one's job"), and text
// says "bit my tongue", "lost his job". The placeholder and the words it stands for are knowledge
// in the ontology (`emo:Slot`, `emo:slotWord`, `emo:slotFiller`; ontology/schema.ttl has
// `emo:ownerSlot` for the possessive determiners), so a curator edits them in RDF; here a key that
// holds a slot word is opened into one key per filler, the slot word itself kept. Before this,
// none of the 292 written forms with "one's" in the shipped lexicon could match running text.

/** This module's source, part of the compiled-lexicon cache's key. */
export const SLOTS_SOURCE = import.meta.url;

/** Slot word (as a key word, e.g. "one's") -> the words it stands for. */
export type Slots = ReadonlyMap<string, readonly string[]>;

/**
 * The keys a key stands for once its slot words are filled: one per filler for every slot word it
 * holds (a key with two slots gets every combination), not the key itself; [] when it holds none.
 */
export function openSlots(key: string, slots: Slots): string[] {
  if (!slots.size) return [];
  const words = key.split(' ');
  if (!words.some((w) => slots.has(w))) return [];
  let out: string[][] = [[]];
  for (const word of words) {
    const fillers = slots.get(word);
    out = fillers ? out.flatMap((prefix) => fillers.map((f) => [...prefix, f])) : out.map((prefix) => [...prefix, word]);
  }
  return out.map((w) => w.join(' '));
}
