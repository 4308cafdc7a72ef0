-- 0002: the street's own profile in one typed row (it was loose settings keys); agreements
-- get their number when first printed (drafts have none, so deleting a draft leaves no gap),
-- and a printed agreement can be voided (作废) while keeping its number.

CREATE TABLE street_profile (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL DEFAULT '',
    short_name    TEXT NOT NULL DEFAULT '',
    party_org     TEXT NOT NULL DEFAULT '',
    leader        TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    meeting_name  TEXT NOT NULL DEFAULT '',
    number_prefix TEXT NOT NULL DEFAULT '',
    issuer        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO street_profile (id, name, party_org, leader, contact, phone, number_prefix)
VALUES (1,
    COALESCE((SELECT value FROM settings WHERE key = 'street_name'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'street_party_org'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'street_leader'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'street_contact'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'street_phone'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'agreement_number_prefix'), ''));

DELETE FROM settings WHERE key IN ('street_name', 'street_party_org', 'street_leader',
    'street_contact', 'street_phone', 'agreement_number_prefix');

CREATE TABLE agreements_v2 (
    id                   INTEGER PRIMARY KEY,
    meeting_id           INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    template_id          INTEGER REFERENCES agreement_templates(id) ON DELETE SET NULL,
    template_snapshot    TEXT NOT NULL,
    -- the number: prefix, year and seq; prefix and seq are set when the agreement is first
    -- printed, so a draft has none
    number_prefix        TEXT NOT NULL DEFAULT '',
    year                 INTEGER NOT NULL,
    seq                  INTEGER,
    party_a_kind         TEXT NOT NULL CHECK (party_a_kind IN ('street', 'community', 'unit')),
    party_a_unit_id      INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    party_a_community_id INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    party_a_name         TEXT NOT NULL,
    party_a_leader       TEXT NOT NULL DEFAULT '',
    party_a_contact      TEXT NOT NULL DEFAULT '',
    party_a_phone        TEXT NOT NULL DEFAULT '',
    party_b_kind         TEXT NOT NULL CHECK (party_b_kind IN ('street', 'community', 'unit')),
    party_b_unit_id      INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    party_b_community_id INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    party_b_name         TEXT NOT NULL,
    party_b_leader       TEXT NOT NULL DEFAULT '',
    party_b_contact      TEXT NOT NULL DEFAULT '',
    party_b_phone        TEXT NOT NULL DEFAULT '',
    term_start           TEXT,
    term_end             TEXT,
    areas                TEXT NOT NULL DEFAULT '[]',
    projects             TEXT NOT NULL DEFAULT '[]',
    copies               INTEGER NOT NULL DEFAULT 2 CHECK (copies >= 1),
    status               TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                         ('draft', 'printed', 'signed', 'archived', 'void')),
    signed_on            TEXT,
    scan_file            TEXT,
    voided_on            TEXT,
    void_reason          TEXT NOT NULL DEFAULT '',
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (number_prefix, year, seq),
    CHECK ((status = 'draft') = (seq IS NULL))
) STRICT;

INSERT INTO agreements_v2 (id, meeting_id, template_id, template_snapshot, number_prefix, year,
    seq, party_a_kind, party_a_unit_id, party_a_community_id, party_a_name, party_a_leader,
    party_a_contact, party_a_phone, party_b_kind, party_b_unit_id, party_b_community_id,
    party_b_name, party_b_leader, party_b_contact, party_b_phone, term_start, term_end, areas,
    projects, copies, status, signed_on, scan_file, notes, created_at, updated_at)
SELECT id, meeting_id, template_id, template_snapshot,
    CASE WHEN status = 'draft' THEN '' ELSE number_prefix END, year,
    CASE WHEN status = 'draft' THEN NULL ELSE seq END,
    party_a_kind, party_a_unit_id, party_a_community_id, party_a_name, party_a_leader,
    party_a_contact, party_a_phone, party_b_kind, party_b_unit_id, party_b_community_id,
    party_b_name, party_b_leader, party_b_contact, party_b_phone, term_start, term_end, areas,
    projects, copies, status, signed_on, scan_file, notes, created_at, updated_at
FROM agreements;

DROP TABLE agreements;
ALTER TABLE agreements_v2 RENAME TO agreements;
CREATE INDEX agreements_meeting ON agreements(meeting_id);
