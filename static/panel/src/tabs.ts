import type { SectionName } from '../../../src/domain/review';

/** The review's sections as tabs; affected policies are edited on the decisions tab. */
export type TabId = Exclude<SectionName, 'affectedPolicies'> | 'workflow' | 'history';

/** The panel's sections in the order a review is done. */
export const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'facts', label: 'Facts' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'people', label: 'People' },
  { id: 'fiveWhys', label: '5 Whys' },
  { id: 'fishbone', label: 'Fishbone' },
  { id: 'rootCauses', label: 'Root causes' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'decisions', label: 'Decisions & actions' },
  { id: 'workflow', label: 'Workflow' },
  { id: 'history', label: 'History' },
];

/** The tab a section is edited on. */
export const tabOfSection = (section: SectionName): TabId => (section === 'affectedPolicies' ? 'decisions' : section);

export const tabId = (id: TabId): string => `tab-${id}`;
export const tabPanelId = (id: TabId): string => `tabpanel-${id}`;
