//! The browser face over real HTTP on 127.0.0.1: what each safety rule refuses, the command
//! table answering with the same `{kind, message}` errors, uploads read through the bounded
//! worker, downloads of written PDFs, progress as server-sent events, and a clean stop.
//! The requests are written by hand so that `Host`, `Origin` and `Cookie` are exactly what
//! an attacker's page or another program would send.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

struct Running {
    port: u16,
    token: String,
    child: Option<std::process::Child>,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl Running {
    /// `lianxi serve --no-open --port 0` on a fresh data folder; the first line it prints is
    /// the address with the run's token.
    fn start() -> Running {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("lianxi.sqlite3");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lianxi"))
            .args(["serve", "--no-open", "--port", "0", "--db"])
            .arg(&db)
            .env("LIANXI_NO_OPEN", "1")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("lianxi serve starts");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut url = String::new();
        out.read_line(&mut url).expect("first line");
        // Keep reading what it prints, so that it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        let rest = url
            .trim()
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("not a loopback address: {url}"));
        let (port, token) = rest.split_once("/?token=").expect("token in url");
        Running {
            port: port.parse().expect("port"),
            token: token.to_string(),
            child: Some(child),
            _dir: dir,
            db,
        }
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn cookie(&self) -> String {
        format!("lianxi_token={}", self.token)
    }

    /// A request with the given headers; the response's status, headers and body.
    fn raw(&self, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> Reply {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        {
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).expect("write");
        s.write_all(body).expect("write body");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read");
        Reply::parse(&raw)
    }

    /// A request as the app's own page sends it.
    fn page(&self, method: &str, path: &str, body: &[u8]) -> Reply {
        self.raw(
            method,
            path,
            &[
                ("Host", self.host()),
                ("Origin", format!("http://{}", self.host())),
                ("Cookie", self.cookie()),
                ("Content-Type", "application/json".into()),
            ],
            body,
        )
    }

    fn call(&self, name: &str, args: serde_json::Value) -> Reply {
        self.page(
            "POST",
            &format!("/api/call/{name}"),
            args.to_string().as_bytes(),
        )
    }

    /// Asks the server to end (SIGTERM, as a logout does) and checks that it stopped on its
    /// own, cleanly, after the request under way.
    fn stop(mut self) {
        let mut child = self.child.take().expect("running");
        let pid = libc::pid_t::try_from(child.id()).expect("pid");
        // SAFETY: sending a signal to our own child process.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
        let status = child.wait().expect("wait");
        assert!(status.success(), "lianxi serve ended with {status}");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = body.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

#[test]
fn without_the_token_nothing_is_served() {
    let s = Running::start();
    let bare = [("Host", s.host())];
    for (method, path) in [
        ("GET", "/"),
        ("GET", "/index.html"),
        ("POST", "/api/call/units_list"),
        ("GET", "/api/events"),
        ("POST", "/api/upload?name=a.csv"),
    ] {
        let r = s.raw(method, path, &bare, b"");
        assert_eq!(r.status, 401, "{method} {path}: {}", r.text());
    }
    // A guessed token is refused, and so is a cookie with the wrong one.
    let r = s.raw("GET", "/?token=0000", &bare, b"");
    assert_eq!(r.status, 401);
    let wrong = [("Host", s.host()), ("Cookie", "lianxi_token=00".into())];
    assert_eq!(
        s.raw("POST", "/api/call/units_list", &wrong, b"{}").status,
        401
    );

    // The right token in the address becomes an HttpOnly, SameSite cookie and leaves the URL.
    let r = s.raw("GET", &format!("/?token={}", s.token), &bare, b"");
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/"));
    let cookie = r.header("set-cookie").expect("cookie");
    assert!(
        cookie.contains(&s.token) && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    s.stop();
}

#[test]
fn another_site_or_another_host_name_cannot_drive_the_api() {
    let s = Running::start();
    // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
    let rebound = [
        ("Host", format!("evil.example:{}", s.port)),
        ("Cookie", s.cookie()),
    ];
    let r = s.raw("POST", "/api/call/demo_load", &rebound, b"{}");
    assert_eq!(r.status, 403, "{}", r.text());
    // CSRF: another site's page posting with the browser's cookie.
    let csrf = [
        ("Host", s.host()),
        ("Origin", "http://evil.example".into()),
        ("Cookie", s.cookie()),
    ];
    let r = s.raw("POST", "/api/call/demo_load", &csrf, b"{}");
    assert_eq!(r.status, 403, "{}", r.text());
    // Nothing was written: the roster is still empty.
    let units = s.call("units_list", serde_json::json!({}));
    assert_eq!(units.status, 200);
    assert_eq!(units.json(), serde_json::json!([]));
    s.stop();
}

#[test]
fn the_page_is_served_and_commands_answer_with_the_same_errors() {
    let s = Running::start();
    let index = s.page("GET", "/", b"");
    if Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ui/dist/index.html")
        .is_file()
    {
        assert_eq!(index.status, 200);
        assert!(index.text().contains("<div id=\"app\""), "{}", index.text());
        assert_eq!(index.header("x-frame-options"), Some("DENY"));
    } else {
        assert_eq!(index.status, 503);
    }
    // No listing and no way out of the embedded files.
    for path in [
        "/assets/",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/files/x/y",
    ] {
        assert_eq!(s.page("GET", path, b"").status, 404, "{path}");
    }

    let created = s.call(
        "unit_create",
        serde_json::json!({"input": {"name": "青岛市市南区红十字会"}}),
    );
    assert_eq!(created.status, 200, "{}", created.text());
    let id = created.json()["id"].as_i64().expect("id");
    let conn = rusqlite::Connection::open(&s.db).expect("db");
    let name: String = conn
        .query_row("SELECT name FROM units WHERE id = ?1", [id], |r| r.get(0))
        .expect("row");
    assert_eq!(name, "青岛市市南区红十字会");

    let missing = s.call("agreement_get", serde_json::json!({"id": 999_999}));
    assert_eq!(missing.status, 400);
    assert_eq!(missing.json()["kind"], "not_found");
    assert!(missing.json()["message"]
        .as_str()
        .expect("message")
        .contains("999999"));
    let unknown = s.call("drop_everything", serde_json::json!({}));
    assert_eq!(unknown.status, 400);
    assert_eq!(unknown.json()["kind"], "invalid");
    s.stop();
}

#[test]
fn an_uploaded_roster_is_read_by_the_worker_and_server_paths_are_refused() {
    let s = Running::start();
    // What an office sends: a GBK-encoded CSV.
    let (csv, _, _) = encoding_rs::GBK.encode(
        "单位名称,单位类别,联系人,联系电话\n海棠社区卫生服务中心,医院,刘医生,13800000011\n海棠研究所,研究所,陈研究员,0532-82860000\n",
    );
    let up = s.page(
        "POST",
        "/api/upload?name=..%2F..%2F%E5%90%8D%E5%8D%95.csv",
        &csv,
    );
    assert_eq!(up.status, 200, "{}", up.text());
    let chosen = up.json()["chosen"].as_str().expect("chosen").to_string();
    assert!(
        chosen.starts_with("upload:") && chosen.ends_with("/名单.csv"),
        "{chosen}"
    );

    // Progress of the preview arrives on the event stream, addressed to the page's job.
    let events = std::thread::spawn({
        let host = s.host();
        let cookie = s.cookie();
        let port = s.port;
        move || {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
            stream
                .set_read_timeout(Some(Duration::from_secs(30)))
                .expect("timeout");
            let req = format!(
                "GET /api/events HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nAccept: text/event-stream\r\n\r\n"
            );
            stream.write_all(req.as_bytes()).expect("write");
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            while reader.read_line(&mut line).expect("read event") > 0 {
                if line.starts_with("data:") && line.contains("\"job-upload\"") {
                    return line;
                }
                line.clear();
            }
            panic!("the stream ended without progress");
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    let plan = s.call(
        "import_preview",
        serde_json::json!({"path": chosen, "options": {}, "onProgress": "job-upload"}),
    );
    assert_eq!(plan.status, 200, "{}", plan.text());
    let units = plan.json()["units"].as_array().map(Vec::len);
    assert_eq!(units, Some(2), "{}", plan.text());
    let event = events.join().expect("events");
    assert!(event.contains("report"), "{event}");

    for bad in [
        "/etc/passwd",
        "/tmp/名单.csv",
        "upload:00000000000000000000000000000000/名单.csv",
    ] {
        let r = s.call(
            "import_preview",
            serde_json::json!({"path": bad, "options": {}, "onProgress": "x"}),
        );
        assert_eq!(r.status, 400, "{bad}: {}", r.text());
    }
    // A file past the cap is refused before it is read.
    let big = s.raw(
        "POST",
        "/api/upload?name=big.xlsx",
        &[
            ("Host", s.host()),
            ("Origin", format!("http://{}", s.host())),
            ("Cookie", s.cookie()),
            ("Content-Length", (200 * 1024 * 1024).to_string()),
        ],
        b"",
    );
    assert_eq!(big.status, 413);
    s.stop();
}

/// Uploads `text` as a CSV named `name`; the name the page then passes as the chosen file.
fn upload_csv(s: &Running, name: &str, text: &str) -> String {
    let up = s.page("POST", &format!("/api/upload?name={name}"), text.as_bytes());
    assert_eq!(up.status, 200, "{}", up.text());
    up.json()["chosen"].as_str().expect("chosen").to_string()
}

#[test]
fn an_import_commits_the_plan_its_preview_kept_and_only_once() {
    let s = Running::start();
    // Nothing previewed yet: a commit asks for a preview, for every kind of import.
    for (name, args) in [
        ("import_commit", serde_json::json!({"onProgress": "x"})),
        ("donation_import_commit", serde_json::json!({})),
        (
            "list_import_commit",
            serde_json::json!({"kind": "需求清单", "claimants": []}),
        ),
    ] {
        let r = s.call(name, args);
        assert_eq!(r.status, 400, "{name}: {}", r.text());
        assert_eq!(r.json()["kind"], "no_pending_import", "{name}");
        assert_eq!(r.json()["message"], "请先重新预览要导入的文件。", "{name}");
    }

    // 捐赠: the preview returns the plan; the commit sends none back.
    let chosen = upload_csv(
        &s,
        "donations.csv",
        "捐赠单位,认捐金额\n八大关小学,\"30,000.00\"\n某某药店,3.5万元\n",
    );
    let plan = s.call(
        "donation_import_preview",
        serde_json::json!({"path": chosen, "options": {}, "onProgress": "x"}),
    );
    assert_eq!(plan.status, 200, "{}", plan.text());
    assert_eq!(plan.json()["donations"].as_array().map(Vec::len), Some(2));
    // A list commit does not take the donations' plan, which stays kept.
    let other = s.call(
        "list_import_commit",
        serde_json::json!({"kind": "需求清单", "claimants": []}),
    );
    assert_eq!(
        other.json()["kind"],
        "no_pending_import",
        "{}",
        other.text()
    );
    let done = s.call("donation_import_commit", serde_json::json!({}));
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(done.json()["imported"], 2, "{}", done.text());
    let again = s.call("donation_import_commit", serde_json::json!({}));
    assert_eq!(again.status, 400, "{}", again.text());
    assert_eq!(again.json()["kind"], "no_pending_import");
    let listed = s.call("donations_list", serde_json::json!({"filter": {}}));
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(
        listed.json()["donations"].as_array().map(Vec::len),
        Some(2),
        "imported once: {}",
        listed.text()
    );

    // 需求清单: the commit names the list and carries only the claimant choices.
    let chosen = upload_csv(
        &s,
        "needs.csv",
        "需求名称,提出单位\n老年人助餐,太平角社区\n青少年暑期托管,居民\n",
    );
    let plan = s.call(
        "list_import_preview",
        serde_json::json!({"kind": "需求清单", "path": chosen, "options": {"year": 2026}, "onProgress": "x"}),
    );
    assert_eq!(plan.status, 200, "{}", plan.text());
    assert_eq!(plan.json()["needs"].as_array().map(Vec::len), Some(2));
    let wrong_kind = s.call(
        "list_import_commit",
        serde_json::json!({"kind": "项目清单", "claimants": []}),
    );
    assert_eq!(wrong_kind.json()["kind"], "no_pending_import");
    let done = s.call(
        "list_import_commit",
        serde_json::json!({"kind": "需求清单", "claimants": []}),
    );
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(done.json()["imported"], 2, "{}", done.text());
    let again = s.call(
        "list_import_commit",
        serde_json::json!({"kind": "需求清单", "claimants": []}),
    );
    assert_eq!(
        again.json()["kind"],
        "no_pending_import",
        "{}",
        again.text()
    );
    let needs = s.call("needs_list", serde_json::json!({"filter": {"year": 2026}}));
    assert_eq!(needs.status, 200, "{}", needs.text());
    assert_eq!(
        needs.json().as_array().map(Vec::len),
        Some(2),
        "{}",
        needs.text()
    );
    s.stop();
}

#[test]
fn a_written_pdf_downloads_under_its_name_and_the_server_stops_cleanly() {
    let s = Running::start();
    let written = s.call(
        "year_stats_pdf",
        serde_json::json!({"year": 2026, "path": "download:2026年度工作统计.pdf"}),
    );
    assert_eq!(written.status, 200, "{}", written.text());
    let w = written.json();
    assert_eq!(w["path"], "浏览器“下载”文件夹中的“2026年度工作统计.pdf”");
    assert_eq!(w["opened"], false);
    let link = w["link"].as_str().expect("link").to_string();
    let pdf = s.page("GET", &link, b"");
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    let disposition = pdf.header("content-disposition").expect("disposition");
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(pdf.body.starts_with(b"%PDF"));
    let inline = s.page("GET", &format!("{link}?inline=1"), b"");
    assert!(inline
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("inline;")));

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("stats.pdf");
    std::fs::write(&file, &pdf.body).expect("write");
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text: String = String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("2026年度"), "{text}");

    // A server path is never a place to write.
    let r = s.call(
        "year_stats_pdf",
        serde_json::json!({"year": 2026, "path": "/tmp/统计.pdf"}),
    );
    assert_eq!(r.status, 400);
    s.stop();
}
