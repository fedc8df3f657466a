// Pagination of a table whose rows the server pages (limit/offset): one page in view, the total from the API.
import type { TablePaginationConfig } from 'antd';

type Translate = (key: 'common.total', vars: { n: number }) => string;

export function serverPagination(t: Translate, page: number, pageSize: number, total: number | undefined, onChange: (page: number) => void): TablePaginationConfig {
  return { current: page, pageSize, total: total ?? 0, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), onChange };
}
