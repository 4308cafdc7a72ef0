//! Writes the sample agreement to a PDF so anyone can look at the print engine's output:
//! `cargo run --release --example print_sample -- out.pdf [copies] [full]`: the two-page
//! agreement, or with `full` the longer one with the project table.

use std::time::Instant;

use lianxi::print::{render, render_batch, sample, FontSet, PageStyle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "print_sample.pdf".into());
    let copies: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(1);
    let full = args.next().as_deref() == Some("full");
    let make = if full {
        sample::agreement
    } else {
        sample::two_page_agreement
    };
    let started = Instant::now();
    let fonts = FontSet::bundled()?;
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
