/** IP address recognition for the anonymiser: strict parsing, so times and version numbers are left alone. */

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return octets.every((octet) => Number.isInteger(octet) && octet <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (without zone), or null when it is not one. */
export function parseIPv6(text: string): number[] | null {
  let body = text;
  let v4Groups: number[] = [];
  if (body.includes('.')) {
    // An embedded IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
    const lastColon = body.lastIndexOf(':');
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (v4 === null || lastColon < 1) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    v4Groups = [(a << 8) | b, (c << 8) | d];
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const toGroups = (half: string | undefined): number[] | null => {
    if (half === undefined || half === '') return [];
    const groups = half.split(':');
    return groups.every((group) => HEX_GROUP.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
  };
  const head = toGroups(halves[0]);
  const rest = toGroups(halves[1]);
  if (head === null || rest === null) return null;
  if (halves.length === 1) {
    const groups = [...head, ...v4Groups];
    return groups.length === 8 ? groups : null;
  }
  const missing = 8 - head.length - rest.length - v4Groups.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...rest, ...v4Groups];
}

/** One spelling per address, so `2001:db8::1` and `2001:0db8:0:0:0:0:0:1` get the same pseudonym. */
export const canonicalIPv6 = (groups: readonly number[]): string => groups.map((group) => group.toString(16)).join(':');
