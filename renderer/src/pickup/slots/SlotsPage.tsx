/** Placeholder until the screen lands. */
export function SlotsPage({ distributionId: _distributionId }: { distributionId: string }) {
  return null;
}
