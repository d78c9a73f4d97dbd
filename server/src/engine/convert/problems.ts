import { LineIndex } from '../line-index';

/** One place in the input that stops a conversion, 1-based like an editor shows it. */
export interface ConvertProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * A conversion that cannot give a faithful result. It carries every place that
 * is at fault, so the user can fix them all in one pass; no output is produced.
 */
export class ConvertError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: ConvertProblem[] = [],
  ) {
    super(problems.length ? `${summary}\n${problems.map((p) => `  line ${p.line}, column ${p.column}: ${p.message}`).join('\n')}` : summary);
    this.name = 'ConvertError';
  }
}

/** Turns offsets into 1-based line:column problems. */
export function problemsAt(text: string, items: ReadonlyArray<{ message: string; offset: number }>): ConvertProblem[] {
  const lines = new LineIndex(text);
  return items.map(({ message, offset }) => {
    const p = lines.positionAt(offset);
    return { message, line: p.line + 1, column: p.character + 1 };
  });
}

/** Lets a long job notice a cancellation between its steps. */
export type IsCancelled = () => boolean;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Gives pending messages (a cancel request, say) a chance to arrive, then checks. */
export async function checkpoint(isCancelled?: IsCancelled): Promise<void> {
  if (!isCancelled) return;
  await new Promise((resolve) => setImmediate(resolve));
  if (isCancelled()) throw new CancelledError();
}
