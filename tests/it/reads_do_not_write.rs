//! Reads don't write. Every command of the one table (`lianxi::app::COMMANDS`) is
//! classified here: a read, a file made from the data, a pure function, or a write. Each read
//! and each file is called with the core function its command calls, on a database file set
//! up from empty through the CLI (a street, a roster, a meeting that took place, an agreement
//! signed with a scan, a donation, the three lists), and must leave the database file's bytes
//! (and its write-ahead log) exactly as they were. A command added to the shell without being
//! classified here fails the test.

use crate::cli;

use std::path::{Path, PathBuf};

use cli::{ok, pair_with_community, street_and_meeting};
use lianxi::agreements::{self, templates};
use lianxi::donations::{self, DonationFilter};
use lianxi::import::bounded::{Worker, WORKER_ARG};
use lianxi::lists::{self, ListKind, NeedFilter, ProjectFilter, ResourceFilter};
use lianxi::meetings::print_pack::{self, Document, PackOptions};
use lianxi::meetings::{self, agenda, attendance, seating, speeches};
use lianxi::paths::DataDir;
use lianxi::{archive, minutes, org, stats, street, units, Result};
use rusqlite::Connection;

const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话,入会时间\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101,2015-09\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102,2026-03\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103,2012\n";

/// Pure functions: no connection at all.
const PURE: &[&str] = &[
    "app_status",
    "street_fields",
    "open_data_dir",
    "open_log_dir",
    "unit_labels",
    "unit_check_phones",
    "unit_check_joined_on",
    "import_cancel",
    "import_fields",
    "print_cancel",
    "font_options",
    "meeting_labels",
    "meeting_documents",
    "archive_retention_options",
    "donation_labels",
    "amount_in_words",
    "donation_import_fields",
    "agreement_template_validate",
    "agreement_copies_kept",
    "list_import_fields",
    "lists_documents",
];

/// Deliberate writes (each is a user's action that changes the data, or takes a backup).
const WRITES: &[&str] = &[
    "backup_create",
    "backup_restore",
    "demo_load",
    "demo_clear",
    "street_save",
    "unit_create",
    "unit_update",
    "unit_leave",
    "unit_rejoin",
    "unit_delete",
    "import_commit",
    "import_undo",
    "community_create",
    "community_update",
    "community_merge",
    "community_delete",
    "branch_create",
    "branch_rename",
    "branch_merge",
    "branch_delete",
    "font_choice_save",
    "meeting_create",
    "meeting_update",
    "meeting_status_act",
    "meeting_delete",
    "meeting_copy_from",
    "attendance_invite",
    "attendance_add_guest",
    "attendance_set_attendee",
    "attendance_set_reply",
    "attendance_sign_in",
    "attendance_sign_in_code",
    "signin_sheet_codes_set",
    // A 签到码 signs its unit in; a name only searches (a write, when it is a code).
    "attendance_desk_enter",
    "attendance_desk_sign_in",
    // Open and close the sign-in desks: a server whose sign-ins are writes.
    "desk_open",
    "desk_close",
    "attendance_sign_out",
    "attendance_remove",
    "agenda_add",
    "agenda_add_usual",
    "agenda_update",
    "agenda_remove",
    "agenda_reorder",
    "agenda_move",
    "speech_add",
    "speech_update",
    "speech_remove",
    "speeches_reorder",
    "seating_rule_set",
    "archive_retention_set",
    "donation_add",
    "donation_update",
    "donation_receive",
    "donation_withdraw",
    "certificate_layout_set",
    // Marks the letters and certificates printed.
    "donations_print",
    "donation_import_commit",
    "donation_import_undo",
    "agreement_template_create",
    "agreement_template_update",
    "agreement_template_delete",
    "agreement_create",
    "agreements_pair_many",
    "agreement_mark_signed",
    "agreement_archive",
    "agreement_update_draft",
    "agreement_delete",
    "agreement_void",
    // Number the drafts and mark them printed.
    "agreements_print_pdf",
    "agreements_print_dir",
    "minutes_save",
    "minutes_rebuild",
    "minutes_finalise",
    "minutes_reopen",
    "news_save",
    "news_reset",
    "need_add",
    "need_update",
    "need_delete",
    "project_from_need",
    "resource_add",
    "resource_update",
    "resource_delete",
    "project_add",
    "project_update",
    "project_delete",
    "project_claim",
    "project_unclaim",
    "project_set_lead",
    "project_progress_add",
    "project_progress_delete",
    "project_result",
    "project_result_clear",
    "project_attachment_remove",
    "project_categories_set",
    "list_import_commit",
    "list_import_undo",
];

