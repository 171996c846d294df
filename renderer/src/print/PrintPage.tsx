/** Placeholder until the screen lands; replaced by its feature's own page. */
export function PrintPage({ path: _path }: { path: string[] }) {
  return null;
}
