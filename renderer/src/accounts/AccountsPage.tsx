import { AccountPage } from './AccountPage';
import { AccountsList } from './AccountsList';
import '../forms/list-page.css';
import './accounts.css';

/** `#/accounts` lists the members' balances; `#/accounts/<memberId>` is one member's account. */
export function AccountsPage({ path }: { path: string[] }) {
  const [memberId] = path;
  return memberId ? <AccountPage key={memberId} memberId={memberId} /> : <AccountsList />;
}