/// The records the reads are asked about.
struct Fixture {
    db: PathBuf,
    dir: PathBuf,
    year: i32,
    meeting: i64,
    unit: i64,
    agreement: i64,
    project: i64,
    attachment: i64,
    worker: Worker,
}

type Call = Box<dyn Fn(&Connection, &Fixture) -> Result<()>>;

fn call<T>(f: impl Fn(&Connection, &Fixture) -> Result<T> + 'static) -> Call {
    Box::new(move |c, x| f(c, x).map(|_| ()))
}

/// Every read command with the core call it makes.
fn reads() -> Vec<(&'static str, Call)> {
    vec![
        (
            "data_info",
            call(|c, f| lianxi::settings::data_info(c, &f.db, lianxi::demo::is_demo(c)?)),
        ),
        ("backup_list", call(|_, f| lianxi::backup::list(&f.db))),
        ("street_get", call(|c, _| street::get(c))),
        ("units_list", call(|c, _| units::list(c))),
        ("unit_history", call(|c, f| units::history(c, f.unit))),
        (
            "import_preview",
            call(|c, f| {
                lianxi::import::plan_file(
                    c,
                    &f.worker,
                    &f.dir.join("名册.csv"),
                    &Default::default(),
                    &mut lianxi::import::no_progress,
                )
            }),
        ),
        ("import_batches", call(|c, _| lianxi::import::batches(c))),
        ("communities_list", call(|c, _| org::communities(c))),
        ("branches_list", call(|c, _| org::branches(c))),
        ("font_choice", call(|c, _| lianxi::print::saved_choice(c))),
        ("meetings_list", call(|c, _| meetings::list(c))),
        ("meeting_get", call(|c, f| meetings::get(c, f.meeting))),
        // The desks' state; it reads the desks' meeting to see whether it still takes sign-ins.
        ("desk_status", call(|c, f| meetings::get(c, f.meeting))),
        ("meeting_new_input", call(|c, _| meetings::new_input(c))),
        (
            "meeting_readiness",
            call(|c, f| meetings::readiness(c, f.meeting)),
        ),
        (
            "attendance_list",
            call(|c, f| attendance::list(c, f.meeting)),
        ),
        (
            "attendance_counts",
            call(|c, f| attendance::counts(c, f.meeting)),
        ),
        (
            "attendance_search",
            call(|c, f| attendance::search(c, f.meeting, "小学")),
        ),
        ("agenda_list", call(|c, f| agenda::list(c, f.meeting))),
        ("speeches_list", call(|c, f| speeches::list(c, f.meeting))),
        ("seating_rule", call(|c, _| seating::saved_rule(c))),
        (
            "signin_sheet_codes",
            call(|c, _| print_pack::sheet_codes(c)),
        ),
        (
            "seating_default_platform",
            call(|c, f| print_pack::default_platform(c, f.meeting)),
        ),
        ("year_stats", call(|c, f| stats::year_stats(c, f.year))),
        (
            "archive_meetings",
            call(|c, f| archive::archive_meetings(c, f.year)),
        ),
        ("archive_retentions", call(|c, _| archive::retentions(c))),
        (
            "donations_list",
            call(|c, _| donations::list(c, &DonationFilter::default())),
        ),
        (
            "certificate_layout_get",
            call(|c, _| donations::print::certificate_layout(c)),
        ),
        (
            "donation_import_preview",
            call(|c, f| {
                donations::import::plan_file(
                    c,
                    &f.worker,
                    &f.dir.join("捐赠.csv"),
                    &Default::default(),
                    &mut lianxi::import::no_progress,
                )
            }),
        ),
        ("agreement_templates_list", call(|c, _| templates::list(c))),
        (
            "agreement_default_term",
            call(|c, _| agreements::default_term(c, None)),
        ),
        (
            "agreement_placeholder_samples",
            call(|c, _| {
                let body = templates::list(c)?.remove(0).body;
                agreements::sample_agreement(c, body).map(|a| agreements::values(&a).len())
            }),
        ),
        (
            "agreement_template_preview_text",
            call(|c, _| {
                let body = templates::list(c)?.remove(0).body;
                agreements::preview::preview_text(c, body)
            }),
        ),
        (
            "agreements_file_name",
            call(|c, f| agreements::save_name(c, &[f.agreement], "pdf")),
        ),
        ("agreements_list", call(|c, _| agreements::list(c, None))),
        (
            "agreement_get",
            call(|c, f| agreements::get(c, f.agreement)),
        ),
        (
            "agreements_street_pairs_since",
            call(|c, _| agreements::street_with_units_joined_since(c, 2026)),
        ),
        ("agreements_meeting_choices", call(|c, _| meetings::list(c))),
        (
            "agreement_open_scan",
            call(|c, f| agreements::scan_path(c, f.agreement, &DataDir::of_db(&f.db))),
        ),
        (
            "agreement_number_prefix",
            call(|c, _| agreements::number::prefix(c)),
        ),
        (
            "agreements_check_pairs",
            call(|c, f| {
                let pairs = agreements::street_with_units_joined_since(c, 2000)?;
                agreements::check_pairs(
                    c,
                    &pairs,
                    &agreements::AgreementOptions {
                        meeting_id: Some(f.meeting),
                        ..Default::default()
                    },
                )
            }),
        ),
        ("minutes_get", call(|c, f| minutes::current(c, f.meeting))),
        (
            "minutes_preview",
            call(|c, f| {
                let edit = minutes::MinutesEdit::from(&minutes::current(c, f.meeting)?);
                minutes::minutes_preview(c, f.meeting, &edit)
            }),
        ),
        ("news_get", call(|c, f| minutes::current_news(c, f.meeting))),
        (
            "news_text",
            call(|c, f| minutes::current_news(c, f.meeting).map(|n| minutes::news_text(&n))),
        ),
        ("lists_labels", call(|c, _| lists::labels(c))),
        ("lists_overview", call(|c, f| lists::overview(c, f.year))),
        (
            "needs_list",
            call(|c, _| lists::list_needs(c, &NeedFilter::default())),
        ),
        (
            "resources_list",
            call(|c, _| lists::list_resources(c, &ResourceFilter::default())),
        ),
        (
            "projects_list",
            call(|c, _| lists::list_projects(c, &ProjectFilter::default())),
        ),
        ("project_get", call(|c, f| lists::get_project(c, f.project))),
        (
            "project_open_attachment",
            call(|c, f| lists::attachment_path(c, &DataDir::of_db(&f.db), f.project, f.attachment)),
        ),
        ("project_categories", call(|c, _| lists::categories(c))),
        (
            "list_import_preview",
            call(|c, f| {
                lists::import::plan_file(
                    c,
                    &f.worker,
                    ListKind::Needs,
                    &f.dir.join("需求清单.csv"),
                    &Default::default(),
                    &mut lianxi::import::no_progress,
                )
            }),
        ),
    ]
}

