// A picture for every sector, for cards whose story has none (DevShots). Made here, in
// code, from the site's sector list: one small SVG each, served from our own origin at
// a URL that names its content (/assets/sectors/{slug}.{hash}.svg, immutable), so a
// site with its own sectors gets its own pictures and nothing is fetched from elsewhere.
// 16:9 like every story picture (views/story-parts.tsx), so cards keep their shape.
import { hash } from 'node:crypto';
import type { Sector } from '../domain/site.ts';
import { escapeHtml } from '../lib/html.ts';

export interface SectorImage {
  readonly href: string;
  readonly body: string;
}

export const SECTOR_IMAGE_PREFIX = '/assets/sectors/';

/** Hue per sector by its place in the list, spread round the colour wheel. */
function svgFor(sector: Sector, index: number, count: number): string {
  const hue = Math.round((index * 360) / Math.max(count, 1) + 200) % 360;
  const name = escapeHtml(sector.name);
  // Dark enough behind the white name in both colour schemes; decorative (alt=""), so no text is lost to readers.
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675" width="1200" height="675" role="img" aria-label="${name}">`,
    `<rect width="1200" height="675" fill="hsl(${hue} 45% 28%)"/>`,
    `<circle cx="1010" cy="110" r="300" fill="hsl(${hue} 50% 38%)"/>`,
    `<circle cx="160" cy="640" r="220" fill="hsl(${(hue + 30) % 360} 45% 22%)"/>`,
    `<path d="M0 470 C300 380 600 560 1200 420 L1200 675 L0 675Z" fill="hsl(${hue} 40% 20%)" opacity=".8"/>`,
    `<text x="80" y="590" fill="#fff" font-family="system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif" font-size="76" font-weight="700">${name}</text>`,
    '</svg>',
  ].join('');
}

/** Slug -> picture, made once at start-up. */
export function buildSectorImages(sectors: readonly Sector[]): ReadonlyMap<string, SectorImage> {
  const images = new Map<string, SectorImage>();
  sectors.forEach((sector, index) => {
    const body = svgFor(sector, index, sectors.length);
    images.set(sector.slug, { href: `${SECTOR_IMAGE_PREFIX}${encodeURIComponent(sector.slug)}.${hash('sha256', body, 'hex').slice(0, 10)}.svg`, body });
  });
  return images;
}
