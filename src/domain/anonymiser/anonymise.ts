/**
 * R16 Anonymised incident summaries for awareness training. Replaces what identifies people and
 * systems — names (also first or last name alone), e-mail addresses, Atlassian account ids and
 * mentions, IPv4/IPv6 and MAC addresses, host names, URL hosts and issue keys — with pseudonyms
 * that stay consistent across every text of one summary ("Person A", "host-1", "ip-2").
 *
 * Each pass replaces what it found with an opaque placeholder, so later passes never see (or
 * re-match) earlier replacements; the placeholders become the pseudonyms at the end.
 */
import { canonicalIPv6, parseIPv4, parseIPv6 } from './ip';

export interface KnownPerson {
  accountId: string;
  displayName: string;
  email?: string;
}

export interface KnownEntities {
  people: readonly KnownPerson[];
  /** Issue keys to replace; their project prefixes mark every key of those projects as identifying. */
  issueKeys?: readonly string[];
  /** Host names that cannot be recognised by shape (single labels such as `db01`). */
  hostnames?: readonly string[];
}

export type PseudonymKind = 'person' | 'email' | 'host' | 'ip' | 'mac' | 'issue';

export interface Anonymiser {
  anonymise(text: string): string;
  /** How many distinct things of each kind were replaced so far (for "12 identifiers removed"). */
  counts(): Record<PseudonymKind, number>;
}

/** Standards and identifiers shaped like issue keys that identify nobody. */
const NOT_PROJECTS = new Set(['ISO', 'IEC', 'CVE', 'CWE', 'CAPEC', 'RFC', 'SHA', 'MD', 'AES', 'DES', 'RSA', 'TLS', 'SSL', 'UTF', 'COVID', 'NIST', 'SP', 'PCI', 'GDPR', 'DSGVO', 'SOC', 'EN', 'DIN', 'BS', 'X', 'IPV', 'HTTP', 'MS', 'KB', 'GHSA', 'WPA', 'CIS', 'ITIL', 'ANSI', 'IEEE', 'PKCS', 'FIPS', 'BSI']);

/** `name.ext` tokens that are file names, not hosts. */
const FILE_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'csv', 'json', 'yaml', 'yml', 'xml', 'html', 'htm', 'js', 'ts', 'tsx', 'jsx', 'mjs', 'py', 'rb', 'java', 'go', 'rs',
  'exe', 'dll', 'msi', 'bat', 'ps1', 'sh', 'zip', 'gz', 'tgz', 'tar', '7z', 'rar', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'log', 'md', 'conf', 'cfg', 'ini', 'env', 'bak', 'sql',
  'eml', 'msg', 'ics', 'lnk', 'iso', 'img', 'vbs', 'jar', 'apk', 'tmp', 'db', 'key', 'pem', 'crt', 'cer', 'pfx', 'p12',
]);

/** Name particles that are not names on their own. */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'la', 'le', 'dos', 'das', 'al', 'bin', 'ibn', 'ter', 'ten', 'mc']);

const PLACEHOLDER_OPEN = '\uE000';
const PLACEHOLDER_CLOSE = '\uE001';
const PRIVATE_USE = /[\uE000-\uE0FF]/g;
const PLACEHOLDER = /\uE000([\uE010-\uE019]+)\uE001/g;

// Digits as private-use characters (one UTF-16 unit each), so no pattern can match inside a placeholder.
const encodeIndex = (index: number): string => PLACEHOLDER_OPEN + String(index).replace(/\d/g, (digit) => String.fromCharCode(0xe010 + Number(digit))) + PLACEHOLDER_CLOSE;
const decodeIndex = (digits: string): number => Number(digits.replace(/[\uE010-\uE019]/g, (char) => String(char.charCodeAt(0) - 0xe010)));

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters as a spreadsheet counts columns: A … Z, AA, AB … */
function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const normaliseEmail = (email: string): string => {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  return `${local.split('+')[0] ?? local}@${domain}`;
};

