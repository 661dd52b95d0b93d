import { useRef, useState, type KeyboardEvent } from 'react';
import { searchUsers, type JiraUser } from '../jira-users';
import { useUserDirectory, useUserNames } from '../user-directory';
import { errorId, fieldId } from './field-id';
import { FieldError } from './Field';

interface UserPickerProps {
  path: string;
  label: string;
  selected: readonly string[];
  onChange: (accountIds: string[]) => void;
  /** One person (incident manager) or several (team, attendees). */
  multiple: boolean;
  readOnly: boolean;
  error?: string | undefined;
}

const SEARCH_DELAY_MS = 250;

/** Jira people picker: type a name, choose from Jira's user search; stores accountIds, shows names. */
export function UserPicker({ path, label, selected, onChange, multiple, readOnly, error }: UserPickerProps) {
  const { remember } = useUserDirectory();
  const nameOf = useUserNames(selected);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<JiraUser[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'searching' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef('');

  const id = fieldId(path);
  const listId = `${id}-options`;
  const options = results.filter((user) => !selected.includes(user.accountId));

  const search = (text: string) => {
    setQuery(text);
    clearTimeout(timer.current);
    latest.current = text.trim();
    if (latest.current === '') {
      setOpen(false);
      setStatus('idle');
      return;
    }
    setStatus('searching');
    timer.current = setTimeout(() => {
      const asked = latest.current;
      searchUsers(asked).then(
        (found) => {
          if (asked !== latest.current) return;
          remember(found);
          setResults(found);
          setActive(0);
          setOpen(true);
          setStatus('idle');
        },
        () => {
          if (asked === latest.current) setStatus('failed');
        },
      );
    }, SEARCH_DELAY_MS);
  };

  const pick = (user: JiraUser) => {
    remember([user]);
    onChange(multiple ? [...selected, user.accountId] : [user.accountId]);
    setQuery('');
    latest.current = '';
    setOpen(false);
    setResults([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActive((index) => (index - 1 + options.length) % options.length);
    } else if (event.key === 'Enter') {
      const choice = open ? options[active] : undefined;
      if (choice) {
        event.preventDefault();
        pick(choice);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const labelId = `${id}-label`;
  const expanded = open && query.trim() !== '';
  const describedBy = [error ? errorId(path) : '', `${id}-status`].filter(Boolean).join(' ');
  return (
    <div className={`field user-picker${error ? ' invalid' : ''}`} role="group" aria-labelledby={labelId}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      {selected.length > 0 ? (
        <ul className="chips" aria-label={`${label}: selected`}>
          {selected.map((accountId) => (
            <li key={accountId} className="chip person">
              <span className="avatar" aria-hidden="true">
                {nameOf(accountId).slice(0, 1)}
              </span>
              <span className="chip-text">{nameOf(accountId)}</span>
              {readOnly ? null : (
                <button type="button" className="chip-remove" aria-label={`Remove ${nameOf(accountId)} from ${label.toLowerCase()}`} onClick={() => { onChange(selected.filter((other) => other !== accountId)); }}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtlest">{readOnly ? 'Nobody recorded.' : 'Nobody yet.'}</p>
      )}
      {readOnly ? null : (
        <div className="combobox">
          <input
            type="text"
            id={id}
            role="combobox"
            aria-label={multiple || selected.length === 0 ? `Find a person for ${label.toLowerCase()}` : `Change ${label.toLowerCase()}`}
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded && options[active] ? `${listId}-${String(active)}` : undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            placeholder={multiple ? 'Type a name to add someone' : selected.length > 0 ? 'Type a name to change' : 'Type a name'}
            value={query}
            onChange={(event) => { search(event.target.value); }}
            onKeyDown={onKeyDown}
            onBlur={() => { setOpen(false); }}
            onFocus={() => { if (query.trim() !== '' && results.length > 0) setOpen(true); }}
          />
          <ul id={listId} role="listbox" aria-label={`People matching “${query}”`} className="combobox-options" hidden={!expanded}>
            {options.length === 0 ? (
              <li className="combobox-empty" role="presentation">
                No matching people
              </li>
            ) : (
              options.map((user, index) => (
                <li
                  key={user.accountId}
                  id={`${listId}-${String(index)}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? 'active' : undefined}
                  onMouseDown={(event) => { event.preventDefault(); }}
                  onClick={() => { pick(user); }}
                >
                  <span className="avatar" aria-hidden="true">
                    {user.displayName.slice(0, 1)}
                  </span>
                  {user.displayName}
                </li>
              ))
            )}
          </ul>
          <span id={`${id}-status`} className="visually-hidden" aria-live="polite">
            {status === 'searching' ? 'Searching…' : status === 'failed' ? 'Could not search people in Jira. Try again.' : expanded ? `${String(options.length)} people found` : ''}
          </span>
        </div>
      )}
      {status === 'failed' ? <p className="field-error">Could not search people in Jira. Try again.</p> : null}
      <FieldError path={path} error={error} />
    </div>
  );
}
