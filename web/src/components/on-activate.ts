import type { KeyboardEvent } from 'react';

/** Props that make a non-button element work with the mouse and with Enter / Space. */
export function onActivate(action: () => void) {
  return {
    onClick: action,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        action();
      }
    },
  };
}
