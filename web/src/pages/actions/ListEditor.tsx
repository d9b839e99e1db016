import { Button, ErrorText, Fieldset, Input, Select } from '../../ui/index.ts';

interface Column<R> {
  key: keyof R & string;
  label: string;
  /** A drop-down list instead of a text field. */
  options?: Record<string, string>;
}

interface Props<R extends Record<string, string>> {
  id: string;
  legend: string;
  error?: string | undefined;
  rows: R[];
  empty: R;
  columns: Column<R>[];
  onChange: (rows: R[]) => void;
  addLabel: string;
}

/** Rows of a few fields each (financeurs, partenaires, dynamiques), added and removed by buttons. */
export function ListEditor<R extends Record<string, string>>(p: Props<R>) {
  const update = (i: number, patch: Partial<R>) =>
    p.onChange(p.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Fieldset legend={p.legend} error={Boolean(p.error)} legendId={`${p.id}-legende`}>
      <div id={p.id} tabIndex={-1}>
        {p.error && <ErrorText>{p.error}</ErrorText>}
        {p.rows.length === 0 && <p className="u-text-sm">Aucun pour l’instant.</p>}
        {p.rows.map((row, i) => (
          <div key={`${p.id}-${i}`} className="u-grid u-grid--gutters u-mb-1">
            {p.columns.map((c) => (
              <div key={c.key} className="u-col-12 u-col-md-4">
                {c.options ? (
                  <Select
                    label={`${c.label} (${i + 1})`}
                    nativeSelectProps={{
                      value: row[c.key],
                      onChange: (e) => update(i, { [c.key]: e.target.value } as Partial<R>),
                    }}
                  >
                    {Object.entries(c.options).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    label={`${c.label} (${i + 1})`}
                    nativeInputProps={{
                      value: row[c.key],
                      onChange: (e) => update(i, { [c.key]: e.target.value } as Partial<R>),
                    }}
                  />
                )}
              </div>
            ))}
            <div className="u-col-12 u-col-md-4">
              <Button
                priority="tertiary"
                size="small"
                onClick={() => p.onChange(p.rows.filter((_, j) => j !== i))}
              >
                Retirer la ligne {i + 1}
              </Button>
            </div>
          </div>
        ))}
        <Button
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => p.onChange([...p.rows, { ...p.empty }])}
        >
          {p.addLabel}
        </Button>
      </div>
    </Fieldset>
  );
}
