import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move between the grid's cells as in a spreadsheet: up and down always, left and right once the caret is
 * at the edge of what is typed (so they still move within a mark). Tab keeps its usual order; Enter submits the form.
 */
export function moveInGrid(event: KeyboardEvent<HTMLInputElement>): void {
  const input = event.currentTarget;
  const row = Number(input.dataset['row']);
  const col = Number(input.dataset['col']);
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
  const target: Record<string, [number, number] | undefined> = {
    ArrowUp: [row - 1, col],
    ArrowDown: [row + 1, col],
    ArrowLeft: atStart ? [row, col - 1] : undefined,
    ArrowRight: atEnd ? [row, col + 1] : undefined,
  };
  const to = target[event.key];
  if (!to) return;
  const grid = input.closest('table');
  const next = grid?.querySelector<HTMLInputElement>(`input[data-row="${to[0]}"][data-col="${to[1]}"]`);
  if (!next) return;
  event.preventDefault();
  next.focus();
  next.select();
}
