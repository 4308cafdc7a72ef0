//! The papers of the three lists from an empty database, as a secretary's year runs: the
//! street and the roster first, then needs, resources and projects imported from files, claims,
//! a progress note and a result (all through the CLI), then `print` and `export` of 三张清单,
//! 项目认领表 and 完成情况通报 read back with poppler and LibreOffice.

use crate::cli;
use crate::office;
use crate::poppler;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::cli::argv;
use cli::{empty_db, ok, refused, street_and_meeting};
use lianxi::lists::{self, ProjectInput};
use poppler::{page_count as pages, squeeze, tool};

const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话\n\
八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101\n\
太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102\n\
汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103\n";

/// What every project is about.
const CONTENT: &str = "为辖区双职工家庭子女提供课后托管和作业辅导。";

/// Needs enough for the 需求清单 to run over two landscape pages.
const NEEDS: usize = 16;
/// Projects: two claimed, the rest open, enough for the 认领表's tall rows to take 3 pages.
const PROJECTS: usize = 12;

/// The street, the roster and the meeting, then the year's lists, all through the command
/// line as a secretary's script would: `NEEDS` needs and three resources (one without a
/// contact) imported from CSV
/// files (title and 合计 rows included); 项2026-001 四点半课堂 added for the meeting, answering
/// 需2026-001, and claimed by 太平角宾馆 and then 八大关小学 as lead, with a progress note;
/// `PROJECTS - 1` more imported for the meeting, 红色物业 with 汇泉湾邮政支局 as its claimant,
/// which then records its result. Returns the folder and the database.
fn a_year_of_lists() -> (tempfile::TempDir, PathBuf) {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let file = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let mut needs = String::from(
        "2026年需求清单\n序号,需求名称,提出方,需求类别,需求内容,规模,期望完成时间,联系人,联系电话,状态\n",
    );
    for n in 1..=NEEDS {
        needs.push_str(&format!(
            "{n},老旧小区楼道扶手加装{n},居民,关心关爱,辖区老旧小区楼道缺少扶手，老人上下楼困难，希望加装扶手并改造楼道照明。,约200户,2026年12月,周明,0532-82860011,已发布\n"
        ));
    }
    needs.push_str(&format!("合计,{NEEDS}项\n"));
    let needs = file("需求清单.csv", needs);
    ok(&db, &argv!["needs import", &needs, "--year 2026"]);
    let resources = file(
        "资源清单.csv",
        "序号,提供单位,资源类型,资源名称,资源内容,可提供时间,规模,联系人,联系电话\n\
         1,八大关小学,场地,学校报告厅,可容纳200人，配备音响和投影,周末及寒暑假,200人,吴老师,13805320101\n\
         2,太平角宾馆有限公司,场地,宾馆多功能厅,可容纳200人，配备音响和投影,周末及寒暑假,200人,冯经理,13805320102\n\
         3,汇泉湾邮政支局,场地,邮政营业厅,可借用营业厅一角开展宣传,工作日,20人,,\n"
            .to_string(),
    );
    ok(&db, &argv!["resources import", &resources, "--year 2026"]);
    let add = argv![
        "projects add --name 四点半课堂 --year 2026 --category",
        "关心关爱 --content",
        CONTENT,
        "--deadline 2099-12-31 --meeting",
        &m,
        "--need 1"
    ];
    ok(&db, &add);
    let mut projects = String::from("序号,项目名称,项目类别,项目内容,认领单位,完成时限\n");
    for n in 2..=PROJECTS {
        let (name, claimant) = if n == 2 {
            ("红色物业".to_string(), "汇泉湾邮政支局")
        } else {
            (format!("待认领项目{n}"), "")
        };
        projects.push_str(&format!(
            "{n},{name},关心关爱,{CONTENT},{claimant},2099-12-31\n"
        ));
    }
    let projects = file("项目清单.csv", projects);
    ok(
        &db,
        &argv!["projects import", &projects, "--year 2026 --meeting", &m],
    );
    let claim = argv!["projects claim 项2026-001 --unit 太平角宾馆有限公司 --on 2026-09-21"];
    ok(&db, &claim);
    let claim = argv!["projects claim 项2026-001 --unit 八大关小学 --lead --on 2026-09-21"];
    ok(&db, &claim);
    ok(
        &db,
        &argv![
            "projects progress 项2026-001 --on 2026-10-08",
            "--text 已开班两期，服务学生40人次"
        ],
    );
    ok(
        &db,
        &argv![
            "projects done 项2026-002 --on 2026-11-20 --result",
            "完成3个小区的物业党建联建，解决问题12件。"
        ],
    );
    (dir, db)
}

