//! Times the print engine (run in release): one agreement-like document N times, and a
//! batch of 100 agreements in one PDF. `cargo run --release --example print_bench [N]`.

use std::time::Instant;

use lianxi::print::{render, render_batch, sample, FontSet, PageStyle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(30);
    let started = Instant::now();
    let fonts = FontSet::bundled()?;
    println!("font parse (once per process): {:.1} ms", ms(started));
    let style = PageStyle::default();

    for (name, doc) in [
        ("2-page agreement", sample::two_page_agreement(1)),
        ("4-page agreement with table", sample::agreement(1)),
    ] {
        time_one(name, &doc, &fonts, &style, runs)?;
    }

    // For comparison: this machine's own CJK fonts per role (CFF Noto on Debian), if any.
    let system = lianxi::print::FontChoice::system_default();
    if system != lianxi::print::FontChoice::bundled() {
        let t = Instant::now();
        let sys = FontSet::shared(&system)?;
        println!("system fonts parse: {:.1} ms ({sys:?})", ms(t));
        time_one(
            "2-page agreement, system fonts",
            &sample::two_page_agreement(1),
            &sys,
            &style,
            runs,
        )?;
    }

    let docs: Vec<_> = (1..=100).map(sample::two_page_agreement).collect();
    let t = Instant::now();
    let bytes = render_batch(&docs, &fonts, &style)?;
    println!(
        "100 two-page agreements in one PDF: {:.2} s, {:.1} KB",
        ms(t) / 1000.0,
        bytes.len() as f64 / 1024.0
    );
    Ok(())
}

fn time_one(
    name: &str,
    doc: &lianxi::print::Doc,
    fonts: &FontSet,
    style: &PageStyle,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = render(doc, fonts, style)?.len();
        times.push(ms(t));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{name}: median {:.1} ms, min {:.1} ms, max {:.1} ms over {runs} runs; {:.1} KB",
        times[runs / 2],
        times[0],
        times[runs - 1],
        size as f64 / 1024.0
    );

    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
