import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schemas from './reporting.schema';
import { DeadlinePolicySchema, OutlineSchema, ReminderPolicySchema, ReportContentSchema } from './reporting.schema';

describe('reporting schemas', () => {
  it('all convert to JSON Schema for the OpenAPI document, the outline section as one named definition', () => {
    for (const schema of Object.values(schemas)) {
      if (!(schema instanceof z.ZodType)) continue;
      expect(() => z.toJSONSchema(schema, { io: 'input' })).not.toThrow();
      expect(() => z.toJSONSchema(schema, { io: 'output' })).not.toThrow();
    }
    const json = JSON.stringify(z.toJSONSchema(OutlineSchema, { io: 'input' }));
    expect(json).toContain('"OutlineSection"');
  });

  it('fills defaults down the section tree', () => {
    const o = OutlineSchema.parse({ title: 'Đề cương', sections: [{ address: 'I', children: [{ address: 'I.1', figures: [{ key: 'so_hoi_nghi', label: 'Số hội nghị', type: 'integer', rollup: { kind: 'sum' } }] }] }] });
    expect(o.sections[0]).toEqual({
      address: 'I',
      number: null,
      title: '',
      guidance: '',
      requiresText: false,
      figures: [],
      children: [{ address: 'I.1', number: null, title: '', guidance: '', requiresText: false, figures: [{ key: 'so_hoi_nghi', label: 'Số hội nghị', type: 'integer', unit: '', required: false, rollup: { kind: 'sum' } }], children: [] }],
    });
    expect(OutlineSchema.safeParse({ title: 'x', sections: [{ address: 'I', figures: [{ key: 'Số', label: 'a', type: 'integer', rollup: { kind: 'sum' } }] }] }).error?.issues[0].message).toBe(
      'Mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái.',
    );
  });

  it('has sensible defaults for content, deadlines and reminders', () => {
    expect(ReportContentSchema.parse({})).toEqual({ figures: {}, sections: {} });
    expect(DeadlinePolicySchema.parse({ levels: [{ level: 'province', rule: 'due' }] })).toEqual({
      levels: [{ level: 'province', rule: 'due' }],
      adjust: 'previous_working_day',
      holidays: { extraDaysOff: [], workingDays: [] },
    });
    expect(ReminderPolicySchema.parse({})).toEqual({ daysBefore: [3, 1], at: '08:00', overdue: { firstAfterDays: 1, everyDays: 3, maxCount: 3 } });
  });
});
