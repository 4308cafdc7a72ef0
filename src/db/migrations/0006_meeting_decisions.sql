-- A meeting's status is decided from the facts (its date and sign-ins); `status` keeps only
-- the secretary's explicit decision: 'preparing' (none), 'held' (标记已召开), 'archived'
-- (标记已归档) and, new, 'cancelled' (取消会议). The table is rebuilt for the new CHECK; the
-- tables that refer to meetings keep referring to it by name.
CREATE TABLE meetings_new (
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
    status           TEXT NOT NULL DEFAULT 'preparing'
                     CHECK (status IN ('preparing', 'held', 'archived', 'cancelled')),
    based_on_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
INSERT INTO meetings_new (id, kind, title, session_no, theme, date, start_time, venue, host,
                          chair, recorder, status, based_on_id, notes, created_at, updated_at)
    SELECT id, kind, title, session_no, theme, date, start_time, venue, host, chair, recorder,
           status, based_on_id, notes, created_at, updated_at FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_new RENAME TO meetings;
