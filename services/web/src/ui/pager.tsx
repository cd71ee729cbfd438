/** Where a reader is in a paged list, and Previous/Next to move a page; nothing when it all fits on one page. */
export function Pager({
  label,
  what,
  page,
  pageSize,
  total,
  onPage,
}: {
  /** Names the navigation landmark, e.g. "Pages of results". */
  label: string;
  /** e.g. "results", in "Results 1 to 100 of 5,000". */
  what: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  if (total <= pageSize && page === 1) return null;
  const first = Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  const count = (n: number) => n.toLocaleString('en-GB');
  return (
    <nav className="actions pager" aria-label={label}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <p className="pager__where" aria-live="polite">
        {what.charAt(0).toUpperCase() + what.slice(1)} {count(first)} to {count(last)} of {count(total)}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={last >= total}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
