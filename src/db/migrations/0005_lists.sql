-- 0005: the three lists (三张清单) and claiming (认领). The thin tables needs/resources/
-- projects/claims of 0001 were never written to: they are rebuilt. Numbers are per year
-- (需2026-001); a project's status is derived (claims, progress notes, a result), never stored;
-- a need's status is stored. Import batches gain the three lists' kinds (the table is rebuilt,
-- which the migration runner does with foreign keys off and checked after).

DROP TABLE claims;
DROP TABLE projects;
DROP TABLE resources;
DROP TABLE needs;

CREATE TABLE import_batches_new (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    sheet        TEXT,
    started_at   TEXT NOT NULL,
    committed_at TEXT,
    undone_at    TEXT,
    backup_id    TEXT,
    counts_json  TEXT NOT NULL DEFAULT '{}',
    notes        TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT 'roster'
                 CHECK (kind IN ('roster', 'donations', 'needs', 'resources', 'projects'))
) STRICT;
INSERT INTO import_batches_new (id, file_name, sheet, started_at, committed_at, undone_at,
                                backup_id, counts_json, notes, kind)
    SELECT id, file_name, sheet, started_at, committed_at, undone_at, backup_id, counts_json,
           notes, kind FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;

-- 需求: raised by a community, a member unit, or anyone named in text (居民).
CREATE TABLE needs (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    number          INTEGER NOT NULL CHECK (number >= 1),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    community_id    INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    unit_id         INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    -- who raised it when neither a community nor a unit (e.g. 居民)
    raised_by       TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL DEFAULT '',
    scale           TEXT NOT NULL DEFAULT '',
    wanted_by       TEXT,
    contact         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'collecting' CHECK (status IN
                    ('collecting', 'published', 'claimed', 'underway', 'done', 'closed')),
    meeting_id      INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    notes           TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE RESTRICT,
    source_row      INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (year, number),
    CHECK (community_id IS NULL OR unit_id IS NULL),
    CHECK (community_id IS NULL AND unit_id IS NULL OR raised_by = '')
) STRICT;
CREATE INDEX needs_community ON needs(community_id);
CREATE INDEX needs_unit ON needs(unit_id);

-- 资源: offered by a member unit, or by a body not on the roster (named in text).
CREATE TABLE resources (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    number          INTEGER NOT NULL CHECK (number >= 1),
    unit_id         INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    -- the offering body's name when it is not on the roster
    unit_name       TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
                    ('venue', 'volunteers', 'funds', 'goods', 'services', 'education_base',
                     'other')),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    content         TEXT NOT NULL DEFAULT '',
    availability    TEXT NOT NULL DEFAULT '',
    capacity        TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE RESTRICT,
    source_row      INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (year, number),
    CHECK ((unit_id IS NULL) <> (unit_name = ''))
) STRICT;
CREATE INDEX resources_unit ON resources(unit_id);

-- 共建项目. Status derived: 未认领 (no claims), 已认领, 实施中 (a progress note), 已完成 (a result).
CREATE TABLE projects (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    number          INTEGER NOT NULL CHECK (number >= 1),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category        TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL DEFAULT '',
    -- the meeting where it was claimed
    meeting_id      INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    -- where it takes place (optional)
    community_id    INTEGER REFERENCES communities(id) ON DELETE RESTRICT,
    -- 完成时限
    deadline        TEXT,
    -- 完成情况
    result_on       TEXT,
    result          TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE RESTRICT,
    source_row      INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (year, number),
    CHECK ((result_on IS NULL) = (result = ''))
) STRICT;
CREATE INDEX projects_meeting ON projects(meeting_id);
CREATE INDEX projects_community ON projects(community_id);

CREATE TABLE project_needs (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    need_id    INTEGER NOT NULL REFERENCES needs(id) ON DELETE RESTRICT,
    PRIMARY KEY (project_id, need_id)
) STRICT;
CREATE INDEX project_needs_need ON project_needs(need_id);

CREATE TABLE project_resources (
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE RESTRICT,
    PRIMARY KEY (project_id, resource_id)
) STRICT;
CREATE INDEX project_resources_resource ON project_resources(resource_id);

-- 认领: one row per unit; at most one 牵头 per project. The unit's name as at the claim is
-- kept, so a unit that leaves the roster keeps its history.
CREATE TABLE claims (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    unit_id         INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    unit_name       TEXT NOT NULL CHECK (unit_name <> ''),
    lead            INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
    claimed_on      TEXT,
    commitment      TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE RESTRICT,
    created_at      TEXT NOT NULL,
    UNIQUE (project_id, unit_id)
) STRICT;
CREATE UNIQUE INDEX claims_one_lead ON claims(project_id) WHERE lead = 1;
CREATE INDEX claims_unit ON claims(unit_id);

-- 进展: dated notes.
CREATE TABLE project_progress (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    noted_on   TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX project_progress_project ON project_progress(project_id, noted_on);

-- Files of a result (photos, a PDF), copied into the data folder (attachments/…).
CREATE TABLE project_attachments (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    file          TEXT NOT NULL UNIQUE CHECK (file <> ''),
    original_name TEXT NOT NULL,
    added_at      TEXT NOT NULL
) STRICT;
CREATE INDEX project_attachments_project ON project_attachments(project_id);
