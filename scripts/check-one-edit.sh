#!/usr/bin/env bash
# Proves that adding a field is one edit, for a member unit, a need and a donation: on a
# scratch copy of the core, it adds one line to each kind's declaration — the unit's details
# (src/units/details.rs), the need's fields (need_fields! in src/lists/kinds/need.rs) and the
# donation's fields (donation_fields! in src/donations/mod.rs) — and a migration adding each
# column, then runs a test there that writes each new field through every write path and
# reads it back:
# - the unit's: the form's create and update (with its history), an import that updates the
#   unit without the column (the value is kept), and undoing that import;
# - the need's and the donation's: the form's create (cleaned) and update, an import of a CSV
#   whose column is headed by the new field's label (the preview holds it, the commit writes
#   it, read back by id), and undoing that import (the imported record goes, the form's keeps
#   its value).
# Nothing else is edited; if a field list were repeated anywhere, the copy would not compile
# or the test would fail.
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

# The need's new field, after its notes: a text, cleaned by trimming, imported from a column
# headed 反馈 (its label) or 反馈意见.
need="$scratch/src/lists/kinds/need.rs"
anchor='            text notes => trimmed, Notes;'
grep -qxF "$anchor" "$need" || { echo "check-one-edit: anchor line not found in need.rs" >&2; exit 1; }
sed -i "/^            text notes => trimmed, Notes;\$/a\            text feedback => trimmed, Feedback = \"反馈\" [\"反馈意见\"];" "$need"
grep -qF 'text feedback =>' "$need" || { echo "check-one-edit: could not add the need's field" >&2; exit 1; }

# The donation's new field, after its notes: a text, cleaned as texts are, imported from a
# column headed 联系人 (its label) or 捐赠方联系人.
donation="$scratch/src/donations/mod.rs"
anchor='            text notes => trimmed, Notes = "备注" [];'
grep -qxF "$anchor" "$donation" || { echo "check-one-edit: anchor line not found in donations/mod.rs" >&2; exit 1; }
sed -i "/^            text notes => trimmed, Notes = \"备注\" \[\];\$/a\            text contact => clean_text, Contact = \"联系人\" [\"捐赠方联系人\"];" "$donation"
grep -qF 'text contact =>' "$donation" || { echo "check-one-edit: could not add the donation's field" >&2; exit 1; }

# Their columns: one migration each, registered after the last one.
migrations="$scratch/src/db/mod.rs"
last=$(grep -o 'include_str!("migrations/[0-9]*_[a-z_]*\.sql")' "$migrations" | tail -1)
[ -n "$last" ] || { echo "check-one-edit: no migration list in src/db/mod.rs" >&2; exit 1; }
echo "ALTER TABLE units ADD COLUMN wechat TEXT NOT NULL DEFAULT '';" > "$scratch/src/db/migrations/9997_wechat.sql"
echo "ALTER TABLE needs ADD COLUMN feedback TEXT NOT NULL DEFAULT '';" > "$scratch/src/db/migrations/9998_feedback.sql"
echo "ALTER TABLE donations ADD COLUMN contact TEXT NOT NULL DEFAULT '';" > "$scratch/src/db/migrations/9999_contact.sql"
added='    include_str!("migrations/9997_wechat.sql"),\n    include_str!("migrations/9998_feedback.sql"),\n    include_str!("migrations/9999_contact.sql"),'
sed -i "s|    $last,|    $last,\n$added|" "$migrations"
for m in 9997_wechat 9998_feedback 9999_contact; do
    grep -q "$m" "$migrations" || { echo "check-one-edit: could not register the migration $m" >&2; exit 1; }
done

mkdir -p "$scratch/tests"
cat > "$scratch/tests/one_edit.rs" <<'EOF'
//! The field added by scripts/check-one-edit.sh goes through every write path.
use lianxi::donations::import::{self as dimport, DonationImportOptions};
use lianxi::donations::{self, DonationInput};
use lianxi::import::{self, no_progress, ImportOptions};
use lianxi::lists::import::{self as limport, ListImportOptions};
use lianxi::lists::{self, ListKind, NeedFilter, NeedInput};
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

