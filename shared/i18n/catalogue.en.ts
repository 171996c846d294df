import type { catalogueFr } from './catalogue.fr';

/** Messages of the catalogue, distributions and stock (issue 3), English. */
export const catalogueEn: Record<keyof typeof catalogueFr, string> = {
  'error.stockBelowOrdered': '{ordered} already ordered for “{product}”: stock cannot go below {ordered} (asked: {quantity}).',
  'error.productNotFound': 'This product does not exist.',
  'error.producerArchived': 'Producer “{name}” is archived: restore them first.',
  'error.productArchived': 'Product “{name}” is archived and cannot be offered.',
  'error.distributionNotFound': 'This distribution does not exist.',
  'error.distributionFinished': 'The distribution of {date} is over or cancelled: its stock can no longer change.',
  'error.windowOpensAfterClose': 'Ordering must open before it closes.',
  'error.windowClosesAfterPickup': 'Ordering must close before pickup starts.',
  'error.seriesEmpty': 'This series has no dates.',
  'error.distributionNotOpen': 'Ordering is not open for this distribution.',
  'error.distributionCancelled': 'This distribution is cancelled.',
  'error.reopenNeedsClosing': 'The closing time has passed: choose a new closing time for ordering.',
  'error.cancelHasOrders': 'This distribution has {count, plural, one {# order} other {# orders}}. Confirm the cancellation.',

  'validation.vatRate': 'VAT rate not used in the relay’s country (possible: {rates} %).',
  'validation.wholeUnits': 'Enter a whole number of sale units.',
  'validation.date': 'Invalid date: type day/month/year, for example 04/12/2026.',
  'validation.time': 'Invalid time (HH:MM).',
  'validation.endBeforeStart': 'The end must be after the start.',
  'validation.seriesLength': 'Give a number of weeks or an end date.',

  'csv.unclosedQuote': 'A quote is opened and never closed: the line could not be read.',
  'import.missingColumn': 'Required column missing: “{column}”.',
  'import.unknownUnit': 'Unknown unit: “{unit}”.',
  'import.priceAndPerKg': 'A price per piece and a price per kg: keep only one (sold by weight: the price per kg).',
  'import.badPieceGrams': 'Invalid weight per piece: “{weight}” (example: 450 g); a product sold per kg needs one.',
  'import.badPrice': 'Invalid price: “{price}” (example: 2.50).',
  'import.badVat': 'Invalid VAT rate: “{vat}” (possible: {rates}).',
  'import.duplicateRow': 'Product “{name}” appears twice for this producer; only the first line is used.',
  'import.emptyFile': 'The file is empty.',
};
