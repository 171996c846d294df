import type { AppError } from '../../../shared/contract/errors';
import { formatMoney, formatWeight } from '../../../shared/i18n/format';
import type { Product } from '../../../shared/model/product';
import { useReadyApp } from '../app/ready-app-context';
import { RowActions } from '../forms/RowActions';
import { useI18n } from '../i18n/i18n-context';
import { InlineEdit } from './InlineEdit';
import { priceText, stockText } from './product-draft';
import { UNIT_LABELS, vatLabel } from './product-labels';

const ROW_LABELS = { edit: 'catalogue.editLabel', archive: 'catalogue.archiveLabel', restore: 'catalogue.restoreLabel' } as const;

interface ProductTableProps {
  products: Product[];
  producerName: (producerId: string) => string;
  onEdit: (product: Product) => void;
  onArchive: (product: Product) => void;
  onRestore: (product: Product) => void;
  onSavePrice: (product: Product, text: string) => Promise<AppError | null>;
  onSaveStock: (product: Product, text: string) => Promise<AppError | null>;
  busyId: string | null;
  /** A producer's copy shows its catalogue but changes only its stock (the organiser keeps the catalogue). */
  readOnly?: boolean;
}

/**
 * One row per product. Price and default stock are edited in place, the rest
 * in the dialog. Every button's accessible name carries the product's name
 * ("Modifier Carottes"), so tabbing through the table says which row it is on.
 */
export function ProductTable(props: ProductTableProps) {
  const { products, producerName, onEdit, onArchive, onRestore, onSavePrice, onSaveStock, busyId, readOnly = false } = props;
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  return (
    <div className="table-frame">
      <table className="table product-table">
        <caption className="visually-hidden">{t('catalogue.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.column.product')}</th>
            <th scope="col">{t('catalogue.column.producer')}</th>
            <th scope="col">{t('catalogue.column.category')}</th>
            <th scope="col">{t('catalogue.column.unit')}</th>
            <th scope="col" className="numeric">
              {t('catalogue.column.price')}
            </th>
            <th scope="col" className="numeric">
              {t('catalogue.column.vat')}
            </th>
            <th scope="col" className="numeric">
              {t('catalogue.column.stock')}
            </th>
            {!readOnly && (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {products.map((product) => {
            const archived = product.archivedAt !== null;
            const name = product.name;
            // Sold by weight (issue 15): the price is per kg, the members order pieces of about pieceGrams.
            const amount = formatMoney(language, product.priceCents, relay.currency);
            const price = product.pricing === 'weight' ? t('weight.perKg', { price: amount }) : amount;
            const stock =
              product.defaultStock === null ? (
                <>
                  <span aria-hidden="true">{t('common.none')}</span>
                  <span className="visually-hidden">{t('catalogue.inline.noStock')}</span>
                </>
              ) : (
                product.defaultStock
              );
            return (
              <tr key={product.id} className={archived ? 'row-archived' : undefined}>
                <th scope="row">
                  <span className="product-name">{name}</span>
                  {archived && <span className="badge product-archived">{t('catalogue.archivedBadge')}</span>}
                </th>
                <td>{producerName(product.producerId)}</td>
                <td>{product.category}</td>
                <td>
                  <span className="product-unit">{t(UNIT_LABELS[product.unit])}</span>
                  {product.packDescription && <span className="product-pack">{product.packDescription}</span>}
                  {product.pricing === 'weight' && product.pieceGrams !== null && (
                    <span className="product-pack">{t('weight.piece', { weight: formatWeight(language, product.pieceGrams) })}</span>
                  )}
                </td>
                <td className={readOnly ? 'numeric' : 'numeric editable'}>
                  {readOnly ? (
                    price
                  ) : (
                    <InlineEdit
                      display={price}
                      editLabel={t('catalogue.inline.editPrice', { name })}
                      inputLabel={t('catalogue.inline.priceLabel', { name })}
                      initialText={priceText(language, product.priceCents)}
                      inputMode="decimal"
                      onSave={(text) => onSavePrice(product, text)}
                    />
                  )}
                </td>
                <td className="numeric">{vatLabel(t, language, product.vatRateBp)}</td>
                <td className={readOnly ? 'numeric' : 'numeric editable'}>
                  {readOnly ? (
                    stock
                  ) : (
                    <InlineEdit
                      display={stock}
                      editLabel={t('catalogue.inline.editStock', { name })}
                      inputLabel={t('catalogue.inline.stockLabel', { name })}
                      initialText={stockText(product.defaultStock)}
                      inputMode="numeric"
                      onSave={(text) => onSaveStock(product, text)}
                    />
                  )}
                </td>
                {!readOnly && (
                  <RowActions
                    name={name}
                    archived={archived}
                    busy={busyId === product.id}
                    labels={ROW_LABELS}
                    onEdit={() => onEdit(product)}
                    onArchive={() => onArchive(product)}
                    onRestore={() => onRestore(product)}
                  />
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
