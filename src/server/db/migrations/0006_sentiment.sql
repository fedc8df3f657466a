-- Public sentiment (tình hình Nhân dân): what people think and say, recorded by the units that heard it, and the
-- monthly sentiment report a submission can carry. Records lead with organization_id: the distribution key should
-- they ever be sharded (a unit's records, and its report over them, stay on one node).
CREATE TABLE sentiment_record (
  organization_id bigint NOT NULL REFERENCES organization (id),
  id bigserial,
  observed_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  source text NOT NULL CHECK (source IN ('collaborator', 'meeting', 'conference', 'media', 'cyberspace', 'direct')),
  -- Consultation strata codes (cong_nhan, nong_dan, …); empty when not known.
  strata text[] NOT NULL DEFAULT '{}',
  -- Free tags, normalized (NFC, lower case, single spaces) so that counts by topic add up.
  topics text[] NOT NULL DEFAULT '{}',
  attitude text NOT NULL CHECK (attitude IN ('dong_tinh', 'ban_khoan', 'buc_xuc', 'phan_doi')),
  content text NOT NULL,
  quotes text NOT NULL DEFAULT '',
  people_count integer NOT NULL DEFAULT 1 CHECK (people_count >= 1),
  hot_issue boolean NOT NULL DEFAULT false,
  false_information boolean NOT NULL DEFAULT false,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id)
);
--> statement-breakpoint
-- A month of a unit's records: the list and the monthly report.
CREATE INDEX sentiment_record_month_idx ON sentiment_record (organization_id, observed_on);
--> statement-breakpoint
-- The month whose sentiment report a submission carries, and the report as computed at the last save or submission;
-- each submitted version keeps its own copy, so later edits of the records do not change a report that was sent.
ALTER TABLE submission ADD COLUMN sentiment_month text CHECK (sentiment_month ~ '^\d{4}-(0[1-9]|1[0-2])$');
--> statement-breakpoint
ALTER TABLE submission ADD COLUMN sentiment jsonb;
--> statement-breakpoint
ALTER TABLE submission_version ADD COLUMN sentiment jsonb;
