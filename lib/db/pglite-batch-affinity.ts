// pglite-socket 0.2 serves every connection from one PGlite session and queues the wire
// protocol message by message. Outside a transaction it interleaves connections between
// messages, so one client's Parse/Bind/Execute could run between another's Parse and Bind: the
// unnamed prepared statement was replaced under it ("bind message supplies 1 parameters, but
// prepared statement "" requires 3") and, worse, a result could reach the wrong query. This keeps
// a connection's extended-protocol batch together: once a connection has sent a message that is
// not the end of a batch (Sync, a simple Query, Terminate, the startup message), the queue serves
// only that connection until it ends the batch or goes away. Pinned to pglite-socket 0.2.17's
// queue (server.queryQueue); the full suite on PGlite (`npm test` without a server) shows it.
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type Item = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type Database = {
  isInTransaction: () => boolean;
  runExclusive: <T>(work: () => Promise<T>) => Promise<T>;
  execProtocolRawStream: (message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) => Promise<unknown>;
};

type Queue = {
  queue: Item[];
  processing: boolean;
  lastHandlerId: number | null;
  db: Database;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const PROTOCOL_3 = 196608;

function endsBatch(message: Uint8Array): boolean {
  const first = message[0];
  if (first === SYNC || first === QUERY || first === TERMINATE) return true;
  // The startup message has no type byte: length, then the protocol version.
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return message.byteLength >= 8 && view.getInt32(4) === PROTOCOL_3;
}

function isQueue(value: unknown): value is Queue {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as Queue).queue) &&
    typeof (value as Queue).processQueue === "function" &&
    typeof (value as Queue).clearQueueForHandler === "function"
  );
}

export function keepBatchesTogether(server: PGLiteSocketServer): void {
  const queue: unknown = Reflect.get(server, "queryQueue");
  if (!isQueue(queue)) throw new Error("pglite-socket changed its queue: review lib/db/pglite-batch-affinity.ts");
  let openBatch = false;

  queue.processQueue = async function processQueue(this: Queue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = (openBatch || this.db.isInTransaction()) && this.lastHandlerId !== null;
        const index = sticky ? this.queue.findIndex((item) => item.handlerId === this.lastHandlerId) : 0;
        // The connection in the middle of a batch sends its next message as soon as this one is answered.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        openBatch = !endsBatch(item.message);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    // A connection that vanished mid-batch must not hold the others up.
    if (queue.lastHandlerId === handlerId && openBatch) {
      openBatch = false;
      void queue.processQueue();
    }
  };
}
