//! The sign-in desks (`lianxi desk`, src/app/desk) over real HTTP, from an empty database made
//! through the CLI: what is refused without the PIN or with an old token, the PIN's limits per
//! client and in all, the desks ended by closing them or by cancelling the meeting, a crowd of
//! concurrent sign-ins from several desks (each unit once, the first time kept), and a kill in
//! the middle of a crowd (every acknowledged sign-in is in the database afterwards).
//! Requests are written by hand, from several loopback addresses (127.0.0.x) so that each
//! test client is its own client to the server's limits.

use crate::cli;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use crate::cli::argv;
use cli::desk::{Desk, Running};
use cli::{empty_db, ok};
use lianxi::meetings::attendance;
use serde_json::Value;

/// An empty database with `units` member units on the roster and one meeting inviting them
/// all; returns the folder, the database and the meeting's id.
fn meeting_with_units(units: usize) -> (tempfile::TempDir, PathBuf, String) {
    let (dir, db) = empty_db();
    let mut roster = String::from("单位名称,单位类别,联系人,联系电话\n");
    for i in 0..units {
        roster.push_str(&format!(
            "海棠第{}实验单位,企业,联系人{i},138{:08}\n",
            i + 1,
            i
        ));
    }
    let file = dir.path().join("名册.csv");
    std::fs::write(&file, roster).unwrap();
    ok(&db, &argv!["roster import", file.to_str().unwrap()]);
    let m = ok(
        &db,
        &argv![
            "meeting create --title 2030年联席会年会 --kind 年会",
            "--date 2030-06-01 --time 09:00 --venue 街道三楼会议室"
        ],
    )
    .trim()
    .to_owned();
    ok(&db, &argv!["meeting invite --meeting", &m, "--all"]);
    (dir, db, m)
}

fn invitees(db: &Path, meeting: &str) -> Vec<attendance::Invitee> {
    let conn = lianxi::db::open(db).unwrap();
    attendance::list(&conn, meeting.parse().unwrap()).unwrap()
}

