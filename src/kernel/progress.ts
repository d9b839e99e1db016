/** Long imports report their progress through this callback; the CLI draws a bar, the server logs. */
export interface ProgressEvent {
  step: string;
  done: number;
  total: number;
}
export type ProgressReporter = (event: ProgressEvent) => void;
export const silentProgress: ProgressReporter = () => {};
