import { CataloguePrint } from './CataloguePrint';
import { isGroupBy } from './catalogue-sections';
import { PrintIndex } from './PrintIndex';
import './print.css';

/**
 * The print area: `#/print` lists what can be printed;
 * `#/print/catalogue/<distributionId>[/producer|/category]` is one document's preview.
 */
export function PrintPage({ path }: { path: string[] }) {
  const [view, id, groupBy] = path;
  if (view === 'catalogue' && id) {
    return <CataloguePrint key={id} distributionId={id} initialGroupBy={isGroupBy(groupBy) ? groupBy : 'producer'} />;
  }
  return <PrintIndex />;
}
