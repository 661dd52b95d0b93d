import { useState } from 'react';
import type { PanelView } from '../../../src/api/views';
import type { Review, SectionName } from '../../../src/domain/review';
import { ConflictBanner } from './ConflictBanner';
import { HistorySection } from './history/HistorySection';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { ReviewHeader } from './ReviewHeader';
import { SectionNav } from './SectionNav';
import { FactsSection } from './sections/FactsSection';
import { FishboneSection } from './sections/FishboneSection';
import { FiveWhysSection } from './sections/FiveWhysSection';
import { LessonsSection } from './sections/LessonsSection';
import { PeopleSection } from './sections/PeopleSection';
import { RootCausesSection } from './sections/RootCausesSection';
import { TimelineSection } from './sections/TimelineSection';
import { SessionContext } from './session/SessionContext';
import { useReviewSession } from './session/useReviewSession';
import { tabId, tabPanelId, TABS, type TabId } from './tabs';
import { WorkflowSection } from './workflow/WorkflowSection';

const SECTION_TABS = TABS.map((tab) => tab.id).filter((id): id is SectionName => id !== 'workflow' && id !== 'history');

/** The started review: header, section tabs, and the open section. */
export function ReviewWorkspace({ view }: { view: PanelView & { review: Review } }) {
  const session = useReviewSession(view);
  const [active, setActive] = useState<TabId>('facts');
  const failed = SECTION_TABS.filter((section) => session.statusOf(section).kind === 'error');

  const content = (() => {
    switch (active) {
      case 'facts':
        return <FactsSection />;
      case 'timeline':
        return <TimelineSection />;
      case 'people':
        return <PeopleSection />;
      case 'fiveWhys':
        return <FiveWhysSection />;
      case 'fishbone':
        return <FishboneSection />;
      case 'rootCauses':
        return <RootCausesSection />;
      case 'lessons':
        return <LessonsSection onOpenRootCauses={() => { setActive('rootCauses'); }} />;
      case 'workflow':
        return <WorkflowSection onOpenSection={setActive} />;
      case 'history':
        return <HistorySection />;
    }
  })();

  return (
    <SessionContext.Provider value={session}>
      <main className="review" aria-label={`Lessons learned for ${view.issue.key}`}>
        <ReviewHeader onOpenWorkflow={() => { setActive('workflow'); }} />
        <ConflictBanner />
        <ReadOnlyNotice />
        <SectionNav active={active} onSelect={setActive} dirty={session.dirtySections} failed={failed} />
        <div className="tab-panel" role="tabpanel" id={tabPanelId(active)} aria-labelledby={tabId(active)}>
          {content}
        </div>
      </main>
    </SessionContext.Provider>
  );
}
