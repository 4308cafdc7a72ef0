//! `cli::argv!`, which every command-line test writes its commands with: a string literal is
//! split at its spaces, anything else is one argument as it is.

use crate::cli::argv;

#[test]
fn literals_split_at_spaces_and_other_arguments_stay_whole() {
    let id = String::from("7");
    let path = std::path::PathBuf::from("/tmp/有 空格/名册.xlsx");
    let args = argv![
        "donation receive",
        id,
        "--amount 20,000  --on\t2026.10.8",
        ("  "),
        "--reason",
        (""),
        path,
        &id,
    ];
    let got: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        got,
        [
            "donation",
            "receive",
            "7",
            "--amount",
            "20,000",
            "--on",
            "2026.10.8",
            "  ",
            "--reason",
            "",
            "/tmp/有 空格/名册.xlsx",
            "7",
        ]
    );
    let none: Vec<std::ffi::OsString> = argv!["  "];
    assert!(none.is_empty(), "a literal of spaces alone is no argument");
}
