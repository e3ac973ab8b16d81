// Colours by primary emotion from the Okabe-Ito palette (Okabe & Ito 2008), made to stay apart
// under the common colour-vision deficiencies. Lower tiers are tints of their primary's colour; the
// text on a colour is black or white, whichever contrasts more (WCAG 2 relative luminance): every
// pair used reaches at least 4.5:1 (blue #0072B2 takes white text at 5.2:1, the others black at 5.4:1
// or more).
export const PRIMARY_COLOURS: Readonly<Record<string, string>> = {
  love: '#CC79A7',
  joy: '#F0E442',
  surprise: '#56B4E9',
  anger: '#D55E00',
  sadness: '#0072B2',
  fear: '#009E73',
};
const FALLBACK = '#999999';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour mixed with white: `amount` 0 is the colour, 1 is white. */
export function tint(colour: string, amount: number): string {
  return hex(rgb(colour).map((c) => c + (255 - c) * amount) as [number, number, number]);
}

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrast(background, '#000000') >= contrast(background, '#ffffff') ? '#000000' : '#ffffff';
}

export function primaryColour(primaryLabel: string | undefined): string {
  return (primaryLabel && PRIMARY_COLOURS[primaryLabel.toLowerCase()]) || FALLBACK;
}

/** The fill of a node by tier: the primary's colour, lighter one and two tiers down. */
export function tierColour(primaryLabel: string | undefined, depth: 1 | 2 | 3): string {
  return tint(primaryColour(primaryLabel), depth === 1 ? 0 : depth === 2 ? 0.3 : 0.55);
}
