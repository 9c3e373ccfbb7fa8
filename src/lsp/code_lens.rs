//! A code lens at the top of a file with findings: "N high-blast-radius findings · K need review",
//! running the command that requests review for all of them; in a `.tf` file of a module with
//! a Terraform plan, one more: "plan: N to destroy, M to replace".

use serde_json::json;
use tower_lsp_server::ls_types::*;

use super::commands::REQUEST_REVIEW_ALL;
use super::document::Document;
use crate::analysis::Review;

pub fn lenses(document: &Document, uri: &Uri) -> Option<Vec<CodeLens>> {
    let mut lenses: Vec<CodeLens> = plan_lens(document).into_iter().collect();
    lenses.extend(findings_lens(document, uri));
    (!lenses.is_empty()).then_some(lenses)
}

/// "plan: 2 to destroy, 1 to replace" (root-module resource instances of the module's plans).
/// The lens has no command to run: it is information.
fn plan_lens(document: &Document) -> Option<CodeLens> {
    let (plan, _) = document.plan.as_ref()?;
    let (destroy, replace) = plan.counts();
    Some(CodeLens {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        command: Some(Command {
            title: format!("plan: {destroy} to destroy, {replace} to replace"),
            command: String::new(),
            arguments: None,
        }),
        data: None,
    })
}

fn findings_lens(document: &Document, uri: &Uri) -> Option<CodeLens> {
    let findings: Vec<_> = document
        .findings
        .iter()
        .filter(|f| !matches!(f.review, Review::Ignored { .. }))
        .filter(|f| {
            document
                .rules
                .get(&f.rule)
                .is_some_and(|r| !r.is_engine_rule())
        })
        .collect();
    if findings.is_empty() {
        return None;
    }
    let unreviewed: Vec<_> = findings
        .iter()
        .filter(|f| !matches!(f.review, Review::Reviewed { .. }))
        .collect();
    let need_review = unreviewed.len();
    // What the change nobody reviewed yet brought: uncommitted, bulk-inserted or AI-written.
    let in_change = unreviewed
        .iter()
        .filter(|f| {
            f.provenance
                .as_ref()
                .is_some_and(|p| p.change.is_some() || p.bulk_insertion || p.ai.is_some())
        })
        .count();
    let noun = if findings.len() == 1 {
        "finding"
    } else {
        "findings"
    };
    let known = findings.iter().any(|f| f.provenance.is_some());
    let title = if known {
        format!(
            "{} high-blast-radius {noun} · {need_review} need review ({in_change} in the current change)",
            findings.len()
        )
    } else {
        format!(
            "{} high-blast-radius {noun} · {need_review} need review",
            findings.len()
        )
    };
    Some(CodeLens {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        command: Some(Command {
            title,
            command: REQUEST_REVIEW_ALL.into(),
            arguments: Some(vec![json!(uri.as_str())]),
        }),
        data: None,
    })
}