#[test]
fn only_the_desk_with_its_pin_is_reachable() {
    let (_dir, db, m) = meeting_with_units(3);
    let other = ok(
        &db,
        &argv!["meeting create --title 2030年季度会 --kind 季度会"],
    )
    .trim()
    .to_owned();
    ok(&db, &argv!["meeting invite --meeting", &other, "--all"]);
    let theirs = invitees(&db, &other)[0].id;
    let ours = invitees(&db, &m)[0].id;
    let run = Running::start(&db, &m);
    let d = &run.desk;

    // Without the cookie, every call is refused (in Chinese), and nothing is signed in.
    let sign = format!("{{\"id\":{ours}}}");
    for (method, path, body) in [
        ("GET", d.path("api/state"), ""),
        ("GET", d.path("api/search?q=%E6%B5%B7%E6%A3%A0"), ""),
        ("POST", d.path("api/sign_in"), sign.as_str()),
        ("POST", d.path("api/sign_in_code"), "{\"code\":\"123\"}"),
    ] {
        let r = d
            .send(1, method, &path, &[("Cookie", "lianxi_desk=guessed")], body)
            .unwrap();
        assert_eq!(r.status, 401, "{method} {path}: {}", r.body);
        assert!(
            r.json()["message"].as_str().unwrap().contains("PIN"),
            "{}",
            r.body
        );
    }
    // The page itself (no data in it) opens with the token only.
    let page = d.get(1, &d.path(""), None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("签到台") && page.body.contains("HTTPS"));
    assert!(page
        .headers
        .contains("content-security-policy: default-src 'none'"));

    let cookie = d.login(1, &run.pin);
    // A wrong token with a good cookie, nothing of the browser face, no files.
    let wrong = Desk {
        port: d.port,
        token: "abcdefghjkmn".into(),
    };
    let r = wrong.get(1, &wrong.path("api/state"), Some(&cookie));
    assert_eq!(r.status, 401, "{}", r.body);
    assert!(r.body.contains("失效"), "{}", r.body);
    for path in [
        "/api/call/meetings_list",
        "/api/upload?name=a.xlsx",
        "/files/1/a.pdf",
        "/",
        "/index.html",
        "/api/events",
    ] {
        let r = d
            .send(1, "POST", path, &[("Cookie", &cookie)], "{}")
            .unwrap();
        assert_eq!(r.status, 404, "{path}: {}", r.body);
        let r = d.get(1, path, Some(&cookie));
        assert_eq!(r.status, 404, "{path}: {}", r.body);
    }
    let r = d
        .send(
            1,
            "POST",
            &d.path("api/call/meetings_list"),
            &[("Cookie", &cookie)],
            "{}",
        )
        .unwrap();
    assert_eq!(r.status, 404, "{}", r.body);
    // Another site's page, and a name instead of an address (DNS rebinding).
    let r = d
        .send(
            1,
            "POST",
            &d.path("api/sign_in"),
            &[("Cookie", &cookie), ("Origin", "http://evil.example")],
            &sign,
        )
        .unwrap();
    assert_eq!(r.status, 403, "{}", r.body);
    let r = d
        .send(
            1,
            "GET",
            &d.path("api/state"),
            &[("Cookie", &cookie), ("Host", "evil.example:80")],
            "",
        )
        .unwrap();
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(invitees(&db, &m).iter().all(|i| i.signed_in_at.is_none()));

    // With the cookie: the meeting's state and search, no notes or phones in them.
    let state = d.get(1, &d.path("api/state"), Some(&cookie)).json();
    assert_eq!(state["title"], "2030年联席会年会");
    assert_eq!(
        (state["expected"].as_i64(), state["present"].as_i64()),
        (Some(3), Some(0))
    );
    let found = d.get(1, &d.path("api/search?q=%E7%AC%AC2"), Some(&cookie));
    assert_eq!(found.status, 200);
    assert_eq!(found.json().as_array().unwrap().len(), 1, "{}", found.body);
    assert!(
        !found.body.contains("138") && !found.body.contains("notes"),
        "{}",
        found.body
    );
    // Another meeting's invitee is not this desk's to sign in.
    let r = d.post(
        1,
        &d.path("api/sign_in"),
        Some(&cookie),
        &format!("{{\"id\":{theirs}}}"),
    );
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(invitees(&db, &other)
        .iter()
        .all(|i| i.signed_in_at.is_none()));

    // By 签到码: the printed code signs in; one changed digit, or another meeting's, does not.
    let (code, their_code) = {
        let conn = lianxi::db::open(&db).unwrap();
        let mid: i64 = m.parse().unwrap();
        (
            lianxi::meetings::codes::code_for(&conn, mid, ours).unwrap(),
            lianxi::meetings::codes::code_for(&conn, other.parse().unwrap(), theirs).unwrap(),
        )
    };
    let mut forged: Vec<u8> = code.clone().into_bytes();
    let last = forged.len() - 1;
    forged[last] = if forged[last] == b'9' {
        b'0'
    } else {
        forged[last] + 1
    };
    let forged = String::from_utf8(forged).unwrap();
    for bad in [&forged, &their_code] {
        let r = d.post(
            1,
            &d.path("api/sign_in_code"),
            Some(&cookie),
            &format!("{{\"code\":\"{bad}\"}}"),
        );
        assert_eq!(r.status, 400, "{bad}: {}", r.body);
    }
    assert!(invitees(&db, &m).iter().all(|i| i.signed_in_at.is_none()));
    let r = d.post(
        1,
        &d.path("api/sign_in_code"),
        Some(&cookie),
        &format!("{{\"code\":\"{code}\"}}"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["first"], true);
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .starts_with("已签到："));
    let again = d
        .post(1, &d.path("api/sign_in"), Some(&cookie), &sign)
        .json();
    assert_eq!(again["first"], false);
    assert!(again["message"]
        .as_str()
        .unwrap()
        .contains("保留首次签到时间"));
    let signed: Vec<_> = invitees(&db, &m)
        .into_iter()
        .filter(|i| i.signed_in_at.is_some())
        .collect();
    assert_eq!(signed.len(), 1);
    assert_eq!(signed[0].id, ours);
}

