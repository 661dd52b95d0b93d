/** View models: what each screen receives from one resolver call. Shared by src/ and static/. */

export type ReviewStage = 'draft' | 'in-review' | 'awaiting-approval' | 'approved' | 'closed';

export interface IssueSummary {
  key: string;
  summary: string;
  status: string;
  issueType: string;
  projectKey: string;
  projectName: string;
  priority: string | null;
  created: string;
  resolved: string | null;
}

export interface ReviewHeader {
  stage: ReviewStage;
  version: number;
  startedAt: string;
  startedBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PanelView {
  issue: IssueSummary;
  review: ReviewHeader | null;
  canEdit: boolean;
}

export interface DashboardView {
  project: { key: string; name: string };
  recentReviews: { issueKey: string; stage: ReviewStage; updatedAt: string }[];
}

export interface SettingsView {
  project: { key: string; name: string };
  canAdminister: boolean;
}
