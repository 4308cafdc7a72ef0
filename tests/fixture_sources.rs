//! Writes the sources of the committed LibreOffice fixtures. Run once by hand:
//! `FIXTURE_OUT=/tmp/roster cargo test -p lianxi --test fixture_sources -- --ignored`
//! then follow tests/fixtures/roster/README.md.

mod common;

#[test]
#[ignore = "writes fixture sources for LibreOffice; run by hand"]
fn write_fixture_sources() {
    let out = std::path::PathBuf::from(std::env::var("FIXTURE_OUT").expect("set FIXTURE_OUT"));
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
