// The interface's words in Vietnamese (default) and English. Messages from the server stay in Vietnamese.
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '../modules/auth/auth.access';
import { ORG_KIND_INFO, type OrgKind } from '../modules/organizations/organizations.schema';
import type { UnitLevel } from '../modules/units/units.schema';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const vi = {
  'app.name': 'Dân Ý',
  'app.tagline': 'Nắm tình hình Nhân dân, lấy ý kiến dự thảo văn kiện, chế độ báo cáo',
  'app.skipToContent': 'Chuyển đến nội dung chính',
  'app.loading': 'Đang tải…',
  'app.retry': 'Thử lại',
  'app.language': 'Ngôn ngữ',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Chuyển sang tiếng Anh',
  'app.openMenu': 'Mở menu điều hướng',
  'app.mainNav': 'Điều hướng chính',
  'app.userMenu': 'Tài khoản của tôi',
  'app.logout': 'Đăng xuất',
  'app.apiDocs': 'Tài liệu API',
  'app.notFound': 'Không tìm thấy trang này.',
  'app.backHome': 'Về trang tổng quan',
  'app.forbiddenPage': 'Bạn không có quyền xem trang này.',

  'nav.home': 'Tổng quan',
  'nav.units': 'Đơn vị hành chính',
  'nav.organizations': 'Tổ chức',
  'nav.users': 'Người dùng',
  'nav.audit': 'Nhật ký',

  'login.title': 'Đăng nhập',
  'login.subtitle': 'Đăng nhập để làm việc với Dân Ý',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.usernameRequired': 'Vui lòng nhập tên đăng nhập',
  'login.passwordRequired': 'Vui lòng nhập mật khẩu',
  'login.failed': 'Đăng nhập không thành công',

  'home.title': 'Tổng quan',
  'home.welcome': 'Xin chào, {name}',
  'home.unitsToday': 'Đơn vị hành chính đang hiệu lực (ngày {date})',
  'home.provinces': 'Tỉnh, thành phố',
  'home.districts': 'Huyện, quận, thị xã',
  'home.communes': 'Xã, phường, đặc khu',
  'home.myRoles': 'Vai trò của tôi',
  'home.noRoles': 'Bạn chưa được gán vai trò nào.',
  'home.wholeSystem': 'Toàn hệ thống',
  'home.quickLinks': 'Truy cập nhanh',

  'common.search': 'Tìm kiếm',
  'common.all': 'Tất cả',
  'common.save': 'Lưu',
  'common.cancel': 'Hủy',
  'common.close': 'Đóng',
  'common.edit': 'Sửa',
  'common.delete': 'Xóa',
  'common.add': 'Thêm',
  'common.actions': 'Thao tác',
  'common.details': 'Chi tiết',
  'common.yes': 'Có',
  'common.no': 'Không',
  'common.none': 'Không có',
  'common.saved': 'Đã lưu',
  'common.total': 'Tổng cộng {n}',
  'common.clear': 'Bỏ chọn',
  'common.code': 'Mã',
  'common.name': 'Tên',
  'common.level': 'Cấp',
  'common.type': 'Loại',
  'common.status': 'Trạng thái',
  'common.validFrom': 'Hiệu lực từ',
  'common.validTo': 'Hiệu lực đến',
  'common.validity': 'Thời gian hiệu lực',
  'common.present': 'nay',
  'common.unknownStart': 'trước khi có số liệu',
  'common.inForce': 'Đang hiệu lực',
  'common.ended': 'Đã kết thúc',
  'common.notYet': 'Chưa hiệu lực',

  'level.central': 'Trung ương',
  'level.province': 'Tỉnh, thành phố',
  'level.district': 'Huyện, quận, thị xã',
  'level.commune': 'Xã, phường, đặc khu',
  'level.residential_area': 'Khu dân cư',

  'role.admin': 'Quản trị hệ thống',
  'role.leader': 'Lãnh đạo',
  'role.specialist': 'Chuyên viên',
  'role.collaborator': 'Cộng tác viên',
  'role.viewer': 'Người xem',

  'units.title': 'Đơn vị hành chính',
  'units.at': 'Tại ngày',
  'units.atHelp': 'Xem các đơn vị đang hiệu lực vào một ngày (trước 01/07/2025 còn cấp huyện)',
  'units.statsAt': 'Ngày {date}: {provinces} tỉnh/thành, {districts} huyện, {communes} xã/phường',
  'units.statsAtNoDistrict': 'Ngày {date}: {provinces} tỉnh/thành, {communes} xã/phường',
  'units.searchLabel': 'Tìm đơn vị hành chính',
  'units.searchPlaceholder': 'Gõ tên, có dấu hoặc không dấu (vd. "dong xoai")',
  'units.searchResults': 'Kết quả tìm kiếm',
  'units.noResults': 'Không tìm thấy đơn vị nào',
  'units.moreResults': 'Và {n} đơn vị khác — hãy gõ cụ thể hơn',
  'units.tree': 'Cây đơn vị hành chính',
  'units.treeEmpty': 'Không có đơn vị nào đang hiệu lực vào ngày này',
  'units.selectPrompt': 'Chọn một đơn vị trong cây hoặc tìm theo tên để xem chi tiết.',
  'units.parents': 'Trực thuộc',
  'units.versions': 'Các phiên bản',
  'units.predecessors': 'Hình thành từ',
  'units.successors': 'Sáp nhập vào',
  'units.mergeFull': 'toàn bộ',
  'units.mergePartial': 'một phần',
  'units.effectiveOn': 'từ ngày {date}',
  'units.organizations': 'Tổ chức tại đơn vị',
  'units.noOrganizations': 'Chưa có tổ chức nào (hoặc bạn không có quyền xem).',
  'units.children': 'Đơn vị trực thuộc',
  'units.pick': 'Chọn đơn vị',
  'units.pickTitle': 'Chọn đơn vị hành chính',
  'units.picked': 'Đơn vị: {name}',

  'orgs.title': 'Tổ chức',
  'orgs.searchLabel': 'Tìm tổ chức',
  'orgs.searchPlaceholder': 'Tên tổ chức, có dấu hoặc không dấu',
  'orgs.kind': 'Loại tổ chức',
  'orgs.allKinds': 'Mọi loại tổ chức',
  'orgs.unit': 'Đơn vị hành chính',
  'orgs.anyUnit': 'Mọi đơn vị',
  'orgs.includeEnded': 'Gồm cả tổ chức đã kết thúc',
  'orgs.name': 'Tên tổ chức',
  'orgs.system': 'Hệ thống',
  'orgs.reportsTo': 'Báo cáo lên',
  'orgs.reportedBy': 'Nhận báo cáo từ',
  'orgs.lineSystem': 'Cấp trên trong hệ thống',
  'orgs.lineSameLevel': 'Cùng cấp',
  'orgs.successor': 'Tổ chức kế thừa',
  'orgs.predecessors': 'Kế thừa từ',
  'orgs.rename': 'Đổi tên',
  'orgs.renameTitle': 'Đổi tên tổ chức',
  'orgs.newName': 'Tên mới',
  'orgs.renamed': 'Đã đổi tên tổ chức',
  'orgs.back': 'Danh sách tổ chức',
  'orgs.users': 'Người dùng có vai trò tại đây',
  'orgs.empty': 'Không có tổ chức nào phù hợp.',

  'system.party': 'Đảng',
  'system.front': 'Mặt trận',
  'system.women': 'Phụ nữ',
  'system.youth': 'Thanh niên',
  'system.farmers': 'Nông dân',
  'system.veterans': 'Cựu chiến binh',
  'system.labour': 'Công đoàn',
  'system.state': 'Chính quyền',
  'system.other': 'Khác',

  'users.title': 'Người dùng',
  'users.searchLabel': 'Tìm người dùng',
  'users.searchPlaceholder': 'Tên đăng nhập hoặc họ tên',
  'users.create': 'Tạo người dùng',
  'users.createTitle': 'Tạo người dùng mới',
  'users.created': 'Đã tạo người dùng {username}',
  'users.username': 'Tên đăng nhập',
  'users.usernameHelp': 'Chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang',
  'users.fullName': 'Họ và tên',
  'users.email': 'Thư điện tử',
  'users.password': 'Mật khẩu',
  'users.passwordHelp': 'Ít nhất 10 ký tự',
  'users.passwordMin': 'Mật khẩu phải có ít nhất 10 ký tự',
  'users.locale': 'Ngôn ngữ giao diện',
  'users.role': 'Vai trò',
  'users.organization': 'Tổ chức',
  'users.organizationPlaceholder': 'Gõ tên để tìm tổ chức (vd. "phuong dong xoai")',
  'users.organizationRequired': 'Vui lòng chọn tổ chức',
  'users.roleRequired': 'Vui lòng chọn vai trò',
  'users.wholeSystem': 'Toàn hệ thống (chỉ vai trò quản trị)',
  'users.roles': 'Vai trò',
  'users.active': 'Đang hoạt động',
  'users.inactive': 'Đã khóa',
  'users.activeLabel': 'Cho phép đăng nhập',
  'users.createdAt': 'Ngày tạo',
  'users.editTitle': 'Người dùng {username}',
  'users.profile': 'Thông tin',
  'users.resetPassword': 'Đặt lại mật khẩu',
  'users.newPassword': 'Mật khẩu mới',
  'users.passwordReset': 'Đã đặt lại mật khẩu; các phiên đăng nhập cũ của người này đã kết thúc',
  'users.grants': 'Vai trò được gán',
  'users.addGrant': 'Gán vai trò',
  'users.grantAdded': 'Đã gán vai trò',
  'users.removeGrant': 'Thu hồi',
  'users.removeGrantConfirm': 'Thu hồi vai trò này?',
  'users.grantRemoved': 'Đã thu hồi vai trò',
  'users.empty': 'Không có người dùng nào phù hợp.',

  'audit.title': 'Nhật ký thao tác',
  'audit.actor': 'Người thực hiện',
  'audit.actorPlaceholder': 'Tên đăng nhập',
  'audit.action': 'Thao tác',
  'audit.actionPlaceholder': 'vd. user.create hoặc user.',
  'audit.dateRange': 'Khoảng ngày',
  'audit.from': 'Từ ngày',
  'audit.to': 'Đến ngày',
  'audit.at': 'Thời điểm',
  'audit.entity': 'Đối tượng',
  'audit.organization': 'Tổ chức',
  'audit.ip': 'Địa chỉ IP',
  'audit.before': 'Trước',
  'audit.after': 'Sau',
  'audit.nothing': '(không có)',
  'audit.filter': 'Lọc',
  'audit.reset': 'Xóa bộ lọc',
  'audit.expand': 'Xem chi tiết thay đổi',
  'audit.empty': 'Không có mục nhật ký nào phù hợp.',
} as const;

