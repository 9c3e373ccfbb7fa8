//! Findings as LSP diagnostics, pushed (`publishDiagnostics`) or pulled (`textDocument/diagnostic`).

use ropey::Rope;
use serde_json::json;
use tower_lsp_server::ls_types::*;

use super::document::Document;
use super::position::{self, Encoding};
use super::settings::EditorSettings;
use crate::analysis::{Finding, Review, Rule, RuleSet, Severity};

/// "deletes ... — blast radius: cloud account, irreversible · review requested"
pub fn message(finding: &Finding, rule: Option<&Rule>) -> String {
    let mut text = finding.message.clone();
    if let Some(rule) = rule.filter(|r| !r.is_engine_rule()) {
        text.push_str(&format!(" — blast radius: {}", rule.radius()));
    }
    match &finding.review {
        Review::Requested => text.push_str(" · review requested"),
        Review::Reviewed { by } => text.push_str(&format!(" · reviewed by {by}")),
        _ => {}
    }
    if let Some(provenance) = finding.provenance.as_ref().filter(|p| p.is_known()) {
        text.push_str(&format!("\nprovenance: {}", provenance.summary));
    }
    text
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The diagnostics of a document: every finding but the ignored ones.
pub fn for_document(
    document: &Document,
    uri: &Uri,
    encoding: Encoding,
    editor: &EditorSettings,
) -> Vec<Diagnostic> {
    let source = Source {
        uri,
        rope: &document.rope,
        rules: &document.rules,
        version: Some(document.version),
    };
    let mut items = for_findings(&document.findings, &source, encoding, editor);
    if document.truncated() {
        items.push(Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::INFORMATION),
            source: Some("blast-radius".into()),
            message: "analysis stopped early (query match limit or time budget): findings may be \
                missing"
                .into(),
            ..Default::default()
        });
    }
    items
}

/// Where findings come from: an open document, or a file the workspace scan read.
pub struct Source<'a> {
    pub uri: &'a Uri,
    pub rope: &'a Rope,
    pub rules: &'a RuleSet,
    pub version: Option<i32>,
}

/// Diagnostics for findings (ignored ones are left out).
pub fn for_findings(
    findings: &[Finding],
    source: &Source<'_>,
    encoding: Encoding,
    editor: &EditorSettings,
) -> Vec<Diagnostic> {
    findings
        .iter()
        .filter(|f| !matches!(f.review, Review::Ignored { .. }))
        .map(|finding| {
            let rule = source.rules.get(&finding.rule);
            let href = editor.rule_url(&finding.rule).parse::<Uri>().ok();
            let here = Location {
                uri: source.uri.clone(),
                range: position::to_range(source.rope, &finding.range, encoding),
            };
            let mut related: Vec<DiagnosticRelatedInformation> = finding
                .directive
                .iter()
                .map(|directive| DiagnosticRelatedInformation {
                    location: Location {
                        uri: source.uri.clone(),
                        range: position::to_range(source.rope, directive, encoding),
                    },
                    message: format!("review state set here: {}", finding.review.name()),
                })
                .collect();
            if let Some(provenance) = finding.provenance.as_ref().filter(|p| p.is_known()) {
                related.extend(provenance.evidence().iter().filter_map(|item| {
                    Some(DiagnosticRelatedInformation {
                        location: here.clone(),
                        message: format!("provenance: {}", item.get("detail")?.as_str()?),
                    })
                }));
            }
            let related = (!related.is_empty()).then_some(related);
            Diagnostic {
                range: position::to_range(source.rope, &finding.range, encoding),
                severity: Some(severity(finding.severity)),
                code: Some(NumberOrString::String(finding.rule.clone())),
                code_description: href.map(|href| CodeDescription { href }),
                source: Some("blast-radius".into()),
                message: message(finding, rule),
                related_information: related,
                tags: None,
                data: Some(json!({
                    "rule": finding.rule,
                    "review": finding.review.name(),
                    "scope": rule.map(|r| r.scope.name()),
                    "reversible": rule.map(|r| r.reversible),
                    "version": source.version,
                    "provenance": finding.provenance.as_ref().map(|p| p.evidence()).unwrap_or_default(),
                    "policy": finding.provenance.as_ref().map(|p| p.policy.name()),
                })),
            }
        })
        .collect()
}

/// A pull report; `Unchanged` when the client already has this version's diagnostics.
pub fn pull_report(
    document: &Document,
    uri: &Uri,
    encoding: Encoding,
    editor: &EditorSettings,
    previous: Option<&str>,
) -> DocumentDiagnosticReportResult {
    // The findings are a function of the text version and the rule set: both go in the id.
    let result_id = format!(
        "{}:{:p}",
        document.version,
        std::sync::Arc::as_ptr(&document.rules)
    );
    if previous == Some(result_id.as_str()) {
        return DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(
            RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                    result_id,
                },
            },
        ));
    }
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(result_id),
                items: for_document(document, uri, encoding, editor),
            },
        },
    ))
}
