import type { Fishbone } from './fishbone';

/** Geometry of the fishbone drawing, in viewBox units; pure so it can be reasoned about apart from React. */
export interface CauseMark {
  id: string;
  /** One or two lines, truncated to the room between two bones. */
  lines: string[];
  full: string;
  /** Where the tick meets the bone, and where the text ends (anchored at its end). */
  boneX: number;
  y: number;
}

export interface Bone {
  id: string;
  label: string;
  fullLabel: string;
  side: 'top' | 'bottom';
  joint: { x: number; y: number };
  tip: { x: number; y: number };
  causes: CauseMark[];
  more: number;
}

export interface FishboneLayout {
  width: number;
  height: number;
  spine: { x1: number; x2: number; y: number };
  head: { x: number; y: number; width: number; height: number; lines: string[] };
  bones: Bone[];
}

const MARGIN = 12;
const HEAD_WIDTH = 128;
const ROW = 30;
const LABEL_SPACE = 26;
const MAX_CAUSES_SHOWN = 4;
const CHAR_WIDTH = 6.4;
const MIN_WIDTH = 420;
const MAX_WIDTH = 1100;

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`);

/** Splits the effect into short lines for the head of the fish. */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length > perLine && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1] ?? ''} …`, perLine);
    return kept.map((l) => truncate(l, perLine));
  }
  return lines.map((l) => truncate(l, perLine));
}

/** Lays the diagram out for the width it is shown at, so text stays at its real size. */
export function layoutFishbone(fishbone: Fishbone, availableWidth: number): FishboneLayout {
  const WIDTH = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, availableWidth)));
  const top = fishbone.categories.filter((_, index) => index % 2 === 0);
  const bottom = fishbone.categories.filter((_, index) => index % 2 === 1);
  const columns = Math.max(top.length, 1);
  const causesIn = (categoryId: string) => fishbone.causes.filter((cause) => cause.categoryId === categoryId);
  const shownMax = Math.max(2, ...fishbone.categories.map((category) => Math.min(MAX_CAUSES_SHOWN + 1, causesIn(category.id).length)));
  const sideHeight = LABEL_SPACE + shownMax * ROW + 12;
  const spineY = MARGIN + sideHeight;
  const height = spineY + sideHeight + MARGIN;
  const spineStart = MARGIN + 8;
  const spineEnd = WIDTH - HEAD_WIDTH - MARGIN;
  const columnWidth = (spineEnd - spineStart) / columns;
  const slant = Math.min(columnWidth * 0.35, sideHeight * 0.4);
  const maxChars = Math.max(6, Math.floor((columnWidth - 16) / CHAR_WIDTH));

  const bone = (side: 'top' | 'bottom', column: number, category: Fishbone['categories'][number]): Bone => {
    const direction = side === 'top' ? -1 : 1;
    const joint = { x: spineStart + columnWidth * (column + 1) - 6, y: spineY };
    const tipY = spineY + direction * (sideHeight - LABEL_SPACE + 8);
    const tip = { x: joint.x - slant, y: tipY };
    const all = causesIn(category.id);
    const shown = all.length > MAX_CAUSES_SHOWN + 1 ? all.slice(0, MAX_CAUSES_SHOWN) : all;
    const causes = shown.map((cause, index): CauseMark => {
      // Evenly spaced along the bone, starting near its tip.
      const y = tipY - direction * (index + 0.8) * ROW;
      const along = (spineY - y) / (spineY - tipY);
      return { id: cause.id, lines: wrap(cause.text, maxChars, 2), full: cause.text, boneX: joint.x - slant * along, y };
    });
    return {
      id: category.id,
      label: truncate(category.label, maxChars + 4),
      fullLabel: category.label,
      side,
      joint,
      tip,
      causes,
      more: all.length - shown.length,
    };
  };

  const headHeight = Math.min(sideHeight * 1.2, 96);
  const effect = fishbone.effect.trim() || 'Effect not described yet';
  return {
    width: WIDTH,
    height,
    spine: { x1: spineStart, x2: spineEnd, y: spineY },
    head: { x: spineEnd, y: spineY - headHeight / 2, width: HEAD_WIDTH, height: headHeight, lines: wrap(effect, 18, Math.max(2, Math.floor((headHeight - 12) / 15))) },
    bones: [...top.map((category, column) => bone('top', column, category)), ...bottom.map((category, column) => bone('bottom', column, category))],
  };
}
