/** The incident issue's basic Jira fields, as the panel, the report and the pack show them. */
export interface IssueSummary {
  id: string;
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
