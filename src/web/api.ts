// Typed client for /api/v1: same-origin cookie session, JSON, the CSRF header on writes, errors as ApiError.
import type { z } from 'zod';
import type { AuditListResponse, AuditQuery } from '../modules/audit/audit.schema';
import type { LoginBody, Me } from '../modules/auth/auth.schema';
import type {
  CommentList,
  CommentListQuery,
  CommentSchema,
  ConsultationList,
  ConsultationSchema,
  ConsultationStats,
  CreateCommentBody,
  CreateConsultationBody,
  CreateDraftBody,
  CreateDraftVersionBody,
  CreateMeetingBody,
  DraftDetailSchema,
  DraftSchema,
  MeetingSchema,
  PublicCommentBody,
  PublicCommentReceipt,
  PublicCommuneQuery,
  PublicConsultationList,
  PublicConsultationSchema,
  AltchaChallenge,
  ConsultationStatus,
  ImportBody,
  ImportReport as ImportReportSchema,
  IMPORT_MODES,
} from '../modules/consultations/consultations.schema';
import type { CurationBody, GroupDetailSchema, ReportQuery, SynthesisGroupList, SynthesisGroupsQuery, SynthesisSchema } from '../modules/synthesis/synthesis.schema';
import type {
  AttachmentBody,
  CampaignDetailSchema,
  CampaignSchema,
  CompletenessQuery,
  CompletenessSchema,
  CreateCampaignBody,
  CreateOutlineBody,
  NotificationSchema,
  OutlineDetailSchema,
  OutlineSummarySchema,
  ParsedOutlineSchema,
  ParseOutlineBody,
  ReportContent,
  RollupMode,
  RollupResponseSchema,
  SaveSubmissionBody,
  SubmissionSchema,
  SubmitBody,
  Outline,
  VersionComparisonSchema,
} from '../modules/reporting/reporting.schema';
import type {
  ApplyTemplateBody,
  ApplyTemplateResponse,
  CloseOrganizationBody,
  CreateReportingLineBody,
  Organization,
  OrganizationDetailResponse,
  OrganizationListQuery,
  OrganizationListResponse,
  UpdateOrganizationBody,
} from '../modules/organizations/organizations.schema';
import type { SentimentRecordBody, SentimentRecordList, SentimentRecordListQuery, SentimentRecordSchema, SentimentReportSchema } from '../modules/sentiment/sentiment.schema';
import type { CommuneSearchResult, UnitDetailResponse, UnitListQuery, UnitListResponse, UnitStatsResponse } from '../modules/units/units.schema';
import type { CreateUserBody, GrantInput, UpdateUserBody, User, UserListQuery, UserListResponse } from '../modules/users/users.schema';

export const API_BASE = '/api/v1';

/** An error answered by the API (or a failed connection: status 0), with its stable code and Vietnamese message. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message to show for any error thrown by a request. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi không xác định.';
}

// The session cookie is HttpOnly; the CSRF token that must accompany writes lives only in memory.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let unauthorizedHandler: (() => void) | null = null;
/** What to do when the session has ended (401): the app sends the user to the login page. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds '?a=1&b=x' from defined, non-empty values. */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (the login and the first /me call). */
  allowAnonymous?: boolean;
}

/** Sends one request to the API and returns its JSON body, or throws ApiError. */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', error?.details);
    if (res.status === 401 && !opts.allowAnonymous) unauthorizedHandler?.();
    throw apiError;
  }
  return data as T;
}

/** A file the API answers with (reports, templates): its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** Fetches a file from the API (cookie session), throwing ApiError with the API's message when refused. */
export async function fetchFile(path: string, query?: Query, fallbackName = 'tai-lieu'): Promise<DownloadedFile> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(query)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!res.ok) {
    let error: { code?: string; message?: string } | undefined;
    try {
      error = ((await res.json()) as { error?: { code?: string; message?: string } }).error;
    } catch {
      error = undefined;
    }
    if (res.status === 401) unauthorizedHandler?.();
    throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? 'Đã có lỗi hệ thống. Vui lòng thử lại sau.');
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await res.blob(), fileName: name ? decodeURIComponent(name) : fallbackName };
}

/** Hands a fetched file to the browser's download (the page stays where it is). */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
export const del = <T>(path: string) => request<T>('DELETE', path);

