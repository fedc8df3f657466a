// A calendar month ('YYYY-MM'), picked with the same Ant Design picker (and locale) as the days elsewhere, rather
// than the browser's native month input, which speaks the browser's language instead of the page's.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function MonthPicker(props: { value: string; onChange: (month: string) => void; disabled?: boolean; 'aria-label': string; 'data-testid'?: string; max?: string }) {
  const { value, onChange, max, ...rest } = props;
  return (
    <DatePicker
      {...rest}
      picker="month"
      format="MM/YYYY"
      allowClear={false}
      inputReadOnly
      value={dayjs(`${value}-01`)}
      disabledDate={max ? (d) => d.format('YYYY-MM') > max : undefined}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      style={{ width: 150 }}
    />
  );
}
