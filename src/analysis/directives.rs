//! `blast-radius:` directives in comments: `ignore <ids> -- <reason>`, `review-requested <ids>`
//! and `reviewed <ids> by <name>`. A directive applies to the code on its own line or, on a line
//! of its own, to the next line that holds code.

use std::ops::Range;

use super::LineIndex;

pub const MARKER: &str = "blast-radius:";
/// The reason the "Ignore" code action writes; it does not count as a reason until replaced.
pub const REASON_PLACEHOLDER: &str = "<reason>";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    Ignore { reason: String },
    ReviewRequested,
    Reviewed { by: String },
}

#[derive(Clone, Debug)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule ids with the byte range each is written at.
    pub rules: Vec<(String, Range<usize>)>,
    /// The directive text, from `blast-radius:` to the end of the comment.
    pub range: Range<usize>,
    /// The 0-based line the directive applies to.
    pub target_line: usize,
}

/// A comment that starts a directive but does not parse as one.
#[derive(Clone, Debug)]
pub struct Malformed {
    pub range: Range<usize>,
    pub problem: String,
}

/// Parses the directives out of the comments of a document (`comments` are byte ranges of comment
/// nodes, in document order).
pub fn parse(
    text: &str,
    lines: &LineIndex,
    comments: &[Range<usize>],
) -> (Vec<Directive>, Vec<Malformed>) {
    let mut directives = Vec::new();
    let mut malformed = Vec::new();
    let comment_starts: Vec<usize> = comments.iter().map(|c| c.start).collect();
    for comment in comments {
        let Some(body) = text.get(comment.clone()) else {
            continue;
        };
        let Some(marker) = body.find(MARKER) else {
            continue;
        };
        let start = comment.start + marker;
        let mut rest = &body[marker + MARKER.len()..];
        rest = rest.trim_end();
        for closer in ["*/", "-->"] {
            rest = rest.strip_suffix(closer).unwrap_or(rest).trim_end();
        }
        // `rest` is a sub-slice of `text`, so its offset is the distance between the two.
        let rest_offset = rest.as_ptr() as usize - text.as_ptr() as usize;
        let range = start..rest_offset + rest.len();
        match parse_one(rest, rest_offset) {
            Ok((kind, rules)) => {
                let line = lines.line_of(comment.start);
                let own_line = text
                    .get(lines.line_start(line)..comment.start)
                    .is_some_and(|before| before.trim().is_empty());
                let target_line = if own_line {
                    next_code_line(
                        text,
                        lines,
                        lines.line_of(comment.end.saturating_sub(1)),
                        &comment_starts,
                    )
                } else {
                    line
                };
                directives.push(Directive {
                    kind,
                    rules,
                    range,
                    target_line,
                });
            }
            Err(problem) => malformed.push(Malformed { range, problem }),
        }
    }
    (directives, malformed)
}

fn next_code_line(text: &str, lines: &LineIndex, after: usize, comment_starts: &[usize]) -> usize {
    let mut line = after + 1;
    while line < lines.len() {
        let start = lines.line_start(line);
        let content = text.get(start..lines.line_end(line)).unwrap_or("");
        let indent = content.len() - content.trim_start().len();
        let blank = content.trim().is_empty();
        let comment_only = comment_starts.binary_search(&(start + indent)).is_ok();
        if !blank && !comment_only {
            return line;
        }
        line += 1;
    }
    line
}

type Parsed = (DirectiveKind, Vec<(String, Range<usize>)>);

/// Parses what follows `blast-radius:`; `offset` is the byte offset of `rest` in the document.
fn parse_one(rest: &str, offset: usize) -> Result<Parsed, String> {
    let trimmed = rest.trim_start();
    let offset = offset + (rest.len() - trimmed.len());
    let (verb, after) = trimmed
        .split_once(char::is_whitespace)
        .unwrap_or((trimmed, ""));
    let after_offset = offset + verb.len() + (trimmed.len() - verb.len() - after.len()).min(1);
    match verb {
        "ignore" => {
            let Some((ids, reason)) = after.split_once("--") else {
                return Err(
                    "`ignore` needs a reason: `blast-radius: ignore <rule-id> -- <reason>`".into(),
                );
            };
            let reason = reason.trim();
            if reason.is_empty() {
                return Err("`ignore` needs a reason after `--`".into());
            }
            if reason == REASON_PLACEHOLDER {
                return Err(format!(
                    "replace `{REASON_PLACEHOLDER}` with why this is safe"
                ));
            }
            let rules = rule_list(ids, after_offset)?;
            Ok((
                DirectiveKind::Ignore {
                    reason: reason.to_string(),
                },
                rules,
            ))
        }
        "review-requested" => Ok((
            DirectiveKind::ReviewRequested,
            rule_list(after, after_offset)?,
        )),
        "reviewed" => {
            let Some(by_at) = find_word(after, "by") else {
                return Err(
                    "`reviewed` needs a reviewer: `blast-radius: reviewed <rule-id> by <name>`"
                        .into(),
                );
            };
            let by = after[by_at + 2..].trim();
            if by.is_empty() {
                return Err("`reviewed ... by` needs the reviewer's name".into());
            }
            let rules = rule_list(&after[..by_at], after_offset)?;
            Ok((DirectiveKind::Reviewed { by: by.to_string() }, rules))
        }
        "" => Err("empty directive: expected `ignore`, `review-requested` or `reviewed`".into()),
        other => Err(format!(
            "unknown directive `{other}`: expected `ignore`, `review-requested` or `reviewed`"
        )),
    }
}

/// The byte index of `word` standing alone (surrounded by whitespace) in `text`.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word).map(|i| i + from) {
        let before_ok = i == 0 || text[..i].ends_with(char::is_whitespace);
        let after_ok =
            text[i + word.len()..].starts_with(char::is_whitespace) || i + word.len() == text.len();
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + word.len();
    }
    None
}

/// `a, b c` -> [a, b, c] with their ranges.
fn rule_list(ids: &str, offset: usize) -> Result<Vec<(String, Range<usize>)>, String> {
    let mut rules = Vec::new();
    let mut position = 0;
    for piece in ids.split(|c: char| c == ',' || c.is_whitespace()) {
        if !piece.is_empty() {
            let start = offset + position;
            rules.push((piece.to_string(), start..start + piece.len()));
        }
        position += piece.len() + 1;
    }
    if rules.is_empty() {
        return Err("the directive names no rule id".into());
    }
    Ok(rules)
}
