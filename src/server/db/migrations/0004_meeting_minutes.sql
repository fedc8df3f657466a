-- The minutes of a meeting (biên bản hội nghị): the signed scan or the typed document, kept with the meeting.
CREATE TABLE meeting_minutes (
  consultation_id bigint NOT NULL,
  meeting_id bigint NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, meeting_id),
  FOREIGN KEY (consultation_id, meeting_id) REFERENCES meeting (consultation_id, id)
);
