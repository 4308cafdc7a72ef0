//! The reader never panics, whatever the bytes: arbitrary input (proptest) and seeded
//! mutations of real fixtures in every format.

mod common;

use lianxi::import::{self, no_progress, ImportOptions};
use proptest::prelude::*;

fn try_plan(name: &str, bytes: &[u8]) {
    let conn = lianxi::db::open_in_memory().unwrap();
    let _ = import::plan_bytes(
        &conn,
        name,
        bytes,
        &ImportOptions::default(),
        &mut no_progress,
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_bytes_do_not_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        try_plan("x.xlsx", &bytes);
        try_plan("x.csv", &bytes);
    }

    #[test]
    fn arbitrary_text_does_not_panic(text in "[单位名称联系电话,\"\\n0-9a-z（）()、 .年月-]{0,400}") {
        try_plan("x.csv", text.as_bytes());
    }
}

/// A tiny deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn mutated_fixtures_do_not_panic() {
    let sources: Vec<(&str, Vec<u8>)> = vec![
        ("m.xlsx", common::xlsx(&common::messy_roster(), false)),
        (
            "m.xls",
            std::fs::read(common::fixture("messy.xls")).unwrap(),
        ),
        (
            "m.ods",
            std::fs::read(common::fixture("messy.ods")).unwrap(),
        ),
        ("m.csv", common::SIMPLE_CSV.as_bytes().to_vec()),
    ];
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for (name, original) in &sources {
        for _ in 0..60 {
            let mut bytes = original.clone();
            match rng.below(3) {
                0 => {
                    for _ in 0..1 + rng.below(8) {
                        let i = rng.below(bytes.len());
                        bytes[i] = rng.next() as u8;
                    }
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                _ => {
                    let i = rng.below(bytes.len());
                    let n = rng.below(64).min(bytes.len() - i);
                    bytes.drain(i..i + n);
                }
            }
            try_plan(name, &bytes);
        }
    }
}