export type MessageKey = keyof typeof vi;
export type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  'app.name': 'Dân Ý',
  'app.tagline': 'Public sentiment, consultations on draft documents, the reporting regime',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',
  'app.language': 'Language',
  'app.switchLanguage': 'Tiếng Việt',
  'app.switchLanguageLabel': 'Switch to Vietnamese',
  'app.openMenu': 'Open navigation menu',
  'app.mainNav': 'Main navigation',
  'app.userMenu': 'My account',
  'app.logout': 'Sign out',
  'app.apiDocs': 'API documentation',
  'app.notFound': 'This page does not exist.',
  'app.backHome': 'Back to the overview',
  'app.forbiddenPage': 'You may not view this page.',

  'nav.home': 'Overview',
  'nav.units': 'Administrative units',
  'nav.organizations': 'Organizations',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',

  'login.title': 'Sign in',
  'login.subtitle': 'Sign in to work with Dân Ý',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Please enter your username',
  'login.passwordRequired': 'Please enter your password',
  'login.failed': 'Sign-in failed',

  'home.title': 'Overview',
  'home.welcome': 'Hello, {name}',
  'home.unitsToday': 'Administrative units in force ({date})',
  'home.provinces': 'Provinces',
  'home.districts': 'Districts',
  'home.communes': 'Communes and wards',
  'home.myRoles': 'My roles',
  'home.noRoles': 'You have no roles yet.',
  'home.wholeSystem': 'Whole system',
  'home.quickLinks': 'Quick links',

  'common.search': 'Search',
  'common.all': 'All',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.add': 'Add',
  'common.actions': 'Actions',
  'common.details': 'Details',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.none': 'None',
  'common.saved': 'Saved',
  'common.total': '{n} in total',
  'common.clear': 'Clear',
  'common.code': 'Code',
  'common.name': 'Name',
  'common.level': 'Level',
  'common.type': 'Type',
  'common.status': 'Status',
  'common.validFrom': 'Valid from',
  'common.validTo': 'Valid to',
  'common.validity': 'Validity',
  'common.present': 'present',
  'common.unknownStart': 'before our records',
  'common.inForce': 'In force',
  'common.ended': 'Ended',
  'common.notYet': 'Not yet in force',

  'level.central': 'Central',
  'level.province': 'Province',
  'level.district': 'District',
  'level.commune': 'Commune',
  'level.residential_area': 'Residential area',

  'role.admin': 'Administrator',
  'role.leader': 'Leader',
  'role.specialist': 'Specialist',
  'role.collaborator': 'Collaborator',
  'role.viewer': 'Viewer',

  'units.title': 'Administrative units',
  'units.at': 'On date',
  'units.atHelp': 'Browse the units in force on a day (before 1 July 2025 there were districts)',
  'units.statsAt': '{date}: {provinces} provinces, {districts} districts, {communes} communes',
  'units.statsAtNoDistrict': '{date}: {provinces} provinces, {communes} communes',
  'units.searchLabel': 'Search administrative units',
  'units.searchPlaceholder': 'Type a name, with or without diacritics (e.g. "dong xoai")',
  'units.searchResults': 'Search results',
  'units.noResults': 'No unit found',
  'units.moreResults': 'And {n} more — type more precisely',
  'units.tree': 'Administrative unit tree',
  'units.treeEmpty': 'No unit in force on this day',
  'units.selectPrompt': 'Pick a unit in the tree or search by name to see its details.',
  'units.parents': 'Part of',
  'units.versions': 'Versions',
  'units.predecessors': 'Formed from',
  'units.successors': 'Merged into',
  'units.mergeFull': 'whole',
  'units.mergePartial': 'part',
  'units.effectiveOn': 'on {date}',
  'units.organizations': 'Organizations at this unit',
  'units.noOrganizations': 'No organizations (or you may not see them).',
  'units.children': 'Subordinate units',
  'units.pick': 'Pick a unit',
  'units.pickTitle': 'Pick an administrative unit',
  'units.picked': 'Unit: {name}',

  'orgs.title': 'Organizations',
  'orgs.searchLabel': 'Search organizations',
  'orgs.searchPlaceholder': 'Organization name, with or without diacritics',
  'orgs.kind': 'Kind',
  'orgs.allKinds': 'All kinds',
  'orgs.unit': 'Administrative unit',
  'orgs.anyUnit': 'Any unit',
  'orgs.includeEnded': 'Include ended organizations',
  'orgs.name': 'Organization',
  'orgs.system': 'System',
  'orgs.reportsTo': 'Reports to',
  'orgs.reportedBy': 'Receives reports from',
  'orgs.lineSystem': 'Superior in its system',
  'orgs.lineSameLevel': 'Same level',
  'orgs.successor': 'Successor',
  'orgs.predecessors': 'Took over from',
  'orgs.rename': 'Rename',
  'orgs.renameTitle': 'Rename organization',
  'orgs.newName': 'New name',
  'orgs.renamed': 'Organization renamed',
  'orgs.back': 'All organizations',
  'orgs.users': 'Users with a role here',
  'orgs.empty': 'No matching organization.',

  'system.party': 'Party',
  'system.front': 'Fatherland Front',
  'system.women': 'Women',
  'system.youth': 'Youth',
  'system.farmers': 'Farmers',
  'system.veterans': 'Veterans',
  'system.labour': 'Labour',
  'system.state': 'State',
  'system.other': 'Other',

  'users.title': 'Users',
  'users.searchLabel': 'Search users',
  'users.searchPlaceholder': 'Username or full name',
  'users.create': 'Create user',
  'users.createTitle': 'Create a user',
  'users.created': 'User {username} created',
  'users.username': 'Username',
  'users.usernameHelp': 'Lower-case letters without diacritics, digits, . _ -',
  'users.fullName': 'Full name',
  'users.email': 'Email',
  'users.password': 'Password',
  'users.passwordHelp': 'At least 10 characters',
  'users.passwordMin': 'The password needs at least 10 characters',
  'users.locale': 'Interface language',
  'users.role': 'Role',
  'users.organization': 'Organization',
  'users.organizationPlaceholder': 'Type a name to find an organization (e.g. "phuong dong xoai")',
  'users.organizationRequired': 'Please choose an organization',
  'users.roleRequired': 'Please choose a role',
  'users.wholeSystem': 'Whole system (administrator role only)',
  'users.roles': 'Roles',
  'users.active': 'Active',
  'users.inactive': 'Locked',
  'users.activeLabel': 'May sign in',
  'users.createdAt': 'Created',
  'users.editTitle': 'User {username}',
  'users.profile': 'Profile',
  'users.resetPassword': 'Reset password',
  'users.newPassword': 'New password',
  'users.passwordReset': 'Password reset; this user’s old sessions have ended',
  'users.grants': 'Roles granted',
  'users.addGrant': 'Grant role',
  'users.grantAdded': 'Role granted',
  'users.removeGrant': 'Revoke',
  'users.removeGrantConfirm': 'Revoke this role?',
  'users.grantRemoved': 'Role revoked',
  'users.empty': 'No matching user.',

  'audit.title': 'Audit log',
  'audit.actor': 'Actor',
  'audit.actorPlaceholder': 'Username',
  'audit.action': 'Action',
  'audit.actionPlaceholder': 'e.g. user.create or user.',
  'audit.dateRange': 'Date range',
  'audit.from': 'From',
  'audit.to': 'To',
  'audit.at': 'Time',
  'audit.entity': 'Entity',
  'audit.organization': 'Organization',
  'audit.ip': 'IP address',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.nothing': '(none)',
  'audit.filter': 'Filter',
  'audit.reset': 'Reset filters',
  'audit.expand': 'Show the change',
  'audit.empty': 'No matching audit entry.',
};

