import { DistributionDetail } from './DistributionDetail';
import { SeasonPage } from './SeasonPage';
import './distributions.css';

/** `#/distributions` shows the season; `#/distributions/<id>` one distribution. */
export function DistributionsPage({ path }: { path: string[] }) {
  const id = path[0];
  // Keyed by id: another distribution is another page, with nothing left over from the last one.
  return id ? <DistributionDetail key={id} id={id} /> : <SeasonPage />;
}
