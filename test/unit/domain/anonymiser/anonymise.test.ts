import { anonymise, createAnonymiser, parseIPv6, type KnownEntities } from '../../../../src/domain/anonymiser';

const MARK = { accountId: '712020:3a4c0000-0000-4000-8000-000000000003', displayName: 'Mark Manager', email: 'mark.manager@example.com' };
const PRIYA = { accountId: '712020:9417a000-0000-4000-8000-000000000012', displayName: 'Priya Patel', email: 'priya.patel@example.com' };
const JOSE = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'José van der Berg' };
const known: KnownEntities = { people: [MARK, PRIYA, JOSE], issueKeys: ['SEC-12', 'ISMS-3'], hostnames: ['db01', 'fileserver'] };

const run = (text: string, entities: KnownEntities = known) => anonymise(text, entities);

describe('people', () => {
  test('full names, first names and last names of known people become one consistent pseudonym', () => {
    const out = run('Mark Manager approved it. Later Mark asked Priya to check; Patel agreed with MARK.');
    expect(out).toBe('Person A approved it. Later Person A asked Person B to check; Person B agreed with Person A.');
  });

  test('names inside other words are left alone', () => {
    expect(run('The market marked a remarkable Markdown trademark; Mark left.')).toBe('The market marked a remarkable Markdown trademark; Person A left.');
    expect(run('Priyanka and Patella are other words.')).toBe('Priyanka and Patella are other words.');
  });

  test('possessives, non-ASCII names and particles', () => {
    expect(run("Mark's laptop and José's phone; van der Berg called.")).toBe("Person A's laptop and Person B's phone; Person B called.");
    expect(run('Berg was there, and a van drove by.')).toBe('Person A was there, and a van drove by.');
  });

  test('a name part shared by two people is removed without attributing it to either', () => {
    const entities: KnownEntities = { people: [{ accountId: 'a-1', displayName: 'Sam Smith' }, { accountId: 'a-2', displayName: 'Sam Jones' }] };
    const out = run('Sam Smith paged Sam Jones, then Sam went home.', entities);
    expect(out).toBe('Person A paged Person B, then Person C went home.');
    expect(out).not.toMatch(/Sam|Smith|Jones/);
  });

  test('account ids, mentions and unknown account ids', () => {
    const out = run(`Assigned to [~accountid:${MARK.accountId}] by ${PRIYA.accountId}; also [~accountid:712020:ffff0000-0000-4000-8000-00000000abcd] and 5d1f2a3b4c5d6e7f8a9b0c1d and ${JOSE.accountId}.`);
    expect(out).toBe('Assigned to Person A by Person B; also Person C and Person D and Person E.');
  });

  test('e-mail addresses, with plus addressing, map to the known person or a stable pseudonym', () => {
    const out = run('Mail from Mark.Manager+alerts@Example.com and mark.manager@example.com, cc soc+night@corp.example.org and soc@corp.example.org.');
    expect(out).toBe('Mail from Person A and Person A, cc email-1 and email-1.');
  });

  test('user names derived from e-mail addresses', () => {
    expect(run('Login by priya.patel failed; see /home/priya.patel/.ssh')).toBe('Login by Person A failed; see /home/Person A/.ssh');
  });
});

