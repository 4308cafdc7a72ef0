//! The 签到码 on paper, from an empty database: every 邀请函 (PDF, and the .docx as LibreOffice
//! prints it) carries a QR code that zbarimg reads off the rendered page; the text it reads
//! signs in exactly the unit the page is addressed to, once; a code with one digit changed and
//! a code of another meeting are refused in Chinese.

use crate::cli;
use crate::office;
use crate::poppler;

use std::path::Path;
use std::process::Command;

use crate::cli::argv;
use cli::{json, lianxi, ok, refused, street_and_meeting};

const UNITS: [&str; 4] = [
    "青岛市红十字会",
    "中国海洋大学八大关校区",
    "中国银行股份有限公司青岛八大关支行",
    "𠮷野家八大关店",
];

const ROSTER: &str = "单位名称,单位类别,所属社区,联系人,联系电话
青岛市红十字会,社会组织,太平角社区,陈会长,0532-82860101
中国海洋大学八大关校区,学校,太平角社区,郑书记,0532-82860102
中国银行股份有限公司青岛八大关支行,企业,太平角社区,王行长,0532-82860103
𠮷野家八大关店,企业,太平角社区,吉店长,0532-82860104
";

/// The QR codes zbarimg reads on each page of `pdf`, with that page's text: (page text, codes).
fn codes_per_page(pdf: &Path, dir: &Path, stem: &str) -> Vec<(String, Vec<String>)> {
    let pages = poppler::page_count(pdf);
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

/// The codes of the Word file of `what` (`lianxi export WHAT --meeting M`), read off the pages
/// LibreOffice prints from it, in page order.
fn word_codes(db: &Path, dir: &Path, what: &str, meeting: &str, name: &str) -> Vec<String> {
    let docx = dir.join(format!("{name}.docx"));
    ok(
        db,
        &argv![
            "export",
            what,
            "--meeting",
            meeting,
            "-o",
            docx.to_str().unwrap()
        ],
    );
    let word = dir.join(format!("word-{what}"));
    std::fs::create_dir_all(&word).unwrap();
    office::libreoffice_pdf(&[&docx], &word);
    codes_per_page(&word.join(format!("{name}.pdf")), &word, "docx")
        .into_iter()
        .flat_map(|(_, c)| c)
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

/// Prints the invitations of `meeting` to PDF and reads each page's code off the rendered
/// page: (the unit the page is addressed to, its code).
fn invitation_codes(db: &Path, dir: &Path, meeting: &str, units: &[&str]) -> Vec<(String, String)> {
    let pdf = dir.join(format!("邀请函-{meeting}.pdf"));
    ok(
        db,
        &argv![
            "print invitations --meeting",
            meeting,
            "-o",
            pdf.to_str().unwrap()
        ],
    );
    addressed_codes(&codes_per_page(&pdf, dir, &format!("pdf-{meeting}")), units)
}

/// A second meeting of the same database, 2026年第四季度联席会, inviting every unit; its id.
fn another_meeting(db: &Path) -> String {
    let other = ok(
        db,
        &argv!["meeting create --title 2026年第四季度联席会 --kind 季度会"],
    )
    .trim()
    .to_owned();
    ok(db, &argv!["meeting invite --meeting", &other, "--all"]);
    other
}

fn signed_in(db: &Path, meeting: &str) -> Vec<(String, Option<String>)> {
    let shown = json(db, &argv!["meeting show", meeting, "--json"]);
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
    let units = UNITS;
    ok(
        &db,
        &argv![
            "meeting reply --meeting",
            &m,
            "--unit 红十字会 --delegate 刘洋"
        ],
    );
    let codes = invitation_codes(&db, dir.path(), &m, &units);
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
    let mut from_word = word_codes(&db, dir.path(), "invitations", &m, "邀请函");
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
        &argv!["meeting signin --meeting", &m, "--code", &changed],
    );
    assert!(err.contains("签到码无效"), "{err}");
    let err = refused(&db, &argv!["meeting signin --meeting", &m, "--code 八大关"]);
    assert!(err.contains("不是本软件的签到码"), "{err}");
    assert!(
        signed_in(&db, &m).iter().all(|(_, at)| at.is_none()),
        "a refused code signs nobody in"
    );

    // Each code signs in its own unit; a second scan keeps the first time.
    for (unit, code) in &codes {
        let out = ok(
            &db,
            &argv!["meeting signin --meeting", &m, "--code", code, "--at 14:05"],
        );
        assert!(out.contains(&format!("已签到：{unit}（14:05）")), "{out}");
        if *unit == "青岛市红十字会" {
            assert!(out.contains("委派 刘洋 参会"), "{out}");
        }
    }
    let again = ok(
        &db,
        &argv![
            "meeting signin --meeting",
            &m,
            "--code",
            &codes[1].1,
            "--at 14:30"
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
    let other = another_meeting(&db);
    let err = refused(
        &db,
        &argv!["meeting signin --meeting", &other, "--code", &codes[0].1],
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
        &argv!["meeting signin --meeting", &m2, "--code", &codes[0].1],
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
    let units = UNITS;
    let sheet = dir.path().join("签到表.pdf");
    let print = |to: &Path| {
        ok(
            &db,
            &argv!["print signin --meeting", &m, "-o", to.to_str().unwrap()],
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
    let mut from_word = word_codes(&db, dir.path(), "signin", &m, "签到表");
    codes.sort();
    from_word.sort();
    assert_eq!(from_word, codes, "the Word sheet carries the same codes");
    // Each row's code signs in a different unit, every one of them.
    let mut names = Vec::new();
    for code in &codes {
        let out = ok(&db, &argv!["meeting signin --meeting", &m, "--code", code]);
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

/// The phone desks take the same paper: the codes read off the printed invitations sign in at
/// `lianxi desk`'s endpoint (what the laptop's scanner sends), each unit once with the first
/// time kept; a code with one digit changed and a code printed for another meeting are refused
/// there in Chinese, and sign nobody in.
#[cfg(all(target_os = "linux", feature = "desk"))]
#[test]
fn the_codes_read_off_the_paper_sign_in_at_the_desk() {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let codes = invitation_codes(&db, dir.path(), &m, &UNITS);
    assert_eq!(codes.len(), UNITS.len(), "{codes:?}");
    let other = another_meeting(&db);
    let theirs = invitation_codes(&db, dir.path(), &other, &UNITS);

    let run = cli::desk::Running::start(&db, &m);
    let d = &run.desk;
    let cookie = d.login(2, &run.pin);
    let scan = |code: &str| {
        d.post(
            2,
            &d.path("api/sign_in_code"),
            Some(&cookie),
            &serde_json::json!({ "code": code }).to_string(),
        )
    };
    let (_, first) = &codes[0];
    let forged = format!(
        "{}{}",
        &first[..first.len() - 1],
        if first.ends_with('9') { '0' } else { '9' }
    );
    for (bad, says) in [
        (forged.as_str(), "签到码无效"),
        (
            theirs[0].1.as_str(),
            "这是会议“2026年第四季度联席会”的签到码",
        ),
    ] {
        let r = scan(bad);
        assert_eq!(r.status, 400, "{bad}: {}", r.body);
        let message = r.json()["message"].as_str().unwrap_or_default().to_owned();
        assert!(message.contains(says), "{bad}: {message}");
    }
    assert!(
        signed_in(&db, &m).iter().all(|(_, at)| at.is_none()),
        "a refused code signs nobody in"
    );

    let mut times = std::collections::BTreeMap::new();
    for (unit, code) in &codes {
        let r = scan(code);
        assert_eq!(r.status, 200, "{unit}: {}", r.body);
        let v = r.json();
        assert_eq!(v["name"], unit.as_str(), "the code names its page's unit");
        assert_eq!(v["first"], true);
        let time = v["time"].as_str().unwrap_or_default().to_owned();
        assert_eq!(
            v["message"].as_str().unwrap_or_default(),
            format!("已签到：{unit}（{time}）")
        );
        times.insert(unit.clone(), time);
    }
    let again = scan(&codes[1].1).json();
    assert_eq!(again["first"], false);
    assert_eq!(
        again["message"].as_str().unwrap_or_default(),
        format!(
            "{} 已于 {} 签到，保留首次签到时间",
            codes[1].0, times[&codes[1].0]
        )
    );

    let rows = signed_in(&db, &m);
    assert_eq!(rows.len(), UNITS.len());
    for (name, at) in &rows {
        let at = at
            .as_deref()
            .unwrap_or_else(|| panic!("{name} is signed in"));
        // 2026-12-07T14:05:31: the desk keeps the clock time it showed, to the minute.
        assert_eq!(&at[11..16], times[name], "{name}: {at}");
    }
    assert!(
        signed_in(&db, &other).iter().all(|(_, at)| at.is_none()),
        "the other meeting is untouched"
    );
}
