import { DistributionDetail } from './DistributionDetail';
import { SeasonPage } from './SeasonPage';
import { SettlementPage } from '../settlement/SettlementPage';
import './distributions.css';

/** `#/distributions` shows the season; `#/distributions/<id>` one distribution; `#/distributions/<id>/bilan` its settlement. */
export function DistributionsPage({ path }: { path: string[] }) {
  const id = path[0];
  if (id && path[1] === 'bilan') return <SettlementPage key={id} distributionId={id} />;
  // Keyed by id: another distribution is another page, with nothing left over from the last one.
  return id ? <DistributionDetail key={id} id={id} /> : <SeasonPage />;
}
