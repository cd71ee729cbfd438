/** A term and its value; a row without a value (undefined or empty) is left out. */
export type Fact = [term: string, value: string | undefined];

/** The facts of a card as a description list, in the order given. */
export function FactsList({ rows }: { rows: readonly Fact[] }) {
  return (
    <dl className="facts">
      {rows
        .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
        .map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
