//! What stops guessing and floods: wrong PINs per client per minute, wrong PINs in all (then
//! the PIN dies), and a request rate per client (a token bucket per signed-in desk, and one per
//! address for everything before the PIN).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Wrong PINs one address may try in [`WINDOW`].
pub const WRONG_PER_WINDOW: usize = 5;
pub const WINDOW: Duration = Duration::from_secs(60);
/// Wrong PINs in all, from anywhere, after which the PIN no longer works.
pub const WRONG_TOTAL: u32 = 20;

/// A desk may send this many requests at once, then [`SESSION_RATE`] a second: far more than
/// a volunteer's thumb, far less than a flood.
const SESSION_BURST: f64 = 120.0;
const SESSION_RATE: f64 = 20.0;
/// Before the PIN (the page, the PIN itself, wrong addresses), per address.
const ADDRESS_BURST: f64 = 30.0;
const ADDRESS_RATE: f64 = 2.0;
/// Past this many clients the oldest records are forgotten (a LAN has a few dozen).
const MAX_CLIENTS: usize = 4096;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self, burst: f64, rate: f64, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate).min(burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Who is asking, for the request rate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Client {
    /// A desk that typed the PIN (its session).
    Session(String),
    /// Anyone else, by address.
    Address(IpAddr),
}

/// The answer to a PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCheck {
    Right,
    Wrong,
    /// Too many wrong PINs from this address lately.
    TooMany,
    /// Too many wrong PINs in all: the PIN is dead.
    Blocked,
}

#[derive(Debug, Default)]
pub struct Limits {
    buckets: HashMap<Client, Bucket>,
    wrong: HashMap<IpAddr, VecDeque<Instant>>,
    wrong_total: u32,
}

impl Limits {
    /// Whether `client` may make one more request now.
    pub fn allow(&mut self, client: Client, now: Instant) -> bool {
        let (burst, rate) = match client {
            Client::Session(_) => (SESSION_BURST, SESSION_RATE),
            Client::Address(_) => (ADDRESS_BURST, ADDRESS_RATE),
        };
        if self.buckets.len() >= MAX_CLIENTS && !self.buckets.contains_key(&client) {
            self.buckets.retain(|_, b| b.tokens < burst);
        }
        self.buckets
            .entry(client)
            .or_insert(Bucket {
                tokens: burst,
                at: now,
            })
            .take(burst, rate, now)
    }

    pub fn pin_blocked(&self) -> bool {
        self.wrong_total >= WRONG_TOTAL
    }

    /// Checks `given` against `pin` for a client at `ip`, counting a wrong one.
    pub fn check_pin(&mut self, ip: IpAddr, given: &str, pin: &str, now: Instant) -> PinCheck {
        if self.pin_blocked() {
            return PinCheck::Blocked;
        }
        let recent = self.wrong.entry(ip).or_default();
        while recent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
        {
            recent.pop_front();
        }
        if recent.len() >= WRONG_PER_WINDOW {
            return PinCheck::TooMany;
        }
        if same(given.trim(), pin) {
            return PinCheck::Right;
        }
        recent.push_back(now);
        self.wrong_total += 1;
        if self.wrong.len() > MAX_CLIENTS {
            self.wrong.retain(|_, r| !r.is_empty());
        }
        if self.pin_blocked() {
            PinCheck::Blocked
        } else {
            PinCheck::Wrong
        }
    }
}

/// Compared in constant time: the answer says nothing about how much matched.
pub fn same(given: &str, wanted: &str) -> bool {
    given.len() == wanted.len()
        && given
            .bytes()
            .zip(wanted.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_pins_are_limited_per_address_and_in_all() {
        let mut l = Limits::default();
        let t = Instant::now();
        let a: IpAddr = [192, 168, 1, 20].into();
        for _ in 0..WRONG_PER_WINDOW {
            assert_eq!(l.check_pin(a, "000000", "123456", t), PinCheck::Wrong);
        }
        // Even the right PIN waits out the window.
        assert_eq!(l.check_pin(a, "123456", "123456", t), PinCheck::TooMany);
        assert_eq!(
            l.check_pin(a, "123456", "123456", t + WINDOW),
            PinCheck::Right
        );
        // Many addresses together kill the PIN.
        let mut last = PinCheck::Wrong;
        for i in 0..WRONG_TOTAL {
            let ip: IpAddr = [10, 0, 1, i as u8].into();
            last = l.check_pin(ip, "111111", "123456", t + WINDOW);
            if last == PinCheck::Blocked {
                break;
            }
        }
        assert_eq!(last, PinCheck::Blocked);
        assert_eq!(
            l.check_pin([10, 9, 9, 9].into(), "123456", "123456", t + WINDOW),
            PinCheck::Blocked
        );
    }

    #[test]
    fn a_flood_is_cut_and_refills() {
        let mut l = Limits::default();
        let t = Instant::now();
        let c = Client::Session("s".into());
        let allowed = (0..500).filter(|_| l.allow(c.clone(), t)).count();
        assert_eq!(allowed, SESSION_BURST as usize);
        assert!(l.allow(c.clone(), t + Duration::from_secs(1)));
        // Another desk has its own allowance.
        assert!(l.allow(Client::Session("t".into()), t));
    }
}
