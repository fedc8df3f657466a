// Inputs for figures: numbers typed the Vietnamese way ("1.234,5"; shown again so once the field is left), and a
// yes/no switch that also says when nothing was chosen yet.
import { Flex, Input, Switch, Typography, type InputProps } from 'antd';
import { formatNumberVi, parseNumberVi } from '../../../shared/text';
import { useI18n } from '../../../web/i18n';

export interface ViNumberInputProps extends Omit<InputProps, 'value' | 'onChange'> {
  value?: string;
  onChange?: (value: string) => void;
  /** Only whole numbers (the phone shows a digit keypad). */
  integer?: boolean;
}

/** A number as text, read with the Vietnamese separators; a readable number is rewritten "1.234,5" on leaving. */
export function ViNumberInput({ value, onChange, integer, onBlur, ...rest }: ViNumberInputProps) {
  return (
    <Input
      {...rest}
      value={value ?? ''}
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={(e) => {
        const raw = e.target.value.replace(/\s*%$/, '');
        const n = raw.trim() ? parseNumberVi(raw) : null;
        if (n !== null) onChange?.(formatNumberVi(n));
        onBlur?.(e);
      }}
    />
  );
}

/** A number from a form's text ('' and unreadable text: undefined). */
export function numberFromText(text: string | undefined | null): number | undefined {
  if (!text || !text.trim()) return undefined;
  return parseNumberVi(text) ?? undefined;
}

export interface YesNoSwitchProps {
  id?: string;
  value?: boolean | null;
  onChange?: (value: boolean) => void;
  disabled?: boolean;
  'aria-describedby'?: string;
}

/** Có/Không; "chưa chọn" beside it until a choice is made (null is a figure not given). */
export function YesNoSwitch({ id, value, onChange, disabled, ...rest }: YesNoSwitchProps) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={8}>
      <Switch id={id} className="yes-no-switch" checked={value === true} onChange={(v) => onChange?.(v)} disabled={disabled} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} aria-describedby={rest['aria-describedby']} />
      {value === null || value === undefined ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('submission.notChosen')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