export type { Me, Organization, User };
export type UnitList = z.infer<typeof UnitListResponse>;
export type UnitListItem = UnitList['items'][number];
export type UnitDetail = z.infer<typeof UnitDetailResponse>;
export type UnitStats = z.infer<typeof UnitStatsResponse>;
export type OrganizationList = z.infer<typeof OrganizationListResponse>;
export type OrganizationDetail = z.infer<typeof OrganizationDetailResponse>;
export type ReportingLine = OrganizationDetail['reportsTo'][number];
export type UserList = z.infer<typeof UserListResponse>;
export type AuditList = z.infer<typeof AuditListResponse>;
export type AuditEntry = AuditList['items'][number];
export type Draft = z.infer<typeof DraftSchema>;
export type DraftDetail = z.infer<typeof DraftDetailSchema>;
export type DraftSection = DraftDetail['sections'][number];
export type Consultation = z.infer<typeof ConsultationSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type CommentPage = z.infer<typeof CommentList>;
export type Stats = z.infer<typeof ConsultationStats>;
export type PublicConsultationSummary = z.infer<typeof PublicConsultationList>['items'][number];
export type PublicConsultation = z.infer<typeof PublicConsultationSchema>;
export type PublicChallenge = z.infer<typeof AltchaChallenge>;
export type PublicReceipt = z.infer<typeof PublicCommentReceipt>;
export type PublicCommentInput = z.input<typeof PublicCommentBody>;
export type CommuneSearch = z.infer<typeof CommuneSearchResult>;
export type CommuneMatch = CommuneSearch['items'][number];
export type Synthesis = z.infer<typeof SynthesisSchema>;
export type SynthesisGroup = z.infer<typeof SynthesisGroupList>['items'][number];
export type SynthesisGroupDetail = z.infer<typeof GroupDetailSchema>;
export type SynthesisMember = SynthesisGroupDetail['members'][number];
export type CurationStep = z.input<typeof CurationBody>;

export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportReport = z.infer<typeof ImportReportSchema>;

export type OutlineSummary = z.infer<typeof OutlineSummarySchema>;
export type OutlineDetail = z.infer<typeof OutlineDetailSchema>;
export type ParsedOutline = z.infer<typeof ParsedOutlineSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;
export type CampaignPeriod = CampaignDetail['periods'][number];
export type Submission = z.infer<typeof SubmissionSchema>;
export type VersionComparison = z.infer<typeof VersionComparisonSchema>;
export type Rollup = z.infer<typeof RollupResponseSchema>;
export type Completeness = z.infer<typeof CompletenessSchema>;
export type Notification = z.infer<typeof NotificationSchema>;
export type SentimentRecord = z.infer<typeof SentimentRecordSchema>;
export type SentimentRecordPage = z.infer<typeof SentimentRecordList>;
export type SentimentRecordInput = z.input<typeof SentimentRecordBody>;
export type SentimentReport = z.infer<typeof SentimentReportSchema>;

/** A unit's report in a campaign's period: the path segments every submission endpoint shares. */
export interface SubmissionKey {
  campaignId: number;
  periodKey: string;
  organizationId: number;
}

/** The API path of a unit's report for a period (without /api/v1). */
export const submissionPath = (k: SubmissionKey) => `/campaigns/${k.campaignId}/periods/${encodeURIComponent(k.periodKey)}/submissions/${k.organizationId}`;

/** What the person issuing a synthesis report fills in (the query of report.docx / report.xlsx). */
export type ReportOptions = z.input<typeof ReportQuery>;

const seg = encodeURIComponent;

