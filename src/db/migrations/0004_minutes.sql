-- 0004: the minutes (会议纪要) and the news draft (信息稿) of a meeting. The thin `minutes`
-- table of 0001 was never written to: it is rebuilt. One 纪要 per meeting with its 议定事项 in
-- a child table and a snapshot of the attendance lists (出席/请假/列席) taken from the sign-in
-- data; one 信息稿 per meeting. Donations are not touched here.

DROP TABLE minutes;

CREATE TABLE minutes (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE RESTRICT,
    heading      TEXT NOT NULL CHECK (heading <> ''),
    -- 期号, e.g. 2026年第1期 (optional)
    issue_no     TEXT NOT NULL DEFAULT '',
    opening      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    finalised_at TEXT,
    -- 版记: 分送, 抄送, 印发机关, 印发日期 (all optional)
    send_to      TEXT NOT NULL DEFAULT '',
    copy_to      TEXT NOT NULL DEFAULT '',
    issuer       TEXT NOT NULL DEFAULT '',
    issued_on    TEXT,
    -- when the attendance lists were last taken from the sign-in data
    lists_at     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK ((status = 'final') = (finalised_at IS NOT NULL))
) STRICT;

-- 出席 / 请假 / 列席 as taken from the attendance data (a snapshot: a finalised 纪要 keeps it).
CREATE TABLE minutes_attendees (
    id         INTEGER PRIMARY KEY,
    minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE RESTRICT,
    list       TEXT NOT NULL CHECK (list IN ('present', 'leave', 'guest')),
    position   INTEGER NOT NULL,
    unit_id    INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    -- the unit's (or guest organisation's) name as it was
    name       TEXT NOT NULL CHECK (name <> ''),
    person     TEXT NOT NULL DEFAULT '',
    delegated  INTEGER NOT NULL DEFAULT 0 CHECK (delegated IN (0, 1)),
    UNIQUE (minutes_id, list, position),
    CHECK (list = 'guest' OR unit_id IS NOT NULL)
) STRICT;

-- 议定事项, numbered 一、二、… by position.
CREATE TABLE minutes_items (
    id         INTEGER PRIMARY KEY,
    minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL CHECK (position >= 1),
    heading    TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL DEFAULT '',
    -- 责任单位 and 完成时限 (optional, as written)
    owner      TEXT NOT NULL DEFAULT '',
    due        TEXT NOT NULL DEFAULT '',
    UNIQUE (minutes_id, position),
    CHECK (heading <> '' OR text <> '')
) STRICT;

-- 信息稿: a headline and its paragraphs (JSON array of text).
CREATE TABLE news_drafts (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE RESTRICT,
    headline   TEXT NOT NULL CHECK (headline <> ''),
    body       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(body) AND json_type(body) = 'array'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
