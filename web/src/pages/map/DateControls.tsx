import { formatDateLong, todayIso } from '../../lib/format.ts';
import { Input, Label } from '../../ui/index.ts';

const FIRST_YEAR = 2000;

/**
 * "État au …": a slider over the years (1 January of each, today for the current year) and a date
 * field for an exact day. Both write the same `date` of the page address.
 */
export function DateControls({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const today = todayIso();
  const lastYear = Number(today.slice(0, 4));
  const shown = date || today;
  const year = Math.min(lastYear, Math.max(FIRST_YEAR, Number(shown.slice(0, 4))));
  return (
    <div className="u-grid u-grid--gutters">
      <div className="u-col-12 u-col-md-8">
        <div>
          <Label htmlFor="carte-annee" hint="Faites glisser pour parcourir les années">
            État au {formatDateLong(shown)}
          </Label>
          <input
            id="carte-annee"
            className="odts-range"
            type="range"
            min={FIRST_YEAR}
            max={lastYear}
            step={1}
            value={year}
            aria-valuetext={`état au ${formatDateLong(shown)}`}
            onChange={(e) => {
              const y = Number(e.target.value);
              onChange(y === lastYear ? '' : `${y}-01-01`);
            }}
          />
          <span className="odts-range__bounds" aria-hidden="true">
            <span>{FIRST_YEAR}</span>
            <span>{lastYear}</span>
          </span>
        </div>
      </div>
      <div className="u-col-12 u-col-md-4">
        <Input
          label="Date exacte"
          hintText="Aujourd’hui si vide"
          nativeInputProps={{ type: 'date', value: date, onChange: (e) => onChange(e.target.value) }}
        />
      </div>
    </div>
  );
}
