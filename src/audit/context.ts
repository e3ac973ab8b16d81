// A match in its sentence's surroundings, on one line: the text left of it and right of it,
// whitespace folded to single spaces, cut at a word boundary to about `width` characters with "..."
// where it was cut. Shared by the audit (judged by a person) and the concordance (KWIC lines).

export interface ContextWindow {
  left: string;
  match: string;
  right: string;
}

const fold = (s: string) => s.replace(/\s+/g, ' ');

export function contextWindow(text: string, start: number, end: number, width: number): ContextWindow {
  let left = fold(text.slice(0, start)).trim();
  let right = fold(text.slice(end)).trim();
  if (left.length > width) {
    const cut = left.slice(left.length - width);
    const space = cut.indexOf(' ');
    left = `...${space >= 0 && space < width / 3 ? cut.slice(space) : cut}`;
  }
  if (right.length > width) {
    const cut = right.slice(0, width);
    const space = cut.lastIndexOf(' ');
    right = `${space > (2 * width) / 3 ? cut.slice(0, space) : cut} ...`;
  }
  return { left, match: fold(text.slice(start, end)), right };
}

/** One KWIC line: the left context right-aligned to `width`, the match in brackets, then the right. */
export function kwicLine(w: ContextWindow, width: number): string {
  return `${w.left.padStart(width + 3)} [${w.match}]${w.right ? ` ${w.right}` : ''}`;
}
