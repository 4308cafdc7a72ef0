#!/usr/bin/env bash
# Proves that adding a field to a member unit is one edit: on a scratch copy of the core, it
# adds one line to the unit's details (src/units/details.rs) and a migration adding its column,
# then runs a test there that writes the new field through every write path — the form's
# create and update (with its history), an import that updates the unit without the column
# (the value is kept), and undoing that import — and reads it back. Nothing else is edited; if
# a field list were repeated anywhere, the copy would not compile or the test would fail.
#
# Uses the project's target folder, so only the core itself is compiled again (≈ 1 minute).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cp -r "$root/src" "$root/assets" "$root/Cargo.toml" "$root/Cargo.lock" "$scratch/"
# The core library alone: no desktop shell beside it, no CLI binary (whose output in the
# shared target folder must stay the real one).
rm -rf "$scratch/src/bin"
python3 - "$scratch/Cargo.toml" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = s.replace('members = [".", "src-tauri"]', 'members = ["."]')
s = s.replace('default-members = [".", "src-tauri"]', 'default-members = ["."]')
s = re.sub(r'\[\[bin\]\]\n(?:[a-z-]+ = .*\n)*', '', s)
s = s.replace('default-run = "lianxi"\n', '')
open(p, 'w').write(s)
EOF

# The one edit: a new field, after 职务.
details="$scratch/src/units/details.rs"
anchor='    contact_title: String = "职务" => clean_text,'
grep -qxF "$anchor" "$details" || { echo "check-one-edit: anchor line not found in details.rs" >&2; exit 1; }
sed -i "/^    contact_title: String = \"职务\" => clean_text,\$/a\\    wechat: String = \"微信号\" => clean_text," "$details"

# Its column: a migration, registered after the last one.
migrations="$scratch/src/db/mod.rs"
last=$(grep -o 'include_str!("migrations/[0-9]*_[a-z_]*\.sql")' "$migrations" | tail -1)
[ -n "$last" ] || { echo "check-one-edit: no migration list in src/db/mod.rs" >&2; exit 1; }
echo "ALTER TABLE units ADD COLUMN wechat TEXT NOT NULL DEFAULT '';" > "$scratch/src/db/migrations/9999_wechat.sql"
sed -i "s|    $last,|    $last,\n    include_str!(\"migrations/9999_wechat.sql\"),|" "$migrations"
grep -q '9999_wechat' "$migrations" || { echo "check-one-edit: could not register the migration" >&2; exit 1; }

mkdir -p "$scratch/tests"
cat > "$scratch/tests/one_edit.rs" <<'EOF'
//! The field added by scripts/check-one-edit.sh goes through every write path.
use lianxi::import::{self, no_progress, ImportOptions};
use lianxi::units::{self, Source, UnitDetails, UnitInput};

#[test]
fn a_new_field_is_written_read_imported_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lianxi.sqlite3");
    let mut conn = lianxi::db::open(&db).unwrap();

    // The form: create and edit, with the history naming the field.
    let made = units::create(
        &conn,
        &UnitInput::from(UnitDetails {
            name: "海棠小学".into(),
            wechat: " haitang_xx ".into(),
            ..Default::default()
        }),
        Source::Edit,
    )
    .unwrap();
    assert_eq!(made.wechat, "haitang_xx", "cleaned and stored");
    let mut edit = UnitInput::from(&made);
    edit.wechat = "haitang_school".into();
    let edited = units::update(&conn, made.id, &edit, Source::Edit).unwrap();
    assert_eq!(units::get(&conn, made.id).unwrap().wechat, "haitang_school");
    let history = units::history(&conn, made.id).unwrap();
    assert_eq!(history[0].changes.len(), 1);
    assert_eq!(history[0].changes[0].field, "微信号");
    assert_eq!(history[0].changes[0].new, "haitang_school");

    // An import without the column changes the contact and keeps the new field.
    let csv = "单位名称,联系人\n海棠小学,王老师\n".as_bytes();
    let options = ImportOptions::default();
    let plan = import::plan_bytes(&conn, "名单.csv", csv, &options, &mut no_progress).unwrap();
    let batch = import::commit(&mut conn, &db, &plan, &mut no_progress).unwrap();
    let after = units::get(&conn, made.id).unwrap();
    assert_eq!(after.contact, "王老师");
    assert_eq!(after.wechat, "haitang_school");

    // Undo restores the unit as it was, the new field with it.
    import::undo(&mut conn, batch.id, &mut no_progress).unwrap();
    assert_eq!(units::get(&conn, made.id).unwrap().details, edited.details);
}
EOF

echo "check-one-edit: one line added to the unit's details, one migration; testing the copy"
(cd "$scratch" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" cargo test --offline --quiet --test one_edit)
echo "check-one-edit: passed"
