/** Placeholder until the screen lands; replaced by its feature's own page. */
export function OrdersPage({ path: _path }: { path: string[] }) {
  return null;
}
