//! Writes the sources of the committed LibreOffice fixtures. Run once by hand:
//! `cargo run -p lianxi --example roster_fixture_sources -- /tmp/roster`
//! then follow tests/fixtures/roster/README.md.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let out = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: roster_fixture_sources OUT_DIR"),
    );
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("messy.xlsx"),
        common::xlsx(&common::messy_roster(), false),
    )
    .unwrap();
    let simple = vec![{
        let mut s = common::SheetSpec::new("名册");
        s.row(0, &[common::V::S("单位名称"), common::V::S("联系电话")]);
        s.row(
            1,
            &[common::V::S("加密测试单位"), common::V::N(13800000000.0)],
        );
        s
    }];
    std::fs::write(out.join("simple.xlsx"), common::xlsx(&simple, false)).unwrap();
}
