//! The 签到码 on paper, from an empty database: every 邀请函 (PDF, and the .docx as LibreOffice
//! prints it) carries a QR code that zbarimg reads off the rendered page; the text it reads
//! signs in exactly the unit the page is addressed to, once; a code with one digit changed and
//! a code of another meeting are refused in Chinese.

mod cli;
mod office;
mod poppler;

use std::path::Path;
use std::process::Command;

use cli::{json, lianxi, ok, refused, street_and_meeting};

const ROSTER: &str = "单位名称,单位类别,所属社区,联系人,联系电话
青岛市红十字会,社会组织,太平角社区,陈会长,0532-82860101
中国海洋大学八大关校区,学校,太平角社区,郑书记,0532-82860102
中国银行股份有限公司青岛八大关支行,企业,太平角社区,王行长,0532-82860103
𠮷野家八大关店,企业,太平角社区,吉店长,0532-82860104
";

/// The QR codes zbarimg reads on each page of `pdf`, with that page's text: (page text, codes).
fn codes_per_page(pdf: &Path, dir: &Path, stem: &str) -> Vec<(String, Vec<String>)> {
    let pages: usize = poppler::tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count");
    let prefix = dir.join(stem);
    poppler::tool(
        "pdftoppm",
        &[
            "-r",
            "300",
            "-png",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    (1..=pages)
        .map(|n| {
            let text = poppler::tool(
                "pdftotext",
                &[
                    "-f",
                    &n.to_string(),
                    "-l",
                    &n.to_string(),
                    pdf.to_str().unwrap(),
                    "-",
                ],
            );
            let width = pages.to_string().len().max(1);
            let png = dir.join(format!("{stem}-{n:0width$}.png"));
            let out = Command::new("zbarimg")
                .args(["-q", "--raw"])
                .arg(&png)
                .output()
                .unwrap_or_else(|e| panic!("zbarimg is needed for this test (zbar-tools): {e}"));
            // zbarimg exits 4 when a page has no code: that page has none.
            let codes = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            (poppler::squeeze(&text), codes)
        })
        .collect()
}

/// The unit each invitation's page 1 is addressed to ("青岛市红十字会：") and its one code.
fn addressed_codes(pages: &[(String, Vec<String>)], units: &[&str]) -> Vec<(String, String)> {
    pages
        .iter()
        .filter(|(_, codes)| !codes.is_empty())
        .map(|(text, codes)| {
            assert_eq!(
                codes.len(),
                1,
                "one code on an invitation's page: {codes:?}"
            );
            let unit = units
                .iter()
                .find(|u| text.contains(&format!("{u}：")))
                .unwrap_or_else(|| panic!("the page with a code names its unit: {text}"));
            assert!(text.contains("签到码"), "the code is captioned: {text}");
            ((*unit).to_owned(), codes[0].clone())
        })
        .collect()
}

fn signed_in(db: &Path, meeting: &str) -> Vec<(String, Option<String>)> {
    let shown = json(db, &["meeting", "show", meeting, "--json"]);
    shown["invitees"]
        .as_array()
        .expect("invitees")
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap_or_default().to_owned(),
                i["signed_in_at"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn every_invitation_code_signs_in_its_own_unit_once_and_forgeries_are_refused() {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let units = [
        "青岛市红十字会",
        "中国海洋大学八大关校区",
        "中国银行股份有限公司青岛八大关支行",
        "𠮷野家八大关店",
    ];
    ok(
        &db,
        &[
            "meeting",
            "reply",
            "--meeting",
            &m,
            "--unit",
            "红十字会",
            "--delegate",
            "刘洋",
        ],
    );
    let pdf = dir.path().join("邀请函.pdf");
    ok(
        &db,
        &[
            "print",
            "invitations",
            "--meeting",
            &m,
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let pages = codes_per_page(&pdf, dir.path(), "pdf");
    let codes = addressed_codes(&pages, &units);
    assert_eq!(
        codes.len(),
        units.len(),
        "a code for every invited unit: {codes:?}"
    );
    let distinct: std::collections::BTreeSet<_> = codes.iter().map(|(_, c)| c).collect();
    assert_eq!(distinct.len(), codes.len(), "every code differs");
    for (_, code) in &codes {
        assert!(
            code.bytes().all(|b| b.is_ascii_digit()),
            "digits only, so any input method passes them: {code}"
        );
    }

    // The .docx carries the same codes where the PDF has them, as LibreOffice prints it.
    let docx = dir.path().join("邀请函.docx");
    ok(
        &db,
        &[
            "export",
            "invitations",
            "--meeting",
            &m,
            "-o",
            docx.to_str().unwrap(),
        ],
    );
    let word = dir.path().join("word");
    std::fs::create_dir_all(&word).unwrap();
    office::libreoffice_pdf(&[&docx], &word);
    let word_pages = codes_per_page(&word.join("邀请函.pdf"), &word, "docx");
    let mut from_word: Vec<_> = word_pages.iter().flat_map(|(_, c)| c.clone()).collect();
    let mut from_pdf: Vec<_> = codes.iter().map(|(_, c)| c.clone()).collect();
    from_word.sort();
    from_pdf.sort();
    assert_eq!(from_word, from_pdf, "the Word file carries the same codes");

    // A code with one digit changed: refused, nobody signed in.
    let (_, first) = &codes[0];
    let last = first.chars().last().unwrap();
    let changed = format!(
        "{}{}",
        &first[..first.len() - 1],
        if last == '9' {
            '0'
        } else {
            char::from(last as u8 + 1)
        }
    );
    let err = refused(
        &db,
        &["meeting", "signin", "--meeting", &m, "--code", &changed],
    );
    assert!(err.contains("签到码无效"), "{err}");
    let err = refused(
        &db,
        &["meeting", "signin", "--meeting", &m, "--code", "八大关"],
    );
    assert!(err.contains("不是本软件的签到码"), "{err}");
    assert!(
        signed_in(&db, &m).iter().all(|(_, at)| at.is_none()),
        "a refused code signs nobody in"
    );

    // Each code signs in its own unit; a second scan keeps the first time.
    for (unit, code) in &codes {
        let out = ok(
            &db,
            &[
                "meeting",
                "signin",
                "--meeting",
                &m,
                "--code",
                code,
                "--at",
                "14:05",
            ],
        );
        assert!(out.contains(&format!("已签到：{unit}（14:05）")), "{out}");
        if *unit == "青岛市红十字会" {
            assert!(out.contains("委派 刘洋 参会"), "{out}");
        }
    }
    let again = ok(
        &db,
        &[
            "meeting",
            "signin",
            "--meeting",
            &m,
            "--code",
            &codes[1].1,
            "--at",
            "14:30",
        ],
    );
    assert!(
        again.contains(&format!("{} 已于 14:05 签到", codes[1].0)),
        "{again}"
    );
    let rows = signed_in(&db, &m);
    assert_eq!(rows.len(), units.len());
    for (name, at) in &rows {
        assert_eq!(
            at.as_deref(),
            Some("2026-09-21T14:05:00"),
            "{name} signed in once, at the first time"
        );
    }

    // Another meeting of the same database refuses this meeting's codes by name.
    let other = ok(
        &db,
        &[
            "meeting",
            "create",
            "--title",
            "2026年第四季度联席会",
            "--kind",
            "季度会",
        ],
    )
    .trim()
    .to_owned();
    ok(&db, &["meeting", "invite", "--meeting", &other, "--all"]);
    let err = refused(
        &db,
        &[
            "meeting",
            "signin",
            "--meeting",
            &other,
            "--code",
            &codes[0].1,
        ],
    );
    assert!(err.contains("这是会议“2026年联席会年会”的签到码"), "{err}");

    // A code made by another database (another secretary's laptop) is refused as well.
    let (_dir2, db2, m2) = street_and_meeting(ROSTER);
    assert_eq!(
        m2, m,
        "the same meeting and invitee ids in the second database"
    );
    let o = lianxi(
        &db2,
        &["meeting", "signin", "--meeting", &m2, "--code", &codes[0].1],
    );
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("签到码无效"),
        "another database's key makes another code"
    );
}

#[test]
fn the_signin_sheet_carries_a_code_per_row_when_chosen() {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let units = [
        "青岛市红十字会",
        "中国海洋大学八大关校区",
        "中国银行股份有限公司青岛八大关支行",
        "𠮷野家八大关店",
    ];
    let sheet = dir.path().join("签到表.pdf");
    let print = |to: &Path| {
        ok(
            &db,
            &[
                "print",
                "signin",
                "--meeting",
                &m,
                "-o",
                to.to_str().unwrap(),
            ],
        );
    };
    // Off unless chosen: no code, no column.
    print(&sheet);
    let plain = codes_per_page(&sheet, dir.path(), "plain");
    assert!(plain.iter().all(|(_, c)| c.is_empty()), "{plain:?}");
    assert!(!plain[0].0.contains("签到码"));

    // Chosen in 打印 (the setting the app's checkbox writes).
    {
        let conn = lianxi::db::open(&db).expect("the database opens");
        lianxi::meetings::print_pack::set_sheet_codes(&conn, true).expect("saved");
    }
    let coded = dir.path().join("签到表（签到码）.pdf");
    print(&coded);
    let pages = codes_per_page(&coded, dir.path(), "coded");
    assert!(pages[0].0.contains("签到码"), "the column is headed");
    let mut codes: Vec<String> = pages.iter().flat_map(|(_, c)| c.clone()).collect();
    assert_eq!(
        codes.len(),
        units.len(),
        "a code in every unit's row: {codes:?}"
    );
    // The same rows in Word, as LibreOffice prints them.
    let docx = dir.path().join("签到表.docx");
    ok(
        &db,
        &[
            "export",
            "signin",
            "--meeting",
            &m,
            "-o",
            docx.to_str().unwrap(),
        ],
    );
    let word = dir.path().join("word");
    std::fs::create_dir_all(&word).unwrap();
    office::libreoffice_pdf(&[&docx], &word);
    let mut from_word: Vec<String> = codes_per_page(&word.join("签到表.pdf"), &word, "docx")
        .into_iter()
        .flat_map(|(_, c)| c)
        .collect();
    codes.sort();
    from_word.sort();
    assert_eq!(from_word, codes, "the Word sheet carries the same codes");
    // Each row's code signs in a different unit, every one of them.
    let mut names = Vec::new();
    for code in &codes {
        let out = ok(&db, &["meeting", "signin", "--meeting", &m, "--code", code]);
        let name = units
            .iter()
            .find(|u| out.contains(&format!("已签到：{u}")))
            .unwrap_or_else(|| panic!("a unit of the roster: {out}"));
        names.push(*name);
    }
    names.sort();
    let mut all = units.to_vec();
    all.sort();
    assert_eq!(names, all);
}
