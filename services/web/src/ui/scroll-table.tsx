import type { ReactNode } from 'react';

/** A wide table scrolls inside its own box (reachable by keyboard), never the whole page sideways. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
