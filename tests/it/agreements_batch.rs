//! Agreements in quantity: batches (every copy of every agreement), 避头尾 over many generated
//! agreements, the command line, every built-in template, and an empty batch refused.

use crate::cli;
use crate::common::Rng;
use crate::poppler;

use cli::lianxi;
use poppler::{squeeze, tool};

use crate::cli::argv;
use lianxi::agreements::{self, templates, AgreementOptions, AgreementStatus};
use lianxi::db;
use lianxi::print::layout::{is_no_line_end, is_no_line_start};
use lianxi::print::{wrap_text, Block, FontRole, FontSet, PageStyle};

use super::agreements::{demo_db, options, street_with, write_pdf};

#[test]
fn a_batch_prints_every_copy_of_every_agreement() {
    let conn = demo_db();
    let made = agreements::pair_many(
        &conn,
        &[
            street_with(&conn, "海棠区图书馆"),
            street_with(&conn, "海棠区档案馆"),
            street_with(&conn, "海棠老年大学"),
        ],
        &options(),
    )
    .unwrap();
    let ids: Vec<i64> = made.iter().map(|a| a.id).collect();
    let fonts = FontSet::bundled().unwrap();
    let mut calls = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("batch.pdf");
    agreements::write_agreements_pdf(&conn, &ids, &fonts, &pdf, &mut |d, t| {
        calls.push((d, t));
        true
    })
    .unwrap();
    assert_eq!(calls.last(), Some(&(6, 6)));
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for a in &made {
        let a = agreements::get(&conn, a.id).unwrap();
        assert!(!a.number.is_empty());
        let n = squeeze(&text).matches(&a.number).count();
        assert_eq!(n, 2, "{} printed {n} times", a.number);
    }
    assert_eq!(text.matches("党建结对共建协议书").count(), 6);
    // Each copy starts on an odd page (the front of a leaf, printed double-sided), every
    // copy as long as the others: the pages (form feeds) where a copy's title stands.
    let starts: Vec<usize> = text
        .split('\u{c}')
        .enumerate()
        .filter(|(_, page)| page.contains("党建结对共建协议书"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(starts.len(), 6, "{starts:?}");
    assert!(
        starts.iter().all(|p| p % 2 == 1),
        "copies start on {starts:?}"
    );
    let steps: Vec<usize> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        steps.iter().all(|&s| s == steps[0]),
        "copies start on {starts:?}"
    );

    // Cancel: no file, nothing more is marked, the error says cancelled.
    let fresh = agreements::create(&conn, &street_with(&conn, "海棠区图书馆"), &options()).unwrap();
    let cancelled = dir.path().join("cancelled.pdf");
    let err =
        agreements::write_agreements_pdf(&conn, &[fresh.id], &fonts, &cancelled, &mut |_, _| false)
            .unwrap_err();
    assert_eq!(err.kind(), "cancelled");
    assert!(!cancelled.exists());
    // A file that cannot be written (its folder is missing): still 草拟, no leftovers.
    let nowhere = dir.path().join("no-such-folder").join("x.pdf");
    let err =
        agreements::write_agreements_pdf(&conn, &[fresh.id], &fonts, &nowhere, &mut |_, _| true)
            .unwrap_err();
    assert_eq!(err.kind(), "io");
    assert_eq!(
        agreements::get(&conn, fresh.id).unwrap().status,
        AgreementStatus::Draft
    );

    // One file per agreement, named by number and parties.
    let out = dir.path().join("每份一个文件");
    let files =
        agreements::write_agreement_files(&conn, &ids, &fonts, &out, &mut |_, _| true).unwrap();
    assert_eq!(files.len(), 3);
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&made[0].number) && name.contains("海棠区图书馆"),
        "{name}"
    );
}

/// Up to `max` pieces of text with rare characters and punctuation.
fn text(rng: &mut Rng, max: usize) -> String {
    const PARTS: &[&str] = &[
        "共建", "浒", "珺", "堃", "喆", "垚", "𠮷", "，", "。", "、", "；", "：", "（", "）", "《",
        "》", "“", "”", "2026", "年", "ABC", "服务", "社区", "党员", "！", "？", "—", "…",
    ];
    let n = 1 + (rng.next() % max as u64) as usize;
    (0..n).map(|_| rng.pick(PARTS)).collect()
}

