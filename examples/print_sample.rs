//! Writes the sample agreement to a PDF so anyone can look at the print engine's output:
//! `cargo run --release --example print_sample -- out.pdf [copies] [full|system]...`: the
//! two-page agreement, or with `full` the longer one with the project table; `system` uses
//! this machine's CJK fonts per role instead of only the bundled one.

use std::time::Instant;

use lianxi::print::{render, render_batch, sample, FontChoice, FontSet, PageStyle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "print_sample.pdf".into());
    let copies: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(1);
    let flags: Vec<String> = args.collect();
    let full = flags.iter().any(|f| f == "full");
    let choice = if flags.iter().any(|f| f == "system") {
        FontChoice::system_default()
    } else {
        FontChoice::bundled()
    };
    let make = if full {
        sample::agreement
    } else {
        sample::two_page_agreement
    };
    let started = Instant::now();
    let fonts = FontSet::shared(&choice)?;
    eprintln!("fonts parsed in {:?}", started.elapsed());
    let style = PageStyle::default();
    let started = Instant::now();
    let bytes = if copies <= 1 {
        render(&make(1), &fonts, &style)?
    } else {
        let docs: Vec<_> = (1..=copies).map(make).collect();
        render_batch(&docs, &fonts, &style)?
    };
    eprintln!(
        "{copies} document(s) rendered in {:?}, {} KB",
        started.elapsed(),
        bytes.len() / 1024
    );
    std::fs::write(&path, bytes)?;
    eprintln!("wrote {path}");
    Ok(())
}
