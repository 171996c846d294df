import { Fragment, type ReactNode } from 'react';
import type { PickupGroup, PickupRow } from '../../../shared/sheets/pickup-sheet';

/**
 * One member's row on a pickup list (the sign-in sheet and the list with items): the basket
 * number first, the sheet's own cells, then the box ticked when the bag is collected and the
 * room to sign — the same on both sheets, so a volunteer finds them in the same place.
 */
export function SignedRow({ member, className, children }: { member: PickupRow; className: string; children: ReactNode }) {
  return (
    <tr className={className}>
      <td className="sheet-basket">{member.basketNumber}</td>
      {children}
      <td className="sheet-tick">
        <span className="sheet-box" />
      </td>
      <td className="sheet-signature" />
    </tr>
  );
}

interface SlotBodiesProps {
  groups: readonly PickupGroup[];
  /** The table's column count, which the heading spans. */
  columns: number;
  /** The slot's heading ("Créneau 17:00–18:00 · 12 commandes"), or null to print none. */
  heading: ((group: PickupGroup) => string) | null;
  row: (member: PickupRow) => ReactNode;
}

/** Each slot's members; its heading in one tbody with its first member, which print.css keeps from breaking, so no heading ends a page alone. */
export function SlotBodies({ groups, columns, heading, row }: SlotBodiesProps) {
  return groups.map((group) => (
    <Fragment key={group.slot?.id ?? 'none'}>
      <tbody className="print-section-start">
        {heading && (
          <tr className="print-section-heading">
            <th scope="colgroup" colSpan={columns}>
              {heading(group)}
            </th>
          </tr>
        )}
        {row(group.rows[0]!)}
      </tbody>
      {group.rows.length > 1 && <tbody>{group.rows.slice(1).map(row)}</tbody>}
    </Fragment>
  ));
}
