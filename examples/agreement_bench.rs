//! Times agreement printing on the demo street: one agreement (its two copies) and a batch of
//! 100 agreements in one PDF. `cargo run --release --example agreement_bench`.

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
    Ok(())
}
