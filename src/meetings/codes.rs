//! 签到码: the short text in the QR code of each 邀请函, which signs its unit in at the door.
//!
//! The text is digits only, `1 L m L i T`: the format's version (1), the meeting's id and the
//! invitee's id each after its length in one digit, then a 15-digit tag. Digits because a USB
//! scanner types what it reads as key presses, and a Chinese input method in 中文 mode takes
//! letters and punctuation into its composition window; digits pass through every input
//! method and every keyboard layout (a full-width ０-９ from 全角 mode is read as the same
//! digit), and QR's numeric mode keeps the code small.
//!
//! The tag is HMAC-SHA256 over the meeting and the invitee, keyed by 32 random bytes kept in
//! this database's settings (made by a migration, so a restored backup keeps its codes valid).
//! Editing one digit, or writing a code for an invitee of another meeting, gives a tag that
//! does not match: the desk refuses it in Chinese, and a code of another meeting is named as
//! such.

use chrono::NaiveDateTime;
use hmac::{Hmac, Mac};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use super::attendance::{self, Invitee, Reply};
use crate::error::{Error, Result};

pub use crate::code_problem::CodeProblem;

const KEY_SETTING: &str = "signin_code_key";
const VERSION: char = '1';
const TAG_DIGITS: usize = 15;
/// 10^15: the tag is the HMAC's first 64 bits reduced to 15 digits (about 50 bits).
const TAG_MODULUS: u64 = 1_000_000_000_000_000;

/// A code read back: which meeting and which invitee it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parsed {
    meeting_id: i64,
    invitee_id: i64,
    tag: u64,
}

/// The outcome of a sign-in by code, for the desk's large confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CodeSignIn {
    pub invitee: Invitee,
    /// False when the unit had signed in before: the first time is kept.
    pub first: bool,
    /// `14:05`, the time kept.
    pub time: String,
    /// Who came on the unit's behalf when it delegated (委派), else empty.
    pub delegate: String,
    /// The whole confirmation in one line, without closing punctuation: "已签到：八大关小学
    /// （14:05）" or "八大关小学 已于 14:05 签到，保留首次签到时间".
    pub message: String,
}

/// The database's key (made by migration 0007).
fn key(conn: &Connection) -> Result<Vec<u8>> {
    let stored = crate::settings::get(conn, KEY_SETTING)?;
    stored
        .as_deref()
        .and_then(from_hex)
        .ok_or_else(|| Error::Data {
            what: "签到码密钥".into(),
            value: stored.unwrap_or_default(),
        })
}

#[cfg(test)]
fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

fn tag(key: &[u8], meeting_id: i64, invitee_id: i64) -> Result<u64> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .map_err(|_| Error::Internal("签到码密钥长度不对".into()))?;
    mac.update(format!("lianxi-signin:{meeting_id}:{invitee_id}").as_bytes());
    let out = mac.finalize().into_bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&out[..8]);
    Ok(u64::from_be_bytes(first) % TAG_MODULUS)
}

/// The code printed on the 邀请函 of invitee `invitee_id` of meeting `meeting_id`.
pub fn code_for(conn: &Connection, meeting_id: i64, invitee_id: i64) -> Result<String> {
    let key = key(conn)?;
    let (m, i) = (meeting_id.to_string(), invitee_id.to_string());
    Ok(format!(
        "{VERSION}{}{m}{}{i}{:0width$}",
        m.len(),
        i.len(),
        tag(&key, meeting_id, invitee_id)?,
        width = TAG_DIGITS
    ))
}

/// Reads `text` as a code's parts, or None when it is not one. Spaces are dropped and full-width
/// digits read as digits.
fn parse(text: &str) -> Option<Parsed> {
    let digits: String = text
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = digits.strip_prefix(VERSION)?;
    let (meeting_id, rest) = field(rest)?;
    let (invitee_id, rest) = field(rest)?;
    if rest.len() != TAG_DIGITS {
        return None;
    }
    Some(Parsed {
        meeting_id,
        invitee_id,
        tag: rest.parse().ok()?,
    })
}

/// One length-prefixed id off the front of `s`.
fn field(s: &str) -> Option<(i64, &str)> {
    let len = usize::from(s.as_bytes().first()?.checked_sub(b'0')?);
    if len == 0 || s.len() < 1 + len {
        return None;
    }
    let id = s[1..1 + len].parse().ok()?;
    Some((id, &s[1 + len..]))
}

/// Whether `text` has the shape of a code (the desk's one input takes codes and names alike).
pub fn looks_like_code(text: &str) -> bool {
    parse(text).is_some()
}

