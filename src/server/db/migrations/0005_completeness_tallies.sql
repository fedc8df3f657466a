-- Completeness without reading every submission or walking the tree on each view. Three things are written when a
-- campaign starts and kept from then on: each assignee's place in the units × periods matrix; every organization
-- that receives reports, listed under itself and each receiving organization above it (a view's scope is then an
-- index lookup); and, for each receiving organization, counters of the assignees under it by period, level, status
-- and timeliness, which the statement that changes a submission moves in the same transaction. Existing campaigns
-- are filled in below from what is stored. Every table leads with campaign_id, the distribution key.
ALTER TABLE campaign_assignee ADD COLUMN position integer;
--> statement-breakpoint
-- The matrix order: by the recipient's unit code, then the unit's own code.
UPDATE campaign_assignee a SET position = numbered.position
FROM (
  SELECT a.campaign_id, a.organization_id, row_number() OVER (PARTITION BY a.campaign_id ORDER BY r.unit_code, o.unit_code, a.organization_id)::int AS position
  FROM campaign_assignee a JOIN organization o ON o.id = a.organization_id JOIN organization r ON r.id = a.recipient_id
) numbered
WHERE a.campaign_id = numbered.campaign_id AND a.organization_id = numbered.organization_id;
--> statement-breakpoint
ALTER TABLE campaign_assignee ALTER COLUMN position SET NOT NULL;
--> statement-breakpoint
CREATE INDEX campaign_assignee_position_idx ON campaign_assignee (campaign_id, position);
--> statement-breakpoint
-- recipient_id receives reports in the campaign and is ancestor_id or under it (through recipients that report on):
-- read one way, the recipients making up ancestor_id's view; the other way, whose counters a submission to
-- recipient_id moves. The campaign's own organization is above them all.
CREATE TABLE campaign_recipient (
  campaign_id bigint NOT NULL REFERENCES campaign (id),
  ancestor_id bigint NOT NULL REFERENCES organization (id),
  recipient_id bigint NOT NULL REFERENCES organization (id),
  PRIMARY KEY (campaign_id, ancestor_id, recipient_id)
);
--> statement-breakpoint
CREATE INDEX campaign_recipient_recipient_idx ON campaign_recipient (campaign_id, recipient_id);
--> statement-breakpoint
INSERT INTO campaign_recipient (campaign_id, ancestor_id, recipient_id)
WITH RECURSIVE up(campaign_id, ancestor_id, recipient_id) AS (
  SELECT DISTINCT campaign_id, recipient_id, recipient_id FROM campaign_assignee
  UNION SELECT up.campaign_id, a.recipient_id, up.recipient_id FROM up JOIN campaign_assignee a ON a.campaign_id = up.campaign_id AND a.organization_id = up.ancestor_id
)
SELECT campaign_id, ancestor_id, recipient_id FROM up;
--> statement-breakpoint
-- How many of the assignees whose reports reach ancestor_id (directly or through recipients under it) are, at
-- unit_level, in each state for the period: ancestor_id's view, read as it is. 'none' in status: not started (no
-- submission row); in timeliness: never submitted. Every assignee is in exactly one row per period and ancestor, so
-- those rows add up to the assignees. The statement that moves a count refuses to take it below zero.
CREATE TABLE submission_tally (
  campaign_id bigint NOT NULL,
  ancestor_id bigint NOT NULL REFERENCES organization (id),
  period_key text NOT NULL,
  unit_level text NOT NULL,
  status text NOT NULL CHECK (status IN ('none', 'draft', 'submitted', 'returned', 'accepted')),
  timeliness text NOT NULL CHECK (timeliness IN ('none', 'on_time', 'late')),
  n integer NOT NULL,
  PRIMARY KEY (campaign_id, ancestor_id, period_key, unit_level, status, timeliness),
  FOREIGN KEY (campaign_id, period_key) REFERENCES campaign_period (campaign_id, period_key)
);
--> statement-breakpoint
INSERT INTO submission_tally (campaign_id, ancestor_id, period_key, unit_level, status, timeliness, n)
SELECT a.campaign_id, r.ancestor_id, p.period_key, a.unit_level, coalesce(s.status, 'none'), coalesce(s.timeliness, 'none'), count(*)
FROM campaign_assignee a JOIN campaign_recipient r ON r.campaign_id = a.campaign_id AND r.recipient_id = a.recipient_id
JOIN campaign_period p ON p.campaign_id = a.campaign_id
LEFT JOIN submission s ON s.campaign_id = a.campaign_id AND s.period_key = p.period_key AND s.organization_id = a.organization_id
GROUP BY 1, 2, 3, 4, 5, 6;
