import { Route, Routes } from 'react-router';
import { CaseDetailPage } from '../pages/Cases/CaseDetail.page';
import { CasesPage } from '../pages/Cases/Cases.page';
import { CustomersPage } from '../pages/Customers/Customers.page';
import { CustomerDetailPage } from '../pages/Customers/CustomerDetail.page';
import { DuplicatesPage } from '../pages/Customers/Duplicates.page';
import { DealDetailPage } from '../pages/Deals/DealDetail.page';
import { DealsPage } from '../pages/Deals/Deals.page';
import { NewDealPage } from '../pages/Deals/NewDeal.page';
import { FollowupsPage } from '../pages/Followups/Followups.page';
import { ImportPage } from '../pages/Import/Import.page';
import { NotFoundPage } from '../pages/NotFound/NotFound.page';
import { SettingsPage } from '../pages/Settings/Settings.page';
import { TodayPage } from '../pages/Today/Today.page';
import { AppLayout } from './AppLayout';

/** Paths match app/nav.ts; the hash router keeps them working under app:// and the browser host alike. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<TodayPage />} />
        <Route path="deals" element={<DealsPage />} />
        <Route path="deals/new" element={<NewDealPage />} />
        <Route path="deals/:id" element={<DealDetailPage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="customers/duplicates" element={<DuplicatesPage />} />
        <Route path="customers/:id" element={<CustomerDetailPage />} />
        <Route path="cases" element={<CasesPage />} />
        <Route path="cases/:id" element={<CaseDetailPage />} />
        <Route path="followups" element={<FollowupsPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