#[test]
fn a_new_need_field_is_written_read_imported_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lianxi.sqlite3");
    let mut conn = lianxi::db::open(&db).unwrap();

    // The form: create (cleaned) and edit.
    let made = lists::add_need(
        &conn,
        &NeedInput {
            name: "老年助餐".into(),
            feedback: "  居民满意  ".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(made.feedback, "居民满意", "cleaned and stored");
    let edit = NeedInput {
        name: made.name.clone(),
        feedback: "已回访".into(),
        ..Default::default()
    };
    assert_eq!(lists::update_need(&conn, made.id, &edit).unwrap().feedback, "已回访");
    assert_eq!(lists::get_need(&conn, made.id).unwrap().feedback, "已回访");

    // The import: the field is offered to the wizard, and its label heads its column.
    let labels = limport::field_labels(ListKind::Needs);
    assert!(labels.iter().any(|l| l.label == "反馈"), "{labels:?}");
    let csv = "需求名称,反馈\n助浴服务, 回访满意 \n".as_bytes();
    let options = ListImportOptions {
        year: Some(2026),
        ..Default::default()
    };
    let plan = limport::plan_bytes(&conn, ListKind::Needs, "需求.csv", csv, &options).unwrap();
    assert_eq!(plan.needs.len(), 1, "{:?}", plan.problems);
    let r = limport::commit(&mut conn, &db, &plan, &[]).unwrap();
    let imported = lists::list_needs(&conn, &NeedFilter::default())
        .unwrap()
        .into_iter()
        .find(|n| n.name == "助浴服务")
        .unwrap();
    assert_eq!(lists::get_need(&conn, imported.id).unwrap().feedback, "回访满意");

    // Undo removes the imported need; the form's keeps its value.
    limport::undo(&mut conn, ListKind::Needs, r.batch_id).unwrap();
    assert!(lists::get_need(&conn, imported.id).is_err());
    assert_eq!(lists::get_need(&conn, made.id).unwrap().feedback, "已回访");
}

#[test]
fn a_new_donation_field_is_written_read_imported_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lianxi.sqlite3");
    let mut conn = lianxi::db::open(&db).unwrap();

    // The form: create (cleaned) and edit.
    let made = donations::add(
        &conn,
        &DonationInput {
            donor_name: "海棠置业有限公司".into(),
            pledged_fen: 500_000,
            contact: "  王经理 ".into(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(made.contact, "王经理", "cleaned and stored");
    let edit = DonationInput {
        donor_name: made.donor_name.clone(),
        pledged_fen: made.pledged_fen,
        contact: "李主任".into(),
        ..Default::default()
    };
    assert_eq!(donations::update(&conn, made.id, &edit).unwrap().contact, "李主任");
    assert_eq!(donations::get(&conn, made.id).unwrap().contact, "李主任");

    // The import: the field is offered to the wizard, and its label heads its column.
    let labels = dimport::field_labels();
    assert!(labels.iter().any(|l| l.label == "联系人"), "{labels:?}");
    let csv = "捐赠方,认捐金额,联系人\n海棠物业,3000,赵会计\n".as_bytes();
    let options = DonationImportOptions::default();
    let plan = dimport::plan_bytes(&conn, "捐赠.csv", csv, &options).unwrap();
    assert_eq!(plan.donations.len(), 1, "{:?}", plan.problems);
    assert_eq!(plan.donations[0].input.contact, "赵会计");
    let r = dimport::commit(&mut conn, &db, &plan).unwrap();
    let imported = donations::list(&conn, &Default::default())
        .unwrap()
        .donations
        .into_iter()
        .find(|d| d.donor_name == "海棠物业")
        .unwrap();
    assert_eq!(donations::get(&conn, imported.id).unwrap().contact, "赵会计");

    // Undo removes the imported donation; the form's keeps its value.
    assert_eq!(dimport::undo(&mut conn, r.batch_id).unwrap(), 1);
    assert!(donations::get(&conn, imported.id).is_err());
    assert_eq!(donations::get(&conn, made.id).unwrap().contact, "李主任");
}
EOF

echo "check-one-edit: one line added to the unit's, the need's and the donation's declarations, one migration each; testing the copy"
(cd "$scratch" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" cargo test --offline --quiet --test one_edit)
echo "check-one-edit: passed"
