-- The projection tables as written by hand up to projection version 4 (domain) and 1 (alliance), before the
-- tables were described by RecordTables (as at commit ecae847). RecordTablesTests checks that the descriptions
-- make exactly these tables, so databases written before need no rebuild.
CREATE TABLE proposals (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    first_proposer TEXT NOT NULL, collective_name TEXT NOT NULL, from_body TEXT NOT NULL,
    submitted_on TEXT NOT NULL, cosign_deadline TEXT, status TEXT NOT NULL, decided_on TEXT,
    review TEXT, register_number TEXT, not_registered_reason TEXT, merged_into TEXT, merged_from TEXT NOT NULL,
    assignment_mode TEXT, lead_unit TEXT, units TEXT NOT NULL, first_assigned_on TEXT, round_started_on TEXT,
    due TEXT, round INTEGER NOT NULL, objections TEXT NOT NULL, replied_on TEXT, closed_on TEXT,
    supervisor TEXT, key_on TEXT);
CREATE INDEX proposals_status ON proposals (status, due);
CREATE TABLE proposal_cosigners (
    proposal_id TEXT NOT NULL, ordinal INTEGER NOT NULL, member TEXT NOT NULL, confirmed INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, ordinal));
CREATE TABLE proposal_replies (
    proposal_id TEXT NOT NULL, ordinal INTEGER NOT NULL, round INTEGER NOT NULL, unit TEXT NOT NULL,
    reply_class TEXT NOT NULL, text TEXT NOT NULL, on_day TEXT NOT NULL, due TEXT NOT NULL, on_time INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, ordinal));
CREATE TABLE proposal_evaluations (
    proposal_id TEXT NOT NULL, ordinal INTEGER NOT NULL, round INTEGER NOT NULL, member TEXT NOT NULL,
    rating TEXT NOT NULL, on_day TEXT NOT NULL,
    PRIMARY KEY (proposal_id, ordinal));
CREATE TABLE opinions (
    origin_body TEXT NOT NULL, origin_report_id TEXT NOT NULL, author TEXT NOT NULL, author_kind TEXT NOT NULL,
    title TEXT NOT NULL, text TEXT NOT NULL, received_on TEXT NOT NULL, received_from TEXT,
    converted_from_proposal TEXT, status TEXT NOT NULL, bulletin_issue TEXT, decided_on TEXT,
    forwarded_to TEXT, forwarded_on TEXT,
    PRIMARY KEY (origin_body, origin_report_id));
CREATE TABLE opinion_adoptions (
    origin_body TEXT NOT NULL, origin_report_id TEXT NOT NULL, ordinal INTEGER NOT NULL, body TEXT NOT NULL,
    tier TEXT NOT NULL, bulletin_issue TEXT NOT NULL, on_day TEXT NOT NULL,
    PRIMARY KEY (origin_body, origin_report_id, ordinal));
CREATE TABLE opinion_instructions (
    origin_body TEXT NOT NULL, origin_report_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    leader_level TEXT NOT NULL, leader TEXT NOT NULL, date TEXT NOT NULL, text TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (origin_body, origin_report_id, ordinal));
CREATE TABLE activities (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, form TEXT, form_other TEXT NOT NULL, date TEXT NOT NULL,
    topic TEXT NOT NULL, host_bodies TEXT NOT NULL, participants INTEGER NOT NULL, members TEXT NOT NULL,
    suggestion_ids TEXT NOT NULL, report_ids TEXT NOT NULL, plan_item TEXT NOT NULL, sectors TEXT NOT NULL,
    target_unit TEXT, result TEXT, station TEXT NOT NULL);
CREATE INDEX activities_date ON activities (date);
CREATE TABLE suggestions (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, addressee TEXT NOT NULL, activity_id TEXT NOT NULL,
    members TEXT NOT NULL, status TEXT NOT NULL, made_on TEXT NOT NULL, adopted_on TEXT, adopted_by TEXT,
    closed_on TEXT);
CREATE TABLE plans (
    issuer TEXT NOT NULL, plan_id TEXT NOT NULL, year INTEGER NOT NULL, title TEXT NOT NULL,
    status TEXT NOT NULL, solicit_deadline TEXT, document TEXT, issued_on TEXT, topics INTEGER NOT NULL,
    PRIMARY KEY (issuer, plan_id));
