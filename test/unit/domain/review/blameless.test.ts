import { blamelessWarnings } from '../../../../src/domain/review';
import { KNOWN_PEOPLE } from './fixtures';

const codes = (text: string) => blamelessWarnings(text, KNOWN_PEOPLE).map((warning) => [warning.code, warning.match]);

describe('blameless warnings', () => {
  it.each([
    ['Dana Scully approved the payment without checking', [['names-person', 'Dana Scully']]],
    ['dana scully approved it', [['names-person', 'dana scully']]],
    ['Fox forgot to enable MFA on the shared mailbox', [['names-person', 'Fox forgot']]],
    ['Root cause: @mulder did not check the sender', [['mentions-person', '@mulder']]],
    ['Assigned to [~accountid:5d53f3cbc6b9320d9ea5bdc2] who ignored the alert', [['mentions-person', '[~accountid:5d53f3cbc6b9320d9ea5bdc2]']]],
    ['Human error', [['blames-individual', 'Human error']]],
    ['The user clicked the link in the e-mail', [['blames-individual', 'The user clicked']]],
    ['An employee failed to lock the laptop', [['blames-individual', 'An employee failed to']]],
    ['Kowalski forgot to encrypt the disk', [['blames-individual', 'Kowalski forgot']]],
    ['It was the intern\'s fault', [['blames-individual', 'intern\'s fault']]],
    ['Careless handling of the laptop', [['blames-individual', 'Careless']]],
  ])('warns on "%s"', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    'Bank-detail changes need no call-back verification',
    'The backup job failed to run because the disk was full',
    'MFA was not enforced for legacy IMAP clients',
    'Patch management did not cover contractor laptops',
    'No process to revoke sessions after a password reset',
    'Contact security@example.com for the incident report',
    'The supplier portal lacks rate limiting',
    'Foxglove plugin misconfigured by default',
  ])('stays quiet on "%s"', (text) => {
    expect(blamelessWarnings(text, KNOWN_PEOPLE)).toEqual([]);
  });

  it('gives one gentle hint per stretch of text, with position and advice', () => {
    const [warning, ...rest] = blamelessWarnings('Because Dana Scully forgot the call-back.', KNOWN_PEOPLE);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'names-person', match: 'Dana Scully', index: 8 });
    expect(warning?.message).toContain('rather than who made it');
  });

  it('handles names with accents and ignores very short names', () => {
    expect(blamelessWarnings('Zoë Müller reset the wrong account', ['Zoë Müller', 'Al'])).toHaveLength(1);
    expect(blamelessWarnings('Al forgot', ['Al']).map((warning) => warning.code)).toEqual(['blames-individual']);
  });
});
