//! 纪要 and 信息稿 from the command line, from an empty database: street, roster, meeting,
//! replies and sign-ins, then `minutes draft|set|rebuild|finalise|reopen`, `news draft`,
//! `print minutes|news`.

use crate::cli;
use crate::poppler;

use crate::cli::argv;
use cli::{donate, ok, refused};
use serde_json::Value;

const ROSTER: &str = "单位名称,单位类别,联系人,联系电话,入会时间\n\
海棠市第十九中学,学校,王老师,13800000001,2015\n\
海棠路小学,学校,李老师,13800000002,2026-03\n\
青岛啤酒（集团）有限公司,企业,赵经理,13800000003,2018\n\
海棠宾馆有限责任公司,企业,孙经理,13800000004,2019\n\
驻区某部队,部队,周干事,13800000005,2016\n";

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["unit"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn minutes_and_news_from_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let roster = dir.path().join("名册.csv");
    std::fs::write(&roster, ROSTER).unwrap();
    ok(
        &db,
        &argv![
            "street set --name 海棠街道办事处 --party-org",
            "中共海棠街道工作委员会 --leader 陈书记 --contact 吴秘书 --phone",
            "0532-88886666"
        ],
    );
    ok(&db, &argv!["roster import", roster.to_str().unwrap()]);
    let m = ok(
        &db,
        &argv![
            "meeting create --title 海棠街道2026年联席会年会 --kind 年会",
            "--date 2026-09-21 --venue 街道三楼会议室 --theme 共驻共建"
        ],
    );
    let m = m.trim();
    ok(&db, &argv!["meeting invite --meeting", m, "--all"]);
    ok(
        &db,
        &argv!["meeting reply --meeting", m, "--unit 海棠宾馆 --leave"],
    );
    ok(
        &db,
        &argv![
            "meeting reply --meeting",
            m,
            "--unit 十九中 --delegate 孙思远"
        ],
    );
    for u in ["十九中", "海棠路小学", "青岛啤酒"] {
        ok(&db, &argv!["meeting signin --meeting", m, "--unit", u]);
    }

    // The day's agenda and donations, as the secretary scripts them.
    let agenda = argv!["meeting agenda add --meeting", m, "--minutes 10"];
    for args in [
        argv!["--kind 工作报告 --title 通报年度区域化党建工作情况 --speaker 陈振华"],
        argv!["--kind 表彰颁奖 --title 表彰2026年度优秀共建单位"],
    ] {
        ok(&db, &[&agenda[..], &args[..]].concat());
    }
    for (donor, gift) in [
        (
            "海棠市第十九中学",
            "--cash 50000 --received 50000 --on 2026-09-30",
        ),
        ("海洋化工研究所", "--cash 30000"),
        ("张伟", "--cash 1400"),
        (
            "惠民超市",
            "--item 棉被 --quantity 80 --unit 床 --value 24000",
        ),
    ] {
        donate(&db, m, donor, gift);
    }

    let draft: Value =
        serde_json::from_str(&ok(&db, &argv!["minutes draft --meeting", m, "--json"])).unwrap();
    let items: Vec<String> = draft["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{}|{}",
                i["heading"].as_str().unwrap(),
                i["text"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        items,
        vec![
            "听取年度区域化党建工作情况通报|会议听取了陈振华同志关于年度区域化党建工作情况的通报。",
            "表彰2026年度优秀共建单位|会议表彰了2026年度优秀共建单位。",
            // The goods were not recorded as delivered: pledged (认捐), not given.
            "爱心捐赠|2家爱心单位和1名爱心人士认捐资金8.14万元，其中已到账5万元，1家爱心单位认捐物资（棉被80床，折价2.4万元）。",
        ]
    );
    for key in [
        "heading", "opening", "items", "present", "on_leave", "guests",
    ] {
        assert!(!draft[key].is_null(), "{key}");
    }
    assert_eq!(draft["heading"], "海棠街道区域化党建联席会议纪要");
    assert_eq!(
        names(&draft, "present"),
        vec!["海棠市第十九中学", "海棠路小学", "青岛啤酒（集团）有限公司"]
    );
    assert_eq!(draft["present"][0]["delegated"], true);
    assert_eq!(draft["present"][0]["person"], "孙思远");
    assert_eq!(names(&draft, "on_leave"), vec!["海棠宾馆有限责任公司"]);
    let opening = draft["opening"].as_str().unwrap();
    assert!(
        opening.contains("会议共邀请成员单位5家，实到3家，其中新入会单位1家。"),
        "{opening}"
    );

    // Edit: one item written by hand, with 责任单位 and 完成时限.
    let mut edit = draft.clone();
    edit["items"] = serde_json::json!([
        {"heading": "推进共建项目", "text": "会议决定年底前完成“四点半课堂”项目。", "owner": "海棠路小学", "due": "2026年12月底前"}
    ]);
    let file = dir.path().join("纪要.json");
    std::fs::write(&file, serde_json::to_string(&edit).unwrap()).unwrap();
    ok(
        &db,
        &argv!["minutes set --meeting", m, "--from", file.to_str().unwrap()],
    );

    // A bad file changes nothing.
    let before = ok(&db, &argv!["minutes draft --meeting", m, "--json"]);
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"heading\": \"\", \"opening\": \"\", \"items\": []}",
    )
    .unwrap();
    refused(
        &db,
        &argv!["minutes set --meeting", m, "--from", bad.to_str().unwrap()],
    );
    std::fs::write(&bad, "not json").unwrap();
    refused(
        &db,
        &argv!["minutes set --meeting", m, "--from", bad.to_str().unwrap()],
    );
    assert_eq!(
        ok(&db, &argv!["minutes draft --meeting", m, "--json"]),
        before
    );

    // A late sign-in, then the rebuild: the unit appears and the edit stays.
    ok(
        &db,
        &argv!["meeting signin --meeting", m, "--unit 驻区某部队"],
    );
    ok(&db, &argv!["minutes rebuild --meeting", m]);
    let now: Value =
        serde_json::from_str(&ok(&db, &argv!["minutes draft --meeting", m, "--json"])).unwrap();
    assert!(names(&now, "present").contains(&"驻区某部队".to_owned()));
    assert_eq!(now["items"], edit["items"]);

    let news = ok(&db, &argv!["news draft --meeting", m, "--text"]);
    assert!(
        news.starts_with("海棠街道2026年联席会年会召开\n\n"),
        "{news}"
    );
    assert!(
        news.contains("共邀请了辖区5家单位参加，联席会4家成员单位代表"),
        "{news}"
    );
    assert!(!news.contains("0家"), "{news}");
    assert!(
        news.contains("会议期间，2家爱心单位和1名爱心人士认捐资金8.14万元，其中已到账5万元，1家爱心单位认捐物资（棉被80床，折价2.4万元）。"),
        "{news}"
    );
    assert!(!news.contains("爱心企业"), "{news}");

    let pdf = dir.path().join("纪要.pdf");
    ok(
        &db,
        &argv!["print minutes --meeting", m, "-o", pdf.to_str().unwrap()],
    );
    let text = poppler::squeeze(&poppler::tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for want in [
        "海棠街道区域化党建联席会议纪要",
        "一、推进共建项目",
        "责任单位：海棠路小学；完成时限：2026年12月底前",
        "出席：",
        "海棠市第十九中学孙思远（委派）",
        "驻区某部队",
        "请假：海棠宾馆有限责任公司",
    ] {
        assert!(
            text.contains(&poppler::squeeze(want)),
            "missing {want}: {text}"
        );
    }
    let npdf = dir.path().join("信息稿.pdf");
    ok(
        &db,
        &argv!["print news --meeting", m, "-o", npdf.to_str().unwrap()],
    );
    let ntext = poppler::squeeze(&poppler::tool("pdftotext", &[npdf.to_str().unwrap(), "-"]));
    assert!(ntext.contains("海棠街道2026年联席会年会召开"), "{ntext}");
    // Who sent it (the street's party organisation, as no 印发机关 is typed); who wrote and
    // cleared it is written in by hand.
    assert!(
        ntext.contains("供稿：中共海棠街道工作委员会撰稿：审核："),
        "{ntext}"
    );

    // Finalised: the text is kept; reopening is explicit.
    ok(&db, &argv!["minutes finalise --meeting", m]);
    let fin = ok(&db, &argv!["minutes draft --meeting", m, "--json"]);
    let err = refused(
        &db,
        &argv!["minutes set --meeting", m, "--from", file.to_str().unwrap()],
    );
    assert!(err.contains("已定稿"), "{err}");
    refused(&db, &argv!["minutes rebuild --meeting", m]);
    assert_eq!(ok(&db, &argv!["minutes draft --meeting", m, "--json"]), fin);
    ok(&db, &argv!["minutes reopen --meeting", m]);
    ok(
        &db,
        &argv!["minutes set --meeting", m, "--from", file.to_str().unwrap()],
    );
}
