//! Hover on a finding: what it is, how far it reaches, why, the safer alternative, references and
//! its review state.

use tower_lsp_server::ls_types::*;

use super::document::Document;
use super::position::{self, Encoding};
use crate::analysis::{Finding, Review};

pub fn hover(document: &Document, at: Position, encoding: Encoding) -> Option<Hover> {
    let offset = document.offset(at, encoding);
    let findings: Vec<&Finding> = document
        .findings
        .iter()
        .filter(|f| f.range.start <= offset && offset <= f.range.end)
        .filter(|f| !matches!(f.review, Review::Ignored { .. }))
        .collect();
    let first = findings.first()?;
    let sections: Vec<String> = findings
        .iter()
        .map(|finding| markdown(document, finding))
        .collect();
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(position::to_range(&document.rope, &first.range, encoding)),
    })
}

fn markdown(document: &Document, finding: &Finding) -> String {
    let Some(rule) = document.rules.get(&finding.rule) else {
        return finding.message.clone();
    };
    let mut text = format!(
        "**{}** `{}`\n\n{}\n\n",
        rule.title, rule.id, finding.message
    );
    if !rule.is_engine_rule() {
        text.push_str(&format!(
            "**Blast radius:** {} · {}\n\n",
            rule.scope.label(),
            rule.reversibility()
        ));
    }
    let review = match &finding.review {
        Review::None => "not reviewed — use “Request review” or “Record review”".to_string(),
        Review::Requested => "review requested, not yet recorded".to_string(),
        Review::Reviewed { by } => format!("reviewed by {by}"),
        Review::Ignored { reason } => format!("ignored: {reason}"),
    };
    text.push_str(&format!("**Review:** {review}\n\n"));
    text.push_str(&rule.explanation_markdown("###"));
    text
}
