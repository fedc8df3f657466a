-- Syntheses: each participating organization groups the comments it holds into opinions, curates them, approves
-- and sends the result to whom it reports; the superior's synthesis merges what it received with its own.
-- Every row carries its consultation first (the distribution key). Each comment is a member of exactly one group
-- of a synthesis (primary key on synthesis and comment), so counts are sums over members and never drift.
CREATE TABLE synthesis (
  consultation_id bigint NOT NULL REFERENCES consultation (id),
  id bigserial,
  organization_id bigint NOT NULL REFERENCES organization (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'sent', 'returned')),
  -- Bumped by every curation step: a step names the version it was made on, so two editors cannot overwrite
  -- each other's work unseen.
  revision integer NOT NULL DEFAULT 0,
  return_note text,
  built_at timestamptz,
  approved_at timestamptz,
  approved_by bigint REFERENCES app_user (id),
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id),
  UNIQUE (consultation_id, organization_id)
);
--> statement-breakpoint
CREATE TABLE synthesis_group (
  consultation_id bigint NOT NULL,
  id bigserial,
  synthesis_id bigint NOT NULL,
  draft_id bigint,
  section_address text,
  representative text NOT NULL,
  summary text,
  minority boolean NOT NULL DEFAULT false,
  approved boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id),
  FOREIGN KEY (consultation_id, synthesis_id) REFERENCES synthesis (consultation_id, id)
);
--> statement-breakpoint
CREATE INDEX synthesis_group_synthesis_idx ON synthesis_group (consultation_id, synthesis_id);
--> statement-breakpoint
-- A comment in a synthesis. via_synthesis_id: the received synthesis it came through (null: the organization's
-- own comment); via_group_id: its group there, so that what a unit grouped stays together when merged upwards.
CREATE TABLE synthesis_member (
  consultation_id bigint NOT NULL,
  synthesis_id bigint NOT NULL,
  comment_id bigint NOT NULL,
  group_id bigint NOT NULL,
  weight integer NOT NULL,
  via_synthesis_id bigint,
  via_group_id bigint,
  PRIMARY KEY (consultation_id, synthesis_id, comment_id),
  FOREIGN KEY (consultation_id, synthesis_id) REFERENCES synthesis (consultation_id, id),
  FOREIGN KEY (consultation_id, group_id) REFERENCES synthesis_group (consultation_id, id),
  FOREIGN KEY (consultation_id, comment_id) REFERENCES comment (consultation_id, id)
);
--> statement-breakpoint
CREATE INDEX synthesis_member_group_idx ON synthesis_member (consultation_id, group_id);
--> statement-breakpoint
-- Curation steps, newest last, with what undoing each needs.
CREATE TABLE synthesis_step (
  consultation_id bigint NOT NULL,
  id bigserial,
  synthesis_id bigint NOT NULL,
  revision integer NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  undo jsonb NOT NULL,
  undone boolean NOT NULL DEFAULT false,
  actor_id bigint REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id),
  FOREIGN KEY (consultation_id, synthesis_id) REFERENCES synthesis (consultation_id, id)
);