#[test]
fn wrong_pins_are_limited_per_client_and_then_the_pin_dies() {
    let (_dir, db, m) = meeting_with_units(2);
    let run = Running::start(&db, &m);
    let d = &run.desk;
    let wrong = if run.pin == "000000" {
        "111111"
    } else {
        "000000"
    };
    // Five wrong tries from one phone, then even the right PIN waits.
    for _ in 0..5 {
        let r = d.try_pin(2, wrong);
        assert_eq!(r.status, 401, "{}", r.body);
        assert!(r.json()["message"].as_str().unwrap().contains("PIN 不对"));
    }
    let r = d.try_pin(2, &run.pin);
    assert_eq!(r.status, 429, "{}", r.body);
    // Another phone is not held up by that one.
    let kept = d.login(3, &run.pin);
    // Wrong PINs from many phones together kill the PIN (20 in all).
    let mut blocked = false;
    for from in 10..20 {
        for _ in 0..5 {
            let r = d.try_pin(from, wrong);
            if r.status == 403 {
                blocked = true;
                break;
            }
            assert_eq!(r.status, 401, "{}", r.body);
        }
        if blocked {
            break;
        }
    }
    assert!(blocked, "the PIN never died");
    let r = d.try_pin(40, &run.pin);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(
        r.json()["message"].as_str().unwrap().contains("失效"),
        "{}",
        r.body
    );
    // The desk already in keeps working.
    assert_eq!(d.get(3, &d.path("api/state"), Some(&kept)).status, 200);
}

