/** Placeholder until the screen lands; replaced by its feature's own page. */
export function MembersPage() {
  return null;
}
