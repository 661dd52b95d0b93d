import { lazy, Suspense, useState } from 'react';
import type { PanelView } from '../../../src/api/views';
import { SECTION_NAMES, type Review } from '../../../src/domain/review';
import { Loading } from '../../shared/components';
import { ConflictBanner } from './ConflictBanner';
import { DecisionsContext, useDecisionsStore } from './decisions/store';
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
import { tabId, tabOfSection, tabPanelId, type TabId } from './tabs';
import { WorkflowSection } from './workflow/WorkflowSection';

// The decisions tab (forms for decisions, risks, actions, approval) loads when first opened.
const DecisionsTab = lazy(() => import('./decisions/DecisionsTab'));

/** The started review: header, section tabs, and the open section. */
export function ReviewWorkspace({ view }: { view: PanelView & { review: Review } }) {
  const session = useReviewSession(view);
  const decisions = useDecisionsStore(view.issue.key);
  const [active, setActive] = useState<TabId>('facts');
  const failed = SECTION_NAMES.filter((section) => session.statusOf(section).kind === 'error').map(tabOfSection);
  const dirty = session.dirtySections.map(tabOfSection);

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
      case 'decisions':
        return (
          <Suspense fallback={<Loading label="Loading decisions and actions" />}>
            <DecisionsTab onOpenTab={setActive} />
          </Suspense>
        );
      case 'workflow':
        return <WorkflowSection onOpenSection={(section) => { setActive(tabOfSection(section)); }} onOpenTab={setActive} />;
      case 'history':
        return <HistorySection />;
    }
  })();

  return (
    <SessionContext.Provider value={session}>
      <DecisionsContext.Provider value={decisions}>
        <main className="review" aria-label={`Lessons learned for ${view.issue.key}`}>
          <ReviewHeader onOpenTab={setActive} />
          <ConflictBanner />
          <ReadOnlyNotice />
          <SectionNav active={active} onSelect={setActive} dirty={dirty} failed={failed} />
          <div className="tab-panel" role="tabpanel" id={tabPanelId(active)} aria-labelledby={tabId(active)}>
            {content}
          </div>
        </main>
      </DecisionsContext.Provider>
    </SessionContext.Provider>
  );
}