#[test]
fn closing_the_desks_or_cancelling_the_meeting_ends_the_token() {
    let (_dir, db, m) = meeting_with_units(2);
    let id = invitees(&db, &m)[0].id;
    // In the app: open, close, open again on the same port.
    let store = Arc::new(lianxi::app::Store::open(db.clone()));
    let info = lianxi::app::desk::open(&store, m.parse().unwrap(), 0).unwrap();
    assert_eq!(info.pin.len(), 6);
    assert!(info.qr_svg.starts_with("<svg") && info.qr_svg.contains("<path"));
    let url = info.urls[0].clone();
    let first = Desk::from_url(&url);
    let cookie = first.login(5, &info.pin);
    assert_eq!(
        first.get(5, &first.path("api/state"), Some(&cookie)).status,
        200
    );
    assert_eq!(lianxi::app::desk::status(&store).unwrap().desks, 1);
    lianxi::app::desk::close(&store);
    assert!(lianxi::app::desk::status(&store).is_none());
    // Nothing listens any more.
    assert!(first
        .send(
            5,
            "GET",
            &first.path("api/state"),
            &[("Cookie", &cookie)],
            ""
        )
        .is_err());
    let again = lianxi::app::desk::open(&store, m.parse().unwrap(), info.port).unwrap();
    assert_eq!(again.port, info.port);
    let r = first.get(5, &first.path("api/state"), Some(&cookie));
    assert_eq!(r.status, 401, "{}", r.body);
    assert!(r.json()["message"].as_str().unwrap().contains("失效"));
    let r = first.post(
        5,
        &first.path("api/sign_in"),
        Some(&cookie),
        &format!("{{\"id\":{id}}}"),
    );
    assert_eq!(r.status, 401, "{}", r.body);
    // The meeting cancelled while the desks are open: the next request is refused and ends
    // them (the status the screen polls then says why).
    let second = Desk::from_url(&again.urls[0]);
    let cookie = second.login(5, &again.pin);
    ok(&db, &argv!["meeting status --meeting", &m, "--cancel"]);
    let r = second.post(
        5,
        &second.path("api/sign_in"),
        Some(&cookie),
        &format!("{{\"id\":{id}}}"),
    );
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(
        r.json()["message"].as_str().unwrap().contains("已取消"),
        "{}",
        r.body
    );
    let ended = lianxi::app::desk::status(&store)
        .expect("still listed")
        .ended;
    assert!(ended.is_some_and(|e| e.contains("已取消")));
    lianxi::app::desk::close(&store);
    store.close();
    ok(&db, &argv!["meeting status --meeting", &m, "--undo"]);
    assert!(invitees(&db, &m).iter().all(|i| i.signed_in_at.is_none()));

    // Under `lianxi desk`: cancelling the meeting refuses the next request and ends the run.
    let mut run = Running::start(&db, &m);
    let d = run.desk.clone();
    let cookie = d.login(6, &run.pin);
    assert_eq!(d.get(6, &d.path("api/state"), Some(&cookie)).status, 200);
    ok(&db, &argv!["meeting status --meeting", &m, "--cancel"]);
    // Refused, or (when the run's own check came first) nothing listens any more.
    if let Ok(r) = d.send(
        6,
        "POST",
        &d.path("api/sign_in"),
        &[("Cookie", &cookie), ("Content-Type", "application/json")],
        &format!("{{\"id\":{id}}}"),
    ) {
        assert_eq!(r.status, 403, "{}", r.body);
        assert!(r.body.contains("已取消"), "{}", r.body);
    }
    let status = run.child.wait().expect("lianxi desk ends by itself");
    assert!(status.success());
    assert!(d
        .send(6, "GET", &d.path("api/state"), &[("Cookie", &cookie)], "")
        .is_err());
    assert!(invitees(&db, &m).iter().all(|i| i.signed_in_at.is_none()));
}

#[test]
fn a_crowd_at_several_desks_signs_each_unit_in_once() {
    const UNITS: usize = 40;
    const DESKS: u8 = 8;
    const THREADS_PER_DESK: usize = 4;
    let (_dir, db, m) = meeting_with_units(UNITS);
    let ids: Vec<i64> = invitees(&db, &m).iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), UNITS);
    let run = Running::start(&db, &m);
    let d = run.desk.clone();
    let cookies: Vec<String> = (0..DESKS).map(|k| d.login(20 + k, &run.pin)).collect();
    // Every desk signs every unit in, each in its own order, all threads let go at once: the
    // same unit arrives at two desks within the same second again and again.
    let total = usize::from(DESKS) * UNITS;
    let start = Arc::new(Barrier::new(usize::from(DESKS) * THREADS_PER_DESK));
    let replies = Arc::new(Mutex::new(Vec::<(i64, u16, Value)>::new()));
    let began = Instant::now();
    let mut threads = Vec::new();
    for k in 0..DESKS {
        for t in 0..THREADS_PER_DESK {
            let (d, cookie, start, replies) = (
                d.clone(),
                cookies[usize::from(k)].clone(),
                Arc::clone(&start),
                Arc::clone(&replies),
            );
            let mine: Vec<i64> = (0..UNITS)
                .filter(|i| i % THREADS_PER_DESK == t)
                .map(|i| ids[(i * 7 + usize::from(k) * 11) % UNITS])
                .collect();
            threads.push(std::thread::spawn(move || {
                start.wait();
                for id in mine {
                    let r = d.post(
                        20 + k,
                        &d.path("api/sign_in"),
                        Some(&cookie),
                        &format!("{{\"id\":{id}}}"),
                    );
                    let body = serde_json::from_str(&r.body).unwrap_or(Value::Null);
                    replies.lock().unwrap().push((id, r.status, body));
                }
            }));
        }
    }
    for t in threads {
        t.join().expect("a client thread");
    }
    let took = began.elapsed();
    let replies = replies.lock().unwrap();
    eprintln!(
        "{} sign-ins from {DESKS} desks in {:.2} s: {:.0} a second",
        replies.len(),
        took.as_secs_f64(),
        replies.len() as f64 / took.as_secs_f64().max(1e-6)
    );
    assert_eq!(replies.len(), total);
    let mut per_unit: HashMap<i64, Vec<&Value>> = HashMap::new();
    for (id, status, body) in replies.iter() {
        assert_eq!(*status, 200, "{body}");
        per_unit.entry(*id).or_default().push(body);
    }
    let rows = invitees(&db, &m);
    assert_eq!(per_unit.len(), UNITS);
    for inv in &rows {
        let answers = &per_unit[&inv.id];
        assert_eq!(answers.len(), usize::from(DESKS));
        // Exactly one desk was told "first"; every desk was told the same (first) time,
        // and that is the time in the database.
        assert_eq!(
            answers.iter().filter(|a| a["first"] == true).count(),
            1,
            "{}",
            inv.name
        );
        let kept = inv
            .signed_in_at
            .expect("signed in")
            .format("%H:%M")
            .to_string();
        assert!(
            answers.iter().all(|a| a["time"] == kept.as_str()),
            "{}",
            inv.name
        );
    }
    let state = d.get(20, &d.path("api/state"), Some(&cookies[0])).json();
    assert_eq!(state["present"].as_i64(), Some(UNITS as i64));
    assert_eq!(state["expected"].as_i64(), Some(UNITS as i64));
    assert_eq!(state["arrived"].as_array().unwrap().len(), UNITS);
}

