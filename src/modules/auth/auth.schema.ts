import { z } from 'zod';
import { ROLES } from './auth.access';

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(1000),
});

export const GrantSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int().nullable().describe('null: the whole system'),
  organizationName: z.string().nullable(),
  unitName: z.string().nullable(),
  role: z.enum(ROLES),
});

export const MeResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  locale: z.string(),
  grants: z.array(GrantSchema).describe('Roles held, each on an organization and what reports to it'),
  isSystemAdmin: z.boolean(),
  csrfToken: z.string().describe('Send as the x-csrf-token header with every write'),
});
export type Me = z.infer<typeof MeResponse>;