/// Every command that writes a file from the data (a PDF, a Word file, a spreadsheet, the
/// archive) and nothing into the database.
fn files() -> Vec<(&'static str, Call)> {
    let out = |f: &Fixture, name: &str| f.dir.join("out").join(name);
    vec![
        (
            "units_export",
            call(move |c, f| lianxi::export::export_units(c, &out(f, "名册.xlsx"), None)),
        ),
        (
            "meeting_print",
            call(move |c, f| {
                let fonts = lianxi::print::saved_fonts(c)?;
                print_pack::write_document(
                    c,
                    f.meeting,
                    Document::Agenda,
                    &PackOptions::default(),
                    &fonts,
                    &out(f, "议程.pdf"),
                )
            }),
        ),
        (
            "meeting_print_pack",
            call(move |c, f| {
                let fonts = lianxi::print::saved_fonts(c)?;
                print_pack::write_pack(
                    c,
                    f.meeting,
                    &PackOptions::default(),
                    &fonts,
                    &out(f, "会议材料"),
                    &mut |_, _, _| true,
                )
            }),
        ),
        (
            "meeting_export_word",
            call(move |c, f| {
                lianxi::docx::write_meeting_docx(
                    c,
                    f.meeting,
                    Document::Agenda,
                    &PackOptions::default(),
                    &out(f, "议程.docx"),
                )
            }),
        ),
        (
            "year_stats_pdf",
            call(move |c, f| stats::write_stats_pdf(c, f.year, &out(f, "统计.pdf"))),
        ),
        (
            "archive_year",
            call(move |c, f| {
                archive::archive_year(
                    c,
                    DataDir::of_db(&f.db).root(),
                    f.year,
                    &out(f, "归档"),
                    true,
                    &[],
                    &mut |_, _| true,
                )
            }),
        ),
        (
            "donations_export_word",
            call(move |c, f| {
                lianxi::docx::write_donation_docx(
                    c,
                    donations::print::DonationPaper::Certificates,
                    &DonationFilter::default(),
                    lianxi::date::today(),
                    &out(f, "证书.docx"),
                )
            }),
        ),
        (
            "agreement_template_preview_pdf",
            call(|c, _| {
                let body = templates::list(c)?.remove(0).body;
                agreements::preview_template(c, body, &*lianxi::print::saved_fonts(c)?)
            }),
        ),
        (
            "agreements_export_word",
            call(move |c, f| {
                lianxi::docx::write_agreements_docx(c, &[f.agreement], &out(f, "协议.docx"))
            }),
        ),
        (
            "minutes_print",
            call(move |c, f| {
                let bytes = minutes::minutes_pdf(c, f.meeting, &*lianxi::print::saved_fonts(c)?)?;
                lianxi::print::write_file(&out(f, "纪要.pdf"), &bytes)
            }),
        ),
        (
            "news_print",
            call(move |c, f| {
                let bytes = minutes::news_pdf(c, f.meeting, &*lianxi::print::saved_fonts(c)?)?;
                lianxi::print::write_file(&out(f, "信息稿.pdf"), &bytes)
            }),
        ),
        (
            "minutes_export_word",
            call(move |c, f| {
                lianxi::docx::write_minutes_docx(c, f.meeting, &out(f, "纪要.docx"))?;
                lianxi::docx::write_news_docx(c, f.meeting, &out(f, "信息稿.docx"))
            }),
        ),
        (
            "lists_print",
            call(move |c, f| {
                lists::print::write_paper(
                    c,
                    lists::print::ListsDocument::Lists,
                    f.year,
                    &*lianxi::print::saved_fonts(c)?,
                    &out(f, "三张清单.pdf"),
                )
            }),
        ),
        (
            "lists_export_word",
            call(move |c, f| {
                lianxi::docx::write_lists_docx(
                    c,
                    lists::print::ListsDocument::Claims,
                    f.year,
                    &out(f, "认领表.docx"),
                )
            }),
        ),
    ]
}

