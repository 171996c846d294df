import type { KeyboardEvent } from 'react';

/** In a textarea, Enter makes a new line; Ctrl+Enter (⌘+Enter) still saves, as in every other field. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}
