//! Annotated fixture files: expectations written in comments below the code they describe, in
//! the spirit of tree-sitter's query tests and rust-analyzer's caret annotations.
//!
//! ```text
//! rm -rf "$DIR"/*
//! # <- rm-recursive-unguarded
//!   sudo rm -rf /
//! # ^ rm-recursive-unguarded
//! rm -rf "${DIR:?}"/*
//! # ok rm-recursive-unguarded: the :? guard aborts on an empty DIR
//! ```
//!
//! - `^ <rule-id>`: a finding of the rule starts on the line above at the column of the `^`;
//! - `<- <rule-id>`: the same, at the column where the comment marker starts;
//! - either may end with `[requested]`, `[reviewed]` or `[ignored]`, the expected review state
//!   (default: none);
//! - `ok <rule-id>: <why>`: the line above is a safe look-alike for the rule.
//!
//! "The line above" is the nearest line above that is neither blank nor an annotation. Every finding must be
//! annotated (an unannotated one is noise) and every annotation found (otherwise it is a miss).

use std::fmt;

use crate::analysis::{Finding, Language, LineIndex};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    /// 0-based line and column (Unicode scalar values) of the finding's start.
    pub line: usize,
    pub column: usize,
    pub rule: String,
    pub review: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeLine {
    pub line: usize,
    pub rule: String,
}

#[derive(Clone, Debug, Default)]
pub struct Annotations {
    pub expected: Vec<Expectation>,
    pub safe: Vec<SafeLine>,
    pub errors: Vec<String>,
}

/// A difference between the annotations and the findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    Miss(Expectation),
    Noise {
        line: usize,
        column: usize,
        rule: String,
        review: String,
        message: String,
    },
    Malformed(String),
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::Miss(e) => write!(
                f,
                "{}:{}: miss: expected {} [{}] here, found none",
                e.line + 1,
                e.column + 1,
                e.rule,
                e.review
            ),
            Mismatch::Noise {
                line,
                column,
                rule,
                review,
                message,
            } => write!(
                f,
                "{}:{}: noise: unexpected {rule} [{review}]: {message}",
                line + 1,
                column + 1
            ),
            Mismatch::Malformed(message) => write!(f, "{message}"),
        }
    }
}

/// The comment markers annotations may start with in a language.
fn markers(language: Language) -> &'static [&'static str] {
    match (language, language.line_comment()) {
        (Language::Hcl, _) => &["#", "//"],
        (_, "#") => &["#"],
        (_, "--") => &["--"],
        (_, "REM") => &["REM", "::"],
        _ => &["//"],
    }
}

/// Reads the annotations of a fixture.
pub fn parse(text: &str, language: Language) -> Annotations {
    let mut annotations = Annotations::default();
    let mut subject: Option<usize> = None;
    for (number, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        let Some(marker) = markers(language).iter().find(|m| trimmed.starts_with(**m)) else {
            subject = Some(number);
            continue;
        };
        let body = &trimmed[marker.len()..];
        let content = body.trim_start();
        let kind = if content.starts_with('^') {
            let caret = line.find('^').unwrap_or(0);
            Some((
                line[..caret].chars().count(),
                content.trim_start_matches('^'),
            ))
        } else {
            content
                .strip_prefix("<-")
                .map(|rest| (line[..indent].chars().count(), rest))
        };
        if let Some((column, rest)) = kind {
            let Some(line_no) = subject else {
                annotations.errors.push(format!(
                    "{}: annotation with no code line above it",
                    number + 1
                ));
                continue;
            };
            let rest = rest.trim();
            let (rule, review) = match rest.split_once('[') {
                Some((rule, review)) => (rule.trim(), review.trim_end_matches(']').trim()),
                None => (rest, "none"),
            };
            if rule.is_empty() || rule.contains(char::is_whitespace) {
                annotations.errors.push(format!(
                    "{}: annotation needs exactly one rule id",
                    number + 1
                ));
                continue;
            }
            if !["none", "requested", "reviewed", "ignored"].contains(&review) {
                annotations
                    .errors
                    .push(format!("{}: unknown review state `{review}`", number + 1));
                continue;
            }
            annotations.expected.push(Expectation {
                line: line_no,
                column,
                rule: rule.to_string(),
                review: review.to_string(),
            });
        } else if let Some(rest) = content.strip_prefix("ok ") {
            let Some(line_no) = subject else {
                annotations.errors.push(format!(
                    "{}: annotation with no code line above it",
                    number + 1
                ));
                continue;
            };
            let rule = rest.split(':').next().unwrap_or("").trim();
            if rule.is_empty() || !rest.contains(':') {
                annotations.errors.push(format!(
                    "{}: write `ok <rule-id>: <why it is safe>`",
                    number + 1
                ));
                continue;
            }
            annotations.safe.push(SafeLine {
                line: line_no,
                rule: rule.to_string(),
            });
        } else {
            subject = Some(number);
        }
    }
    annotations
}

