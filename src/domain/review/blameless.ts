/**
 * Blameless wording (R6): a gentle hint when a root cause points at a person instead of at what
 * allowed the mistake. Only ever a warning — people may have good reasons, and a wrong hit
 * must never stop a save.
 */
export type BlamelessWarningCode = 'names-person' | 'mentions-person' | 'blames-individual';

export interface BlamelessWarning {
  code: BlamelessWarningCode;
  message: string;
  /** The words that triggered the hint, as written. */
  match: string;
  /** Position in the text, for highlighting. */
  index: number;
  /** Set by callers that check several fields (e.g. `rootCauses.2.text`). */
  field?: string;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const wholeWord = (phrase: string): RegExp => new RegExp(`${NOT_WORD_BEFORE}${phrase}${NOT_WORD_AFTER}`, 'giu');

/** Verbs that only people do; any subject counts ("Bob forgot", "someone neglected"). */
const HUMAN_ONLY_VERBS = String.raw`(?:[\p{L}'-]+\s+)?(?:forgot|forgotten\s+to|neglected(?:\s+to)?|carelessly\s+\p{L}+)`;

/** Subjects that are people, followed by a verb of failure. "The backup failed to run" does not match. */
const PERSON_SUBJECT = String.raw`(?:he|she|they|someone|somebody|(?:the|an?|one|our)\s+(?:end[- ]user|user|employee|admin|administrator|developer|engineer|operator|contractor|intern|colleague|staff\s+member|analyst|technician))`;
const FAILURE_VERB = String.raw`(?:forgot|failed\s+to|neglected|ignored|overlooked|didn't|did\s+not|mistakenly|accidentally|clicked|misconfigured|made\s+a\s+mistake)`;

const BLAME_PHRASES = String.raw`(?:human|user|operator|employee|staff|admin|administrator)\s+error|careless(?:ness)?|negligen(?:t|ce)|incompeten(?:t|ce)|(?:to|the)\s+blame|fault\s+of|[\p{L}]+'s\s+fault`;

const MENTION = /(?:\[~(?:accountid:)?[^\]\s]+\]|(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}._-]*[\p{L}\p{N}_])/giu;

const HINT = 'Blameless reviews look for what allowed the mistake — process, tooling, training, design — rather than who made it.';

interface Hit {
  code: BlamelessWarningCode;
  match: string;
  index: number;
}

function collect(pattern: RegExp, text: string, code: BlamelessWarningCode): Hit[] {
  return [...text.matchAll(pattern)].map((found) => ({ code, match: found[0], index: found.index }));
}

const messageFor = (hit: Hit): string => {
  switch (hit.code) {
    case 'names-person':
      return `"${hit.match}" names a person. ${HINT}`;
    case 'mentions-person':
      return `"${hit.match}" mentions a person. ${HINT}`;
    case 'blames-individual':
      return `"${hit.match}" points at an individual. ${HINT} For example: "no second check before …".`;
  }
};

/**
 * @param knownPeople display names of people known in the review (response team, attendees…);
 *   first names count only together with a failure verb ("Dana forgot"), as first names are
 *   often ordinary words.
 */
export function blamelessWarnings(text: string, knownPeople: readonly string[] = []): BlamelessWarning[] {
  const names = [...new Set(knownPeople.map((name) => name.trim()).filter((name) => name.length >= 3))];
  const firstNames = [
    ...new Set(names.map((name) => name.split(/\s+/)[0] ?? '').filter((first) => first.length >= 3)),
  ];
  const hits: Hit[] = [
    ...names.flatMap((name) => collect(wholeWord(escapeRegExp(name)), text, 'names-person')),
    ...firstNames.flatMap((first) =>
      collect(wholeWord(`${escapeRegExp(first)}\\s+${FAILURE_VERB}`), text, 'names-person'),
    ),
    ...collect(new RegExp(MENTION.source, MENTION.flags), text, 'mentions-person'),
    ...collect(wholeWord(`${PERSON_SUBJECT}\\s+${FAILURE_VERB}`), text, 'blames-individual'),
    ...collect(wholeWord(HUMAN_ONLY_VERBS), text, 'blames-individual'),
    ...collect(wholeWord(BLAME_PHRASES), text, 'blames-individual'),
  ];
  // One hint per stretch of text: "Dana Scully forgot" is one problem, not three.
  const sorted = hits.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const kept: Hit[] = [];
  for (const hit of sorted) {
    const last = kept.at(-1);
    if (last && hit.index < last.index + last.match.length) continue;
    kept.push(hit);
  }
  return kept.map((hit) => ({ ...hit, message: messageFor(hit) }));
}