describe('network identifiers', () => {
  test('IPv4, with CIDR and ports', () => {
    expect(run('From 10.0.0.12 and 192.168.1.1:8080 to 10.0.0.12; net 172.16.0.0/12.')).toBe('From ip-1 and ip-2:8080 to ip-1; net ip-3/12.');
  });

  test('IPv6 in full, compressed, loopback, with zone, IPv4-mapped and bracketed', () => {
    const out = run('Hosts ::1, fe80::1%eth0, 2001:db8::8a2e:370:7334, 2001:0db8:0000:0000:0000:8a2e:0370:7334, ::ffff:192.0.2.1 and [2001:db8::1]:443.');
    expect(out).toBe('Hosts ip-1, ip-2, ip-3, ip-3, ip-4 and [ip-5]:443.');
  });

  test('times, version numbers and ratios are not addresses', () => {
    expect(run('At 10:42:00 on 2024-03-14T09:30:00Z we upgraded to 1.2.3; ratio 3:1; see std::string.')).toBe(
      'At 10:42:00 on 2024-03-14T09:30:00Z we upgraded to 1.2.3; ratio 3:1; see std::string.',
    );
  });

  test('MAC addresses', () => {
    expect(run('NIC 00:1A:2B:3C:4D:5E aka 00-1a-2b-3c-4d-5e.')).toBe('NIC mac-1 aka mac-1.');
  });

  test('host names, FQDNs, URLs (paths, ports, credentials) and UNC paths, consistently', () => {
    const out = run(
      'Portal https://admin:s3cret@portal.corp.example.com:8443/login?user=x went down; portal.corp.example.com was slow; db01 and \\\\fileserver\\finance; see http://10.1.2.3/status and ftp://db01/dump.',
    );
    expect(out).toBe('Portal https://host-1:8443/login?user=x went down; host-1 was slow; host-2 and \\\\host-3\\finance; see http://ip-1/status and ftp://host-2/dump.');
  });

  test('file names and abbreviations are not hosts, and a URL at the end of a sentence keeps its full stop', () => {
    expect(run('Attached report.pdf and config.yaml, e.g. Node.js; see https://wiki.example.net.')).toBe('Attached report.pdf and config.yaml, e.g. Node.js; see https://host-1.');
  });
});

describe('issue keys', () => {
  test('keys of known projects are replaced; standards references are not', () => {
    expect(run('Follow-up SEC-12, SEC-40 and ISMS-3 per ISO-27001 and CVE-2024-3400 (SHA-256).')).toBe('Follow-up issue-1, issue-2 and issue-3 per ISO-27001 and CVE-2024-3400 (SHA-256).');
  });

  test('without known keys, key-shaped words other than standards are replaced', () => {
    expect(run('See OPS-7 and ISO-27001.', { people: [] })).toBe('See issue-1 and ISO-27001.');
  });
});

describe('consistency and robustness', () => {
  test('one anonymiser keeps pseudonyms across the texts of one summary', () => {
    const anonymiser = createAnonymiser(known);
    expect(anonymiser.anonymise('Priya saw 10.0.0.5')).toBe('Person A saw ip-1');
    expect(anonymiser.anonymise('Mark called Priya about 10.0.0.5 and 10.0.0.6')).toBe('Person B called Person A about ip-1 and ip-2');
    expect(anonymiser.counts()).toMatchObject({ person: 2, ip: 2 });
  });

  test('forged placeholders in the input are dropped', () => {
    expect(run('x\uE000\uE010\uE001y Mark')).toBe('xy Person A');
  });

  test('nothing identifying leaks from a realistic incident summary', () => {
    const text = `Incident SEC-12: Mark Manager (mark.manager+jira@example.com) reported that host db01.prod.example.com (10.20.30.40, fe80::a1b2:3c4d%en0)
leaked data to https://evil.example.org:4443/upload. Priya Patel isolated the laptop (MAC 3c:22:fb:01:02:03); Mark confirmed.
Ticket ISMS-3 created by [~accountid:${PRIYA.accountId}]. José's account ${JOSE.accountId} was disabled.`;
    const out = run(text);
    for (const secret of ['Mark', 'Manager', 'Priya', 'Patel', 'José', 'Berg', 'example.com', 'example.org', 'evil', '10.20.30.40', 'fe80', 'a1b2', '3c:22', 'SEC-12', 'ISMS-3', MARK.accountId, PRIYA.accountId, JOSE.accountId, 'db01', 'mark.manager']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('Person A');
  });
});

describe('IPv6 parsing', () => {
  test.each([
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['1:2:3:4:5:6:7:8', true],
    ['::ffff:192.0.2.1', true],
    ['1:2:3:4:5:6:1.2.3.4', true],
    ['10:42:00', false],
    ['1::2::3', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['12345::1', false],
    ['::ffff:999.0.0.1', false],
  ])('%s → %s', (text, valid) => {
    expect(parseIPv6(text) !== null).toBe(valid);
  });
});
