//! A fixed year made from an empty database through the CLI, and every document of it
//! printed: shared by `print_year.rs` (every page keeps to its place) and `golden.rs` (every
//! file byte for byte what it was).

use std::path::{Path, PathBuf};

use super::argv;
use super::{donate, ok, pair_with_community, street_and_meeting};

pub const ROSTER: &str = "单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话\n\
青岛市红十字会,社会团体,太平角社区,社会组织分会,陈会长,吴干事,13805320101\n\
中国海洋大学八大关校区,学校,太平角社区,学校分会,郑书记,冯老师,13805320102\n\
中国银行股份有限公司青岛八大关支行,企业,太平角社区,企业分会,褚行长,卫主任,13805320103\n\
太平角职工疗养院,事业单位,太平角社区,事业单位分会,蒋院长,沈主任,13805320104\n";

/// Every file under `dir` whose name ends in `.ext`, sorted.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().and_then(|x| x.to_str()) == Some(ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The year: a street, four units with long names, a community with its details, the
/// annual meeting (theme, agenda, two speeches, sign-ins at set times, one on leave), an
/// agreement in three copies, cash half arrived and a gift, the lists, the minutes drafted.
pub fn a_year() -> (tempfile::TempDir, PathBuf, String) {
    let (dir, db, m) = street_and_meeting(ROSTER);
    let set = argv![
        "meeting set",
        &m,
        "--time 14:30 --theme",
        ("共驻共建 共享共治"),
        "--chair 王海 --recorder 李青"
    ];
    ok(&db, &set);
    for (kind, title, speaker, minutes) in [
        ("主持开场", "主持人宣布开会", "街道党工委书记 王海", "5"),
        (
            "工作报告",
            "街道党工委书记作年度工作报告",
            "街道党工委书记 王海",
            "20",
        ),
        ("交流发言", "成员单位代表交流发言", "", "0"),
        (
            "领导讲话",
            "区委组织部领导讲话",
            "区委组织部副部长 林雅琴",
            "15",
        ),
    ] {
        let args = argv![
            "meeting agenda add --meeting",
            &m,
            "--kind",
            kind,
            "--title",
            title,
            "--speaker",
            speaker,
            "--minutes",
            minutes
        ];
        ok(&db, &args);
    }
    for (unit, speaker, topic) in [
        ("青岛市红十字会", "陈会长", "博爱进社区 救护进万家"),
        ("中国海洋大学八大关校区", "郑书记", "校地共建育新人"),
    ] {
        let args = argv![
            "meeting speech add --meeting",
            &m,
            "--unit",
            unit,
            "--speaker",
            speaker,
            "--topic",
            topic,
            "--minutes 6"
        ];
        ok(&db, &args);
    }
    let leave = argv![
        "meeting reply --meeting",
        &m,
        "--unit 太平角职工疗养院 --leave"
    ];
    ok(&db, &leave);
    for (unit, at) in [
        ("青岛市红十字会", "14:05"),
        ("中国海洋大学八大关校区", "14:12"),
        ("中国银行股份有限公司青岛八大关支行", "14:20"),
    ] {
        let args = argv!["meeting signin --meeting", &m, "--unit", unit, "--at", at];
        ok(&db, &args);
    }
    donate(
        &db,
        &m,
        "中国银行股份有限公司青岛八大关支行",
        "--cash 50000 --received 20000 --on 2026-09-25 --purpose “帮到家”助困基金",
    );
    donate(
        &db,
        &m,
        "青岛某商贸有限公司",
        "--item 棉被 --quantity 80 --unit 床 --value 24000",
    );
    let pair = argv![
        "agreement pair --meeting",
        &m,
        "--a community:太平角社区 --b unit:青岛市红十字会 --copies 3"
    ];
    ok(&db, &pair);
    // A second, in two copies, printed in the same batch.
    pair_with_community(&db, &m, "中国海洋大学八大关校区");
    let need = argv!["needs add --year 2026 --name 青少年课后托管 --by 太平角社区"];
    // "已登记需求 需2026-001（编号 1）：…"
    let said = ok(&db, &need);
    let need = said
        .split("编号 ")
        .nth(1)
        .and_then(|t| t.split('）').next())
        .unwrap_or_else(|| panic!("{said}"))
        .to_owned();
    ok(&db, &argv!["projects from-need", &need, "--meeting", &m]);
    // The 纪要 with its 版记 (抄送, 印发 date), as the secretary fills it in.
    let mut minutes: serde_json::Value =
        serde_json::from_str(&ok(&db, &argv!["minutes draft --meeting", &m, "--json"])).unwrap();
    minutes["copy_to"] = "区委组织部".into();
    minutes["issued_on"] = "2026-09-25".into();
    let file = dir.path().join("纪要.json");
    std::fs::write(&file, minutes.to_string()).unwrap();
    ok(
        &db,
        &argv![
            "minutes set --meeting",
            &m,
            "--from",
            file.to_str().unwrap()
        ],
    );
    (dir, db, m)
}

/// Prints every document of the year made by [`a_year`] (meeting `m` in database `db`) under
/// `dir`: the year's archive in `dir/档案`, and in `dir/out` the print pack, the agreements
/// in one batch (3 + 2 copies), 年度工作统计, the donation papers and the three lists' papers
/// in PDF and Word. Returns the two folders.
pub fn print_the_year(dir: &Path, db: &Path, m: &str) -> (PathBuf, PathBuf) {
    let m = m.to_owned();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let at = |name: &str| out.join(name).to_str().unwrap().to_owned();
    let archive = dir.join("档案");
    ok(
        db,
        &argv!["archive --year 2026 -o", archive.to_str().unwrap()],
    );
    ok(db, &argv!["print pack --meeting", &m, "-o", &at("材料")]);
    // Both agreements in one batch: 3 + 2 copies.
    ok(
        db,
        &argv!["print agreements --meeting", &m, "-o", &at("共建协议.pdf")],
    );
    ok(
        db,
        &argv!["print stats --year 2026 -o", &at("年度工作统计.pdf")],
    );
    for (what, name) in [
        ("certificates", "荣誉证书.pdf"),
        ("thanks", "感谢信.pdf"),
        ("donations", "捐赠登记表.pdf"),
    ] {
        let args = argv![
            "print",
            what,
            "--meeting",
            &m,
            "--date 2026-09-28 -o",
            &at(name)
        ];
        ok(db, &args);
    }
    for (what, name) in [
        ("lists", "三张清单"),
        ("claims", "项目认领表"),
        ("progress", "完成情况通报"),
    ] {
        ok(
            db,
            &argv!["print", what, "--year 2026 -o", &at(&format!("{name}.pdf"))],
        );
        ok(
            db,
            &argv![
                "export",
                what,
                "--year 2026 -o",
                &at(&format!("{name}.docx"))
            ],
        );
    }

    (archive, out)
}
