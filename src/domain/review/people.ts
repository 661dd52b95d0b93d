/** R3 people in the review, as Jira accountIds (display names are resolved by the UI, never stored). */
import { z } from 'zod';
import { accountId, instant, uniqueList } from './fields';
import { LIMITS } from './limits';

const team = (label: string) => uniqueList(label, accountId(`${label} member`), LIMITS.peoplePerRole);

export const reviewMeetingSchema = z.object({
  heldAt: instant('Review meeting date').optional(),
  attendees: uniqueList('Review meeting attendees', accountId('Review meeting attendee'), LIMITS.attendees),
});

export const peopleSchema = z.object({
  /** One accountable person; the other roles can be shared by several people. */
  incidentManager: accountId('Incident manager').optional(),
  responseTeam: team('Incident response team'),
  legal: team('Legal'),
  informationSecurity: team('Information security'),
  communications: team('Communications'),
  meeting: reviewMeetingSchema,
});

export type ReviewMeeting = z.infer<typeof reviewMeetingSchema>;
export type People = z.infer<typeof peopleSchema>;

export const PEOPLE_ROLE_LABELS = {
  incidentManager: 'Incident manager',
  responseTeam: 'Incident response team',
  legal: 'Legal',
  informationSecurity: 'Information security',
  communications: 'Communications',
} as const satisfies Record<Exclude<keyof People, 'meeting'>, string>;

export const emptyPeople = (): People => ({
  responseTeam: [],
  legal: [],
  informationSecurity: [],
  communications: [],
  meeting: { attendees: [] },
});
