import type { ArchivedFilter } from '../../../shared/model/producer';
import './list-page.css';

interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (query: string) => void;
}

/** Search as you type: the list is asked again on every keystroke. */
export function SearchField({ id, label, placeholder, value, onChange }: SearchFieldProps) {
  return (
    <div className="toolbar-search">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} placeholder={placeholder} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

const CHOICES: readonly ArchivedFilter[] = ['active', 'archived', 'all'];

interface ArchivedChoiceProps {
  /** The radio group's name, unique on the page. */
  name: string;
  legend: string;
  /** The words for "active", "archived" and "all", in the feature's grammar (Actifs / Archivés / Tous). */
  labels: Record<ArchivedFilter, string>;
  value: ArchivedFilter;
  onChange: (archived: ArchivedFilter) => void;
}

/** Which records a list shows: the ones in use, the archived ones, or all — radio buttons, so arrows move between them. */
export function ArchivedChoice({ name, legend, labels, value, onChange }: ArchivedChoiceProps) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      <div className="segmented-options">
        {CHOICES.map((choice) => (
          <label key={choice}>
            <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
            <span>{labels[choice]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
