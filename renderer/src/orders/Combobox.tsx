import { useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

interface ComboboxProps<T> {
  /** The input's id: its <label htmlFor> names the combobox and the list. */
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onPick: (option: T) => void;
  /** Enter while no list is shown (e.g. the box still holds what was picked). */
  onEnterWithoutList?: () => void;
  /** Said politely after each keystroke: "3 produits trouvés", or why nothing is. Empty when the list is closed. */
  summary: string;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** Marks the box for the dialog's first focus (data-autofocus). */
  autoFocus?: boolean;
}

/**
 * A text box with a list of suggestions (WAI-ARIA combobox, list
 * autocomplete). The focus stays in the box while the arrows move the
 * highlighted option (aria-activedescendant), so typing never stops; Enter
 * picks it, Escape closes the list and then empties the box.
 */
export function Combobox<T>({
  id,
  label,
  value,
  onChange,
  options,
  optionKey,
  renderOption,
  onPick,
  onEnterWithoutList,
  summary,
  placeholder,
  describedBy,
  invalid,
  inputRef,
  disabled,
  autoFocus,
}: ComboboxProps<T>) {
  const listId = `${id}-list`;
  const summaryId = `${id}-summary`;
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const open = !dismissed && value.trim() !== '';
  const shown = open && options.length > 0;
  const current = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  function change(text: string) {
    setActive(0);
    setDismissed(false);
    onChange(text);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!shown) {
          setDismissed(false);
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + options.length) % options.length);
        return;
      }
      case 'Enter':
        // Enter never submits the surrounding form from here: it picks, or does nothing.
        event.preventDefault();
        if (shown && current >= 0) {
          setDismissed(true);
          onPick(options[current]!);
        } else {
          onEnterWithoutList?.();
        }
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setDismissed(true);
        } else if (value !== '') {
          event.preventDefault();
          change('');
        }
        return;
      default:
    }
  }

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? optionId(current) : undefined}
        aria-describedby={[describedBy, summaryId].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={value}
        disabled={disabled}
        data-autofocus={autoFocus || undefined}
        onChange={(event) => change(event.target.value)}
        onKeyDown={keyDown}
        onBlur={() => setDismissed(true)}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!shown}>
        {shown &&
          options.map((option, index) => (
            <li
              key={optionKey(option)}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'combobox-option combobox-option-active' : 'combobox-option'}
              // Keep the focus in the box: a click picks without blurring first.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => {
                setDismissed(true);
                onPick(option);
              }}
            >
              {renderOption(option)}
            </li>
          ))}
      </ul>
      <p id={summaryId} className="visually-hidden" aria-live="polite">
        {open ? summary : ''}
      </p>
    </div>
  );
}
