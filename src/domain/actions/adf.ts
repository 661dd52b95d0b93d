/**
 * A small typed builder for the Atlassian Document Format (the JSON Jira Cloud uses for rich
 * text). User text only ever becomes the `text` of a text node — never markup, never a mark or a
 * URL — so wiki syntax, HTML or JSON typed by a person stays literal. Builders also keep the
 * document valid: no empty text nodes, no control characters, newlines as hard breaks, links
 * only to http(s) URLs.
 */

export interface AdfMark {
  type: 'strong' | 'em' | 'code' | 'link';
  attrs?: { href: string };
}

export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}

export interface AdfHardBreak {
  type: 'hardBreak';
}

export type AdfInline = AdfText | AdfHardBreak;

export interface AdfParagraph {
  type: 'paragraph';
  content: AdfInline[];
}

export interface AdfHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content: AdfInline[];
}

export interface AdfListItem {
  type: 'listItem';
  content: AdfParagraph[];
}

export interface AdfBulletList {
  type: 'bulletList';
  content: AdfListItem[];
}

export interface AdfRule {
  type: 'rule';
}

export type AdfBlock = AdfParagraph | AdfHeading | AdfBulletList | AdfRule;

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

/** C0/C1 control characters other than tab and newline, and lone surrogates, which Jira refuses. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as a person typed it, made safe for a text node (newlines kept for `text`). */
export const cleanText = (value: string): string => value.replace(/\r\n?/g, '\n').replace(CONTROL, '');

/** Plain text with its line breaks; empty text yields no nodes (ADF forbids empty text nodes). */
export function text(value: string, marks?: AdfMark[]): AdfInline[] {
  const lines = cleanText(value).split('\n');
  return lines.flatMap((line, index): AdfInline[] => {
    const node: AdfInline[] = line === '' ? [] : [marks && marks.length > 0 ? { type: 'text', text: line, marks } : { type: 'text', text: line }];
    return index === 0 ? node : [{ type: 'hardBreak' }, ...node];
  });
}

export const strong = (value: string): AdfInline[] => text(value, [{ type: 'strong' }]);

/** Only absolute http(s) URLs become links; anything else is shown as plain text. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function link(label: string, href: string): AdfInline[] {
  const safe = safeHref(href);
  return safe === undefined ? text(label) : text(label, [{ type: 'link', attrs: { href: safe } }]);
}

/** A paragraph of inline parts; an empty paragraph is allowed by ADF and keeps spacing. */
export const paragraph = (...parts: AdfInline[][]): AdfParagraph => ({ type: 'paragraph', content: parts.flat() });

export const heading = (level: AdfHeading['attrs']['level'], value: string): AdfHeading => ({ type: 'heading', attrs: { level }, content: text(value) });

export const bulletList = (items: AdfInline[][][]): AdfBulletList => ({
  type: 'bulletList',
  content: items.map((parts) => ({ type: 'listItem', content: [paragraph(...parts)] })),
});

export const rule = (): AdfRule => ({ type: 'rule' });

export const doc = (...content: AdfBlock[]): AdfDoc => ({ type: 'doc', version: 1, content });

/** Plain text of a document, e.g. for searching, logs or tests. */
export function adfToPlainText(document: AdfDoc): string {
  const inline = (nodes: AdfInline[]): string => nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
  return document.content
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return inline(block.content);
        case 'bulletList':
          return block.content.map((item) => `- ${item.content.map((p) => inline(p.content)).join('\n')}`).join('\n');
        case 'rule':
          return '---';
      }
    })
    .join('\n');
}
