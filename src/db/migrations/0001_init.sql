-- 0001: the whole domain of DESIGN.md §2.
-- Conventions: money in integer fen; dates as ISO text ('YYYY-MM-DD', or 'YYYY-MM'/'YYYY' where a
-- date may be known only to the month or year); timestamps as 'YYYY-MM-DD HH:MM:SS' local time;
-- enumerations as short English codes checked by CHECK constraints; lists as JSON arrays of text.
-- References to units, communities and meetings are RESTRICT: deleting a referenced row fails.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    sheet        TEXT,
    started_at   TEXT NOT NULL,
    committed_at TEXT,
    undone_at    TEXT,
    backup_id    TEXT,
    counts_json  TEXT NOT NULL DEFAULT '{}',
    notes        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE communities (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    party_org       TEXT NOT NULL DEFAULT '',
    party_secretary TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    phones          TEXT NOT NULL DEFAULT '[]',
    address         TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE branches (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL DEFAULT 0,
    notes      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE units (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL UNIQUE,
    short_name      TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                    ('government','military','enterprise','institution','school',
                     'research','social_org','two_new','other')),
    community_id    INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    branch_id       INTEGER REFERENCES branches(id) ON DELETE RESTRICT,
    vice_chair      INTEGER NOT NULL DEFAULT 0 CHECK (vice_chair IN (0, 1)),
    party_org       TEXT NOT NULL DEFAULT '',
    party_secretary TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    contact_title   TEXT NOT NULL DEFAULT '',
    phones          TEXT NOT NULL DEFAULT '[]',
    address         TEXT NOT NULL DEFAULT '',
    joined_on       TEXT,
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
    left_on         TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    source_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    source_sheet    TEXT,
    source_row      INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX units_community ON units(community_id);
CREATE INDEX units_branch ON units(branch_id);

-- One row per change event of a unit: what changed (JSON list of {field, old, new}), when, and
-- from where (an edit in the app, an import batch, the undo of one). `before` is the whole unit
-- as it was (JSON, NULL when the event created it), so an import batch can be undone exactly.
CREATE TABLE unit_history (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('create', 'edit', 'import', 'undo', 'demo')),
    batch_id   INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    changes    TEXT NOT NULL DEFAULT '[]',
    before     TEXT
) STRICT;
CREATE INDEX unit_history_unit ON unit_history(unit_id);
CREATE INDEX unit_history_batch ON unit_history(batch_id);

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL DEFAULT 'annual' CHECK (kind IN
                     ('annual', 'quarterly', 'vice_chair', 'promotion', 'other')),
    title            TEXT NOT NULL,
    session_no       INTEGER,
    theme            TEXT NOT NULL DEFAULT '',
    date             TEXT,
    start_time       TEXT,
    venue            TEXT NOT NULL DEFAULT '',
    host             TEXT NOT NULL DEFAULT '',
    chair            TEXT NOT NULL DEFAULT '',
    recorder         TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'held', 'archived')),
    based_on_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

-- Invitations and attendance: a member unit, or a non-member guest (列席) named by text.
CREATE TABLE attendance (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    unit_id         INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    guest_org       TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'guest')),
    attendee_names  TEXT NOT NULL DEFAULT '',
    attendee_title  TEXT NOT NULL DEFAULT '',
    reply           TEXT NOT NULL DEFAULT 'pending' CHECK (reply IN
                    ('pending', 'confirmed', 'leave', 'delegated')),
    substitute_name TEXT NOT NULL DEFAULT '',
    signed_in_at    TEXT,
    sort_order      INTEGER NOT NULL DEFAULT 0,
    notes           TEXT NOT NULL DEFAULT '',
    CHECK ((role = 'member' AND unit_id IS NOT NULL) OR (role = 'guest' AND guest_org <> ''))
) STRICT;
CREATE UNIQUE INDEX attendance_meeting_unit ON attendance(meeting_id, unit_id) WHERE unit_id IS NOT NULL;

CREATE TABLE agenda_items (
    id                INTEGER PRIMARY KEY,
    meeting_id        INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    kind              TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
                      ('host', 'address', 'report', 'speeches', 'signing', 'donation',
                       'award', 'closing', 'other')),
    title             TEXT NOT NULL,
    presenter_unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    presenter         TEXT NOT NULL DEFAULT '',
    duration_min      INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
    notes             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE speeches (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    unit_id         INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    speaker_name    TEXT NOT NULL DEFAULT '',
    speaker_title   TEXT NOT NULL DEFAULT '',
    topic           TEXT NOT NULL DEFAULT '',
    minutes         INTEGER NOT NULL DEFAULT 5 CHECK (minutes >= 0),
    on_behalf_count INTEGER,
    agenda_item_id  INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    notes           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX speeches_meeting ON speeches(meeting_id, position);

-- The units a speech speaks for, when chosen one by one.
CREATE TABLE speech_units (
    speech_id INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    PRIMARY KEY (speech_id, unit_id)
) STRICT;

CREATE TABLE agreement_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    -- the template document (title, sections, clauses with placeholders, areas) as JSON
    body       TEXT NOT NULL,
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE agreements (
    id                   INTEGER PRIMARY KEY,
    meeting_id           INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    template_id          INTEGER REFERENCES agreement_templates(id) ON DELETE SET NULL,
    -- the template text this agreement was made from; later template edits do not change it
    template_snapshot    TEXT NOT NULL,
    number_prefix        TEXT NOT NULL DEFAULT '',
    year                 INTEGER NOT NULL,
    seq                  INTEGER NOT NULL,
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
                         ('draft', 'printed', 'signed', 'archived')),
    signed_on            TEXT,
    scan_file            TEXT,
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (number_prefix, year, seq)
) STRICT;
CREATE INDEX agreements_meeting ON agreements(meeting_id);

CREATE TABLE donations (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    unit_id             INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    donor_name          TEXT NOT NULL,
    kind                TEXT NOT NULL DEFAULT 'cash' CHECK (kind IN ('cash', 'in_kind')),
    pledged_fen         INTEGER NOT NULL DEFAULT 0 CHECK (pledged_fen >= 0),
    received_fen        INTEGER NOT NULL DEFAULT 0 CHECK (received_fen >= 0),
    item_description    TEXT NOT NULL DEFAULT '',
    quantity            TEXT NOT NULL DEFAULT '',
    estimated_value_fen INTEGER CHECK (estimated_value_fen >= 0),
    pledged_on          TEXT,
    received_on         TEXT,
    purpose             TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX donations_meeting ON donations(meeting_id);

CREATE TABLE minutes (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE RESTRICT,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    issued_on  TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- 需求清单 / 资源清单 / 项目清单 and 认领.
CREATE TABLE needs (
    id           INTEGER PRIMARY KEY,
    community_id INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    unit_id      INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    year         INTEGER,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE resources (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    year        INTEGER,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE projects (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    community_id INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    year         INTEGER,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'done'))
) STRICT;

CREATE TABLE claims (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    claimed_on TEXT,
    notes      TEXT NOT NULL DEFAULT '',
    UNIQUE (project_id, unit_id)
) STRICT;
