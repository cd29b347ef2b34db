import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n';

/** Renders a component as the app does: Vietnamese, Ant Design's vi_VN locale, a fresh query client. */
export function renderVi(ui: ReactElement): RenderResult {
  void i18n.changeLanguage('vi');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <ConfigProvider locale={viVN}>
          <App>{ui}</App>
        </ConfigProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