/// The database file and its write-ahead log, byte for byte.
fn bytes_of(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    (
        std::fs::read(db).unwrap(),
        std::fs::read(PathBuf::from(wal)).unwrap_or_default(),
    )
}

/// From empty, through the CLI: a street, its roster, a meeting of 2026-09-21 that took place
/// (two sign-ins, one on leave), its usual agenda, an agreement printed and signed with a
/// scan, a draft agreement, a donation, a need, and a project claimed and done with a photo.
/// No 纪要 and no 信息稿 is saved: showing them must not save them.
fn fixture() -> (tempfile::TempDir, Fixture) {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let run = |args: &[&str]| ok(&db, args);
    run(&[
        "meeting",
        "reply",
        "--meeting",
        &m,
        "--unit",
        "汇泉湾邮政支局",
        "--leave",
    ]);
    for unit in ["八大关小学", "太平角宾馆有限公司"] {
        run(&["meeting", "signin", "--meeting", &m, "--unit", unit]);
    }
    run(&["meeting", "agenda", "usual", "--meeting", &m]);
    let a = pair_with_community(&db, &m, "八大关小学");
    let pdf = dir.path().join("协议.pdf");
    run(&[
        "print",
        "agreements",
        "--id",
        &a,
        "-o",
        pdf.to_str().unwrap(),
    ]);
    run(&[
        "agreement",
        "sign",
        &a,
        "--on",
        "2026-09-21",
        "--scan",
        pdf.to_str().unwrap(),
    ]);
    pair_with_community(&db, &m, "太平角宾馆有限公司");
    run(&[
        "donation",
        "add",
        "--donor",
        "太平角宾馆有限公司",
        "--meeting",
        &m,
        "--cash",
        "3万",
    ]);
    run(&["needs", "add", "--name", "青少年课后托管", "--year", "2026"]);
    run(&["projects", "add", "--name", "四点半课堂", "--year", "2026"]);
    let id = "项2026-001";
    run(&[
        "projects",
        "claim",
        id,
        "--unit",
        "八大关小学",
        "--on",
        "2026-09-21",
    ]);
    let photo = dir.path().join("照片.pdf");
    std::fs::copy(&pdf, &photo).unwrap();
    run(&[
        "projects",
        "done",
        id,
        "--on",
        "2026-11-20",
        "--result",
        "开班 12 期",
        "--attach",
        photo.to_str().unwrap(),
    ]);
    // The files the import previews read.
    std::fs::write(dir.path().join("名册.csv"), ROSTER).unwrap();
    std::fs::write(
        dir.path().join("捐赠.csv"),
        "捐赠方,现金金额（元）\n八大关小学,5000\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("需求清单.csv"),
        "需求名称,提出方\n老年助餐,湛山社区\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("out")).unwrap();

    let conn = lianxi::db::open(&db).unwrap();
    let unit = units::list(&conn).unwrap()[0].id;
    let project = lists::list_projects(&conn, &ProjectFilter::default()).unwrap()[0].id;
    let attachment = lists::get_project(&conn, project).unwrap().attachments[0].id;
    drop(conn);
    let f = Fixture {
        db: db.clone(),
        dir: dir.path().to_path_buf(),
        year: 2026,
        meeting: m.parse().unwrap(),
        unit,
        agreement: a.parse().unwrap(),
        project,
        attachment,
        worker: Worker::new(env!("CARGO_BIN_EXE_lianxi"), [WORKER_ARG]),
    };
    (dir, f)
}

/// The command names of the one table both faces (the window and `lianxi serve`) register.
fn shell_commands() -> Vec<String> {
    lianxi::app::COMMANDS
        .iter()
        .flat_map(|group| group.iter())
        .map(|c| c.name.to_owned())
        .collect()
}

#[test]
fn every_shell_command_is_classified_once() {
    let reads: Vec<&str> = reads().iter().map(|(n, _)| *n).collect();
    let files: Vec<&str> = files().iter().map(|(n, _)| *n).collect();
    let known: Vec<&str> = [PURE, WRITES, &reads, &files].concat();
    let shell = shell_commands();
    assert!(shell.len() > 150, "{shell:?}");
    let unclassified: Vec<&String> = shell
        .iter()
        .filter(|c| !known.contains(&c.as_str()))
        .collect();
    assert!(
        unclassified.is_empty(),
        "classify these commands as a read, a file, a pure function or a write: {unclassified:?}"
    );
    for k in &known {
        assert_eq!(known.iter().filter(|x| *x == k).count(), 1, "{k} twice");
        assert!(
            shell.iter().any(|c| c == k),
            "{k} is not a command any more"
        );
    }
}

#[test]
fn opening_and_every_read_leave_the_database_bytes_unchanged() {
    let (_dir, f) = fixture();
    // The CLI has closed the database: its log is checkpointed into the file.
    let at_rest = bytes_of(&f.db);
    let conn = lianxi::db::open(&f.db).unwrap();
    assert!(
        bytes_of(&f.db) == at_rest,
        "opening the database wrote to it"
    );
    let mut wrote = Vec::new();
    for (name, read) in reads().into_iter().chain(files()) {
        let before = bytes_of(&f.db);
        if let Err(e) = read(&conn, &f) {
            panic!("{name}: {e}");
        }
        if bytes_of(&f.db) != before {
            wrote.push(name);
        }
    }
    assert!(
        wrote.is_empty(),
        "these reads wrote to the database: {wrote:?}"
    );
    // Nothing was drafted into the store by showing it.
    assert!(minutes::get(&conn, f.meeting).unwrap().is_none());
    assert!(minutes::stored_news(&conn, f.meeting).unwrap().is_none());
    drop(conn);
    assert!(
        bytes_of(&f.db) == at_rest,
        "closing after the reads changed the file"
    );
}
