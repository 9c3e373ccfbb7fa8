//! Report formats for CI: `sarif` (SARIF 2.1.0, as GitHub code scanning reads it), `github`
//! (workflow command annotations) and `markdown` (a review checklist for a pull request).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde_json::{Value, json};

use super::check::{CheckReport, FileReport};
use crate::analysis::{Finding, Review, Severity};

const INFORMATION_URI: &str = "https://github.com/blast-radius/blast-radius";
const RULES_PAGE: &str = "https://github.com/blast-radius/blast-radius/blob/main/docs/rules.md";

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// FNV-1a, 64 bits: stable across releases and platforms, unlike the standard hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_string()
}

struct Located<'a> {
    file: &'a FileReport,
    finding: &'a Finding,
    start: (usize, usize),
    end: (usize, usize),
}

fn located(report: &CheckReport) -> impl Iterator<Item = Located<'_>> {
    report.files.iter().flat_map(|file| {
        file.findings.iter().map(move |finding| Located {
            file,
            finding,
            start: file.lines.position(&file.text, finding.range.start),
            end: file.lines.position(&file.text, finding.range.end),
        })
    })
}

fn message_with_provenance(finding: &Finding) -> String {
    let mut text = finding.message.clone();
    if let Some(provenance) = finding.provenance.as_ref().filter(|p| p.is_known()) {
        text.push_str(&format!(" ({})", provenance.summary));
    }
    if let Some(reason) = finding
        .provenance
        .as_ref()
        .and_then(|p| p.review_rejected.as_ref())
    {
        text.push_str(&format!(" The review does not count: {reason}."));
    }
    text
}

/// SARIF 2.1.0: rules with help text, one result per finding, fingerprints that survive line
/// moves, and in-source suppressions for ignored and reviewed findings.
pub fn sarif(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    let mut rule_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut rules = Vec::new();
    for file in &report.files {
        for finding in &file.findings {
            if rule_index.contains_key(&finding.rule) {
                continue;
            }
            let Some(rule) = file.rules.get(&finding.rule) else {
                continue;
            };
            rule_index.insert(rule.id.clone(), rules.len());
            let references = rule
                .references
                .iter()
                .map(|r| format!("- {r}"))
                .collect::<Vec<_>>()
                .join("\n");
            let markdown = format!(
                "**Blast radius:** {}\n\n{}\n\n**Safer:** {}\n\n{}",
                rule.radius(),
                rule.why.trim(),
                rule.safer.trim(),
                references
            );
            rules.push(json!({
                "id": rule.id,
                "name": rule.title,
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": rule.why.split_whitespace().collect::<Vec<_>>().join(" ")},
                "help": {
                    "text": format!("Blast radius: {}. {}", rule.radius(), rule.safer.split_whitespace().collect::<Vec<_>>().join(" ")),
                    "markdown": markdown,
                },
                "helpUri": format!("{RULES_PAGE}#{}", rule.id),
                "defaultConfiguration": {"level": sarif_level(rule.severity)},
                "properties": {
                    "tags": ["blast-radius", rule.scope.name()],
                    "scope": rule.scope.name(),
                    "reversible": rule.reversible,
                },
            }));
        }
    }
    let mut occurrences: HashMap<(String, String, String), usize> = HashMap::new();
    let mut results = Vec::new();
    for item in located(report) {
        let finding = item.finding;
        let line_text = item
            .file
            .text
            .get(item.file.lines.line_start(item.start.0)..item.file.lines.line_end(item.start.0))
            .unwrap_or("")
            .trim()
            .to_string();
        let key = (
            item.file.path.clone(),
            finding.rule.clone(),
            line_text.clone(),
        );
        let occurrence = occurrences.entry(key).or_insert(0);
        *occurrence += 1;
        let fingerprint = format!(
            "{:016x}:{}",
            fnv1a(&[&uri(&item.file.path), &finding.rule, &line_text]),
            occurrence
        );
        let mut result = json!({
            "ruleId": finding.rule,
            "level": sarif_level(finding.severity),
            "message": {"text": message_with_provenance(finding)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(&item.file.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": item.start.0 + 1,
                        "startColumn": item.start.1 + 1,
                        "endLine": item.end.0 + 1,
                        "endColumn": item.end.1 + 1,
                    },
                },
            }],
            "partialFingerprints": {"blastRadius/v1": fingerprint},
            "properties": {
                "review": finding.review.name(),
                "provenance": finding.provenance.as_ref().map(|p| p.evidence()).unwrap_or_default(),
                "policy": finding.provenance.as_ref().map(|p| p.policy.name()),
            },
        });
        if let Some(index) = rule_index.get(&finding.rule) {
            result["ruleIndex"] = json!(index);
        }
        let rejected = finding
            .provenance
            .as_ref()
            .is_some_and(|p| p.review_rejected.is_some());
        let suppression = match &finding.review {
            Review::Ignored { reason } => {
                Some(json!({"kind": "inSource", "justification": reason}))
            }
            Review::Reviewed { by } if !rejected => Some(
                json!({"kind": "inSource", "status": "accepted", "justification": format!("reviewed by {by}")}),
            ),
            _ => None,
        };
        if let Some(suppression) = suppression {
            result["suppressions"] = json!([suppression]);
        }
        results.push(result);
    }
    let notifications: Vec<Value> = report
        .problems
        .iter()
        .map(|p| {
            json!({
                "level": if p.is_error { "error" } else { "warning" },
                "message": {"text": format!("{}: {}", p.path, p.message)},
            })
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "blast-radius",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
            "results": results,
            "invocations": [{
                "executionSuccessful": !report.problems.iter().any(|p| p.is_error),
                "toolExecutionNotifications": notifications,
            }],
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands: one annotation per finding that is not reviewed or
/// ignored.
pub fn github(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    for item in located(report) {
        let finding = item.finding;
        let rejected = finding
            .provenance
            .as_ref()
            .is_some_and(|p| p.review_rejected.is_some());
        match finding.review {
            Review::Ignored { .. } => continue,
            Review::Reviewed { .. } if !rejected => continue,
            _ => {}
        }
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let radius = item
            .file
            .rules
            .get(&finding.rule)
            .map(|r| format!(" [blast radius: {}]", r.radius()))
            .unwrap_or_default();
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&uri(&item.file.path)),
            item.start.0 + 1,
            item.start.1 + 1,
            item.end.0 + 1,
            item.end.1 + 1,
            escape_property(&format!("blast-radius {}", finding.rule)),
            escape_data(&format!("{}{radius}", message_with_provenance(finding)))
        )?;
    }
    for problem in &report.problems {
        let command = if problem.is_error { "error" } else { "warning" };
        writeln!(
            out,
            "::{command} file={}::{}",
            escape_property(&uri(&problem.path)),
            escape_data(&problem.message)
        )?;
    }
    Ok(())
}

fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A review checklist for a pull request description: one unticked line per finding that needs
/// review, one ticked line per reviewed finding.
pub fn markdown(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    let mut open = Vec::new();
    let mut done = Vec::new();
    let mut below = 0usize;
    let mut ignored = 0usize;
    for item in located(report) {
        let finding = item.finding;
        let rule = item.file.rules.get(&finding.rule);
        let scope = rule.map_or("-".to_string(), |r| r.radius());
        let provenance = finding
            .provenance
            .as_ref()
            .filter(|p| p.is_known())
            .map(|p| format!(" — _{}_", markdown_text(&p.summary)))
            .unwrap_or_default();
        let location = format!("{}:{}", uri(&item.file.path), item.start.0 + 1);
        let line = format!(
            "`{}` **{}** ({} · {}): {}{}",
            location.replace('`', "'"),
            finding.rule,
            finding.severity,
            scope,
            markdown_text(&finding.message),
            provenance
        );
        let rejected = finding
            .provenance
            .as_ref()
            .and_then(|p| p.review_rejected.as_ref());
        match (&finding.review, rejected) {
            (Review::Ignored { .. }, _) => ignored += 1,
            (Review::Reviewed { by }, None) => {
                done.push(format!("- [x] {line} — reviewed by {}", markdown_text(by)));
            }
            (Review::Reviewed { .. }, Some(reason)) if item.file.is_blocking(finding) => {
                open.push(format!(
                    "- [ ] {line} — review does not count: {}",
                    markdown_text(reason)
                ))
            }
            _ if item.file.is_blocking(finding) => {
                let requested = if finding.review == Review::Requested {
                    " — review requested"
                } else {
                    ""
                };
                open.push(format!("- [ ] {line}{requested}"));
            }
            _ => below += 1,
        }
    }
    writeln!(out, "## blast-radius review checklist")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} need review · {} reviewed · {} below the gate · {} ignored",
        open.len(),
        done.len(),
        below,
        ignored
    )?;
    writeln!(out)?;
    for line in open.iter().chain(&done) {
        writeln!(out, "{line}")?;
    }
    if open.is_empty() && done.is_empty() {
        writeln!(out, "Nothing needs review.")?;
    }
    Ok(())
}
