import { Button } from '../../ui/index.ts';

/**
 * Up, down and remove for a row of the composer (a section or a notice). The move buttons carry the
 * row's key in their id, so that focus can follow the row to its new place.
 */
export function RowButtons({
  rowKey,
  index,
  count,
  what,
  remove,
  onMove,
  onRemove,
}: {
  rowKey: string;
  index: number;
  count: number;
  /** The row as read aloud: "la section 2.1", "« Guide… »". */
  what: string;
  remove: { label: string; ariaLabel: string };
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <>
      <Button
        type="button"
        size="small"
        priority="tertiary"
        iconId="arrow-up-line"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        nativeButtonProps={{ id: `monter-${rowKey}`, 'aria-label': `Monter ${what}` }}
      >
        Monter
      </Button>
      <Button
        type="button"
        size="small"
        priority="tertiary"
        iconId="arrow-down-line"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        nativeButtonProps={{ id: `descendre-${rowKey}`, 'aria-label': `Descendre ${what}` }}
      >
        Descendre
      </Button>
      <Button
        type="button"
        size="small"
        priority="tertiary"
        iconId="delete-line"
        onClick={onRemove}
        nativeButtonProps={{ 'aria-label': remove.ariaLabel }}
      >
        {remove.label}
      </Button>
    </>
  );
}