#[test]
fn generated_agreements_never_break_lines_against_kinsoku() {
    let conn = demo_db();
    let base = agreements::list(&conn, None).unwrap().remove(0);
    let fonts = FontSet::bundled().unwrap();
    let style = PageStyle::default();
    let width = style.text_width();
    let indent = 2.0 * style.body_size;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut lines_checked = 0usize;
    for i in 0..1000 {
        let mut a = base.clone();
        a.number = format!("海棠共建〔2026〕第{:03}号", i + 1);
        a.party_a.name = format!("中共{}委员会", text(&mut rng, 12));
        a.party_b.name = text(&mut rng, 30);
        a.party_b.leader = text(&mut rng, 4);
        a.party_b.contact = text(&mut rng, 4);
        a.projects = (0..rng.next() % 4).map(|_| text(&mut rng, 60)).collect();
        a.areas = (0..1 + rng.next() % 6)
            .map(|_| text(&mut rng, 10))
            .collect();
        if let Some(s) = a.template.sections.first_mut() {
            s.clauses = vec![text(&mut rng, 200)];
        }
        let doc = agreements::build_doc(&a).unwrap();
        let mut check = |text: &str, first_indent: f32| {
            let lines = wrap_text(
                &fonts,
                FontRole::Body,
                style.body_size,
                text,
                width,
                first_indent,
            );
            for (k, line) in lines.iter().enumerate() {
                let first = line.text.chars().next();
                let last = line.text.chars().last();
                if k > 0 {
                    assert!(
                        !first.is_some_and(is_no_line_start),
                        "agreement {i}: line starts with {first:?}: {:?}",
                        line.text
                    );
                }
                if k + 1 < lines.len() {
                    assert!(
                        !last.is_some_and(is_no_line_end),
                        "agreement {i}: line ends with {last:?}: {:?}",
                        line.text
                    );
                }
                lines_checked += 1;
            }
        };
        let mut stack: Vec<&Block> = doc.blocks.iter().collect();
        while let Some(block) = stack.pop() {
            match block {
                Block::Paragraph { text, indent: ind } => {
                    check(text, if *ind { indent } else { 0.0 })
                }
                Block::Line { text, .. } => check(text, 0.0),
                Block::KeepTogether(inner) => stack.extend(inner.iter()),
                _ => {}
            }
        }
    }
    assert!(lines_checked > 20_000, "{lines_checked}");
}

/// Three units of two communities, each with its party secretary (乙方负责人 of its agreement).
const CLI_ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织名称,党组织书记,联系人,联系电话\n\
八大关小学,学校,太平角社区,学校分会,中共八大关小学支部委员会,周敏,陈晨,13805320001\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,中共太平角宾馆有限公司支部委员会,郑强,冯悦,13805320002\n\
湛山派出所,机关,湛山社区,成员单位分会,中共湛山派出所支部委员会,吴刚,许可,13805320003\n";