// Patterns, in the order the passes run.
const MENTION = /\[~accountid:([^\]\s]+)\]|\[~([^\]\s]+)\]/gi;
const URL = /\b([a-z][a-z0-9+.-]{1,15}):\/\/(?:[^\s/?#@[\]<>"']+@)?(\[[0-9a-z:.%_-]+\]|[^\s/?#:[\]<>"'\\]+)(:\d{1,5})?/gi;
const UNC = /\\\\([a-z0-9][a-z0-9.-]*[a-z0-9])(?=\\)/gi;
const EMAIL = /(?<![\w.+%-])[a-z0-9._%+-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?![\w-])/gi;
const ACCOUNT_ID = /(?<![\w:-])(?:\d{6}:[0-9a-z][0-9a-z-]{7,}|[0-9a-f]{24})(?![\w-])/gi;
const MAC = /(?<![\w:-])[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}(?![\w:-])/gi;
const IPV6 = /(?<![\w:.%\uE000-\uE0FF])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4})(?:%[a-z0-9_.-]*[a-z0-9_])?(?![\w:])/gi;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)(?![\w-])/g;
const ISSUE_KEY = /(?<![\w-])([A-Z][A-Z0-9_]{1,9})-([1-9]\d{0,9})(?![\w-])/g;
const FQDN = /(?<![\w.@-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9](?![\w-]|\.[a-z0-9])/gi;

export function createAnonymiser(known: KnownEntities): Anonymiser {
  // Placeholders name an entity; pseudonyms are handed out when the text is put back together,
  // so "Person A" is whoever is mentioned first.
  const entities: { kind: PseudonymKind; label?: string }[] = [];
  const byKey = new Map<string, number>();
  const counters: Record<PseudonymKind, number> = { person: 0, email: 0, host: 0, ip: 0, mac: 0, issue: 0 };

  /** A placeholder for the thing `key` names; the same key always yields the same pseudonym. */
  const placeholder = (kind: PseudonymKind, key: string): string => {
    const full = `${kind}:${key}`;
    let index = byKey.get(full);
    if (index === undefined) {
      index = entities.length;
      entities.push({ kind });
      byKey.set(full, index);
    }
    return encodeIndex(index);
  };

  const labelOf = (index: number): string => {
    const entity = entities[index];
    if (entity === undefined) return '';
    if (entity.label === undefined) {
      const n = counters[entity.kind]++;
      entity.label = entity.kind === 'person' ? `Person ${letters(n)}` : `${entity.kind}-${n + 1}`;
    }
    return entity.label;
  };

  const personById = new Map(known.people.map((person) => [person.accountId, person]));
  const personByEmail = new Map(known.people.filter((person) => person.email).map((person) => [normaliseEmail(person.email ?? ''), person]));
  const personPlaceholder = (accountId: string): string => placeholder('person', accountId);
  const knownHosts = new Set((known.hostnames ?? []).map((host) => host.toLowerCase().replace(/\.$/, '')));
  const knownKeys = new Set((known.issueKeys ?? []).map((key) => key.toUpperCase()));
  const knownProjects = new Set([...knownKeys].map((key) => key.split('-')[0] ?? ''));

  const hostPlaceholder = (host: string): string => {
    const bare = host.replace(/^\[|\]$/g, '');
    const v6 = parseIPv6(bare.split('%')[0] ?? '');
    if (v6 !== null) return host.startsWith('[') ? `[${placeholder('ip', canonicalIPv6(v6))}]` : placeholder('ip', canonicalIPv6(v6));
    if (parseIPv4(bare) !== null) return placeholder('ip', bare);
    return placeholder('host', bare.toLowerCase().replace(/\.$/, ''));
  };

  // Names: full display names, their parts (unless shared by two people), e-mail user names.
  const variants = new Map<string, string | null>();
  const addVariant = (variant: string, accountId: string) => {
    const existing = variants.get(variant);
    variants.set(variant, existing === undefined || existing === accountId ? accountId : null);
  };
  for (const person of known.people) {
    const name = person.displayName.trim();
    if (name === '') continue;
    addVariant(name, person.accountId);
    const words = name.split(/\s+/);
    // "van der Berg": a surname with its particles is a name of its own.
    const particle = words.findIndex((word, index) => index > 0 && PARTICLES.has(word.toLowerCase()));
    if (particle > 0 && particle < words.length - 1) addVariant(words.slice(particle).join(' '), person.accountId);
    const parts = words.flatMap((part) => [part, ...(part.includes('-') ? part.split('-') : [])]);
    for (const part of parts) {
      if (part.length < 2 || PARTICLES.has(part.toLowerCase()) || !/\p{L}/u.test(part)) continue;
      addVariant(part, person.accountId);
      addVariant(part.toUpperCase(), person.accountId);
    }
  }
  const userNames = new Map<string, string>();
  for (const person of known.people) {
    const local = person.email ? (normaliseEmail(person.email).split('@')[0] ?? '') : '';
    if (local.length >= 4) userNames.set(local, person.accountId);
  }
  const nameAlternatives = [...variants.keys()].sort((a, b) => b.length - a.length).map((variant) => escapeRegExp(variant).replace(/\s+/g, '\\s+'));
  const NAME = nameAlternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${nameAlternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}_])`, 'gu') : null;
  const USER_NAME =
    userNames.size > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}_.@-])(?:${[...userNames.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`, 'giu')
      : null;
  const KNOWN_HOST =
    knownHosts.size > 0
      ? new RegExp(`(?<![\\w.@-])(?:${[...knownHosts].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\\.?(?![\\w-]|\\.[a-z0-9])`, 'gi')
      : null;

  const isFileName = (token: string): boolean => FILE_EXTENSIONS.has((token.split('.').pop() ?? '').toLowerCase());

  const passes: ((text: string) => string)[] = [
    (text) =>
      text.replace(MENTION, (_match, accountId: string | undefined, userName: string | undefined) =>
        accountId !== undefined ? personPlaceholder(accountId) : placeholder('person', `user:${(userName ?? '').toLowerCase()}`),
      ),
    // Known account ids wherever they appear (also inside links and JSON).
    (text) => {
      let out = text;
      for (const accountId of personById.keys()) if (out.includes(accountId)) out = out.split(accountId).join(personPlaceholder(accountId));
      return out;
    },
    (text) => text.replace(URL, (_match, scheme: string, host: string, port: string | undefined) => {
      const trailingDots = /\.+$/.exec(host)?.[0] ?? '';
      const bare = host.slice(0, host.length - trailingDots.length);
      return `${scheme}://${hostPlaceholder(bare)}${trailingDots}${port ?? ''}`;
    }),
    (text) => text.replace(UNC, (_match, host: string) => `\\\\${hostPlaceholder(host)}`),
    (text) =>
      text.replace(EMAIL, (email) => {
        const normalised = normaliseEmail(email);
        const person = personByEmail.get(normalised);
        return person !== undefined ? personPlaceholder(person.accountId) : placeholder('email', normalised);
      }),
    (text) => text.replace(ACCOUNT_ID, (accountId) => personPlaceholder(accountId)),
    (text) => text.replace(MAC, (mac) => placeholder('mac', mac.toLowerCase().replace(/-/g, ':'))),
    (text) =>
      text.replace(IPV6, (candidate) => {
        const [address = '', zone] = candidate.split('%');
        if (!/[0-9a-f]/i.test(address)) return candidate;
        const groups = parseIPv6(address);
        return groups === null ? candidate : placeholder('ip', canonicalIPv6(groups) + (zone === undefined ? '' : `%${zone.toLowerCase()}`));
      }),
    (text) => text.replace(IPV4, (candidate) => (parseIPv4(candidate) === null ? candidate : placeholder('ip', candidate))),
    (text) => (KNOWN_HOST === null ? text : text.replace(KNOWN_HOST, (host) => hostPlaceholder(host))),
    (text) =>
      text.replace(ISSUE_KEY, (key: string, project: string) => {
        const identifying = knownKeys.has(key) || knownProjects.has(project) || (knownKeys.size === 0 && !NOT_PROJECTS.has(project));
        return identifying ? placeholder('issue', key) : key;
      }),
    (text) => (NAME === null ? text : text.replace(NAME, (name) => {
      const accountId = variants.get(name) ?? variants.get(name.replace(/\s+/g, ' '));
      return typeof accountId === 'string' ? personPlaceholder(accountId) : placeholder('person', `ambiguous:${name.toLowerCase()}`);
    })),
    (text) => (USER_NAME === null ? text : text.replace(USER_NAME, (userName) => personPlaceholder(userNames.get(userName.toLowerCase()) ?? userName))),
    (text) => text.replace(FQDN, (host) => (isFileName(host) ? host : hostPlaceholder(host))),
  ];

  return {
    anonymise(text: string): string {
      // Placeholders use private-use characters: any already in the input are dropped so nobody can forge one.
      let out = text.replace(PRIVATE_USE, '');
      for (const pass of passes) out = pass(out);
      return out.replace(PLACEHOLDER, (_match, digits: string) => labelOf(decodeIndex(digits)));
    },
    counts: () => ({ ...counters }),
  };
}

/** One text on its own; use `createAnonymiser` when several texts must share pseudonyms. */
export function anonymise(text: string, known: KnownEntities): string {
  return createAnonymiser(known).anonymise(text);
}
