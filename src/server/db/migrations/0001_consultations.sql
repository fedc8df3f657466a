-- Consultations on draft documents: drafts in versions with their section trees, consultations over an
-- organization's area, meetings (conferences) and comments from every channel.
-- Comments and meetings are keyed by their consultation first: it is the distribution key if the table is ever
-- spread over several servers, and every query about comments names one consultation.
CREATE TABLE draft (
  id bigserial PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  title text NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX draft_organization_idx ON draft (organization_id);
--> statement-breakpoint
CREATE TABLE draft_version (
  id bigserial PRIMARY KEY,
  draft_id bigint NOT NULL REFERENCES draft (id),
  version_no integer NOT NULL,
  source_name text,
  source_format text NOT NULL CHECK (source_format IN ('docx', 'md', 'txt')),
  note text NOT NULL DEFAULT '',
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (draft_id, version_no)
);
--> statement-breakpoint
-- One row per section of one version. The address ("II.3.b") is stable across versions when the numbering is:
-- a comment keeps the version and address it was made on, and a later version shows it under the same address.
CREATE TABLE draft_section (
  draft_version_id bigint NOT NULL REFERENCES draft_version (id),
  address text NOT NULL,
  parent_address text,
  position integer NOT NULL,
  depth integer NOT NULL,
  kind text NOT NULL,
  number text,
  title text NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (draft_version_id, address)
);
--> statement-breakpoint
CREATE TABLE consultation (
  id bigserial PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  status text NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'open', 'closed', 'synthesized')),
  public_portal boolean NOT NULL DEFAULT true,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
--> statement-breakpoint
CREATE INDEX consultation_organization_idx ON consultation (organization_id);
--> statement-breakpoint
-- The drafts a consultation asks about, in order, and the version currently shown for comment.
CREATE TABLE consultation_draft (
  consultation_id bigint NOT NULL REFERENCES consultation (id),
  draft_id bigint NOT NULL REFERENCES draft (id),
  draft_version_id bigint NOT NULL REFERENCES draft_version (id),
  position integer NOT NULL,
  PRIMARY KEY (consultation_id, draft_id)
);
--> statement-breakpoint
CREATE TABLE meeting (
  consultation_id bigint NOT NULL REFERENCES consultation (id),
  id bigserial,
  organization_id bigint NOT NULL REFERENCES organization (id),
  kind text NOT NULL CHECK (kind IN ('conference', 'seminar', 'branch_meeting', 'online')),
  title text NOT NULL,
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  connected_points integer NOT NULL DEFAULT 1 CHECK (connected_points >= 1),
  participants jsonb NOT NULL DEFAULT '{}'::jsonb,
  participant_total integer NOT NULL DEFAULT 0 CHECK (participant_total >= 0),
  minutes_file_name text,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id)
);
--> statement-breakpoint
CREATE INDEX meeting_organization_idx ON meeting (consultation_id, organization_id);
--> statement-breakpoint
CREATE TABLE comment (
  consultation_id bigint NOT NULL REFERENCES consultation (id),
  id bigserial,
  -- NULL draft: the consultation as a whole; NULL section: the draft as a whole.
  draft_id bigint REFERENCES draft (id),
  draft_version_id bigint REFERENCES draft_version (id),
  section_address text,
  body text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('portal', 'conference', 'written', 'letter', 'survey', 'sheet')),
  -- The participating organization the comment is counted under (the commune's Front committee, …).
  organization_id bigint NOT NULL REFERENCES organization (id),
  unit_level text,
  unit_code text,
  stratum text,
  gender text,
  age_band text,
  ethnicity text,
  religion text,
  author_name text,
  weight integer NOT NULL DEFAULT 1 CHECK (weight >= 1),
  meeting_id bigint,
  import_id bigint,
  idempotency_key text,
  made_on date NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id),
  FOREIGN KEY (consultation_id, meeting_id) REFERENCES meeting (consultation_id, id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX comment_idempotency_key ON comment (consultation_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
--> statement-breakpoint
CREATE INDEX comment_organization_idx ON comment (consultation_id, organization_id);
--> statement-breakpoint
CREATE INDEX comment_section_idx ON comment (consultation_id, draft_id, section_address);
--> statement-breakpoint
-- Single-use proof-of-work challenges of the public portal: a solved challenge is spent once.
CREATE TABLE spent_challenge (
  signature text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
--> statement-breakpoint
-- Spreadsheets of comments collected on paper; the file's hash tells a re-import of the same file.
CREATE TABLE comment_import (
  consultation_id bigint NOT NULL REFERENCES consultation (id),
  id bigserial,
  organization_id bigint NOT NULL REFERENCES organization (id),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  rows integer NOT NULL,
  imported integer NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id)
);
--> statement-breakpoint
CREATE INDEX comment_import_hash_idx ON comment_import (consultation_id, sha256);
