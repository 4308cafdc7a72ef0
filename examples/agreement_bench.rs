//! Times agreement printing on the demo street: one agreement (its two copies), a batch of
//! 100 agreements in one PDF, and the same 100 in one Word file.
//! `cargo run --release --example agreement_bench`.

use std::time::Instant;

use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::print::FontSet;
use lianxi::{db, demo, units};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut conn = db::open_in_memory()?;
    demo::load(&mut conn)?;
    let fonts = FontSet::bundled()?;
    let one = agreements::list(&conn, None)?
        .first()
        .map(|a| a.id)
        .ok_or("no demo agreement")?;
    let options = AgreementOptions {
        copies: Some(1),
        ..AgreementOptions::default()
    };
    let single = agreements::create(
        &conn,
        &PairSpec {
            party_a: PartyRef::street(),
            party_b: PartyRef::unit(units::list(&conn)?[0].id),
        },
        &options,
    )?;
    let t = Instant::now();
    let bytes = agreements::render_agreement(&conn, single.id, &fonts)?;
    println!(
        "one agreement, one copy: {:.1} ms, {:.1} KB",
        t.elapsed().as_secs_f64() * 1000.0,
        bytes.len() as f64 / 1024.0
    );
    let pairs: Vec<PairSpec> = units::list(&conn)?
        .iter()
        .cycle()
        .take(100)
        .map(|u| PairSpec {
            party_a: PartyRef::street(),
            party_b: PartyRef::unit(u.id),
        })
        .collect();
    let made = agreements::pair_many(&conn, &pairs, &options)?;
    let ids: Vec<i64> = made.iter().map(|a| a.id).collect();
    let t = Instant::now();
    let bytes = agreements::render_agreements(&conn, &ids, &fonts, &mut |_, _| true)?;
    println!(
        "100 agreements in one PDF: {:.2} s, {:.1} KB (demo agreement #{one} exists too)",
        t.elapsed().as_secs_f64(),
        bytes.len() as f64 / 1024.0
    );
    let docs = agreements::agreement_docs(&conn, &ids)?;
    let word = lianxi::docx::WordFonts::standard();
    let style = lianxi::print::PageStyle::default();
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let t = Instant::now();
        size = lianxi::docx::write(&docs, &fonts, &word, &style)?.len();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "100 agreements in one .docx: median {:.2} s (min {:.2}, max {:.2}, 5 runs), {:.1} KB",
        times[2],
        times[0],
        times[4],
        size as f64 / 1024.0
    );
    Ok(())
}
