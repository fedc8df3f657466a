// The dictionaries: every key in both languages with the same placeholders, and English words that agree with a count.
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, periodLabelIn, translate, type MessageKey } from './i18n';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'campaign.closedPeriod', { period: 'Tháng 10/2026' })).toBe('Tháng 10/2026 closed');
  });

  it('puts an English word in the singular for exactly one, in the plural otherwise', () => {
    expect(translate('en', 'reporting.overdueBy', { n: 1 })).toBe('1 day overdue');
    expect(translate('en', 'reporting.overdueBy', { n: 3 })).toBe('3 days overdue');
    expect(translate('en', 'outline.decimals', { n: 1 })).toBe('1 decimal place');
    expect(translate('en', 'campaign.overdueText', { first: 1, every: 3, max: 1 })).toBe('overdue: first after 1 day, then every 3 days, at most 1 time');
    expect(translate('en', 'campaign.remindersText', { days: '3, 1', at: '08:00' })).toBe('3, 1 days before, at 08:00;');
    expect(translate('en', 'rollup.units', { n: '1,234' })).toBe('1,234 units');
    expect(translate('vi', 'reporting.overdueBy', { n: 1 })).not.toMatch(/[{}|]/);
  });

  it('has every key in English with the placeholders of the Vietnamese', () => {
    for (const key of Object.keys(DICTIONARIES.vi) as MessageKey[]) {
      expect(DICTIONARIES.en[key], key).toBeTypeOf('string');
      expect(placeholders(DICTIONARIES.en[key]), key).toEqual(placeholders(DICTIONARIES.vi[key]));
    }
  });
});

describe('periodLabelIn', () => {
  it('puts the schedule’s period names in English and leaves a window’s own name as written', () => {
    expect(periodLabelIn('en', 'Tháng 10/2026')).toBe('October 2026');
    expect(periodLabelIn('en', 'Quý III/2026')).toBe('Q3 2026');
    expect(periodLabelIn('en', 'Năm 2026')).toBe('Year 2026');
    expect(periodLabelIn('en', 'Đại hội xã')).toBe('Đại hội xã');
    expect(periodLabelIn('en', 'Tháng 13/2026')).toBe('Tháng 13/2026');
    expect(periodLabelIn('vi', 'Tháng 10/2026')).toBe('Tháng 10/2026');
  });
});
