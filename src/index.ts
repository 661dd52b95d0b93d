/** Forge function handlers named in manifest.yml (`function[].handler: index.<export>`). */
import { definitions } from './resolvers';
import { runDaily } from './scheduled/daily-job';
import { handleIssueEvent, type IssueEvent } from './triggers/issue-events';

export const resolver = definitions;

export const onIssueEvent = (event: IssueEvent): Promise<void> => handleIssueEvent(event);

export const runDailyJob = (): Promise<{ statusCode: number }> => runDaily(new Date());
