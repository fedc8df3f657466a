-- The reporting regime: outlines (đề cương) with figures, campaigns (who reports what to whom by when), periods with
-- per-level deadlines, submissions with every version kept, attachments, reminders (the durable queue) and in-app
-- notices. Tables of a campaign lead with campaign_id: the distribution key should they ever be sharded.
CREATE TABLE outline (
  id bigserial PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  title text NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX outline_organization_idx ON outline (organization_id);
--> statement-breakpoint
-- A version is immutable once written: campaigns keep the version they started with.
CREATE TABLE outline_version (
  id bigserial PRIMARY KEY,
  outline_id bigint NOT NULL REFERENCES outline (id),
  version integer NOT NULL,
  content jsonb NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (outline_id, version)
);
--> statement-breakpoint
CREATE TABLE campaign (
  id bigserial PRIMARY KEY,
  -- Who asks for the reports: the top recipient.
  organization_id bigint NOT NULL REFERENCES organization (id),
  title text NOT NULL,
  outline_version_id bigint NOT NULL REFERENCES outline_version (id),
  schedule jsonb NOT NULL,
  deadline_policy jsonb NOT NULL,
  reminder_policy jsonb NOT NULL,
  -- The rule that chose the assignees (levels, organization kinds, systems), kept for the record.
  assignee_rule jsonb NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX campaign_organization_idx ON campaign (organization_id);
--> statement-breakpoint
CREATE TABLE campaign_period (
  campaign_id bigint NOT NULL REFERENCES campaign (id),
  period_key text NOT NULL,
  position integer NOT NULL,
  label text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  due_on date NOT NULL,
  -- The deadline of each level in force: [{level, due, …}] after cascading and moving off days off.
  deadlines jsonb NOT NULL,
  closed_at timestamptz,
  PRIMARY KEY (campaign_id, period_key)
);
--> statement-breakpoint
CREATE TABLE campaign_assignee (
  campaign_id bigint NOT NULL REFERENCES campaign (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  unit_level text NOT NULL,
  -- Whom it reports to in this campaign: the nearest organization up its reporting lines that consolidates.
  recipient_id bigint NOT NULL REFERENCES organization (id),
  PRIMARY KEY (campaign_id, organization_id)
);
--> statement-breakpoint
CREATE INDEX campaign_assignee_recipient_idx ON campaign_assignee (campaign_id, recipient_id);
--> statement-breakpoint
CREATE TABLE submission (
  campaign_id bigint NOT NULL,
  period_key text NOT NULL,
  organization_id bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  content jsonb NOT NULL,
  -- The latest submitted version (0: never submitted).
  version integer NOT NULL DEFAULT 0,
  -- Timeliness of the first submission, against the deadline in force then; kept through returns.
  first_submitted_at timestamptz,
  deadline_on date,
  timeliness text CHECK (timeliness IN ('on_time', 'late')),
  days_late integer,
  submitted_at timestamptz,
  reason text,
  -- The unit's synthesis of a consultation, sent as (part of) the report's content.
  synthesis_consultation_id bigint,
  revision integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES app_user (id),
  PRIMARY KEY (campaign_id, period_key, organization_id),
  FOREIGN KEY (campaign_id, period_key) REFERENCES campaign_period (campaign_id, period_key),
  FOREIGN KEY (campaign_id, organization_id) REFERENCES campaign_assignee (campaign_id, organization_id),
  FOREIGN KEY (synthesis_consultation_id, organization_id) REFERENCES synthesis (consultation_id, organization_id)
);
--> statement-breakpoint
-- Completeness reads only the state columns, by unit: an index-only scan, whatever the size of the content.
CREATE INDEX submission_status_idx ON submission (campaign_id, organization_id, period_key) INCLUDE (status, timeliness, days_late);
--> statement-breakpoint
-- Every submitted version, as it was sent.
CREATE TABLE submission_version (
  campaign_id bigint NOT NULL,
  period_key text NOT NULL,
  organization_id bigint NOT NULL,
  version integer NOT NULL,
  content jsonb NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by bigint REFERENCES app_user (id),
  PRIMARY KEY (campaign_id, period_key, organization_id, version),
  FOREIGN KEY (campaign_id, period_key, organization_id) REFERENCES submission (campaign_id, period_key, organization_id)
);
--> statement-breakpoint
CREATE TABLE submission_event (
  campaign_id bigint NOT NULL,
  id bigserial,
  period_key text NOT NULL,
  organization_id bigint NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  version integer,
  reason text,
  actor_id bigint REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, id),
  FOREIGN KEY (campaign_id, period_key, organization_id) REFERENCES submission (campaign_id, period_key, organization_id)
);
--> statement-breakpoint
CREATE INDEX submission_event_submission_idx ON submission_event (campaign_id, period_key, organization_id);
--> statement-breakpoint
-- The scanned signed copy (PDF or image), kept in the database with the report it belongs to.
CREATE TABLE submission_attachment (
  campaign_id bigint NOT NULL,
  id bigserial,
  period_key text NOT NULL,
  organization_id bigint NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, id),
  FOREIGN KEY (campaign_id, period_key, organization_id) REFERENCES submission (campaign_id, period_key, organization_id)
);
--> statement-breakpoint
-- Reminders are the queue: written once per key when due (ON CONFLICT DO NOTHING); a worker leases one (FOR UPDATE
-- SKIP LOCKED, status 'sending' until next_attempt_at), sends it outside any transaction, then marks it sent. A crash
-- between sending and marking leaves the lease to expire and the mail goes again with the same Message-ID.
CREATE TABLE reminder (
  campaign_id bigint NOT NULL REFERENCES campaign (id),
  key text NOT NULL,
  period_key text NOT NULL,
  organization_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('before', 'overdue')),
  offset_days integer NOT NULL,
  deadline_on date NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  recipients integer,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, key)
);
--> statement-breakpoint
CREATE INDEX reminder_pending_idx ON reminder (next_attempt_at) WHERE status IN ('pending', 'sending');
--> statement-breakpoint
CREATE TABLE notification (
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  id bigserial,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  source_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (user_id, id),
  UNIQUE (user_id, source_key)
);
