/** One line of a "what is still missing before the next stage" checklist. */
export interface ChecklistItem {
  /** Stable id (e.g. `facts.severity`) so the UI can link the item to the form section. */
  id: string;
  /** Plain-words label, phrased as the thing that must be true. */
  label: string;
  done: boolean;
}
