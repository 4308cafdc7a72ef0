-- 0003: donations (捐赠) as the secretary keeps them: a donor (a member unit, or anyone by
-- name), cash pledged and received in one or more receipts, or goods with an optional fair
-- value; withdrawal keeps the record. The thin table of 0001 was never written to.
-- Import batches say which kind of record they hold, so each list undoes only its own.

DROP INDEX IF EXISTS donations_meeting;
DROP TABLE donations;

CREATE TABLE donations (
    id                     INTEGER PRIMARY KEY,
    meeting_id             INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
    unit_id                INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    -- the donor's name as printed (a unit's name when unit_id is set)
    donor_name             TEXT NOT NULL CHECK (length(trim(donor_name)) > 0),
    credit_code            TEXT NOT NULL DEFAULT '',
    kind                   TEXT NOT NULL CHECK (kind IN ('cash', 'in_kind')),
    year                   INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    -- cash: the amount pledged (认捐) and when
    pledged_fen            INTEGER NOT NULL DEFAULT 0 CHECK (pledged_fen >= 0),
    pledged_on             TEXT,
    -- goods: 物资名称, 规格, 数量, 计量单位, 折价 (none without a fair value) and 估价依据
    item_name              TEXT NOT NULL DEFAULT '',
    item_spec              TEXT NOT NULL DEFAULT '',
    quantity               TEXT NOT NULL DEFAULT '',
    quantity_unit          TEXT NOT NULL DEFAULT '',
    estimated_value_fen    INTEGER CHECK (estimated_value_fen >= 0),
    valuation_basis        TEXT CHECK (valuation_basis IN ('delivery_note', 'invoice', 'market_price')),
    delivered_on           TEXT,
    purpose                TEXT NOT NULL DEFAULT '',
    handler                TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT '',
    -- who issued an official receipt, when the user records it (printed as 由××开具)
    receipt_issuer         TEXT NOT NULL DEFAULT '',
    withdrawn_on           TEXT,
    withdraw_reason        TEXT NOT NULL DEFAULT '',
    letter_printed_at      TEXT,
    certificate_printed_at TEXT,
    import_batch_id        INTEGER REFERENCES import_batches(id) ON DELETE RESTRICT,
    source_row             INTEGER,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    CHECK (kind = 'cash' OR pledged_fen = 0),
    CHECK (kind = 'cash' OR item_name <> ''),
    CHECK (kind = 'in_kind' OR (item_name = '' AND estimated_value_fen IS NULL
                                AND valuation_basis IS NULL AND delivered_on IS NULL)),
    CHECK ((withdrawn_on IS NULL) = (withdraw_reason = ''))
) STRICT;
CREATE INDEX donations_meeting ON donations(meeting_id);
CREATE INDEX donations_unit ON donations(unit_id);
CREATE INDEX donations_year ON donations(year);

-- 到账: money received against a cash donation.
CREATE TABLE donation_receipts (
    id          INTEGER PRIMARY KEY,
    donation_id INTEGER NOT NULL REFERENCES donations(id) ON DELETE RESTRICT,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    received_on TEXT NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('transfer', 'cheque', 'cash')),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX donation_receipts_donation ON donation_receipts(donation_id);

ALTER TABLE import_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'roster'
    CHECK (kind IN ('roster', 'donations'));