/** Every endpoint the web app uses, typed by the server's own zod schemas. */
export const api = {
  auth: {
    login: async (body: z.input<typeof LoginBody>) => {
      const me = await request<Me>('POST', '/auth/login', { body, allowAnonymous: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
    logout: async () => {
      try {
        await post<{ ok: true }>('/auth/logout');
      } finally {
        setCsrfToken(null);
      }
    },
    me: async (signal?: AbortSignal) => {
      const me = await request<Me>('GET', '/me', { signal, allowAnonymous: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
  },
  units: {
    list: (query: z.input<typeof UnitListQuery>, signal?: AbortSignal) => get<UnitList>('/units', query as Query, signal),
    stats: (at?: string, signal?: AbortSignal) => get<UnitStats>('/units/stats', { at }, signal),
    detail: (level: string, code: string, at?: string, signal?: AbortSignal) => get<UnitDetail>(`/units/${seg(level)}/${seg(code)}`, { at }, signal),
  },
  organizations: {
    list: (query: Partial<z.input<typeof OrganizationListQuery>>, signal?: AbortSignal) => get<OrganizationList>('/organizations', query as Query, signal),
    detail: (id: number, signal?: AbortSignal) => get<OrganizationDetail>(`/organizations/${id}`, undefined, signal),
    update: (id: number, body: z.input<typeof UpdateOrganizationBody>) => patch<Organization>(`/organizations/${id}`, body),
    close: (id: number, body: z.input<typeof CloseOrganizationBody>) => post<Organization>(`/organizations/${id}/close`, body),
    addReportingLine: (id: number, body: z.input<typeof CreateReportingLineBody>) => post<{ id: number }>(`/organizations/${id}/reporting-lines`, body),
    fromTemplate: (body: z.input<typeof ApplyTemplateBody>) => post<z.infer<typeof ApplyTemplateResponse>>('/organizations/from-template', body),
  },
  users: {
    list: (query: Partial<z.input<typeof UserListQuery>>, signal?: AbortSignal) => get<UserList>('/users', query as Query, signal),
    get: (id: number, signal?: AbortSignal) => get<User>(`/users/${id}`, undefined, signal),
    create: (body: z.input<typeof CreateUserBody>) => post<User>('/users', body),
    update: (id: number, body: z.input<typeof UpdateUserBody>) => patch<User>(`/users/${id}`, body),
    addGrant: (id: number, body: z.input<typeof GrantInput>) => post<User>(`/users/${id}/grants`, body),
    removeGrant: (id: number, grantId: number) => del<User>(`/users/${id}/grants/${grantId}`),
  },
  audit: {
    list: (query: Partial<z.input<typeof AuditQuery>>, signal?: AbortSignal) => get<AuditList>('/audit', query as Query, signal),
  },
  drafts: {
    list: (organizationId?: number, signal?: AbortSignal) => get<{ items: Draft[] }>('/drafts', { organizationId }, signal),
    get: (id: number, version?: number, signal?: AbortSignal) => get<DraftDetail>(`/drafts/${id}`, { version }, signal),
    create: (body: z.input<typeof CreateDraftBody>) => post<Draft>('/drafts', body),
    addVersion: (id: number, body: z.input<typeof CreateDraftVersionBody>) => post<Draft>(`/drafts/${id}/versions`, body),
  },
  consultations: {
    list: (status?: ConsultationStatus, signal?: AbortSignal) => get<z.infer<typeof ConsultationList>>('/consultations', { status }, signal),
    get: (id: number, signal?: AbortSignal) => get<Consultation>(`/consultations/${id}`, undefined, signal),
    create: (body: z.input<typeof CreateConsultationBody>) => post<Consultation>('/consultations', body),
    transition: (id: number, action: 'open' | 'close') => post<Consultation>(`/consultations/${id}/${action}`),
    meetings: (id: number, signal?: AbortSignal) => get<{ items: Meeting[] }>(`/consultations/${id}/meetings`, undefined, signal),
    createMeeting: (id: number, body: z.input<typeof CreateMeetingBody>) => post<Meeting>(`/consultations/${id}/meetings`, body),
    comments: (id: number, query: Partial<z.input<typeof CommentListQuery>>, signal?: AbortSignal) => get<CommentPage>(`/consultations/${id}/comments`, query as Query, signal),
    createComment: (id: number, body: z.input<typeof CreateCommentBody>) => post<Comment>(`/consultations/${id}/comments`, body),
    stats: (id: number, organizationId?: number, signal?: AbortSignal) => get<Stats>(`/consultations/${id}/stats`, { organizationId }, signal),
    importTemplate: (id: number) => fetchFile(`/consultations/${id}/imports/template.xlsx`, undefined, 'mau-nhap-y-kien.xlsx'),
    importFile: (id: number, body: z.input<typeof ImportBody>) => post<ImportReport>(`/consultations/${id}/imports`, body),
  },
  public: {
    list: (signal?: AbortSignal) => get<{ items: PublicConsultationSummary[] }>('/public/consultations', undefined, signal),
    get: (id: number, signal?: AbortSignal) => get<PublicConsultation>(`/public/consultations/${id}`, undefined, signal),
    communes: (id: number, query: z.input<typeof PublicCommuneQuery>, signal?: AbortSignal) => get<CommuneSearch>(`/public/consultations/${id}/communes`, query as Query, signal),
    challenge: () => get<PublicChallenge>('/public/challenge'),
    comment: (id: number, body: PublicCommentInput) => post<PublicReceipt>(`/public/consultations/${id}/comments`, body),
  },
  synthesis: {
    get: (id: number, orgId: number, signal?: AbortSignal) => get<Synthesis>(`/consultations/${id}/syntheses/${orgId}`, undefined, signal),
    build: (id: number, orgId: number) => post<Synthesis>(`/consultations/${id}/syntheses/${orgId}/build`),
    groups: (id: number, orgId: number, query: Partial<z.input<typeof SynthesisGroupsQuery>>, signal?: AbortSignal) =>
      get<z.infer<typeof SynthesisGroupList>>(`/consultations/${id}/syntheses/${orgId}/groups`, query as Query, signal),
    group: (id: number, orgId: number, groupId: number, signal?: AbortSignal) => get<SynthesisGroupDetail>(`/consultations/${id}/syntheses/${orgId}/groups/${groupId}`, undefined, signal),
    step: (id: number, orgId: number, body: CurationStep) => post<Synthesis>(`/consultations/${id}/syntheses/${orgId}/steps`, body),
    transition: (id: number, orgId: number, action: 'approve' | 'reopen' | 'send') => post<Synthesis>(`/consultations/${id}/syntheses/${orgId}/${action}`),
    returnReceived: (id: number, orgId: number, childId: number, note: string) => post<Synthesis>(`/consultations/${id}/syntheses/${orgId}/received/${childId}/return`, { note }),
    report: (id: number, orgId: number, format: 'docx' | 'xlsx', options: ReportOptions) =>
      fetchFile(`/consultations/${id}/syntheses/${orgId}/report.${format}`, options as Query, `bao-cao-tong-hop-${id}-${orgId}.${format}`),
  },
  reporting: {
    outlines: (organizationId?: number, signal?: AbortSignal) => get<{ items: OutlineSummary[] }>('/outlines', { organizationId }, signal),
    outline: (id: number, version?: number, signal?: AbortSignal) => get<OutlineDetail>(`/outlines/${id}`, { version }, signal),
    parseOutline: (body: z.input<typeof ParseOutlineBody>) => post<ParsedOutline>('/outlines/parse', body),
    createOutline: (body: z.input<typeof CreateOutlineBody>) => post<OutlineDetail>('/outlines', body),
    addOutlineVersion: (id: number, outline: Outline) => post<OutlineDetail>(`/outlines/${id}/versions`, { outline }),
    campaigns: (signal?: AbortSignal) => get<{ items: Campaign[] }>('/campaigns', undefined, signal),
    campaign: (id: number, signal?: AbortSignal) => get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
    createCampaign: (body: z.input<typeof CreateCampaignBody>) => post<CampaignDetail>('/campaigns', body),
    setPeriodClosed: (id: number, periodKey: string, closed: boolean) => post<CampaignDetail>(`/campaigns/${id}/periods/${encodeURIComponent(periodKey)}/${closed ? 'close' : 'reopen'}`),
    rollup: (id: number, periodKey: string, organizationId: number, mode: RollupMode, signal?: AbortSignal) =>
      get<Rollup>(`/campaigns/${id}/periods/${encodeURIComponent(periodKey)}/rollup`, { organizationId, mode }, signal),
    completeness: (id: number, query: Partial<z.input<typeof CompletenessQuery>>, signal?: AbortSignal) => get<Completeness>(`/campaigns/${id}/completeness`, query as Query, signal),
    submission: (k: SubmissionKey, signal?: AbortSignal) => get<Submission>(submissionPath(k), undefined, signal),
    save: (k: SubmissionKey, body: z.input<typeof SaveSubmissionBody>) => put<Submission>(submissionPath(k), body),
    submit: (k: SubmissionKey, body: z.input<typeof SubmitBody>) => post<Submission>(`${submissionPath(k)}/submit`, body),
    returnReport: (k: SubmissionKey, reason: string) => post<Submission>(`${submissionPath(k)}/return`, { reason }),
    accept: (k: SubmissionKey) => post<Submission>(`${submissionPath(k)}/accept`),
    unlock: (k: SubmissionKey, reason: string) => post<Submission>(`${submissionPath(k)}/unlock`, { reason }),
    version: (k: SubmissionKey, version: number, signal?: AbortSignal) => get<ReportContent>(`${submissionPath(k)}/versions/${version}`, undefined, signal),
    compare: (k: SubmissionKey, from: number, to: number, signal?: AbortSignal) => get<VersionComparison>(`${submissionPath(k)}/compare`, { from, to }, signal),
    attach: (k: SubmissionKey, body: z.input<typeof AttachmentBody>) => post<Submission>(`${submissionPath(k)}/attachments`, body),
    notifications: (signal?: AbortSignal) => get<{ items: Notification[] }>('/notifications', undefined, signal),
    markRead: (id: number) => post<Notification>(`/notifications/${id}/read`),
  },
  sentiment: {
    records: (orgId: number, query: Partial<z.input<typeof SentimentRecordListQuery>>, signal?: AbortSignal) =>
      get<SentimentRecordPage>(`/organizations/${orgId}/sentiment-records`, query as Query, signal),
    create: (orgId: number, body: SentimentRecordInput) => post<SentimentRecord>(`/organizations/${orgId}/sentiment-records`, body),
    update: (orgId: number, id: number, body: SentimentRecordInput) => put<SentimentRecord>(`/organizations/${orgId}/sentiment-records/${id}`, body),
    remove: (orgId: number, id: number) => del<{ ok: true }>(`/organizations/${orgId}/sentiment-records/${id}`),
    report: (orgId: number, month: string, signal?: AbortSignal) => get<SentimentReport>(`/organizations/${orgId}/sentiment-report`, { month }, signal),
  },
};