/// The lines of a page as laid out (`pdftotext -layout`: a table row's cells on one line),
/// each without white space, empty lines left out.
fn page_lines(pdf: &Path, page: usize) -> Vec<String> {
    let p = page.to_string();
    let t = tool(
        "pdftotext",
        &["-layout", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    t.lines().map(squeeze).filter(|l| !l.is_empty()).collect()
}

/// The lines of every page.
fn lines(pdf: &Path) -> Vec<String> {
    (1..=pages(pdf)).flat_map(|p| page_lines(pdf, p)).collect()
}

fn text(pdf: &Path) -> String {
    squeeze(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]))
}

/// The first line containing `part`.
fn line_with<'a>(lines: &'a [String], part: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.contains(part))
        .unwrap_or_else(|| panic!("no line with {part}: {lines:#?}"))
}

/// Every font embedded as a subset.
fn fonts_embedded(pdf: &Path) {
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    assert!(rows.iter().all(|l| l.contains(" yes yes ")), "{fonts}");
}

/// Renders each page at 60 dpi and returns how many PNGs came out; when the folder
/// /work/shots/lists-print exists, the pages are kept there (`name-N.png`, replacing the
/// last run's) for a person to look at.
fn render(pdf: &Path, name: &str) -> usize {
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join(name);
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "60",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let pngs: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let shots = Path::new("/work/shots/lists-print");
    if shots.is_dir() {
        for e in std::fs::read_dir(shots).unwrap() {
            let p = e.unwrap().path();
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            if file.starts_with(&format!("{name}-")) && file.ends_with(".png") {
                std::fs::remove_file(&p).unwrap();
            }
        }
        for p in &pngs {
            std::fs::copy(p, shots.join(p.file_name().unwrap())).unwrap();
        }
    }
    pngs.len()
}

