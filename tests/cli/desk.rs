//! A client of the sign-in desks (`lianxi desk`, src/app/desk) over real HTTP, for the tests
//! that talk to them: requests written by hand, from a chosen loopback address (127.0.0.x) so
//! that each test client is its own client to the server's limits.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpStream};
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

/// An HTTP reply as the test reads it.
pub struct Reply {
    pub status: u16,
    /// The head, lower-cased.
    pub headers: String,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

/// One desk server to talk to: its port and token.
#[derive(Clone)]
pub struct Desk {
    pub port: u16,
    pub token: String,
}

impl Desk {
    pub fn from_url(url: &str) -> Desk {
        // http://<address>:<port>/d/<token>/ — whichever address, the test uses loopback.
        let rest = url.trim().strip_prefix("http://").expect("an http address");
        let (host, path) = rest.split_once('/').expect("a path");
        let port = host.rsplit_once(':').expect("a port").1.parse().unwrap();
        let token = path
            .strip_prefix("d/")
            .and_then(|t| t.strip_suffix('/'))
            .expect("/d/<token>/")
            .to_owned();
        Desk { port, token }
    }

    pub fn path(&self, rest: &str) -> String {
        format!("/d/{}/{rest}", self.token)
    }

    /// A request from loopback address `from`, with `Host` this server.
    pub fn send(
        &self,
        from: u8,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Result<Reply, std::io::Error> {
        let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
        let local = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::new(127, 0, 0, from), 0));
        socket.bind(&local.into())?;
        let server = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, self.port));
        socket.connect_timeout(&server.into(), Duration::from_secs(10))?;
        let mut s: TcpStream = socket.into();
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: 127.0.0.1:{}\r\n", self.port));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        s.write_all(req.as_bytes())?;
        let mut raw = Vec::new();
        s.read_to_end(&mut raw)?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("no status in {head:?}")))?;
        Ok(Reply {
            status,
            headers: head.to_ascii_lowercase(),
            body: body.to_owned(),
        })
    }

    pub fn get(&self, from: u8, path: &str, cookie: Option<&str>) -> Reply {
        let h: Vec<(&str, &str)> = cookie.map(|c| ("Cookie", c)).into_iter().collect();
        self.send(from, "GET", path, &h, "")
            .expect("the desk answers")
    }

    pub fn post(&self, from: u8, path: &str, cookie: Option<&str>, body: &str) -> Reply {
        let mut h: Vec<(&str, &str)> = vec![("Content-Type", "application/json")];
        if let Some(c) = cookie {
            h.push(("Cookie", c));
        }
        self.send(from, "POST", path, &h, body)
            .expect("the desk answers")
    }

    pub fn try_pin(&self, from: u8, pin: &str) -> Reply {
        self.post(
            from,
            &self.path("pin"),
            None,
            &format!("{{\"pin\":\"{pin}\"}}"),
        )
    }

    /// Types the PIN from `from`; the session cookie to send.
    pub fn login(&self, from: u8, pin: &str) -> String {
        let r = self.try_pin(from, pin);
        assert_eq!(r.status, 200, "{}", r.body);
        let line = r
            .headers
            .lines()
            .find_map(|l| l.strip_prefix("set-cookie: "))
            .expect("a cookie")
            .to_owned();
        assert!(
            line.contains("httponly") && line.contains("samesite=strict"),
            "{line}"
        );
        line.split(';').next().unwrap().to_owned()
    }
}

/// `lianxi desk --meeting M --port 0` as a child process; its first two lines are the address
/// and the PIN.
pub struct Running {
    pub child: std::process::Child,
    pub desk: Desk,
    pub pin: String,
}

impl Running {
    pub fn start(db: &Path, meeting: &str) -> Running {
        let mut child = super::command()
            .arg("--db")
            .arg(db)
            .args(["desk", "--meeting", meeting, "--port", "0"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("lianxi desk starts");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let (mut url, mut pin) = (String::new(), String::new());
        out.read_line(&mut url).expect("first line");
        out.read_line(&mut pin).expect("second line");
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        let pin = pin
            .trim()
            .strip_prefix("PIN：")
            .expect("PIN line")
            .to_owned();
        assert!(
            pin.len() == 6 && pin.bytes().all(|b| b.is_ascii_digit()),
            "{pin}"
        );
        Running {
            child,
            desk: Desk::from_url(&url),
            pin,
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
