/** The figures of "what the import will do", the same in every import's preview; `bad` ones stand out when not zero. */
export function ImportCounts({ counts }: { counts: readonly { label: string; value: number; bad?: boolean }[] }) {
  return (
    <dl className="import-counts">
      {counts.map(({ label, value, bad }) => (
        <div key={label} className={bad && value > 0 ? 'import-count import-count-bad' : 'import-count'}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
