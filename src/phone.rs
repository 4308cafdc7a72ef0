//! Phone numbers as offices write them: mobiles, landlines with area code and extension.

/// What kind of number a cleaned phone string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneKind {
    /// 11 digits starting 1[3-9].
    Mobile,
    /// Area code, dash, 7–8 digits, optionally 转 and an extension: 0532-82861234转8001.
    Landline,
    /// 7–8 digits without an area code, optionally with an extension.
    Local,
    /// Service numbers such as 95598 or 400-123-4567.
    Service,
}

/// Classifies an already-normalised phone string, or `None` when it is not a phone number.
pub fn classify(p: &str) -> Option<PhoneKind> {
    let (main, ext) = match p.split_once('转') {
        Some((m, e)) => (m, Some(e)),
        None => (p, None),
    };
    if let Some(e) = ext {
        if e.is_empty() || e.len() > 6 || !e.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let b = main.as_bytes();
    if ext.is_none()
        && b.len() == 11
        && digits(main)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
    {
        return Some(PhoneKind::Mobile);
    }
    if let Some((area, num)) = main.split_once('-') {
        if area.starts_with("400") || area.starts_with("800") {
            let rest = num.replace('-', "");
            return (area.len() == 3 && digits(&rest) && rest.len() == 7)
                .then_some(PhoneKind::Service);
        }
        return (area.starts_with('0')
            && (3..=4).contains(&area.len())
            && digits(area)
            && digits(num)
            && (7..=8).contains(&num.len()))
        .then_some(PhoneKind::Landline);
    }
    if digits(main) && (7..=8).contains(&main.len()) {
        return Some(PhoneKind::Local);
    }
    if ext.is_none() && digits(main) && (5..=6).contains(&main.len()) && main.starts_with('9') {
        return Some(PhoneKind::Service);
    }
    None
}

/// Checks a phone typed in a form; the message says what is expected.
pub fn validate(p: &str) -> Result<(), String> {
    match classify(p) {
        Some(_) => Ok(()),
        None => Err(format!(
            "“{p}”不是有效的电话号码：手机为 11 位数字，座机写作“区号-号码”（如 0532-82861234），分机写作“转8001”。"
        )),
    }
}

/// Splits numbers typed in one field (a form, a command-line option) on 、，,；; — the
/// separators offices write between numbers. Pieces are trimmed; empty ones are dropped.
/// Each piece still has to pass [`validate`].
pub fn split_typed(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_typed_lists() {
        for (typed, want) in [
            ("0532-82860011", vec!["0532-82860011"]),
            (
                "0532-82860011、13800000001",
                vec!["0532-82860011", "13800000001"],
            ),
            (
                " 82860011 , 13800000001；95598 ",
                vec!["82860011", "13800000001", "95598"],
            ),
            ("", vec![]),
            ("、,", vec![]),
        ] {
            assert_eq!(split_typed(typed), want, "{typed:?}");
        }
    }

    #[test]
    fn classifies() {
        use PhoneKind::*;
        for (p, k) in [
            ("13805321234", Some(Mobile)),
            ("19912345678", Some(Mobile)),
            ("12805321234", None),
            ("0532-82861234", Some(Landline)),
            ("010-6512345", Some(Landline)),
            ("0532-82861234转8001", Some(Landline)),
            ("82861234", Some(Local)),
            ("95598", Some(Service)),
            ("400-123-4567", Some(Service)),
            ("0532-8286", None),
            ("1.38E+10", None),
            ("0532-82861234转", None),
            ("", None),
        ] {
            assert_eq!(classify(p), k, "{p}");
        }
    }
}
