//! The reader never panics, whatever the bytes: arbitrary input (proptest) and seeded
//! mutations of real fixtures in every format.

use crate::common;
use common::Rng;

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

/// The messy roster as .xlsx, the committed .xls and .ods fixtures, the `extra` fixtures (name,
/// file) and the CSV, in that order, each named by its format.
fn sources(extra: &[(&'static str, &str)]) -> Vec<(&'static str, Vec<u8>)> {
    let mut sources = vec![("m.xlsx", common::xlsx(&common::messy_roster(), false))];
    for &(name, file) in [("m.xls", "messy.xls"), ("m.ods", "messy.ods")]
        .iter()
        .chain(extra)
    {
        sources.push((name, std::fs::read(common::fixture(file)).unwrap()));
    }
    sources.push(("m.csv", common::SIMPLE_CSV.as_bytes().to_vec()));
    sources
}

#[test]
fn mutated_fixtures_do_not_panic() {
    let sources = sources(&[]);
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

/// The damage a copy of a fixture gets. Zip entries and CFB sectors are aimed at: a random
/// byte mostly lands in compressed data, which only tests the inflater.
fn mutate(rng: &mut Rng, original: &[u8], donor: &[u8]) -> (Vec<u8>, &'static str) {
    let mut bytes = original.to_vec();
    let len = bytes.len().max(1);
    let kind = match rng.below(7) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            "flip"
        }
        1 => {
            let i = rng.below(len);
            let n = 1 + rng.below(256);
            let noise: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            bytes.splice(i..i, noise);
            "splice-random"
        }
        2 => {
            // Another file's bytes in the middle of this one.
            let (a, b) = (rng.below(donor.len()), rng.below(len));
            let n = rng.below(512).min(donor.len() - a);
            bytes.splice(b..b, donor[a..a + n].iter().copied());
            "splice-donor"
        }
        3 => {
            bytes.truncate(rng.below(len));
            "truncate"
        }
        4 => {
            let i = rng.below(len);
            let n = rng.below(64).min(bytes.len() - i);
            bytes.drain(i..i + n);
            "delete"
        }
        5 if bytes.starts_with(b"PK") => {
            // A zip entry's header: sizes, offsets, name lengths.
            let headers: Vec<usize> = bytes
                .windows(4)
                .enumerate()
                .filter(|(_, w)| *w == b"PK\x03\x04" || *w == b"PK\x01\x02")
                .map(|(i, _)| i)
                .collect();
            let h = headers[rng.below(headers.len())];
            for _ in 0..1 + rng.below(4) {
                let i = (h + 4 + rng.below(42)).min(bytes.len() - 1);
                bytes[i] = rng.next() as u8;
            }
            "zip-entry"
        }
        5 | 6 if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => {
            // A CFB sector (512 bytes after the header): overwritten with noise, with another
            // sector, or with one field of a record changed.
            let sectors = bytes.len() / 512;
            let s = 1 + rng.below(sectors.saturating_sub(1).max(1));
            let start = (s * 512).min(bytes.len());
            let end = (start + 512).min(bytes.len());
            match rng.below(3) {
                0 => bytes[start..end]
                    .iter_mut()
                    .for_each(|b| *b = rng.next() as u8),
                1 => {
                    let o = 512 * (1 + rng.below(sectors.saturating_sub(1).max(1)));
                    let other = bytes[o.min(bytes.len())..(o + 512).min(bytes.len())].to_vec();
                    let n = other.len().min(end - start);
                    bytes[start..start + n].copy_from_slice(&other[..n]);
                }
                _ => {
                    for _ in 0..1 + rng.below(3) {
                        let i = start + rng.below(end - start);
                        bytes[i] = rng.next() as u8;
                    }
                }
            }
            "cfb-sector"
        }
        _ => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            "overwrite"
        }
    };
    if bytes.is_empty() {
        bytes.push(0);
    }
    (bytes, kind)
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The fuzz harness of the test command: mutated fixtures go through the importer's bounded
/// path (the worker process, then the plan). No panic, no hang, no cap exceeded, a Chinese
/// message for every refusal. CI (`CI=true`) uses a fixed seed; locally the seed is random
/// and printed, and `LIANXI_FUZZ_SEED` replays one. At most ~100 s (`LIANXI_FUZZ_SECS`).
///
/// A case the reader could not handle within the caps (or that crashed the worker) is
/// written to `target/tmp/fuzz-finds/`; commit it to `tests/fixtures/roster/fuzz/`, where
/// [`fuzz_finds_stay_refused`] keeps it.
#[test]
fn mutated_fixtures_through_the_bounded_importer() {
    use lianxi::import::bounded::{Limits, Worker, WORKER_ARG};
    use std::time::{Duration, Instant};

    let seed = match std::env::var("LIANXI_FUZZ_SEED") {
        Ok(s) => s.parse().expect("LIANXI_FUZZ_SEED is a number"),
        Err(_) => common::seed(0x1417_5eed_0000_0001),
    };
    let budget = Duration::from_secs(
        std::env::var("LIANXI_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(100),
    );
    let cases: usize = std::env::var("LIANXI_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4000);
    eprintln!("fuzz seed {seed} (replay: LIANXI_FUZZ_SEED={seed})");

    let sources = sources(&[("e.xls", "encrypted.xls")]);
    // `LIANXI_FUZZ_WORKER` points at another build of the CLI (a release build, for numbers).
    let exe = std::env::var_os("LIANXI_FUZZ_WORKER").map_or_else(
        || env!("CARGO_BIN_EXE_lianxi").into(),
        std::path::PathBuf::from,
    );
    let worker = Worker::new(exe, [WORKER_ARG]);
    let limits: Limits = worker.limits();
    let finds = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-finds");
    let conn = lianxi::db::open_in_memory().unwrap();
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut worst_time, mut worst_rss) = (Duration::ZERO, 0u64);
    let (mut read, mut refused, mut unreadable) = (0, 0, Vec::new());
    let mut done = 0;
    while done < cases && started.elapsed() < budget {
        let (name, original) = &sources[done % sources.len()];
        let donor = &sources[rng.below(sources.len())].1;
        let (bytes, how) = mutate(&mut rng, original, donor);
        done += 1;
        // What `import::plan_file` does, with the worker's time and memory kept.
        let t = Instant::now();
        let out = worker.run(name, &bytes, &mut || true);
        let result = out.result.and_then(|book| {
            import::plan_book(
                &conn,
                name,
                &book,
                &ImportOptions::default(),
                &mut no_progress,
            )
        });
        let elapsed = t.elapsed();
        worst_time = worst_time.max(elapsed);
        worst_rss = worst_rss.max(out.peak_rss.unwrap_or(0));
        assert!(
            elapsed < limits.time + Duration::from_secs(3),
            "case {done} ({how} of {name}, seed {seed}) took {elapsed:?}"
        );
        if let Some(rss) = out.peak_rss {
            assert!(rss <= limits.memory, "case {done}: peak {rss} bytes");
        }
        match result {
            Ok(_) => read += 1,
            Err(e) => {
                let msg = e.to_string();
                // A refusal of the file names it; others (no 单位名称 column) name the sheet.
                let names_file = !matches!(e, lianxi::Error::BadFile { .. }) || msg.contains(name);
                assert!(
                    has_chinese(&msg) && names_file,
                    "case {done} ({how} of {name}): {msg}"
                );
                if e.kind() == "unreadable_file" {
                    std::fs::create_dir_all(&finds).unwrap();
                    let keep = finds.join(format!("{seed}-{done}-{how}-{name}"));
                    std::fs::write(&keep, &bytes).unwrap();
                    unreadable.push(keep);
                } else {
                    refused += 1;
                }
            }
        }
    }
    eprintln!(
        "fuzz: {done} cases in {:.1} s: {read} read, {refused} refused by the reader, {} beyond \
         the caps or crashing the worker; slowest {:.2} s, peak worker memory {} MB",
        started.elapsed().as_secs_f64(),
        unreadable.len(),
        worst_time.as_secs_f64(),
        worst_rss / (1024 * 1024)
    );
    for f in &unreadable {
        eprintln!(
            "  found: {} (commit it to tests/fixtures/roster/fuzz/)",
            f.display()
        );
    }
    assert!(
        done >= cases.min(100),
        "only {done} cases ran in the budget"
    );
}

/// Every file the fuzz harness or a probe ever found a failure on stays refused with the
/// Chinese message, within the caps.
#[test]
fn fuzz_finds_stay_refused() {
    use lianxi::import::bounded::{Worker, WORKER_ARG};
    let worker = Worker::new(env!("CARGO_BIN_EXE_lianxi"), [WORKER_ARG]);
    let dir = common::fixture("fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.push(common::fixture("huge_dimensions.xls"));
    files.push(common::fixture("huge_range.xls"));
    files.sort();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&f).unwrap();
        let out = worker.run(&name, &bytes, &mut || true);
        assert!(out.elapsed < worker.limits().time, "{name}");
        if let Err(e) = out.result {
            assert!(has_chinese(&e.to_string()), "{name}: {e}");
        }
    }
}
