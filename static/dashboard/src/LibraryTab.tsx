import { useState, type ReactNode, type SyntheticEvent } from 'react';
import type { DashboardSummary, LessonHit, LessonsPage } from '../../../src/api/dashboard';
import type { ResolverInput } from '../../../src/api/resolvers';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, StageLozenge } from '../../shared/components';
import { csvName, downloadCsv } from '../../shared/dashboard/csv-download';
import { useDays } from '../../shared/dashboard/dates';
import { IssueLink } from '../../shared/IssueLink';
import { AwarenessExport, AwarenessPick } from './awareness/AwarenessExport';

interface Filters {
  text: string;
  category: string;
  type: string;
  severity: string;
  tag: string;
  from: string;
  to: string;
}

/** Only the filters that are set, in the resolver's input shape (the server validates them again). */
function searchInput(projectKey: string, filters: Filters): ResolverInput<'searchLessons'> {
  const set = (value: string) => value.trim() !== '';
  return {
    projectKey,
    ...(set(filters.text) ? { text: filters.text.trim() } : {}),
    ...(set(filters.category) ? { category: filters.category } : {}),
    ...(set(filters.type) ? { type: filters.type as NonNullable<ResolverInput<'searchLessons'>['type']> } : {}),
    ...(set(filters.severity) ? { severity: filters.severity as NonNullable<ResolverInput<'searchLessons'>['severity']> } : {}),
    ...(set(filters.tag) ? { tag: filters.tag.trim() } : {}),
    ...(set(filters.from) ? { from: filters.from } : {}),
    ...(set(filters.to) ? { to: filters.to } : {}),
  };
}

const EMPTY: Filters = { text: '', category: '', type: '', severity: '', tag: '', from: '', to: '' };
const capital = (value: string): string => (value === 'unknown' ? 'not set' : value.charAt(0).toUpperCase() + value.slice(1));

