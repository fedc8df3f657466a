/** An error a user can act on: an HTTP status, a stable code and a Vietnamese message. */
export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu.') => new AppError(404, 'NOT_FOUND', what);
export const forbidden = (what = 'Bạn không có quyền thực hiện thao tác này.') => new AppError(403, 'FORBIDDEN', what);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Vui lòng đăng nhập.');
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
