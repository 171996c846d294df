/** What the catalogue operations return: records joined with what is computed from them. */
import type { Distribution, DistributionStatus, Offer } from '../model/distribution';
import type { Producer } from '../model/producer';
import type { Product } from '../model/product';

export interface DistributionView extends Distribution {
  status: DistributionStatus;
  offerCount: number;
  orderCount: number;
}

export interface OfferRow {
  offer: Offer;
  product: Product;
  producer: Producer;
  ordered: number;
  /** null = unlimited. */
  remaining: number | null;
  /** The price of this week: the offer's override or the catalogue price. */
  priceCents: number;
}

export interface StockCell {
  distributionId: string;
  productId: string;
  /** False when the product is not offered that week. */
  offered: boolean;
  quantity: number | null;
  priceCents: number | null;
  ordered: number;
}

export interface StockGrid {
  producer: Producer;
  products: Product[];
  distributions: DistributionView[];
  cells: StockCell[];
  /** The offers of the distribution before the first column, for "copy last week". */
  previous: StockCell[];
}
