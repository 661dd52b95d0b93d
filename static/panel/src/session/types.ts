import type { SectionName, SectionValue } from '../../../../src/domain/review';

/** What the user typed and has not saved yet, per section. */
export type Drafts = { [S in SectionName]?: SectionValue<S> };

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'unchanged' }
  | { kind: 'error'; message: string };

export const IDLE: SaveStatus = { kind: 'idle' };
