import { PEOPLE_ROLE_LABELS, type People } from '../../../../src/domain/review';
import { zoneLabel } from '../../../shared/dates';
import { UserPicker } from '../../../shared/form/UserPicker';
import { without } from '../../../shared/without';
import { SectionFrame } from '../components/SectionFrame';
import { TimestampInput } from '../components/TimestampInput';
import { useSectionEditor } from '../session/useSectionEditor';
import { useTimeSettings } from '../../../shared/environment';

type TeamRole = 'responseTeam' | 'legal' | 'informationSecurity' | 'communications';
const TEAM_ROLES: readonly TeamRole[] = ['responseTeam', 'legal', 'informationSecurity', 'communications'];

/** R3: who had which role, and who met to review the incident when. */
export function PeopleSection() {
  const editor = useSectionEditor('people');
  const time = useTimeSettings();
  const { value: people, readOnly, errorAt } = editor;
  const set = (changes: Partial<People>) => { editor.change({ ...people, ...changes }); };

  return (
    <SectionFrame
      editor={editor}
      description="The people involved in handling the incident and in the review meeting. Pick them from Jira."
    >
      <div className="form-grid">
        <UserPicker
          path="people.incidentManager"
          label={PEOPLE_ROLE_LABELS.incidentManager}
          selected={people.incidentManager ? [people.incidentManager] : []}
          multiple={false}
          readOnly={readOnly}
          error={errorAt('people.incidentManager')}
          onChange={(ids) => {
            const [manager] = ids;
            editor.change(manager ? { ...people, incidentManager: manager } : without(people, 'incidentManager'));
          }}
        />
        {TEAM_ROLES.map((role) => (
          <UserPicker
            key={role}
            path={`people.${role}`}
            label={PEOPLE_ROLE_LABELS[role]}
            selected={people[role]}
            multiple
            readOnly={readOnly}
            error={errorAt(`people.${role}`)}
            onChange={(ids) => { set({ [role]: ids }); }}
          />
        ))}
      </div>
      <fieldset className="fieldset">
        <legend>Review meeting</legend>
        <div className="form-grid">
          <TimestampInput
            path="people.meeting.heldAt"
            label="Meeting date and time"
            hint={`In your time zone (${zoneLabel(time)}).`}
            value={people.meeting.heldAt}
            readOnly={readOnly}
            error={errorAt('people.meeting.heldAt')}
            onChange={(heldAt) => {
              set({ meeting: heldAt ? { ...people.meeting, heldAt } : without(people.meeting, 'heldAt') });
            }}
          />
          <UserPicker
            path="people.meeting.attendees"
            label="Attendees"
            selected={people.meeting.attendees}
            multiple
            readOnly={readOnly}
            error={errorAt('people.meeting.attendees')}
            onChange={(attendees) => { set({ meeting: { ...people.meeting, attendees } }); }}
          />
        </div>
      </fieldset>
    </SectionFrame>
  );
}
