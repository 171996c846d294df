/**
 * The order form Cabas writes for a distribution and reads back once a member
 * has filled it in: a few labelled cells naming the member, then one row per
 * product on sale with an empty quantity column. Its titles are those the
 * reader knows, in French and in English, so a form saved by Excel or
 * LibreOffice in either language reads back.
 */
import { headerKey, type ColumnAliases } from '../csv/columns';
import type { CsvRow } from '../csv/parse';

export const ORDER_FORM_COLUMNS = {
  product: ['produit', 'product', 'article'],
  producer: ['producteur', 'producer', 'ferme', 'farm'],
  quantity: ['quantite', 'quantity', 'qte', 'qty', 'quantite commandee', 'ma commande', 'my order'],
} as const satisfies ColumnAliases<string>;
export type OrderFormColumn = keyof typeof ORDER_FORM_COLUMNS;

/** The labelled cells above the products: "Nom" then the member's name in the next cell. */
export const MEMBER_LABELS = {
  name: ['nom', 'name', 'nom et prenom', 'prenom et nom', 'nom prenom', 'votre nom', 'your name', 'nom complet', 'full name'],
  email: ['e mail', 'email', 'courriel', 'adresse e mail', 'email address', 'adresse email', 'mail'],
  phone: ['telephone', 'tel', 'phone', 'gsm', 'portable', 'mobile', 'numero de telephone', 'phone number'],
} as const;
export type MemberLabel = keyof typeof MEMBER_LABELS;

export function memberLabel(title: string): MemberLabel | null {
  const key = headerKey(title);
  for (const label of Object.keys(MEMBER_LABELS) as MemberLabel[]) {
    if ((MEMBER_LABELS[label] as readonly string[]).includes(key)) return label;
  }
  return null;
}

function aliasPosition(cells: readonly string[], aliases: readonly string[]): number {
  return cells.findIndex((cell) => aliases.includes(headerKey(cell)));
}

export interface OrderFormLayout {
  /** Index in the rows of the products' title row. */
  titleRow: number;
  columns: Record<OrderFormColumn, number> & { producer: number };
}

/** Where the products table starts, or null when the sheet is no order form (an online form's export). */
export function orderFormLayout(rows: readonly CsvRow[]): OrderFormLayout | null {
  for (let index = 0; index < Math.min(rows.length, 30); index++) {
    const cells = rows[index]!.cells;
    const product = aliasPosition(cells, ORDER_FORM_COLUMNS.product);
    const quantity = aliasPosition(cells, ORDER_FORM_COLUMNS.quantity);
    if (product >= 0 && quantity >= 0) {
      return { titleRow: index, columns: { product, quantity, producer: aliasPosition(cells, ORDER_FORM_COLUMNS.producer) } };
    }
  }
  return null;
}
