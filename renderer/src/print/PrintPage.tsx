import { CataloguePrint } from './CataloguePrint';
import { isGroupBy } from './catalogue-sections';
import { DistributionSheetPrint, isPickupLayout } from './DistributionSheetPrint';
import { PrintIndex } from './PrintIndex';
import { StatementPrint } from './StatementPrint';
import { ReceiptPrint } from './ReceiptPrint';
import { InvoicePrint, ProducerStatementPrint } from './ProducerStatementPrint';
import './print.css';
import './sheets.css';

/**
 * The print area: `#/print` lists what can be printed; one document's preview is
 * `#/print/catalogue/<distributionId>[/producer|/category]`,
 * `#/print/pickup/<distributionId>[/list|/items|/slips]`, `#/print/delivery/<distributionId>`
 * or `#/print/summary/<distributionId>`; a member's account statement is `#/print/statement/<memberId>`;
 * a producer's monthly statement `#/print/producerStatement/<producerId>/<YYYY-MM>`, an issued invoice `#/print/invoice/<invoiceId>`,
 * a member's receipt for a basket `#/print/receipt/<orderId>`.
 */
export function PrintPage({ path }: { path: string[] }) {
  const [view, id, option] = path;
  if (!id) return <PrintIndex />;
  switch (view) {
    case 'catalogue':
      return <CataloguePrint key={id} distributionId={id} initialGroupBy={isGroupBy(option) ? option : 'producer'} />;
    case 'pickup': {
      const layout = isPickupLayout(option) ? option : 'list';
      return <DistributionSheetPrint key={`${view}/${id}/${layout}`} view={view} distributionId={id} initialLayout={layout} />;
    }
    case 'statement':
      return <StatementPrint key={id} memberId={id} />;
    case 'producerStatement':
      return option ? <ProducerStatementPrint key={`${id}/${option}`} producerId={id} month={option} /> : <PrintIndex />;
    case 'invoice':
      return <InvoicePrint key={id} invoiceId={id} />;
    case 'receipt':
      return <ReceiptPrint key={id} orderId={id} />;
    case 'delivery':
    case 'summary':
      return <DistributionSheetPrint key={`${view}/${id}`} view={view} distributionId={id} />;
    default:
      return <PrintIndex />;
  }
}
