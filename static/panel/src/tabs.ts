import type { SectionName } from '../../../src/domain/review';

export type TabId = SectionName | 'workflow' | 'history';

/** The panel's sections in the order a review is done. */
export const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'facts', label: 'Facts' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'people', label: 'People' },
  { id: 'fiveWhys', label: '5 Whys' },
  { id: 'fishbone', label: 'Fishbone' },
  { id: 'rootCauses', label: 'Root causes' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'workflow', label: 'Workflow' },
  { id: 'history', label: 'History' },
];

export const tabId = (id: TabId): string => `tab-${id}`;
export const tabPanelId = (id: TabId): string => `tabpanel-${id}`;
