//! Text normalisation shared by the roster, the importer and matching.

use unicode_normalization::UnicodeNormalization;

/// Normalises a unit or person name for storage: NFKC (full-width letters and digits become
/// half-width), trimmed, inner runs of white space collapsed to one space, and round
/// brackets stored as full-width （）.
pub fn clean_name(raw: &str) -> String {
    let nfkc: String = raw.nfkc().collect();
    let mut out = String::with_capacity(nfkc.len());
    let mut pending_space = false;
    for c in nfkc.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            // A space between two CJK characters is noise; between Latin words it matters.
            let prev_cjk = out.chars().last().is_some_and(is_cjk);
            if !(prev_cjk || is_cjk(c) || c == '(' || c == ')') {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(match c {
            '(' => '（',
            ')' => '）',
            other => other,
        });
    }
    out.replace(" （", "（").replace("） ", "）")
}

/// The key two names are matched on: the cleaned name without any white space, with
/// brackets unified and Latin letters lower-cased.
pub fn name_key(raw: &str) -> String {
    clean_name(raw)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Is `c` a CJK ideograph or CJK punctuation (a character a line may break around)?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x3FFFF) // extensions B and later (𠮷 …)
}

/// Trims a free-text field and turns NFKC-equivalent full-width spaces into plain ones.
pub fn clean_text(raw: &str) -> String {
    raw.replace('\u{3000}', " ").trim().to_string()
}

/// A name in Chinese quotation marks, as a sentence cites it: “红色物业”. A name that is
/// already one quoted span stays as it is; quotes inside a name become single quotes, as
/// nested quotation marks are written (“‘四点半课堂’志愿服务”).
pub fn quoted(name: &str) -> String {
    let name = name.trim();
    let inner = name.strip_prefix('“').and_then(|n| n.strip_suffix('”'));
    if let Some(inner) = inner.filter(|i| !i.contains(['“', '”'])) {
        return format!("“{inner}”");
    }
    format!("“{}”", name.replace('“', "‘").replace('”', "’"))
}

/// Clause-ending marks a clause loses when another clause follows it (or a full stop ends it).
const CLAUSE_END: &[char] = &['。', '，', '；', '、', '：', '？', '！', '.', ',', ';', ':'];

/// Clauses joined into one sentence: the one place a message is composed of parts (a reason
/// from anywhere, then "该行未导入" or "已跳过"). Each clause loses its own ending marks, the
/// clauses are joined with "，" and the sentence ends with one "。" (or the last clause's own
/// "？"/"！"), so "金额不能为负数。" and "该行未导入" become "金额不能为负数，该行未导入。",
/// never "金额不能为负数。，该行未导入。". Empty clauses are left out.
pub fn sentence(clauses: &[&str]) -> String {
    let parts: Vec<&str> = clauses
        .iter()
        .map(|c| c.trim().trim_end_matches(CLAUSE_END).trim_end())
        .filter(|c| !c.is_empty())
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let last = clauses
        .iter()
        .map(|c| c.trim())
        .rfind(|c| !c.trim_end_matches(CLAUSE_END).is_empty())
        .unwrap_or_default();
    let end = match last.chars().last() {
        Some(c @ ('？' | '！')) => c,
        _ => '。',
    };
    let mut s = parts.join("，");
    s.push(end);
    s
}

/// `s` as a file name every file system takes: control characters and `\ / : * ? " < > |`
/// become `_`, and trailing dots and surrounding spaces go.
pub fn safe_file_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned.trim().trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_join_into_one_sentence_with_one_mark_between_and_at_the_end() {
        let check = |parts: &[&str], want: &str| assert_eq!(sentence(parts), want, "{parts:?}");
        check(&["金额不能为负数。", "该行未导入。"], "金额不能为负数，该行未导入。");
        check(&["金额不能为负数。", "该行未导入"], "金额不能为负数，该行未导入。");
        check(&["金额不能为负数", "该行未导入。"], "金额不能为负数，该行未导入。");
        check(&["“合计”是表尾说明或合计行，", "已跳过。"], "“合计”是表尾说明或合计行，已跳过。");
        check(&["名称重复；", " ", "该行未导入"], "名称重复，该行未导入。");
        check(&["是否为同一单位？"], "是否为同一单位？");
        check(&["是否为同一单位？", "请核对"], "是否为同一单位，请核对。");
        check(&["。", ""], "");
    }

    #[test]
    fn a_cited_name_is_quoted_once_with_nested_quotes_single() {
        assert_eq!(quoted("红色物业联建"), "“红色物业联建”");
        assert_eq!(quoted("“红色物业”"), "“红色物业”");
        assert_eq!(quoted("“四点半课堂”志愿服务"), "“‘四点半课堂’志愿服务”");
        assert_eq!(quoted("“法治进社区”普法宣讲"), "“‘法治进社区’普法宣讲”");
    }

    fn check(raw: &str, clean: &str, key: &str) {
        assert_eq!(clean_name(raw), clean, "clean_name({raw:?})");
        assert_eq!(name_key(raw), key, "name_key({raw:?})");
    }

    #[test]
    fn names() {
        check("  海棠社区党委 ", "海棠社区党委", "海棠社区党委");
        check(
            "青岛啤酒(集团)有限公司",
            "青岛啤酒（集团）有限公司",
            "青岛啤酒（集团）有限公司",
        );
        check(
            "青岛啤酒 （集团） 有限公司",
            "青岛啤酒（集团）有限公司",
            "青岛啤酒（集团）有限公司",
        );
        check("中国　海洋大学", "中国海洋大学", "中国海洋大学");
        check(
            "ＡＢＣ  Bank  青岛分行",
            "ABC Bank青岛分行",
            "abcbank青岛分行",
        );
        check("𠮷野家餐饮", "𠮷野家餐饮", "𠮷野家餐饮");
    }
}