CREATE TABLE plan_items (
    issuer TEXT NOT NULL, plan_id TEXT NOT NULL, item_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    category TEXT NOT NULL, topic TEXT NOT NULL, form TEXT NOT NULL, lead_leader TEXT NOT NULL,
    department TEXT NOT NULL, person TEXT NOT NULL, deadline TEXT NOT NULL, assignees TEXT NOT NULL,
    parent_issuer TEXT, parent_plan_id TEXT, parent_item_id TEXT,
    PRIMARY KEY (issuer, plan_id, item_id));
CREATE INDEX plan_items_deadline ON plan_items (deadline);
CREATE TABLE plan_progress (
    issuer TEXT NOT NULL, plan_id TEXT NOT NULL, item_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    body TEXT NOT NULL, stage TEXT NOT NULL, stage_rank INTEGER NOT NULL, on_day TEXT NOT NULL, note TEXT NOT NULL,
    PRIMARY KEY (issuer, plan_id, item_id, ordinal));
CREATE TABLE members (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, sector TEXT NOT NULL, body TEXT NOT NULL, term INTEGER NOT NULL,
    roles TEXT NOT NULL, active INTEGER NOT NULL, invited INTEGER NOT NULL, joined TEXT NOT NULL, left_on TEXT);
CREATE TABLE duty_records (
    ordinal INTEGER PRIMARY KEY, member_id TEXT NOT NULL, on_day TEXT NOT NULL, record TEXT NOT NULL,
    meeting_id TEXT, attendance TEXT, category TEXT, tenths INTEGER, reason TEXT);
CREATE TABLE policy_versions (
    version INTEGER PRIMARY KEY, effective TEXT NOT NULL, reply_months INTEGER NOT NULL,
    max_extension_months INTEGER NOT NULL, objection_window_days INTEGER NOT NULL,
    cosign_window_days INTEGER NOT NULL, evaluation_window_days INTEGER NOT NULL,
    reply_classes TEXT NOT NULL, satisfaction_formula TEXT NOT NULL,
    appraisal_threshold_percent INTEGER NOT NULL, opinion_max_chars INTEGER NOT NULL,
    registers_proposals INTEGER NOT NULL);
CREATE TABLE projection_problems (
    origin TEXT NOT NULL, seq INTEGER NOT NULL, position INTEGER NOT NULL, kind INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (origin, seq));
CREATE TABLE records_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), applied_through INTEGER NOT NULL);
CREATE TABLE alliance_charters (
    alliance TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, members TEXT NOT NULL,
    effective TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (alliance, version));
CREATE TABLE alliance_activities (
    alliance TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, end_date TEXT NOT NULL,
    hosts TEXT NOT NULL, attendees TEXT NOT NULL, topic TEXT NOT NULL, agenda TEXT NOT NULL, minutes TEXT NOT NULL,
    next_host TEXT NOT NULL, findings TEXT NOT NULL, participants INTEGER NOT NULL, PRIMARY KEY (alliance, id));
CREATE TABLE alliance_drafts (
    id TEXT PRIMARY KEY, alliance TEXT NOT NULL, host TEXT NOT NULL, title TEXT NOT NULL, co_sponsors TEXT NOT NULL,
    text TEXT NOT NULL, content_hash TEXT NOT NULL, version TEXT NOT NULL, status TEXT NOT NULL,
    submitted_hash TEXT, submitted_text TEXT, forwarded_seq INTEGER);
CREATE TABLE alliance_sign_offs (
    draft_id TEXT NOT NULL, ordinal INTEGER NOT NULL, signer TEXT NOT NULL, content_hash TEXT NOT NULL,
    version TEXT NOT NULL, void INTEGER NOT NULL, PRIMARY KEY (draft_id, ordinal));
CREATE TABLE joint_proposals (
    origin TEXT NOT NULL, draft_id TEXT NOT NULL, alliance TEXT NOT NULL, host TEXT NOT NULL, title TEXT NOT NULL,
    co_sponsors TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, signers TEXT NOT NULL,
    PRIMARY KEY (origin, draft_id));
CREATE TABLE alliance_problems (
    origin TEXT NOT NULL, seq INTEGER NOT NULL, position INTEGER NOT NULL, kind INTEGER NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (origin, seq));
CREATE TABLE alliance_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), applied_through INTEGER NOT NULL);
