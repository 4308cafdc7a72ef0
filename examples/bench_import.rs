//! Benchmark: a generated 20,000-row roster (.xlsx) read + normalised + planned, then
//! committed into a fresh database. Run in release:
//! `cargo run -p lianxi --release --example bench_import`
//! With a path argument, the roster is also written there (to time the CLI's dry run:
//! `lianxi --db /tmp/x.sqlite3 roster import --dry-run PATH`).

use std::time::Instant;

use lianxi::import::{self, no_progress, ImportOptions};
use rust_xlsxwriter::Workbook;

const ROWS: u32 = 20_000;

fn roster() -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let headers = [
        "序号",
        "单位名称",
        "单位类别",
        "所在社区",
        "所属分会",
        "是否副会长单位",
        "党组织名称",
        "党组织书记",
        "联系人",
        "职务",
        "联系电话",
        "单位地址",
        "入会时间",
        "备注",
    ];
    ws.write_string(0, 0, "某区区域化党建联席会成员单位名册")
        .unwrap();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let categories = [
        "企业",
        "学校",
        "机关",
        "部队",
        "事业单位",
        "社会组织",
        "国企",
    ];
    for i in 0..ROWS {
        let r = i + 2;
        ws.write_number(r, 0, f64::from(i + 1)).unwrap();
        ws.write_string(r, 1, format!("测试单位{i:05}有限公司"))
            .unwrap();
        ws.write_string(r, 2, categories[(i % 7) as usize]).unwrap();
        ws.write_string(r, 3, format!("第{}社区", i % 40)).unwrap();
        ws.write_string(r, 4, ["部队", "学校", "企业", "成员单位"][(i % 4) as usize])
            .unwrap();
        ws.write_string(r, 5, if i % 10 == 0 { "是" } else { "否" })
            .unwrap();
        ws.write_string(r, 6, format!("测试单位{i:05}党支部"))
            .unwrap();
        ws.write_string(r, 7, "张书记").unwrap();
        ws.write_string(r, 8, "李联系").unwrap();
        ws.write_string(r, 9, "办公室主任").unwrap();
        if i % 2 == 0 {
            ws.write_number(r, 10, 13_800_000_000.0 + f64::from(i))
                .unwrap();
        } else {
            ws.write_string(
                r,
                10,
                format!("0532-8286{:04}转8001、139{:08}", i % 10_000, i),
            )
            .unwrap();
        }
        ws.write_string(r, 11, format!("海棠路{i}号")).unwrap();
        ws.write_string(r, 12, format!("{}年{}月", 2000 + i % 25, 1 + i % 12))
            .unwrap();
        ws.write_string(r, 13, "").unwrap();
    }
    book.save_to_buffer().expect("xlsx")
}

fn main() {
    let bytes = roster();
    if let Some(out) = std::env::args_os().nth(1) {
        std::fs::write(&out, &bytes).expect("write the roster");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.sqlite3");
    let mut conn = lianxi::db::open(&path).expect("db");
    let plan_of = |conn: &rusqlite::Connection| {
        import::plan_bytes(
            conn,
            "bench.xlsx",
            &bytes,
            &ImportOptions::default(),
            &mut no_progress,
        )
        .expect("plan")
    };
    let mut best_plan = f64::MAX;
    let mut plan = None;
    for _ in 0..3 {
        let t = Instant::now();
        let p = plan_of(&conn);
        best_plan = best_plan.min(t.elapsed().as_secs_f64());
        plan = Some(p);
    }
    let plan = plan.expect("plan");
    assert_eq!(plan.counts.new, ROWS);
    let t = Instant::now();
    import::commit(&mut conn, &path, &plan, &mut no_progress).expect("commit");
    let commit = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let again = plan_of(&conn);
    let replan = t.elapsed().as_secs_f64();
    assert_eq!(again.counts.unchanged, ROWS);
    println!("{ROWS} rows, {} KB xlsx", bytes.len() / 1024);
    println!("read + normalise + plan (empty db, best of 3): {best_plan:.3} s");
    println!("commit (backup + transaction):                 {commit:.3} s");
    println!("plan again against {ROWS} stored units:         {replan:.3} s");
}