#[test]
fn the_three_papers_print_from_the_year_s_data() {
    let (dir, db) = a_year_of_lists();
    let d = dir.path();
    let out = |name: &str| d.join(name);
    let path = |name: &str| out(name).to_str().unwrap().to_owned();

    // 三张清单: three sections, each from a new page; the needs run over two pages with
    // the header repeated.
    let said = ok(
        &db,
        &argv!["print lists --year 2026 -o", &path("三张清单.pdf")],
    );
    assert!(said.contains("三张清单"), "{said}");
    let lists_pdf = out("三张清单.pdf");
    fonts_embedded(&lists_pdf);
    let n = pages(&lists_pdf);
    assert_eq!(render(&lists_pdf, "三张清单"), n);
    let header = "编号需求名称提出方类别需求内容规模期望完成时间联系人联系电话状态";
    let need_pages: Vec<usize> = (1..=n)
        .filter(|&p| page_lines(&lists_pdf, p).iter().any(|l| l == header))
        .collect();
    assert!(need_pages.len() >= 2, "needs on {need_pages:?} of {n}");
    assert_eq!(need_pages[0], 1);
    for p in &need_pages {
        // The header opens the table on every page (on the first, under the title); the
        // first row follows it.
        let l = page_lines(&lists_pdf, *p);
        let at = l.iter().position(|l| l == header).unwrap();
        assert_eq!(at, if *p == 1 { 2 } else { 0 }, "page {p}: {l:?}");
        assert!(l[at + 1].starts_with("需2026-"), "page {p}: {l:?}");
    }
    let first = page_lines(&lists_pdf, 1);
    assert_eq!(
        first[..2],
        ["2026年度需求清单", "八大关街道区域化党建联席会"]
    );
    let all = lines(&lists_pdf);
    for k in 1..=NEEDS {
        line_with(&all, &format!("需2026-{k:03}"));
    }
    // A need follows its project forward (claimed, then in progress); the others stay.
    assert!(line_with(&all, "需2026-001").ends_with("实施中"));
    assert!(line_with(&all, "需2026-002").ends_with("已发布"));
    let section_page = |title: &str| {
        (1..=n)
            .find(|&p| page_lines(&lists_pdf, p)[0] == title)
            .unwrap_or_else(|| panic!("no page starts with {title}"))
    };
    let resources = section_page("2026年度资源清单");
    let projects = section_page("2026年度项目清单");
    assert!(*need_pages.last().unwrap() < resources && resources < projects);
    let r = page_lines(&lists_pdf, resources);
    line_with(&r, "资2026-001八大关小学场地学校报告厅");
    line_with(&r, "资2026-002太平角宾馆有限公司场地宾馆多功能厅");
    // A resource offered without a contact: the unit's 联系人 and 电话 from the roster.
    let post = line_with(&r, "资2026-003汇泉湾邮政支局场地邮政营业厅");
    assert!(
        post.contains("卫主任") && post.contains("13805320103"),
        "{post}"
    );
    let p = page_lines(&lists_pdf, projects);
    // The need the project answers; the lead first though it claimed second.
    let row = line_with(&p, "项2026-001四点半课堂关心关爱");
    assert!(
        row.contains("需2026-001") && row.contains("牵头：八大关小学"),
        "{row}"
    );
    let lead = p
        .iter()
        .position(|l| l.contains("牵头：八大关小学"))
        .unwrap();
    let partner = p
        .iter()
        .position(|l| l.contains("协作：太平角宾馆"))
        .unwrap();
    assert!(lead < partner, "{p:?}");

    // 项目认领表: the columns, the claimants lead first, tall rows (12 projects take three
    // landscape pages), the open projects' claim cells blank.
    ok(
        &db,
        &argv!["print claims --year 2026 -o", &path("认领表.pdf")],
    );
    let claims_pdf = out("认领表.pdf");
    fonts_embedded(&claims_pdf);
    let n = pages(&claims_pdf);
    assert!(n >= 3, "rows of 25 mm: {n} pages");
    assert_eq!(render(&claims_pdf, "项目认领表"), n);
    let head = "序号项目名称类别内容认领单位（盖章）联系人电话签字";
    for p in 1..=n {
        let l = page_lines(&claims_pdf, p);
        assert!(l.iter().any(|l| l == head), "page {p}: {l:?}");
    }
    let c = lines(&claims_pdf);
    // Each claimant on a row of its own, with its contact and phone (the roster's).
    let lead = c
        .iter()
        .position(|l| l.contains("八大关小学（牵头）吴老师13805320101"));
    let partner = c
        .iter()
        .position(|l| l.ends_with("太平角宾馆有限公司（协作）冯经理13805320102"));
    assert!(lead.unwrap() < partner.unwrap(), "{c:#?}");
    // 汇泉湾邮政支局 alone on 红色物业: no mark.
    assert!(line_with(&c, "2红色物业").contains("汇泉湾邮政支局卫主任13805320103"));
    // The open projects' rows carry nothing in the claim columns.
    for k in 3..=PROJECTS {
        let start = format!("{k}待认领项目{k}关心关爱");
        let row = line_with(&c, &start);
        // At most a line of its content follows: no claimant, contact or phone.
        let rest = &row[row.find(&start).unwrap() + start.len()..];
        assert!(CONTENT.contains(rest), "{row}");
    }
    assert_eq!(
        c.iter()
            .map(|l| l.matches("1380532010").count())
            .sum::<usize>(),
        3,
        "three claims, three phones"
    );

    // 完成情况通报: the counts, the claimants lead first, status and result.
    ok(
        &db,
        &argv!["print progress --year 2026 -o", &path("通报.pdf")],
    );
    let report = out("通报.pdf");
    fonts_embedded(&report);
    assert_eq!(render(&report, "完成情况通报"), pages(&report));
    let t = text(&report);
    assert!(
        t.starts_with("关于2026年度共建项目完成情况的通报八大关街道区域化党建联席会各成员单位："),
        "{t}"
    );
    let opening = format!(
        "截至2026年11月20日，2026年度共确定共建项目{PROJECTS}个，其中未认领{}个、实施中1个、已完成1个。共有3家单位参与认领。",
        PROJECTS - 2
    );
    assert!(t.contains(&opening), "{t}");
    let l = lines(&report);
    let row = line_with(&l, "1四点半课堂牵头：八大关小学实施中2026年10月8日：");
    assert!(!row.contains("协作"), "{row}");
    let lead = l
        .iter()
        .position(|x| x.contains("牵头：八大关小学"))
        .unwrap();
    let partner = l.iter().position(|x| x.contains("协作：")).unwrap();
    assert!(lead < partner);
    line_with(&l, "2红色物业汇泉湾邮政支局已完成2026年11月20日完");
    assert!(
        t.contains("完成3个小区的物业党建联建，解决问题12件。"),
        "{t}"
    );
    assert!(t.contains("中共八大关街道工作委员会2026年11月20日"), "{t}");

    // The same data, the same bytes (nothing from the clock).
    ok(
        &db,
        &argv!["print progress --year 2026 -o", &path("通报2.pdf")],
    );
    assert_eq!(
        std::fs::read(&report).unwrap(),
        std::fs::read(out("通报2.pdf")).unwrap()
    );
}