#[test]
fn a_kill_mid_crowd_loses_no_acknowledged_sign_in() {
    const UNITS: usize = 60;
    let (_dir, db, m) = meeting_with_units(UNITS);
    let ids: Vec<i64> = invitees(&db, &m).iter().map(|i| i.id).collect();
    let mut run = Running::start(&db, &m);
    let d = run.desk.clone();
    let acked = Arc::new(Mutex::new(Vec::<i64>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut threads = Vec::new();
    for k in 0..4u8 {
        let cookie = d.login(50 + k, &run.pin);
        let (d, acked, stop) = (d.clone(), Arc::clone(&acked), Arc::clone(&stop));
        let mine: Vec<i64> = ids
            .iter()
            .copied()
            .skip(usize::from(k))
            .step_by(4)
            .collect();
        threads.push(std::thread::spawn(move || {
            for id in mine {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let body = format!("{{\"id\":{id}}}");
                let h = [
                    ("Cookie", cookie.as_str()),
                    ("Content-Type", "application/json"),
                ];
                match d.send(50 + k, "POST", &d.path("api/sign_in"), &h, &body) {
                    Ok(r) if r.status == 200 => acked.lock().unwrap().push(id),
                    // Cut off by the kill: not acknowledged, so not promised.
                    _ => {}
                }
            }
        }));
    }
    // Kill once a quarter of the units are acknowledged (bounded: the threads end anyway).
    while acked.lock().unwrap().len() < UNITS / 4 && !threads.iter().all(|t| t.is_finished()) {
        std::thread::sleep(Duration::from_millis(2));
    }
    let pid = run.child.id() as libc::pid_t;
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
    let _ = run.child.wait();
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().expect("a client thread");
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= UNITS / 4,
        "only {} acknowledged",
        acked.len()
    );
    // The database as a restarted app opens it.
    let rows = invitees(&db, &m);
    for id in &acked {
        let row = rows.iter().find(|i| i.id == *id).unwrap();
        assert!(
            row.signed_in_at.is_some(),
            "{} was acknowledged but is not signed in",
            row.name
        );
    }
    eprintln!(
        "{} of {UNITS} acknowledged before the kill, all kept",
        acked.len()
    );
}
