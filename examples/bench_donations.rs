//! Times the donation papers (run in release): the register of 500 donations and 100 honour
//! certificates, with the bundled font and with this machine's fonts.
//! `cargo run --release -p lianxi --example bench_donations`.

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

use std::time::Instant;

use chrono::NaiveDate;
use lianxi::donations::print::{certificates_pdf, register_pdf};
use lianxi::donations::{
    self, DonationFilter, DonationInput, DonationKind, ReceiptInput, ReceiptMethod,
};
use lianxi::print::{FontChoice, FontSet};
use lianxi::street::{self, StreetProfile};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = lianxi::db::open_in_memory()?;
    let p = StreetProfile {
        name: "八大关街道办事处".into(),
        ..StreetProfile::default()
    };
    street::save(&conn, &p)?;
    let on = NaiveDate::from_ymd_opt(2026, 9, 25).ok_or("date")?;
    let t = Instant::now();
    conn.execute_batch("BEGIN")?;
    for i in 0..500_i64 {
        let goods = i % 5 == 4;
        let input = DonationInput {
            donor_name: format!("青岛第{i}号爱心企业有限责任公司"),
            kind: if goods {
                DonationKind::InKind
            } else {
                DonationKind::Cash
            },
            year: Some(2026),
            pledged_fen: if goods { 0 } else { 1_000_00 * (i % 50 + 1) },
            item_name: if goods {
                "中秋月饼".into()
            } else {
                String::new()
            },
            quantity: if goods { "200".into() } else { String::new() },
            quantity_unit: if goods { "盒".into() } else { String::new() },
            estimated_value_fen: goods.then_some(16_000_00),
            purpose: "“帮到家”助困基金".into(),
            notes: if i % 7 == 0 {
                "分两次到账，第二笔预计年底前到账".into()
            } else {
                String::new()
            },
            ..DonationInput::default()
        };
        let receipt = (!goods && i % 3 != 0).then(|| ReceiptInput {
            amount_fen: 1_000_00,
            received_on: on,
            method: ReceiptMethod::Transfer,
            notes: String::new(),
        });
        donations::add(&conn, &input, receipt.as_ref())?;
    }
    conn.execute_batch("COMMIT")?;
    println!(
        "500 donations recorded: {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let all = DonationFilter::default();
    let hundred = DonationFilter {
        ids: (1..=100).collect(),
        ..DonationFilter::default()
    };
    let mut sets = vec![("bundled LXGW WenKai", FontSet::bundled()?)];
    let system = FontChoice::system_default();
    if system != FontChoice::bundled() {
        sets.push(("system fonts", FontSet::shared(&system)?));
    }
    for (name, fonts) in sets {
        let t = Instant::now();
        let reg = register_pdf(&conn, &all, &fonts)?;
        println!(
            "{name}: register of 500 donations {:.2} s, {:.0} KB",
            t.elapsed().as_secs_f64(),
            reg.len() as f64 / 1024.0
        );
        let t = Instant::now();
        let certs = certificates_pdf(&conn, &hundred, on, &fonts)?;
        println!(
            "{name}: 100 certificates {:.2} s, {:.0} KB",
            t.elapsed().as_secs_f64(),
            certs.len() as f64 / 1024.0
        );
        if std::env::var_os("BENCH_OUT").is_some() {
            std::fs::write("/tmp/bench_register.pdf", &reg)?;
            std::fs::write("/tmp/bench_certificates.pdf", &certs)?;
        }
    }
    Ok(())
}