/** R14: the project's lessons, searchable by words, category, type, severity, tag and date. */
export function LibraryTab({ summary }: { summary: DashboardSummary }) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [pages, setPages] = useState<LessonsPage[] | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: CallError }>({ loading: false });
  const [chosen, setChosen] = useState<string[]>([]);
  const toggleChosen = (issueKey: string, on: boolean) => { setChosen((current) => (on ? [...current, issueKey] : current.filter((key) => key !== issueKey))); };
  const labelOf = (key: string) => summary.categories.find((category) => category.key === key)?.label ?? key;

  const search = async (cursor?: string) => {
    setState({ loading: true });
    try {
      const page = await call('searchLessons', { ...searchInput(summary.projectKey, filters), ...(cursor === undefined ? {} : { cursor }) });
      setPages((current) => (cursor === undefined ? [page] : [...(current ?? []), page]));
      setState({ loading: false });
    } catch (error) {
      setState({ loading: false, error: error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }) });
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void search();
  };
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => { setFilters({ ...filters, [key]: event.target.value }); };
  const hits = pages?.flatMap((page) => page.items) ?? [];
  const cursor = pages?.at(-1)?.cursor;
  const exportCsv = () => {
    downloadCsv(
      csvName(summary.projectKey, 'lessons', summary.today),
      ['Incident', 'Summary', 'Occurred (UTC day)', 'Type', 'Severity', 'Stage', 'Root causes', 'Categories', 'Tags', 'Key lessons'],
      hits.map((hit) => [hit.issueKey, hit.summary, hit.occurredAt.slice(0, 10), hit.type, hit.severity, hit.stage, hit.rootCauses.map((rootCause) => rootCause.text).join('; '), hit.categories.map(labelOf).join('; '), hit.tags.join('; '), hit.lessons.map((lesson) => `${lesson.question} ${lesson.answer}`).join(' | ')]),
    );
  };

  return (
    <section className="card" aria-labelledby="library-heading">
      <div className="card-header">
        <h2 id="library-heading">Lessons library</h2>
        <button type="button" className="button" onClick={exportCsv} disabled={hits.length === 0}>Download CSV</button>
      </div>
      <form className="library-form" onSubmit={submit} role="search" aria-label="Search the lessons">
        <label className="field wide">
          <span className="field-label">Words in lessons, root causes and facts</span>
          <input type="text" value={filters.text} onChange={set('text')} placeholder="e.g. phishing training" maxLength={200} />
        </label>
        <label className="field">
          <span className="field-label">Root-cause category</span>
          <select value={filters.category} onChange={set('category')}>
            <option value="">Any</option>
            {summary.categories.map((category) => <option key={category.key} value={category.key}>{category.label}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Type</span>
          <select value={filters.type} onChange={set('type')}>
            <option value="">Any</option>
            {['accidental', 'malicious', 'environmental'].map((type) => <option key={type} value={type}>{capital(type)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Severity</span>
          <select value={filters.severity} onChange={set('severity')}>
            <option value="">Any</option>
            {['critical', 'high', 'medium', 'low'].map((severity) => <option key={severity} value={severity}>{capital(severity)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Tag</span>
          <input type="text" value={filters.tag} onChange={set('tag')} maxLength={50} />
        </label>
        <label className="field">
          <span className="field-label">Occurred from</span>
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label className="field">
          <span className="field-label">to</span>
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
        <div className="library-actions">
          <button type="submit" className="button primary" disabled={state.loading}>{state.loading ? 'Searching…' : 'Search'}</button>
          <button type="button" className="button subtle-button" onClick={() => { setFilters(EMPTY); setPages(null); }}>Clear</button>
        </div>
      </form>
      {state.error ? <ErrorMessage error={state.error} /> : null}
      {pages === null ? (
        <p className="subtlest">Search the reviews of this project, newest incidents first. Leave everything empty to browse them all.</p>
      ) : hits.length === 0 ? (
        <p className="inline-empty">No review matches. Try fewer words or filters.</p>
      ) : (
        <>
          <AwarenessExport projectKey={summary.projectKey} chosen={chosen} today={summary.today} onClear={() => { setChosen([]); }} />
          <ol className="hits" aria-label="Search results">
            {hits.map((hit) => <Hit key={hit.issueKey} hit={hit} labelOf={labelOf} pick={<AwarenessPick issueKey={hit.issueKey} chosen={chosen} onToggle={toggleChosen} />} />)}
          </ol>
        </>
      )}
      {cursor === undefined ? null : (
        <div className="pager">
          <button type="button" className="button" disabled={state.loading} onClick={() => { void search(cursor); }}>Show more results</button>
        </div>
      )}
    </section>
  );
}

function Hit({ hit, labelOf, pick }: { hit: LessonHit; labelOf: (key: string) => string; pick: ReactNode }) {
  const { dayOf } = useDays();
  return (
    <li className="hit">
      <div className="hit-title">
        {pick} <IssueLink issueKey={hit.issueKey} /> <strong>{hit.summary}</strong> <StageLozenge stage={hit.stage} />
      </div>
      <div className="subtlest">
        {dayOf(hit.occurredAt)} · {capital(hit.type)} · severity {capital(hit.severity)}
        {hit.categories.length > 0 ? ` · ${hit.categories.map(labelOf).join(', ')}` : ''}
        {hit.tags.length > 0 ? ` · tags: ${hit.tags.join(', ')}` : ''}
      </div>
      {hit.rootCauses.length > 0 ? (
        <ul className="plain-list root-cause-list">
          {hit.rootCauses.map((rootCause) => <li key={rootCause.text}>Root cause: {rootCause.text} <span className="subtlest">({labelOf(rootCause.category)})</span></li>)}
        </ul>
      ) : null}
      {hit.lessons.map((lesson) => (
        <p key={lesson.question} className="lesson-preview"><span className="subtle">{lesson.question}</span> {lesson.answer}</p>
      ))}
    </li>
  );
}
