/**
 * The procedure is Markdown-ish plain text: `#`/`##`/`###` headings, `-`/`*` bullets, `1.`
 * numbered items, blank-line separated paragraphs. It is parsed into blocks that a UI renders
 * as elements — never as HTML — so nothing in the text can inject markup.
 */
export type ProcedureBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseProcedureText(text: string): ProcedureBlock[] {
  const blocks: ProcedureBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
    if (list !== null) blocks.push({ kind: 'list', ...list });
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet === null ? NUMBERED.exec(line) : null;
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3, text: (heading[2] ?? '').trim() });
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      const item = ((bullet ?? numbered)?.[1] ?? '').trim();
      if (paragraph.length > 0 || (list !== null && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item);
    } else if (list !== null && /^\s{2,}\S/.test(raw)) {
      // An indented continuation line belongs to the previous item.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ''} ${line.trim()}`;
    } else {
      if (list !== null) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
