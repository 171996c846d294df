/** Placeholder until the screen lands. */
export function CheckinPage({ distributionId: _distributionId }: { distributionId: string | null }) {
  return null;
}
