-- Foundation: administrative units, organizations and reporting lines, accounts, sessions, audit.
-- Plain PostgreSQL; runs unchanged on PGlite and PostgreSQL. Validity periods are inclusive dates;
-- NULL valid_from means "since before our records", NULL valid_to means "still in force".
-- Units and organizations are searched by a folded key (see src/shared/text.ts) with LIKE: tens of thousands of
-- rows scan in milliseconds, while a trigram GIN index made the national import 30x slower on PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TABLE unit (
  id bigserial PRIMARY KEY,
  code text NOT NULL,
  level text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune', 'residential_area')),
  type text NOT NULL,
  name text NOT NULL,
  full_name text NOT NULL,
  parent_level text,
  parent_code text,
  valid_from date,
  valid_to date,
  search_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
);
--> statement-breakpoint
CREATE UNIQUE INDEX unit_version_key ON unit (level, code, (coalesce(valid_from, '0001-01-01'::date)));
--> statement-breakpoint
CREATE INDEX unit_parent_idx ON unit (parent_level, parent_code);
--> statement-breakpoint
CREATE TABLE unit_succession (
  predecessor_level text NOT NULL,
  predecessor_code text NOT NULL,
  successor_level text NOT NULL,
  successor_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('full', 'partial')),
  effective_on date NOT NULL,
  PRIMARY KEY (successor_level, successor_code, predecessor_level, predecessor_code, effective_on)
);
--> statement-breakpoint
CREATE INDEX unit_succession_predecessor_idx ON unit_succession (predecessor_level, predecessor_code);
--> statement-breakpoint
CREATE TABLE organization (
  id bigserial PRIMARY KEY,
  unit_level text NOT NULL,
  unit_code text NOT NULL,
  kind text NOT NULL,
  system text NOT NULL,
  name text NOT NULL,
  search_key text NOT NULL,
  valid_from date,
  valid_to date,
  successor_id bigint REFERENCES organization (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
);
--> statement-breakpoint
CREATE INDEX organization_unit_idx ON organization (unit_level, unit_code);
--> statement-breakpoint
CREATE TABLE reporting_line (
  id bigserial PRIMARY KEY,
  from_org_id bigint NOT NULL REFERENCES organization (id),
  to_org_id bigint NOT NULL REFERENCES organization (id),
  kind text NOT NULL CHECK (kind IN ('system', 'same_level')),
  valid_from date,
  valid_to date,
  CHECK (from_org_id <> to_org_id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX reporting_line_key ON reporting_line (from_org_id, to_org_id, kind, (coalesce(valid_from, '0001-01-01'::date)));
--> statement-breakpoint
CREATE INDEX reporting_line_to_idx ON reporting_line (to_org_id);
--> statement-breakpoint
CREATE TABLE app_user (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  full_name text NOT NULL DEFAULT '',
  email text,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  locale text NOT NULL DEFAULT 'vi',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE role_grant (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  -- NULL organization: the whole system (only for the admin role)
  organization_id bigint REFERENCES organization (id),
  role text NOT NULL CHECK (role IN ('admin', 'leader', 'specialist', 'collaborator', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organization_id IS NOT NULL OR role = 'admin')
);
--> statement-breakpoint
CREATE UNIQUE INDEX role_grant_key ON role_grant (user_id, (coalesce(organization_id, 0)), role);
--> statement-breakpoint
CREATE TABLE user_session (
  id text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
--> statement-breakpoint
CREATE INDEX user_session_user_idx ON user_session (user_id);
--> statement-breakpoint
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);
--> statement-breakpoint
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint,
  actor_username text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  organization_id bigint,
  before jsonb,
  after jsonb,
  ip text,
  request_id text
);
--> statement-breakpoint
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
--> statement-breakpoint
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
--> statement-breakpoint
-- The audit log is append-only: the application can neither edit nor delete an entry.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
--> statement-breakpoint
CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
--> statement-breakpoint
-- The centre exists in every deployment: central organizations sit at this unit.
INSERT INTO unit (code, level, type, name, full_name, search_key)
VALUES ('VN', 'central', 'Trung ương', 'Trung ương', 'Trung ương', 'trung uong');