#[test]
fn cli_lists_prints_and_fails_on_missing_glyphs() {
    // From an empty database, as a secretary starts: the street, the roster, a meeting, and
    // 太平角社区 paired with each of the three units.
    let (dir, db, m) = cli::street_and_meeting(CLI_ROSTER);
    let ids: Vec<String> = ["八大关小学", "太平角宾馆有限公司", "湛山派出所"]
        .iter()
        .map(|u| cli::pair_with_community(&db, &m, u))
        .collect();
    let list = cli::json(&db, &argv!["agreement list --json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(3), "{list}");
    let pdf = dir.path().join("all.pdf");
    let out = lianxi(&db, &argv!["print agreements -o", pdf.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let text = squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for want in ["第001号", "第003号", "太平角社区", "周敏", "郑强", "吴刚"] {
        assert!(text.contains(want), "the agreements PDF lacks {want}");
    }
    let out = lianxi(
        &db,
        &argv![
            "print agreements --id",
            &ids[1],
            "-o",
            dir.path().join("d").to_str().unwrap()
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(dir.path().join("d")).unwrap().count(), 1);

    // The third agreement's 乙方负责人 now holds a character no font has.
    let third = cli::json(&db, &argv!["agreement list --json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_i64() == ids[2].parse().ok())
        .map(|a| a["number"].clone())
        .unwrap();
    assert_eq!(
        third.as_str().map(|n| n.contains("第003号")),
        Some(true),
        "{third}"
    );
    let conn = db::open(&db).unwrap();
    conn.execute(
        "UPDATE agreements SET party_b_leader = '吴\u{E000}' WHERE id = ?1",
        [ids[2].parse::<i64>().unwrap()],
    )
    .unwrap();
    drop(conn);
    let out = lianxi(
        &db,
        &argv![
            "print agreements --id",
            &ids[2],
            "-o",
            dir.path().join("x.pdf").to_str().unwrap()
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("第003号") && err.contains("乙方负责人") && err.contains('\u{E000}'),
        "{err}"
    );
    assert!(!dir.path().join("x.pdf").exists());
    let out = lianxi(
        &db,
        &argv![
            "print agreements --id 999 -o",
            dir.path().join("y.pdf").to_str().unwrap()
        ],
    );
    assert!(!out.status.success());
    assert!(!dir.path().join("y.pdf").exists());
}

/// Every built-in template makes a printable agreement, and a database made before a
/// built-in existed receives it once (a deleted one does not come back).
#[test]
fn every_builtin_template_prints_and_new_builtins_reach_old_databases() {
    let conn = demo_db();
    let builtins: Vec<_> = templates::list(&conn)
        .unwrap()
        .into_iter()
        .filter(|t| t.builtin)
        .collect();
    assert_eq!(builtins.len(), 2, "{builtins:?}");
    assert_eq!(builtins[0].name, "党建结对共建协议书");
    let fonts = FontSet::bundled().unwrap();
    for t in &builtins {
        let a = agreements::create(
            &conn,
            &street_with(&conn, "海棠区图书馆"),
            &AgreementOptions {
                template_id: Some(t.id),
                ..options()
            },
        )
        .unwrap();
        let bytes = agreements::render_agreement(&conn, a.id, &fonts).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let pdf = write_pdf(dir.path(), "t.pdf", &bytes);
        let text = squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
        assert!(text.contains(&squeeze(&t.body.title)), "{}: {text}", t.name);
        assert!(
            text.contains(&squeeze(&a.party_b.name)),
            "{}: {text}",
            t.name
        );
    }

    // An older database: only the first built-in, and no record of which were offered.
    let old = db::open_in_memory().unwrap();
    templates::list(&old).unwrap();
    let second = templates::list(&old).unwrap()[1].id;
    templates::delete(&old, second).unwrap();
    old.execute(
        "DELETE FROM settings WHERE key = 'builtin_templates_seeded'",
        [],
    )
    .unwrap();
    let names: Vec<String> = templates::list(&old)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names.len(), 2, "the newer built-in arrives once: {names:?}");
    // Deleted after being offered: it stays deleted.
    let second = templates::list(&old).unwrap()[1].id;
    templates::delete(&old, second).unwrap();
    assert_eq!(templates::list(&old).unwrap().len(), 1);
}

#[test]
fn a_batch_of_no_agreements_is_refused_and_writes_no_file() {
    // A meeting without any agreement yet: printing or exporting "all of them" says so, in
    // the same words in both, and leaves no empty file behind.
    let (dir, db, m) = cli::street_and_meeting(CLI_ROSTER);
    for (what, name) in [("print", "协议.pdf"), ("export", "协议.docx")] {
        let file = dir.path().join(name);
        let e = cli::refused(&db, &argv![what, "agreements --meeting", &m, "-o", &file]);
        assert!(e.contains("没有选择要打印或导出的共建协议"), "{what}: {e}");
        assert!(!file.exists(), "{what} wrote {}", file.display());
    }
}
