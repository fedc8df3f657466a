// Group commit: many callers' small writes stored by one statement in one transaction, each caller answered only
// after that commit. Under load the cost of a round trip, a statement and a commit (a WAL flush) is shared by a
// whole batch instead of paid per request; with no load a write goes out alone at once, so nobody waits for a
// timer. Written here rather than taken from a library because it is twenty lines and must keep our guarantee
// exactly: a caller's promise settles after its own batch committed or failed, never before.

export interface GroupCommitOptions {
  /** Most writes stored by one flush. */
  maxBatch: number;
  /** Flushes running at once (each holds a database connection); further writes queue and go together next. */
  maxInFlight: number;
}

export interface GroupCommit<I, R> {
  /** Queues one write; settles with its result once the batch holding it has committed. */
  submit(item: I): Promise<R>;
  /** Writes queued or being stored (for tests and shutdown). */
  pending(): number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

/**
 * `flush(items)` stores a batch and returns one result per item, in order; it may throw only when it stored none of
 * them, so a rejected promise always means "not stored".
 */
export function groupCommit<I, R>(flush: (items: I[]) => Promise<R[]>, options: GroupCommitOptions): GroupCommit<I, R> {
  const queue: Array<Waiting<I, R>> = [];
  let inFlight = 0;
  let inFlightItems = 0;
  let scheduled = false;

  const run = (batch: Array<Waiting<I, R>>) => {
    inFlight++;
    inFlightItems += batch.length;
    flush(batch.map((w) => w.item))
      .then(
        (results) => batch.forEach((w, i) => w.resolve(results[i]!)),
        (err) => batch.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        inFlight--;
        inFlightItems -= batch.length;
        pump();
      });
  };

  // Writes that arrive in the same turn of the event loop (requests parsed from one read of the sockets) go
  // together: the pump runs once after them rather than once per write.
  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length) run(queue.splice(0, options.maxBatch));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (inFlight < options.maxInFlight) schedule();
      });
    },
    pending: () => queue.length + inFlightItems,
  };
}
