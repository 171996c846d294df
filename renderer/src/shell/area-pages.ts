/**
 * Each area's screens, loaded when the area is first opened (issue 14: the
 * renderer was one 1.57 MB bundle, all of it parsed before the first screen).
 * Same names as the components, so the shell's routing reads as before; the
 * shell wraps the page in Suspense with a loading line.
 */
import { lazy } from 'react';

export const ProducersPage = lazy(() => import('../producers/ProducersPage').then((module) => ({ default: module.ProducersPage })));
export const CataloguePage = lazy(() => import('../catalogue/CataloguePage').then((module) => ({ default: module.CataloguePage })));
export const DistributionsPage = lazy(() =>
  import('../distributions/DistributionsPage').then((module) => ({ default: module.DistributionsPage })),
);
export const MembersPage = lazy(() => import('../members/MembersPage').then((module) => ({ default: module.MembersPage })));
export const AccountsPage = lazy(() => import('../accounts/AccountsPage').then((module) => ({ default: module.AccountsPage })));
export const OrdersPage = lazy(() => import('../orders/OrdersPage').then((module) => ({ default: module.OrdersPage })));
export const PickupPage = lazy(() => import('../pickup/PickupPage').then((module) => ({ default: module.PickupPage })));
export const StockPage = lazy(() => import('../stock/StockPage').then((module) => ({ default: module.StockPage })));
export const PrintPage = lazy(() => import('../print/PrintPage').then((module) => ({ default: module.PrintPage })));
export const SyncPage = lazy(() => import('../sync/SyncPage').then((module) => ({ default: module.SyncPage })));
export const SettingsPage = lazy(() => import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
export const TodayPage = lazy(() => import('../today/TodayPage').then((module) => ({ default: module.TodayPage })));
export const OutboxPage = lazy(() => import('../outbox/OutboxPage').then((module) => ({ default: module.OutboxPage })));
