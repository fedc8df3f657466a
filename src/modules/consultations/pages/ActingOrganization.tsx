// "Đơn vị": the participating organization the user works for on a consultation page (records comments, builds its
// synthesis, reads its figures). Offers the organizations the user holds roles on; administrators search any.
import { Select } from 'antd';
import { useMyOrganizations, useOrganizationNames } from '../../../web/ui/myOrganizations';
import { OrganizationSelect } from '../../organizations/pages/OrganizationSelect';

export function ActingOrganizationSelect({ value, onChange }: { value: number | undefined; onChange: (id: number) => void }) {
  const mine = useMyOrganizations();
  const names = useOrganizationNames(value !== undefined ? [value] : []);
  if (!mine.list.length) {
    return (
      <div style={{ minWidth: 260, flex: '1 1 260px', maxWidth: 420 }}>
        <OrganizationSelect id="acting-org" value={value ?? null} onChange={(id) => id && onChange(id)} />
      </div>
    );
  }
  const options = mine.list.map((o) => ({ value: o.id, label: o.name }));
  if (value !== undefined && !mine.byId.has(value)) options.push({ value, label: names.get(value) ?? `#${value}` });
  return (
    <Select
      id="acting-org"
      value={value}
      onChange={onChange}
      options={options}
      style={{ minWidth: 260, maxWidth: 420, flex: '1 1 260px' }}
      popupMatchSelectWidth={false}
      data-testid="acting-org"
    />
  );
}
