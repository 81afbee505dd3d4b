import { callApi } from './support/api';
import { dealsGrid, pickOption } from './support/deals-ui';
import { expect, openApp, saveScreenshot, test } from './support/fixtures';
import { goTo } from './support/ui';

test('10,000 deals: a count that stops at 1,000, scrolling further, sorting, filtering, selection ranges and the 5,000 limit', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  await callApi(host, 'demo.seed', { deals: 10_000 });
  const mother = (await callApi(host, 'members.list', {}))[0]!;
  await callApi(host, 'session.switch', { memberId: mother.id });
  await openApp(page, host);
  await goTo(page, '取引');

  const grid = dealsGrid(page);
  // Counting stops at 1,000 (a million deals cannot be counted in a page's time); the table holds one
  // page more than it knows of, and grows as it is scrolled.
  await expect(page.getByTestId('deals-total')).toHaveText('1,000 件以上');
  await expect(grid).toHaveAttribute('aria-rowcount', '1201');
  // Only the rows on screen exist in the page.
  expect(await grid.locator('[role="row"]').count()).toBeLessThan(60);
  await saveScreenshot(page, 'ja-deals-10000');

  // Scrolling to the end loads the next page and the table grows.
  await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = grid.locator('[aria-rowindex="1201"]');
  await expect(last).toHaveAttribute('data-deal-id', /\d+/);
  await expect(last).toContainText('¥');
  // (The page after the one scrolled to is fetched ahead, so it may grow by more than one page.)
  await expect
    .poll(async () => Number(await grid.getAttribute('aria-rowcount')))
    .toBeGreaterThanOrEqual(1401);
  await expect(page.getByTestId('deals-total')).toHaveText(/^1,[2-9]00 件以上$/);
  await saveScreenshot(page, 'ja-deals-10000-end');

  // Sorting by a header: highest totals first.
  await grid.getByRole('button', { name: '合計' }).click();
  await expect(grid.getByRole('columnheader', { name: '合計' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=total/);
  const totals = await grid
    .locator('[data-deal-id] [role="gridcell"]:nth-child(7)')
    .evaluateAll((cells) => cells.slice(0, 5).map((c) => Number(c.textContent?.replace(/[^\d]/g, ''))));
  expect(totals).toEqual([...totals].sort((a, b) => b - a));

  // Filtering by marketplace: the count is the backend's.
  const mercari = await callApi(host, 'deals.list', { filter: { marketplaces: ['mercari'] }, limit: 1 });
  await pickOption(page, page.getByRole('combobox', { name: 'マーケット' }), 'メルカリ');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deals-total')).toHaveText(
    `条件に合う取引 ${mercari.total.toLocaleString('ja-JP')} 件${mercari.totalCapped ? '以上' : ''}`,
  );
  await page.getByRole('button', { name: '条件をクリア' }).first().click();
  await expect(page.getByTestId('deals-total')).toHaveText(/件以上$/);

  // Shift-click selects a range; the keyboard moves and opens.
  const boxes = grid.locator('[data-deal-id] input[type="checkbox"]');
  await boxes.nth(0).click();
  await boxes.nth(3).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-bar')).toContainText('4 件を選択中');
  await page.getByTestId('bulk-bar').getByRole('button', { name: '選択を解除' }).click();
  await expect(page.getByTestId('bulk-bar')).toBeHidden();

  // "Select all" stops at the bulk limit and says so.
  await grid.getByRole('checkbox', { name: '条件に合う取引をすべて選択' }).click();
  await expect(page.getByTestId('bulk-bar')).toContainText('5,000 件を選択中', { timeout: 20_000 });
  await expect(page.getByText('一度に操作できるのは 5,000 件までです')).toBeVisible();
  // A notice still on screen follows a change of language.
  await callApi(host, 'settings.update', { language: 'en' });
  await expect(page.getByText('At most 5,000 deals at once')).toBeVisible();
  await expect(page.getByText('一度に操作できるのは 5,000 件までです')).toBeHidden();
  await callApi(host, 'settings.update', { language: 'ja' });
  await expect(page.getByText('一度に操作できるのは 5,000 件までです')).toBeVisible();
  await expect(page.getByTestId('bulk-bar')).toContainText('条件に合う取引はそれより多くあります');
  await saveScreenshot(page, 'ja-deals-10000-limit');
  await page.keyboard.press('Escape');
  await grid.getByRole('checkbox', { name: '選択を解除' }).click();
  await expect(page.getByTestId('bulk-bar')).toBeHidden();

  await grid.locator('[aria-rowindex="3"]').click();
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('[aria-rowindex="4"]')).toHaveAttribute('data-cursor', 'true');
  const id = await grid.locator('[aria-rowindex="4"]').getAttribute('data-deal-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/deals/${id}$`));
  await page.getByRole('link', { name: '取引の一覧へ' }).click();
  await expect(page.getByTestId('deals-total')).toHaveText(/件以上$/);

  // English.
  await callApi(host, 'settings.update', { language: 'en' });
  await expect(page.getByTestId('deals-total')).toHaveText(/^[\d,]+\+ deals$/);
  await saveScreenshot(page, 'en-deals-10000');
});
