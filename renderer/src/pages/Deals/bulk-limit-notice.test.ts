import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { BulkLimitText } from './bulk-limit-notice';

const i18n = initI18n();
afterAll(() => void i18n.changeLanguage('ja'));

const render = (part: 'title' | 'body') => renderToStaticMarkup(createElement(BulkLimitText, { part }));

it('words the bulk limit in the language current when it renders, not when it was created', async () => {
  const title = createElement(BulkLimitText, { part: 'title' });
  await i18n.changeLanguage('ja');
  expect(renderToStaticMarkup(title)).toBe('一度に操作できるのは 5,000 件までです');
  await i18n.changeLanguage('en');
  expect(renderToStaticMarkup(title)).toBe('At most 5,000 deals at once');
  expect(render('body')).toContain('at most 5,000 deals');
});
