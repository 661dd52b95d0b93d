/**
 * Text that people typed, made safe for the formats the app writes it into. Every value that
 * reaches HTML or Markdown goes through one of these; templates never concatenate raw input.
 */
import { cleanText } from '../actions/adf';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML text and attribute values: nothing typed can open a tag, an attribute or an entity. */
export const escapeHtml = (value: string): string => cleanText(value).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);

/** HTML text with line breaks kept as <br>. */
export const htmlLines = (value: string): string => escapeHtml(value).split('\n').join('<br>');

/**
 * For Markdown text: backslash-escapes every character that could start markup — emphasis, code,
 * links and images (their brackets), raw HTML, headings, tables, strike-through — and list, rule and
 * setext markers at the start of a line, so a renderer shows exactly what was typed.
 */
export function escapeMarkdown(value: string): string {
  return cleanText(value)
    .replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

/** One line of Markdown: line breaks become spaces (for headings and list items). */
export const markdownLine = (value: string): string => escapeMarkdown(value.replace(/\s*\n\s*/g, ' ').trim());
