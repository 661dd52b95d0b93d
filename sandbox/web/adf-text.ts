/** Plain text of an Atlassian Document Format node, for the fake issue view (rendered escaped, never as HTML). */
export function adfToText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { type, text, content } = node as { type?: string; text?: string; content?: unknown[] };
  if (type === 'text') return text ?? '';
  if (type === 'hardBreak') return '\n';
  const inner = Array.isArray(content) ? content.map(adfToText).join('') : '';
  const blocks = new Set(['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'rule']);
  return type !== undefined && blocks.has(type) ? `${inner}\n` : inner;
}