/// Compares findings with the annotations of the fixture they came from.
pub fn compare(text: &str, annotations: &Annotations, findings: &[Finding]) -> Vec<Mismatch> {
    let lines = LineIndex::new(text);
    let mut mismatches: Vec<Mismatch> = annotations
        .errors
        .iter()
        .map(|e| Mismatch::Malformed(e.clone()))
        .collect();
    let mut unmatched: Vec<&Expectation> = annotations.expected.iter().collect();
    for finding in findings {
        let (line, column) = lines.position(text, finding.range.start);
        let review = finding.review.name();
        let found = unmatched.iter().position(|e| {
            e.line == line && e.column == column && e.rule == finding.rule && e.review == review
        });
        match found {
            Some(i) => {
                unmatched.remove(i);
            }
            None => mismatches.push(Mismatch::Noise {
                line,
                column,
                rule: finding.rule.clone(),
                review: review.to_string(),
                message: finding.message.clone(),
            }),
        }
    }
    mismatches.extend(unmatched.into_iter().cloned().map(Mismatch::Miss));
    mismatches.sort_by_key(|m| match m {
        Mismatch::Miss(e) => (e.line, e.column),
        Mismatch::Noise { line, column, .. } => (*line, *column),
        Mismatch::Malformed(_) => (0, 0),
    });
    mismatches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Review, Severity};

    #[test]
    fn parses_carets_arrows_and_safe_lines() {
        let text = "a\n  b\n# <- r1\n#   ^ r2 [reviewed]\nc\n# ok r1: fine\n";
        let annotations = parse(text, Language::Bash);
        assert!(annotations.errors.is_empty(), "{:?}", annotations.errors);
        assert_eq!(
            annotations.expected,
            [
                Expectation {
                    line: 1,
                    column: 0,
                    rule: "r1".into(),
                    review: "none".into()
                },
                Expectation {
                    line: 1,
                    column: 4,
                    rule: "r2".into(),
                    review: "reviewed".into()
                },
            ]
        );
        assert_eq!(
            annotations.safe,
            [SafeLine {
                line: 4,
                rule: "r1".into()
            }]
        );
    }

    #[test]
    fn reports_misses_and_noise() {
        let text = "x\n# <- r1\ny\n";
        let annotations = parse(text, Language::Bash);
        let finding = |start: usize, rule: &str| Finding {
            rule: rule.into(),
            range: start..start + 1,
            target: None,
            severity: Severity::Warning,
            message: "m".into(),
            review: Review::None,
            directive: None,
            provenance: None,
            edit: None,
        };
        assert!(compare(text, &annotations, &[finding(0, "r1")]).is_empty());
        let mismatches = compare(text, &annotations, &[finding(10, "r1")]);
        assert_eq!(mismatches.len(), 2);
        assert!(mismatches.iter().any(|m| matches!(m, Mismatch::Miss(_))));
        assert!(
            mismatches
                .iter()
                .any(|m| matches!(m, Mismatch::Noise { line: 2, .. }))
        );
    }
}
