import { useMemo, useState, type SyntheticEvent } from 'react';
import type { SaveSettingsResult, SettingsView } from '../../../src/api/settings';
import type { ProjectSettings } from '../../../src/domain/settings';
import { call, CallError } from '../../shared/client';
import { CategoryEditor, type Category } from './CategoryEditor';
import { CheckboxField, CheckboxGroup, fieldId, NumberField, Section, SelectField, TextField, type Choice, type FieldErrors } from './form';
import { issueTypesOf } from './jira';

const SEVERITIES: readonly Choice[] = [
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date; changes: number } | { kind: 'unchanged' } | { kind: 'error'; error: CallError };

interface SettingsFormProps {
  view: SettingsView;
  onSaved: (result: SaveSettingsResult) => void;
  onReload: () => void;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function severityRows(mapping: ProjectSettings['severityMapping'], priorities: readonly string[]): string[] {
  const known = new Set(priorities.map((priority) => priority.toLowerCase()));
  return [...priorities, ...Object.keys(mapping).filter((key) => !known.has(key.toLowerCase()))];
}

const mappedSeverity = (mapping: ProjectSettings['severityMapping'], priority: string): string =>
  Object.entries(mapping).find(([key]) => key.toLowerCase() === priority.toLowerCase())?.[1] ?? '';

/** The process configuration form. Admins edit and save; everyone else sees the same form read-only. */
export function SettingsForm({ view, onSaved, onReload }: SettingsFormProps) {
  const readOnly = !view.canAdminister;
  const [draft, setDraft] = useState<ProjectSettings>(view.settings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [actionTypes, setActionTypes] = useState<{ projectKey: string | null; types: string[]; loading: boolean }>({
    projectKey: view.settings.actions.projectKey,
    types: view.options?.actionIssueTypes ?? [],
    loading: false,
  });
  const dirty = !sameJson(draft, view.settings);
  const savedTaxonomy = useMemo(() => new Set(view.settings.rootCauseTaxonomy.map((c) => c.key)), [view.settings]);
  const savedFishbone = useMemo(() => new Set(view.settings.fishboneCategories.map((c) => c.id)), [view.settings]);
  const options = view.options;

  // The issue types of a newly picked action project come from Jira in the browser, as the admin.
  const pickActionProject = (projectKey: string | null) => {
    set('actions', { ...draft.actions, projectKey });
    if (projectKey === actionTypes.projectKey) return;
    setActionTypes({ projectKey, types: [], loading: true });
    issueTypesOf(projectKey ?? view.project.key).then(
      (types) => {
        setActionTypes((current) => (current.projectKey === projectKey ? { projectKey, types, loading: false } : current));
        // Keep the chosen type when the new project has it; otherwise offer the first one.
        setDraft((current) => (types.length === 0 || types.includes(current.actions.issueTypeName) ? current : { ...current, actions: { ...current.actions, issueTypeName: types[0] ?? current.actions.issueTypeName } }));
      },
      () => { setActionTypes((current) => (current.projectKey === projectKey ? { projectKey, types: [], loading: false } : current)); },
    );
  };

  const set = <K extends keyof ProjectSettings>(key: K, value: ProjectSettings[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (state.kind === 'saved' || state.kind === 'unchanged') setState({ kind: 'idle' });
  };

  const save = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (readOnly) return;
    setState({ kind: 'saving' });
    setErrors({});
    try {
      const result = await call('saveSettings', { projectKey: view.project.key, settings: draft, baseVersion: view.version });
      setState(result.saved ? { kind: 'saved', at: new Date(), changes: result.changes.length } : { kind: 'unchanged' });
      setDraft(result.settings);
      onSaved(result);
    } catch (error) {
      const failure = error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) });
      setState({ kind: 'error', error: failure });
      const field = failure.body.field;
      if (field !== undefined) {
        setErrors({ [field]: failure.body.message });
        // Take keyboard users to the field that needs attention.
        requestAnimationFrame(() => {
          const target = document.getElementById(fieldId(field)) ?? document.getElementById(fieldId(field.split('.').slice(0, -1).join('.')));
          target?.focus();
        });
      }
    }
  };

  const issueTypeChoices = (names: readonly string[]): Choice[] => names.map((name) => ({ value: name, label: name }));
  const incidentTypeChoices = issueTypeChoices([...new Set([...(options?.projectIssueTypes ?? []), ...draft.incidentIssueTypes])]);
  const projectChoices: Choice[] = [
    { value: '', label: `This project (${view.project.key})` },
    ...(options?.projects ?? []).filter((project) => project.key !== view.project.key).map((project) => ({ value: project.key, label: `${project.name} (${project.key})` })),
  ];
  const actionTypeChoices = issueTypeChoices(actionTypes.types.length > 0 || actionTypes.loading ? actionTypes.types : [draft.actions.issueTypeName]);
  const linkChoices: Choice[] = (options?.linkTypes ?? [{ name: draft.actions.linkTypeName, outward: '' }]).map((type) => ({ value: type.name, label: type.outward ? `${type.name} (incident ${type.outward} action)` : type.name }));
  const priorities = severityRows(draft.severityMapping, options?.priorities ?? []);

  const setMapping = (priority: string, severity: string) => {
    const next = Object.fromEntries(Object.entries(draft.severityMapping).filter(([key]) => key.toLowerCase() !== priority.toLowerCase()));
    set('severityMapping', severity === '' ? next : { ...next, [priority]: severity as ProjectSettings['significantSeverities'][number] });
  };

  const taxonomy: Category[] = draft.rootCauseTaxonomy;
  const fishbone: Category[] = draft.fishboneCategories.map(({ id, label, retired }) => ({ key: id, label, retired }));
  const fishboneErrors: FieldErrors = Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.replace(/\.id$/, '.key'), message]));

  return (
    <form className="settings-form" onSubmit={(event) => { void save(event); }} aria-label="Lessons-learned process settings" noValidate>
      <fieldset disabled={readOnly || state.kind === 'saving'} className="plain">
        <Section id="incidents" title="Incidents and review triggers" description="Which issues are incidents, and which incidents must have a post-incident review (R22).">
          <CheckboxGroup
            path="incidentIssueTypes"
            label="Incident issue types"
            hint="Issue types of this project that get the lessons-learned panel. Any type whose name contains “Incident” also counts."
            errors={errors}
            choices={incidentTypeChoices}
            selected={draft.incidentIssueTypes}
            onChange={(values) => { set('incidentIssueTypes', values); }}
          />
          <CheckboxGroup
            path="significantSeverities"
            label="Significant severities"
            hint="A review is mandatory for incidents of these severities."
            errors={errors}
            choices={SEVERITIES}
            selected={draft.significantSeverities}
            onChange={(values) => { set('significantSeverities', SEVERITIES.map((s) => s.value).filter((value) => values.includes(value)) as ProjectSettings['significantSeverities']); }}
          />
          <NumberField path="reviewTargetDays" label="Review target" unit="days after resolution" min={1} max={365} errors={errors} value={draft.reviewTargetDays} onChange={(value) => { set('reviewTargetDays', value); }} hint="A significant incident's review should be approved within this time (KPI)." />
        </Section>

        <Section id="severity" title="Severity mapping" description="The incident severity pre-filled from the Jira priority when a review starts.">
          <table className="data severity-map">
            <thead>
              <tr>
                <th scope="col">Jira priority</th>
                <th scope="col">Incident severity</th>
              </tr>
            </thead>
            <tbody>
              {priorities.map((priority) => (
                <tr key={priority}>
                  <th scope="row">
                    <label htmlFor={fieldId(`severityMapping.${priority}`)}>{priority.charAt(0).toUpperCase() + priority.slice(1)}</label>
                    {options !== null && !options.priorities.includes(priority) ? <span className="subtlest not-on-site">Not a priority on this site</span> : null}
                  </th>
                  <td>
                    <select id={fieldId(`severityMapping.${priority}`)} value={mappedSeverity(draft.severityMapping, priority)} onChange={(event) => { setMapping(priority, event.target.value); }}>
                      <option value="">Not mapped</option>
                      {SEVERITIES.map((severity) => (
                        <option key={severity.value} value={severity.value}>
                          {severity.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors.severityMapping ? <p className="field-error">⚠ {errors.severityMapping}</p> : null}
        </Section>

        <Section id="taxonomy" title="Root-cause taxonomy" description="Every root cause gets one of these categories, so recurrences can be counted (R6, R18). Categories in use stay valid: rename or retire them; they are never deleted.">
          <CategoryEditor path="rootCauseTaxonomy" noun="category" items={taxonomy} savedKeys={savedTaxonomy} max={50} errors={errors} readOnly={readOnly} onChange={(items) => { set('rootCauseTaxonomy', items); }} />
        </Section>

        <Section id="fishbone" title="Fishbone categories" description="The bones of the Ishikawa diagram a new review starts with (R5). Existing diagrams keep their own categories.">
          <CategoryEditor
            path="fishboneCategories"
            noun="fishbone category"
            items={fishbone}
            savedKeys={savedFishbone}
            max={12}
            errors={fishboneErrors}
            readOnly={readOnly}
            onChange={(items) => { set('fishboneCategories', items.map(({ key, label, retired }) => ({ id: key, label, retired }))); }}
          />
        </Section>

        <Section id="actions" title="Corrective actions" description="Where the app creates corrective and improvement actions, and how they are linked to the incident (R10).">
          <div className="field-row">
            <SelectField path="actions.projectKey" fromJira={options !== null} label="Project" errors={errors} value={draft.actions.projectKey ?? ''} choices={projectChoices} onChange={(value) => { pickActionProject(value === '' ? null : value); }} />
            <SelectField
              path="actions.issueTypeName"
              label="Issue type"
              fromJira={options !== null}
              errors={errors}
              value={draft.actions.issueTypeName}
              choices={actionTypeChoices}
              onChange={(value) => { set('actions', { ...draft.actions, issueTypeName: value }); }}
              {...(actionTypes.loading ? { hint: 'Loading the issue types of the chosen project…' } : {})}
            />
            <SelectField path="actions.linkTypeName" fromJira={options !== null} label="Link type" errors={errors} value={draft.actions.linkTypeName} choices={linkChoices} onChange={(value) => { set('actions', { ...draft.actions, linkTypeName: value }); }} />
          </div>
          <NumberField path="actions.defaultDueDays" label="Default target date" unit="days after the decision" min={1} max={365} errors={errors} value={draft.actions.defaultDueDays} onChange={(value) => { set('actions', { ...draft.actions, defaultDueDays: value }); }} />
        </Section>

        <Section id="approvals" title="Approvals" description="Who approves the decision per root cause and signs off the review procedure (R8, R21).">
          <fieldset className="field group">
            <legend>Approvers are</legend>
            <div className="choices">
              <label className="choice">
                <input type="radio" name="approver-kind" checked={draft.approvers.kind === 'group'} onChange={() => { set('approvers', { kind: 'group', groupName: draft.approvers.kind === 'group' ? draft.approvers.groupName : 'isms-approvers' }); }} />
                Members of a Jira group
              </label>
              <label className="choice">
                <input type="radio" name="approver-kind" checked={draft.approvers.kind === 'project-role'} onChange={() => { set('approvers', { kind: 'project-role', roleName: draft.approvers.kind === 'project-role' ? draft.approvers.roleName : 'Administrators' }); }} />
                Members of a project role
              </label>
            </div>
          </fieldset>
          {draft.approvers.kind === 'group' ? (
            <TextField path="approvers.groupName" label="Approver group" errors={errors} value={draft.approvers.groupName} onChange={(value) => { set('approvers', { kind: 'group', groupName: value }); }} hint="The exact name of the Jira group, e.g. isms-approvers." />
          ) : (
            <TextField path="approvers.roleName" label="Approver project role" errors={errors} value={draft.approvers.roleName} onChange={(value) => { set('approvers', { kind: 'project-role', roleName: value }); }} hint="The name of the project role, e.g. Administrators." />
          )}
          <CheckboxField path="requireIndependentApprover" label="Require an independent approver" hint="Whoever requested approval may not approve the same review (segregation of duties)." errors={errors} checked={draft.requireIndependentApprover} onChange={(checked) => { set('requireIndependentApprover', checked); }} />
        </Section>

        <Section id="monitoring" title="Effectiveness and reminders" description="How the app follows up corrective actions (R11, R17).">
          <NumberField path="effectivenessWindowDays" label="Effectiveness window" unit="days" min={7} max={730} errors={errors} value={draft.effectivenessWindowDays} onChange={(value) => { set('effectivenessWindowDays', value); }} hint="A completed action is effective when its root-cause category does not recur within this time." />
          <CheckboxField path="reminders.enabled" label="Send reminders for corrective actions" errors={errors} checked={draft.reminders.enabled} onChange={(checked) => { set('reminders', { ...draft.reminders, enabled: checked }); }} />
          <div className="field-row indent">
            <NumberField path="reminders.daysBeforeDue" label="Remind" unit="days before the target date" min={0} max={60} errors={errors} value={draft.reminders.daysBeforeDue} onChange={(value) => { set('reminders', { ...draft.reminders, daysBeforeDue: value }); }} />
            <CheckboxField path="reminders.notifyWatchers" label="Also notify the action's watchers" errors={errors} checked={draft.reminders.notifyWatchers} onChange={(checked) => { set('reminders', { ...draft.reminders, notifyWatchers: checked }); }} />
          </div>
        </Section>
      </fieldset>

      {readOnly ? null : (
        <div className="save-bar">
          <button type="submit" className="button primary" disabled={state.kind === 'saving' || !dirty}>
            {state.kind === 'saving' ? 'Saving…' : 'Save settings'}
          </button>
          {dirty && state.kind !== 'saving' ? (
            <button type="button" className="button subtle-button" onClick={() => { setDraft(view.settings); setErrors({}); setState({ kind: 'idle' }); }}>
              Discard changes
            </button>
          ) : null}
          <span className={`save-state ${state.kind}`} role="status" aria-live="polite">
            {state.kind === 'saving'
              ? 'Saving…'
              : state.kind === 'saved' && !dirty
                ? `Saved (version ${view.version}, ${state.changes} ${state.changes === 1 ? 'change' : 'changes'} recorded in the audit trail)`
                : state.kind === 'unchanged'
                  ? 'Nothing changed'
                  : state.kind === 'error'
                    ? 'Not saved'
                    : dirty
                      ? 'Unsaved changes'
                      : ''}
          </span>
        </div>
      )}
      {state.kind === 'error' ? (
        <div className="section-message error" role="alert">
          <div>
            <strong>{state.error.body.code === 'CONFLICT' ? 'Someone else saved first' : state.error.body.code === 'FORBIDDEN' ? 'No permission' : 'The settings were not saved'}</strong>
            <p>{state.error.message}</p>
            {state.error.body.code === 'CONFLICT' ? (
              <button type="button" className="button" onClick={onReload}>
                Reload settings
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </form>
  );
}
