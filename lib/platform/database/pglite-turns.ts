// pglite-socket 0.2.x feeds its clients' protocol messages to PGlite's one session one message
// at a time, keeping a client's turn only inside a transaction (electric-sql/pglite#1046). An
// extended-query batch (Parse, Bind, Describe, Execute, Sync) is no transaction, so two clients'
// batches interleave and one binds the other's unnamed statement: "bind message supplies 3
// parameters, but prepared statement "" requires 2", or the wrong rows. And one failed message
// left the queue stopped for good. This keeps each client's turn until it waits for an answer,
// and the queue running after a failure. Remove once pglite-socket keeps batches whole itself.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(size: number): void;
  reject(error: Error): void;
  onData(data: Uint8Array): void;
}

/** The parts of pglite-socket's (unexported) QueryQueueManager this replaces or reads. */
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

// After these a client waits for the server: its turn ends there. (A startup message has no type
// byte; its first byte is that of its length, 0 for any real one.)
const ENDS_TURN = new Set([
  0x00, // startup
  0x70, // "p": password
  0x51, // "Q": simple query
  0x53, // "S": Sync, the end of an extended-query batch
  0x58, // "X": terminate
  0x63, // "c": copy done
  0x66, // "f": copy fail
]);

export function keepClientTurnsWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error(
      "pglite-socket's query queue has changed: check whether keepClientTurnsWhole is still needed.",
    );
  }
  let midTurn = false;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const turnHeld = this.lastHandlerId !== null && (midTurn || this.db.isInTransaction());
        const index = turnHeld ? this.queue.findIndex((q) => q.handlerId === this.lastHandlerId) : 0;
        // The client whose turn it is has not sent its next message yet: it restarts the queue.
        if (index === -1) return;
        const [next] = this.queue.splice(index, 1) as [QueuedMessage];
        this.lastHandlerId = next.handlerId;
        midTurn = !ENDS_TURN.has(next.message[0]!);
        let size = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                size += data.length;
                next.onData(data);
              },
            }),
          );
        } catch (error) {
          midTurn = false;
          next.reject(error as Error);
          continue;
        }
        next.resolve(size);
      }
    } finally {
      this.processing = false;
    }
  };

  // A client that leaves in the middle of its turn gives it up.
  const clearTransaction = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId: number) => {
    if (queue.lastHandlerId === handlerId && midTurn) midTurn = false;
    await clearTransaction(handlerId);
    await queue.processQueue();
  };
}
