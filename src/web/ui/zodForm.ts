// The server's zod schemas as form rules: one schema validates the route's body and the form that fills it.
import type { FormInstance } from 'antd';
import type { RuleObject } from 'antd/es/form';
import type { z } from 'zod';

/** An antd form rule that checks a value against a zod schema and shows the schema's own message. */
export function zodRule(schema: z.ZodType): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
    },
  };
}

/**
 * Validates a whole body with its schema; on failure marks the fields named by each issue's first path segment
 * (via `fieldOf`, for nested shapes) and returns null.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  body: unknown,
  form: FormInstance,
  fieldOf: (path: PropertyKey[]) => string | undefined = (path) => (typeof path[0] === 'string' ? path[0] : undefined),
): z.infer<S> | null {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return null;
}