export const DICTIONARIES: Record<Lang, Dictionary> = { vi, en };

const STORAGE_KEY = 'dany.lang';

/** The language chosen earlier on this browser, Vietnamese by default. */
export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'vi' ? v : 'vi';
  } catch {
    return 'vi';
  }
}

/** A message with its {placeholders} filled in. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Name of a role in the current language. */
  roleLabel: (role: Role) => string;
  /** Name of an organization kind in the current language. */
  kindLabel: (kind: OrgKind) => string;
  levelLabel: (level: UnitLevel) => string;
  /** A calendar day 'YYYY-MM-DD' as dd/mm/yyyy. */
  formatDate: (iso: string | null | undefined) => string;
  /** An instant as date and time in Vietnam's time zone. */
  formatDateTime: (iso: string) => string;
  formatNumber: (n: number) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Formats 'YYYY-MM-DD' as 'dd/mm/yyyy' (the way Vietnamese documents write days). */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as 'dd/mm/yyyy hh:mm:ss' in Vietnam's time zone, whatever the browser's zone. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(VIETNAM_TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** Holds the chosen language, keeps `<html lang>` in step and remembers the choice. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18nValue>(() => {
    const t: Translate = (key, params) => translate(lang, key, params);
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    const number = new Intl.NumberFormat(locale);
    return {
      lang,
      setLang,
      t,
      roleLabel: (role) => t(`role.${role}`),
      kindLabel: (kind) => ORG_KIND_INFO[kind]?.[lang] ?? kind,
      levelLabel: (level) => t(`level.${level}`),
      formatDate: formatIsoDate,
      formatDateTime: formatInstant,
      formatNumber: (n) => number.format(n),
    };
  }, [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** The current language and its helpers. */
export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
