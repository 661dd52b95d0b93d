/**
 * R16 anonymised incident summaries for security-awareness training: the story of each incident
 * (what happened, impact, why, what went well, what we changed) with people, e-mail addresses,
 * account ids, IP addresses, host names and issue keys replaced by consistent pseudonyms across
 * the whole export ("Person A" is the same person in every incident of it). Times are coarsened
 * to the month and to offsets from the start, which identify less than exact timestamps.
 *
 * Two renderings of the same content: Markdown (every typed character escaped, so nothing becomes
 * a link, image or HTML) and an HTML fragment (every value escaped; no attributes from input).
 */
import { createAnonymiser, type KnownEntities, type PseudonymKind } from '../anonymiser';
import { escapeHtml, markdownLine, escapeMarkdown } from '../communication/escape';
import { categoryLabel, type Review, type RootCauseTaxonomy } from '../review';

export interface AwarenessIncident {
  review: Review;
  taxonomy: RootCauseTaxonomy;
}

export interface AwarenessExport {
  markdown: string;
  html: string;
  /** Distinct identifiers replaced, by kind. */
  replaced: Record<PseudonymKind, number>;
  incidents: number;
}

interface Section {
  heading: string;
  paragraphs: string[];
  items: string[];
}

interface Story {
  title: string;
  facts: string;
  sections: Section[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthOf = (iso: string | undefined): string | undefined => {
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
};

/** "Day 1, 08:12" relative to the first event, so the rhythm of the incident shows without its date. */
function offset(from: number, at: string): string {
  const ms = Date.parse(at) - from;
  const day = Math.floor(ms / 86_400_000) + 1;
  const time = new Date(Date.parse(at)).toISOString().slice(11, 16);
  return `Day ${day}, ${time} UTC`;
}

const filled = (values: readonly string[]): string[] => values.map((value) => value.trim()).filter((value) => value !== '');

/** Hosts hiding in asset names: single-token assets and tokens with digits, dots or dashes (db01, pay-gw-01, web.internal). */
export function hostnamesFromAssets(assets: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const asset of assets) {
    const trimmed = asset.trim();
    if (/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i.test(trimmed) && !/^\d+$/.test(trimmed)) hosts.add(trimmed);
    for (const token of trimmed.split(/[\s(),;/]+/)) {
      if (/^[a-z][a-z0-9-]*\d[a-z0-9-]*$/i.test(token) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(token)) hosts.add(token);
    }
  }
  return [...hosts];
}

function story({ review, taxonomy }: AwarenessIncident, clean: (text: string) => string): Story {
  const { facts, lessons } = review;
  const when = monthOf(facts.timestamps.occurredAt ?? facts.timestamps.reportedAt ?? facts.timestamps.resolvedAt);
  const factLine = filled([
    when === undefined ? '' : `When: ${when}`,
    facts.type === undefined ? '' : `Type: ${facts.type}`,
    facts.severity === undefined ? '' : `Severity: ${facts.severity}`,
    facts.ciaAffected.length === 0 ? '' : `Affected: ${facts.ciaAffected.join(', ')}`,
  ]).join(' · ');
  const events = [...review.timeline].sort((a, b) => a.at.localeCompare(b.at));
  const start = events[0] === undefined ? 0 : Date.parse(events[0].at);
  return {
    title: clean(facts.summary.trim() === '' ? 'Incident' : facts.summary),
    facts: factLine,
    sections: [
      { heading: 'What happened', paragraphs: filled([lessons.whatHappened || lessons.whatWasTheIncident]).map(clean), items: [] },
      { heading: 'How it unfolded', paragraphs: [], items: events.map((event) => `${offset(start, event.at)}: ${clean(event.text)}`) },
      { heading: 'Impact', paragraphs: filled([lessons.whatWasTheImpact || facts.impact]).map(clean), items: [] },
      { heading: 'Affected systems', paragraphs: [], items: filled(facts.affectedAssets).map(clean) },
      { heading: 'Why it happened', paragraphs: [], items: review.rootCauses.map((cause) => `${clean(cause.text)} (${categoryLabel(taxonomy, cause.category)})`) },
      { heading: 'What went well', paragraphs: filled([lessons.whatWentWell]).map(clean), items: [] },
      { heading: 'What we would do differently', paragraphs: filled([lessons.whatWouldWeDoDifferently]).map(clean), items: [] },
      { heading: 'What we changed so it does not happen again', paragraphs: filled([lessons.whatImprovementsAreNeeded]).map(clean), items: [] },
    ].filter((section) => section.paragraphs.length + section.items.length > 0),
  };
}

const markdownOf = (stories: readonly Story[]): string =>
  [
    '# Learning from security incidents',
    '',
    escapeMarkdown(`Anonymised summaries of ${stories.length} incident${stories.length === 1 ? '' : 's'} for awareness training. People, systems and tickets are replaced by pseudonyms.`),
    ...stories.flatMap((entry, index) => [
      '',
      `## ${index + 1}. ${markdownLine(entry.title)}`,
      ...(entry.facts === '' ? [] : ['', `*${markdownLine(entry.facts)}*`]),
      ...entry.sections.flatMap((section) => [
        '',
        `### ${markdownLine(section.heading)}`,
        ...section.paragraphs.flatMap((paragraph) => ['', escapeMarkdown(paragraph).replace(/\n/g, '  \n')]),
        ...(section.items.length === 0 ? [] : ['', ...section.items.map((item) => `- ${markdownLine(item)}`)]),
      ]),
    ]),
    '',
  ].join('\n');

const htmlOf = (stories: readonly Story[]): string =>
  [
    '<section class="awareness-export">',
    '<h1>Learning from security incidents</h1>',
    `<p>${escapeHtml(`Anonymised summaries of ${stories.length} incident${stories.length === 1 ? '' : 's'} for awareness training. People, systems and tickets are replaced by pseudonyms.`)}</p>`,
    ...stories.map(
      (entry, index) =>
        `<article><h2>${index + 1}. ${escapeHtml(entry.title)}</h2>${entry.facts === '' ? '' : `<p><em>${escapeHtml(entry.facts)}</em></p>`}${entry.sections
          .map(
            (section) =>
              `<h3>${escapeHtml(section.heading)}</h3>${section.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('')}${
                section.items.length === 0 ? '' : `<ul>${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
              }`,
          )
          .join('')}</article>`,
    ),
    '</section>',
  ].join('\n');

/** One export: one anonymiser for all its incidents, so pseudonyms are consistent across them. */
export function buildAwarenessExport(incidents: readonly AwarenessIncident[], known: KnownEntities): AwarenessExport {
  const hostnames = [...(known.hostnames ?? []), ...incidents.flatMap(({ review }) => hostnamesFromAssets(review.facts.affectedAssets))];
  const issueKeys = [...(known.issueKeys ?? []), ...incidents.map(({ review }) => review.incident.issueKey)];
  const anonymiser = createAnonymiser({ ...known, hostnames, issueKeys });
  const clean = (text: string): string => anonymiser.anonymise(text);
  const stories = incidents.map((incident) => story(incident, clean));
  return { markdown: markdownOf(stories), html: htmlOf(stories), replaced: anonymiser.counts(), incidents: stories.length };
}
