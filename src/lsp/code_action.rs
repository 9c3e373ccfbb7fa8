//! Code actions on findings. None is marked preferred: a human chooses.
//!
//! - "Request review": inserts `blast-radius: review-requested <rule>` above the line;
//! - "Record review by <name>": updates the directive, or inserts `reviewed <rule> by <name>`;
//! - "Ignore <rule> here": inserts `ignore <rule> -- <reason>` (the placeholder does not count
//!   as a reason until it is replaced);
//! - the rule's mechanical fix, when it has one;
//! - the source action "Request review for every finding in this file".

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use tower_lsp_server::ls_types::*;

use super::document::Document;
use super::position::{self, Encoding};
use crate::analysis::directives::{MARKER, REASON_PLACEHOLDER};
use crate::analysis::rules::FixOn;
use crate::analysis::{Finding, Review};

pub const REQUEST_REVIEW_KIND: CodeActionKind =
    CodeActionKind::new("source.blastRadius.requestReview");

/// Findings a person can act on: rule findings that are not ignored.
fn actionable(finding: &Finding, document: &Document) -> bool {
    !matches!(finding.review, Review::Ignored { .. })
        && document
            .rules
            .get(&finding.rule)
            .is_some_and(|r| !r.is_engine_rule())
}

/// Whether directives can be written into the document (not into strict JSON).
fn takes_directives(document: &Document) -> bool {
    document.language.is_none_or(|l| l.accepts_comments())
}

pub fn actions(
    document: &Document,
    uri: &Uri,
    params: &CodeActionParams,
    encoding: Encoding,
    reviewer: Option<&str>,
) -> Vec<CodeActionOrCommand> {
    let wants = |kind: &CodeActionKind| {
        params
            .context
            .only
            .as_ref()
            .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
    };
    let start = document
        .line_bounds(document.offset(params.range.start, encoding))
        .start;
    let end = document
        .line_bounds(document.offset(params.range.end, encoding))
        .end;
    let mut actions = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        for finding in document.findings.iter().filter(|f| actionable(f, document)) {
            if finding.range.start <= end && start <= finding.range.end {
                actions.extend(for_finding(document, uri, finding, encoding, reviewer));
            }
        }
    }
    if wants(&REQUEST_REVIEW_KIND) {
        if let Some(edit) = request_review_all(document, uri, encoding) {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Request review for every finding in this file".into(),
                kind: Some(REQUEST_REVIEW_KIND),
                edit: Some(edit),
                ..Default::default()
            }));
        }
    }
    actions
}

fn for_finding(
    document: &Document,
    uri: &Uri,
    finding: &Finding,
    encoding: Encoding,
    reviewer: Option<&str>,
) -> Vec<CodeActionOrCommand> {
    let rule = &finding.rule;
    let mut actions = Vec::new();
    let action = |title: String, edit: (Range<usize>, String)| {
        let edit = TextEdit {
            range: position::to_range(&document.rope, &edit.0, encoding),
            new_text: edit.1,
        };
        CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..Default::default()
            }),
            is_preferred: Some(false),
            ..Default::default()
        })
    };
    if takes_directives(document) {
        if finding.review == Review::None {
            actions.push(action(
                format!("Request review of {rule}"),
                insert_above(
                    document,
                    finding.range.start,
                    &format!("review-requested {rule}"),
                ),
            ));
        }
        if let Some(name) = reviewer {
            let already = matches!(&finding.review, Review::Reviewed { by } if by == name);
            if !already {
                let text = format!("reviewed {rule} by {name}");
                let edit = match (&finding.directive, &finding.review) {
                    (Some(directive), Review::Requested | Review::Reviewed { .. })
                        if names_only(document, directive, rule) =>
                    {
                        (directive.clone(), format!("{MARKER} {text}"))
                    }
                    _ => insert_above(document, finding.range.start, &text),
                };
                actions.push(action(format!("Record review of {rule} by {name}"), edit));
            }
        }
        actions.push(action(
            format!("Ignore {rule} here"),
            insert_above(
                document,
                finding.range.start,
                &format!("ignore {rule} -- {REASON_PLACEHOLDER}"),
            ),
        ));
    }
    if let Some(fix) = document.rules.get(rule).and_then(|r| r.fix.as_ref()) {
        let range = match fix.on {
            FixOn::Target => finding.target.clone().unwrap_or(finding.range.clone()),
            FixOn::Match => finding.range.clone(),
        };
        if let Some(rewritten) = document
            .text
            .get(range.clone())
            .and_then(|text| fix.apply(text))
        {
            actions.push(action(fix.title.clone(), (range, rewritten)));
        }
    }
    // An edit the rule computed (a diff rule's `moved` block).
    if let Some(edit) = &finding.edit {
        if edit.range.end <= document.text.len() {
            actions.push(action(
                edit.title.clone(),
                (edit.range.clone(), edit.text.clone()),
            ));
        }
    }
    actions
}

/// Whether the directive at `range` is about `rule` alone (so it can be rewritten in place).
fn names_only(document: &Document, range: &Range<usize>, rule: &str) -> bool {
    let Some(text) = document.text.get(range.clone()) else {
        return false;
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    matches!(words.as_slice(), [_, _, id, ..] if *id == rule)
        && !text.contains(',')
        && words.get(3).is_none_or(|w| *w == "by")
}

/// An edit inserting a directive line above the line holding `offset`, in the language's
/// comment syntax and the line's indentation.
fn insert_above(document: &Document, offset: usize, directive: &str) -> (Range<usize>, String) {
    let line = document.line_bounds(offset);
    let content = document.text.get(line.clone()).unwrap_or("");
    let indent: String = content
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let comment = document.language.map_or("#", |l| l.line_comment());
    let text = format!(
        "{indent}{comment} {MARKER} {directive}{}",
        document.line_break()
    );
    (line.start..line.start, text)
}

/// One edit requesting review for every finding that has no review state yet: a directive line
/// per code line, naming all its rules.
pub fn request_review_all(
    document: &Document,
    uri: &Uri,
    encoding: Encoding,
) -> Option<WorkspaceEdit> {
    if !takes_directives(document) {
        return None;
    }
    let mut by_line: BTreeMap<usize, (usize, Vec<&str>)> = BTreeMap::new();
    for finding in document
        .findings
        .iter()
        .filter(|f| actionable(f, document) && f.review == Review::None)
    {
        let line = document.line_bounds(finding.range.start).start;
        let entry = by_line
            .entry(line)
            .or_insert((finding.range.start, Vec::new()));
        if !entry.1.contains(&finding.rule.as_str()) {
            entry.1.push(&finding.rule);
        }
    }
    if by_line.is_empty() {
        return None;
    }
    let edits = by_line
        .values()
        .map(|(offset, rules)| {
            let (range, new_text) = insert_above(
                document,
                *offset,
                &format!("review-requested {}", rules.join(", ")),
            );
            TextEdit {
                range: position::to_range(&document.rope, &range, encoding),
                new_text,
            }
        })
        .collect();
    Some(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    })
}