#[test]
fn nothing_to_print_and_a_missing_street_are_refused_and_write_nothing() {
    // An empty database: no street yet, no lists.
    let (dir, db) = empty_db();
    let pdf = dir.path().join("通报.pdf");
    for what in ["lists", "claims", "progress"] {
        let err = refused(
            &db,
            &argv!["print", what, "--year 2026 -o", pdf.to_str().unwrap()],
        );
        assert!(err.contains("2026年度"), "{what}: {err}");
        let docx = dir.path().join("x.docx");
        let err = refused(
            &db,
            &argv!["export", what, "--year 2026 -o", docx.to_str().unwrap()],
        );
        assert!(err.contains("2026年度"), "{what}: {err}");
    }
    // A project, but no street profile: the 通报 needs its issuer, and says where to fill it.
    let conn = lianxi::db::open(&db).unwrap();
    lists::add_project(
        &conn,
        &ProjectInput {
            year: Some(2026),
            name: "四点半课堂".into(),
            ..ProjectInput::default()
        },
    )
    .unwrap();
    let err = refused(
        &db,
        &argv!["print progress --year 2026 -o", pdf.to_str().unwrap()],
    );
    assert!(err.contains("街道信息"), "{err}");
    // A Word file must end in .docx.
    let err = refused(
        &db,
        &argv!["export claims --year 2026 -o", pdf.to_str().unwrap()],
    );
    assert!(err.contains(".docx"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("db.sqlite3") && n != "logs")
        .collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
}

/// One part of a .docx package.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_word_files_read_in_libreoffice_as_the_pdfs_do() {
    let (dir, db) = a_year_of_lists();
    let d = dir.path();
    let names = [
        ("lists", "三张清单"),
        ("claims", "项目认领表"),
        ("progress", "完成情况通报"),
    ];
    let mut docx = Vec::new();
    for (what, name) in names {
        for (verb, ext) in [("print", "pdf"), ("export", "docx")] {
            let file = d.join(format!("{name}.{ext}"));
            ok(
                &db,
                &argv![verb, what, "--year 2026 -o", file.to_str().unwrap()],
            );
        }
        docx.push(d.join(format!("{name}.docx")));
    }
    let lo = d.join("lo");
    if let Some(keep) = std::env::var_os("LIANXI_KEEP") {
        let _ = std::fs::remove_dir_all(&keep);
        std::fs::create_dir_all(&keep).unwrap();
        for (_, name) in names {
            for ext in ["pdf", "docx"] {
                let f = format!("{name}.{ext}");
                std::fs::copy(d.join(&f), Path::new(&keep).join(&f)).unwrap();
            }
        }
    }
    let docx_refs: Vec<&Path> = docx.iter().map(PathBuf::as_path).collect();
    office::libreoffice_pdf(&docx_refs, &lo);
    // The characters of a file without its header rows and page numbers: LibreOffice may
    // end a page a row earlier than the PDF, which repeats a header and moves a number.
    let headers = [
        "编号需求名称提出方类别需求内容规模期望完成时间联系人联系电话状态",
        "编号提供单位类型资源名称资源内容可提供时间规模联系人联系电话",
        "编号项目名称类别项目内容对应需求认领单位完成时限状态",
        "序号项目名称类别内容认领单位（盖章）联系人电话签字",
        "序号项目名称认领单位状态完成情况",
    ];
    // LibreOffice 7 hangs a full-width ；or ， past the right margin at a line's end and
    // then does not draw it (seen on page 2 of the 通报; the .docx has it): punctuation is
    // left out of the comparison.
    let chars = |pdf: &Path| {
        let mut c: Vec<char> = lines(pdf)
            .into_iter()
            .filter(|l| !headers.contains(&l.as_str()))
            .filter(|l| !(l.starts_with('—') && l.ends_with('—')))
            .flat_map(|l| l.chars().collect::<Vec<_>>())
            .filter(|c| !"，。、；：".contains(*c))
            .collect();
        c.sort_unstable();
        c.into_iter().collect::<String>()
    };
    for (_, name) in names {
        let ours = d.join(format!("{name}.pdf"));
        let theirs = lo.join(format!("{name}.pdf"));
        let (w, p) = (chars(&theirs), chars(&ours));
        if w != p {
            // Name what differs: the characters only one of the two has.
            let only = |a: &str, b: &str| {
                let mut rest: Vec<char> = b.chars().collect();
                a.chars()
                    .filter(|c| match rest.iter().position(|x| x == c) {
                        Some(i) => {
                            rest.remove(i);
                            false
                        }
                        None => true,
                    })
                    .collect::<String>()
            };
            panic!(
                "{name}: only in Word: {:?}; only in the PDF: {:?}\nWord: {:#?}",
                only(&w, &p),
                only(&p, &w),
                lines(&theirs)
            );
        }
        let (a, b) = (pages(&theirs), pages(&ours));
        assert!(a.abs_diff(b) <= 1, "{name}: Word {a} pages, PDF {b}");
    }
    // The two tables are landscape; the claim form's rows are at least 44 mm (2494 twips),
    // room for a 42 mm seal, and its header row repeats.
    let claims = part(&d.join("项目认领表.docx"), "word/document.xml");
    assert!(claims.contains(r#"w:orient="landscape""#));
    assert!(
        claims.contains(r#"<w:trHeight w:val="2494" w:hRule="atLeast" />"#)
            || claims.contains(r#"<w:trHeight w:val="2494" w:hRule="atLeast"/>"#),
        "rows tall enough to stamp"
    );
    assert!(claims.contains("<w:tblHeader"));
    // The project claimed by two units is one merged cell in each of its four project
    // columns: four cells restart a merge, the four under them continue it.
    let restart = claims.matches(r#"<w:vMerge w:val="restart""#).count();
    let continued = claims.matches(r#"<w:vMerge w:val="continue""#).count();
    assert_eq!((restart, continued), (4, 4), "{claims}");
    let report = part(&d.join("完成情况通报.docx"), "word/document.xml");
    assert!(!report.contains(r#"w:orient="landscape""#));
    assert!(report.contains("仿宋_GB2312"));
}
