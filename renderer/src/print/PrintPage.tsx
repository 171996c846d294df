import { CataloguePrint } from './CataloguePrint';
import { isGroupBy } from './catalogue-sections';
import { DistributionSheetPrint, isPickupLayout } from './DistributionSheetPrint';
import { PrintIndex } from './PrintIndex';
import { StatementPrint } from './StatementPrint';
import { ReceiptPrint } from './ReceiptPrint';
import { ProducerAccessPrint } from './ProducerAccessPrint';
import { InvoicePrint, ProducerStatementPrint } from './ProducerStatementPrint';
import './print.css';
import './sheets.css';

/**
 * The print area: `#/print` lists what can be printed; one document's preview is
 * `#/print/catalogue/<distributionId>[/producer|/category]`,
 * `#/print/pickup/<distributionId>[/list|/items|/slips]`, `#/print/delivery/<distributionId>`
 * or `#/print/summary/<distributionId>`; a member's account statement is `#/print/statement/<memberId>[/<YYYY-MM>]`;
 * a producer's monthly statement `#/print/producerStatement/<producerId>/<YYYY-MM>`, for one distribution
 * `#/print/producerStatement/<producerId>/distribution/<distributionId>`, an issued invoice `#/print/invoice/<invoiceId>`,
 * a member's receipt for a basket `#/print/receipt/<orderId>`, a producer's own server account `#/print/producerAccess/<producerId>`.
 */
const isMonth = (text: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

export function PrintPage({ path }: { path: string[] }) {
  const [view, id, option, detail] = path;
  if (!id) return <PrintIndex />;
  switch (view) {
    case 'catalogue':
      return <CataloguePrint key={id} distributionId={id} initialGroupBy={isGroupBy(option) ? option : 'producer'} />;
    case 'pickup': {
      const layout = isPickupLayout(option) ? option : 'list';
      return <DistributionSheetPrint key={`${view}/${id}/${layout}`} view={view} distributionId={id} initialLayout={layout} />;
    }
    case 'statement':
      return <StatementPrint key={`${id}/${option ?? ''}`} memberId={id} month={option && isMonth(option) ? option : null} />;
    case 'producerStatement': {
      const period =
        option === 'distribution' && detail
          ? ({ kind: 'distribution', distributionId: detail } as const)
          : option && isMonth(option)
            ? ({ kind: 'month', month: option } as const)
            : null;
      return period ? <ProducerStatementPrint key={path.join('/')} producerId={id} period={period} /> : <PrintIndex />;
    }
    case 'invoice':
      return <InvoicePrint key={id} invoiceId={id} />;
    case 'receipt':
      return <ReceiptPrint key={id} orderId={id} />;
    case 'producerAccess':
      return <ProducerAccessPrint key={id} producerId={id} />;
    case 'delivery':
    case 'summary':
      return <DistributionSheetPrint key={`${view}/${id}`} view={view} distributionId={id} />;
    default:
      return <PrintIndex />;
  }
}