/// The invitee of meeting `meeting_id` that `text` names, or why it is refused.
pub fn check(conn: &Connection, meeting_id: i64, text: &str) -> Result<Invitee> {
    let bad = |p: CodeProblem| Err(Error::BadCode(p));
    let Some(p) = parse(text) else {
        return bad(CodeProblem::NotACode);
    };
    let key = key(conn)?;
    let expected = tag(&key, p.meeting_id, p.invitee_id)?;
    // Compared without an early exit: the answer says nothing about how close a guess came.
    if (expected ^ p.tag) != 0 {
        return bad(CodeProblem::Forged);
    }
    if p.meeting_id != meeting_id {
        return match super::get(conn, p.meeting_id) {
            Ok(m) => bad(CodeProblem::OtherMeeting { title: m.title }),
            Err(Error::NotFound { .. }) => bad(CodeProblem::OtherMeeting {
                title: "（已删除的会议）".into(),
            }),
            Err(e) => Err(e),
        };
    }
    match attendance::get(conn, p.invitee_id) {
        Ok(i) if i.meeting_id == meeting_id => Ok(i),
        Ok(_) | Err(Error::NotFound { .. }) => bad(CodeProblem::NoLongerInvited),
        Err(e) => Err(e),
    }
}

/// Signs in the invitee that `text` names at `at`, keeping the first time when it had signed
/// in before.
pub fn sign_in(
    conn: &Connection,
    meeting_id: i64,
    text: &str,
    at: NaiveDateTime,
) -> Result<CodeSignIn> {
    let invitee = check(conn, meeting_id, text)?;
    let (invitee, first) = attendance::sign_in_once(conn, invitee.id, at)?;
    Ok(confirmation(invitee, first))
}

/// Signs in invitee `id` (chosen from the desk's search) at `at`, with the desk's
/// confirmation.
pub fn sign_in_invitee(conn: &Connection, id: i64, at: NaiveDateTime) -> Result<CodeSignIn> {
    let (invitee, first) = attendance::sign_in_once(conn, id, at)?;
    Ok(confirmation(invitee, first))
}

/// What the desk's one input did with the text entered (a scanner's code and Enter, or two
/// characters of a name and Enter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeskEntry {
    /// The text was a 签到码: its unit is signed in (or had been).
    SignedIn { done: Box<CodeSignIn> },
    /// The text was a name: the invitees it matches.
    Matches { matches: Vec<Invitee> },
}

/// The desk's input: a code signs its unit in at `at`; anything else searches by name.
pub fn desk_entry(
    conn: &Connection,
    meeting_id: i64,
    text: &str,
    at: NaiveDateTime,
) -> Result<DeskEntry> {
    if looks_like_code(text) {
        return Ok(DeskEntry::SignedIn {
            done: Box::new(sign_in(conn, meeting_id, text, at)?),
        });
    }
    Ok(DeskEntry::Matches {
        matches: attendance::search(conn, meeting_id, text)?,
    })
}

/// The desk's confirmation of a sign-in (by code, or by a name chosen from the search).
pub fn confirmation(invitee: Invitee, first: bool) -> CodeSignIn {
    let time = invitee
        .signed_in_at
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    let delegate = if invitee.reply == Reply::Delegated {
        invitee.substitute_name.clone()
    } else {
        String::new()
    };
    let on_behalf = if delegate.is_empty() {
        String::new()
    } else {
        format!("，委派 {delegate} 参会")
    };
    let message = if first {
        format!("已签到：{}（{time}）{on_behalf}", invitee.name)
    } else {
        format!(
            "{} 已于 {time} 签到{on_behalf}，保留首次签到时间",
            invitee.name
        )
    };
    CodeSignIn {
        invitee,
        first,
        time,
        delegate,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reads_what_code_for_writes_and_nothing_else() {
        // Version 1, meeting 3 (one digit), invitee 123 (three digits), tag 42.
        let code = "1133123000000000000042";
        let p = parse(code).expect("a code");
        assert_eq!(
            p,
            Parsed {
                meeting_id: 3,
                invitee_id: 123,
                tag: 42
            }
        );
        // Full-width digits and spaces from an input method read the same.
        assert_eq!(parse("１１３３１２３ 000000000000042"), Some(p));
        for bad in [
            "",
            "八大关",
            "2133123000000000000042",  // another version
            "113312300000000000042",   // tag cut short
            "11331230000000000000042", // tag too long
            "1033123000000000000042",  // a zero length
            "10",
            "1",
            "11331a3000000000000042",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hex_round_trip() {
        let bytes: Vec<u8> = (0u8..32).collect();
        assert_eq!(from_hex(&to_hex(&bytes)), Some(bytes));
        assert_eq!(from_hex("zz"), None);
    }
}
