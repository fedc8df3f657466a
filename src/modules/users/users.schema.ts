import { z } from 'zod';
import { ROLES } from '../auth/auth.access';
import { GrantSchema } from '../auth/auth.schema';

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Tên đăng nhập phải có ít nhất 3 ký tự')
  .max(50, 'Tên đăng nhập không được dài quá 50 ký tự')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang')
  .describe('Login name: lower-case letters without diacritics, digits, . _ -');

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  active: z.boolean().describe('Inactive users cannot sign in'),
  locale: z.string(),
  createdAt: z.string(),
  grants: z.array(GrantSchema),
});
export type User = z.infer<typeof UserSchema>;

export const GrantInput = z.object({
  organizationId: z.number().int().positive().nullable().describe('null: the whole system (admin role only)'),
  role: z.enum(ROLES),
});

export const CreateUserBody = z.object({
  username: UsernameSchema,
  fullName: z.string().trim().min(1, 'Vui lòng nhập họ tên').max(200),
  email: z.string().trim().email('Địa chỉ thư điện tử không hợp lệ').max(200).nullable().optional(),
  password: z.string().min(1).max(200).describe('At least 10 characters'),
  locale: z.enum(['vi', 'en']).default('vi'),
  grants: z.array(GrantInput).min(1, 'Cần gán ít nhất một vai trò').max(20),
});

export const UpdateUserBody = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  email: z.string().trim().email('Địa chỉ thư điện tử không hợp lệ').max(200).nullable().optional(),
  active: z.boolean().optional(),
  locale: z.enum(['vi', 'en']).optional(),
  password: z.string().min(1).max(200).optional().describe('A new password; ends the user’s sessions'),
});

export const UserIdParams = z.object({ id: z.coerce.number().int().positive() });
export const GrantIdParams = z.object({ id: z.coerce.number().int().positive(), grantId: z.coerce.number().int().positive() });

export const UserListQuery = z.object({
  q: z.string().max(100).optional().describe('Search username or name, diacritics ignored'),
  organizationId: z.coerce.number().int().positive().optional().describe('Only users with a role on this organization'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const UserListResponse = z.object({ items: z.array(UserSchema), total: z.number().int() });
