/**
 * The report's stylesheet: a printed document, not app UI — black on white paper whatever the
 * theme of the page it is previewed in, so "Print → PDF" and the downloaded file look the same.
 * Print rules: the chosen paper size, margins, headings kept with what follows, tables and the
 * diagram not split across pages, table headers repeated on each page.
 */
import type { PaperSize } from './record';

const PAGE_SIZE: Record<PaperSize, string> = { A4: 'A4', Letter: 'letter' };

export function reportStyles(paper: PaperSize): string {
  return `
@page { size: ${PAGE_SIZE[paper]}; margin: 16mm 15mm 18mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #172b4d; font: 10.5pt/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main.report { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; line-height: 1.25; }
h2 { font-size: 13pt; margin: 18pt 0 6pt; padding-bottom: 3pt; border-bottom: 1.5pt solid #172b4d; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
.subtle { color: #44546f; }
.report-header { border: 1pt solid #8590a2; border-radius: 4pt; padding: 8pt 10pt; margin-bottom: 10pt; break-inside: avoid; }
.report-header .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 8pt; color: #44546f; margin: 0 0 2pt; }
dl.attributes { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 6pt 0 0; font-size: 9pt; }
dl.attributes dt { font-weight: 600; }
dl.attributes dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: .6pt solid #b3b9c4; }
th { background: #f1f2f4; font-weight: 600; }
ul, ol { margin: 3pt 0 6pt; padding-left: 16pt; }
li { break-inside: avoid; }
.gap { border-left: 3pt solid #ae2e24; background: #ffeceb; padding: 3pt 6pt; margin: 4pt 0; break-inside: avoid; }
.gap strong { color: #ae2e24; }
.gaps-summary { border: 1pt solid #ae2e24; border-radius: 4pt; padding: 6pt 10pt; break-inside: avoid; }
.gaps-summary.none { border-color: #216e4e; }
.gaps-summary.none strong { color: #216e4e; }
.chain { border: .6pt solid #b3b9c4; border-radius: 3pt; padding: 4pt 8pt; margin: 4pt 0; break-inside: avoid; }
.chain ol { margin: 2pt 0; }
.card { border: .6pt solid #b3b9c4; border-radius: 3pt; padding: 5pt 8pt; margin: 5pt 0; break-inside: avoid; }
.empty { color: #44546f; font-style: italic; }
.lesson { margin: 5pt 0; break-inside: avoid; }
.lesson p { white-space: pre-wrap; }
.pre { white-space: pre-wrap; }
figure.fishbone { margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
figure.fishbone svg { width: 100%; height: auto; }
figure.fishbone figcaption { font-size: 8.5pt; color: #44546f; }
.fb-spine, .fb-bone { stroke: #172b4d; stroke-width: 2.5; fill: none; }
.fb-tail { stroke: #172b4d; stroke-width: 2.5; fill: none; }
.fb-tick { stroke: #44546f; stroke-width: 1.2; }
.fb-head { fill: #e9f2ff; stroke: #0c66e4; stroke-width: 1.5; }
.fb-effect { font-size: 11px; font-weight: 600; fill: #172b4d; }
.fb-category { font-size: 11.5px; font-weight: 700; fill: #172b4d; }
.fb-cause { font-size: 10.5px; fill: #172b4d; }
.fb-more { font-size: 10px; fill: #44546f; }
footer.report-footer { margin-top: 16pt; padding-top: 4pt; border-top: .6pt solid #b3b9c4; font-size: 8.5pt; color: #44546f; }
@media print {
  main.report { padding: 0; max-width: none; }
  a { color: inherit; }
}
`;
}
