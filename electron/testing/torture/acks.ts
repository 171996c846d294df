/**
 * What the crash child prints once a call has come back ok — the screen's
 * acknowledgement — one JSON line each on stdout. The parent keeps every line
 * that reached it before the kill and checks each against the folder reopened.
 */
export type Ack =
  | { kind: 'ready' }
  | { kind: 'member'; id: string; name: string }
  | { kind: 'line'; orderId: string; productId: string; quantity: number }
  | { kind: 'import'; producer: string; product: string }
  | { kind: 'payment'; id: string; amountCents: number }
  | { kind: 'fold' }
  | { kind: 'sync'; producerIds: string[] }
  | { kind: 'restore'; backupId: string };

/** What the parent hands the child on its command line. */
export interface ChildPlan {
  dataDir: string;
  seed: number;
  /** The clock of the child starts here and runs at real speed (the relay's ordering is open). */
  startMs: number;
  distributionId: string;
  productIds: string[];
  memberIds: string[];
}

export function parseAck(line: string): Ack | null {
  try {
    const value = JSON.parse(line) as Ack;
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? value : null;
  } catch {
    return null;
  }
}
