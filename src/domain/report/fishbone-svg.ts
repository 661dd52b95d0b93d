/**
 * The fishbone as drawn in the panel (same geometry, `layoutFishbone`), as an SVG string for the
 * self-contained report. Every text is escaped; the causes are also listed below the drawing,
 * because the drawing shortens long texts and shows at most a few causes per bone.
 */
import { escapeHtml } from '../communication/escape';
import type { Fishbone } from '../review/fishbone';
import { layoutFishbone } from '../review/fishbone-layout';

/** The printable width of the report in the layout's units (about 180 mm at 96 dpi). */
const REPORT_WIDTH = 680;

const n = (value: number): string => String(Math.round(value * 10) / 10);

export function fishboneSvg(fishbone: Fishbone): string {
  const layout = layoutFishbone(fishbone, REPORT_WIDTH);
  const { spine, head } = layout;
  const parts: string[] = [];
  const title = `Fishbone diagram: ${fishbone.effect.trim() || 'effect not described yet'}`;
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" role="img" aria-label="${escapeHtml(title)}">`);
  parts.push(`<title>${escapeHtml(title)}</title>`);
  parts.push(`<path class="fb-tail" d="M ${n(spine.x1)} ${n(spine.y)} l -10 -12 M ${n(spine.x1)} ${n(spine.y)} l -10 12"/>`);
  parts.push(`<line class="fb-spine" x1="${n(spine.x1)}" y1="${n(spine.y)}" x2="${n(spine.x2)}" y2="${n(spine.y)}"/>`);
  parts.push(`<rect class="fb-head" x="${n(head.x)}" y="${n(head.y)}" width="${n(head.width)}" height="${n(head.height)}" rx="8"/>`);
  head.lines.forEach((line, index) => {
    const y = head.y + head.height / 2 + (index - (head.lines.length - 1) / 2) * 15 + 4;
    parts.push(`<text class="fb-effect" x="${n(head.x + head.width / 2)}" y="${n(y)}" text-anchor="middle">${escapeHtml(line)}</text>`);
  });
  for (const bone of layout.bones) {
    parts.push(`<line class="fb-bone" x1="${n(bone.joint.x)}" y1="${n(bone.joint.y)}" x2="${n(bone.tip.x)}" y2="${n(bone.tip.y)}"/>`);
    const labelY = bone.side === 'top' ? bone.tip.y - 8 : bone.tip.y + 16;
    parts.push(`<text class="fb-category" x="${n(bone.tip.x)}" y="${n(labelY)}" text-anchor="middle">${escapeHtml(bone.label)}</text>`);
    for (const cause of bone.causes) {
      parts.push(`<line class="fb-tick" x1="${n(cause.boneX - 4)}" y1="${n(cause.y)}" x2="${n(cause.boneX)}" y2="${n(cause.y)}"/>`);
      const spans = cause.lines.map((line, index) => `<tspan x="${n(cause.boneX - 7)}" dy="${index === 0 ? '0' : '14'}">${escapeHtml(line)}</tspan>`).join('');
      parts.push(`<text class="fb-cause" x="${n(cause.boneX - 7)}" y="${n(cause.y + 4 - (cause.lines.length - 1) * 7)}" text-anchor="end">${spans}</text>`);
    }
    if (bone.more > 0) {
      const y = bone.side === 'top' ? bone.joint.y - 6 : bone.joint.y + 14;
      parts.push(`<text class="fb-more" x="${n(bone.joint.x - 7)}" y="${n(y)}" text-anchor="end">+${String(bone.more)} more</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
