//! Report formats: `human` (code frames, like rustc and ruff) and `json` (the stable schema).

use std::io::{self, Write};

use serde_json::json;

use super::check::{CheckReport, FileReport};
use crate::analysis::{Finding, Review, Severity};

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::Hint => "1;32",
        }
    }
}

/// Human output: one code frame per finding (ignored findings are counted, not shown), then a
/// summary; skipped files and errors go to `err`.
pub fn human(
    report: &CheckReport,
    color: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    let style = Style { color };
    let mut shown = 0usize;
    let mut ignored = 0usize;
    let mut counts = [0usize; 4];
    let mut blocking = 0usize;
    for file in &report.files {
        for finding in &file.findings {
            if matches!(finding.review, Review::Ignored { .. }) {
                ignored += 1;
                continue;
            }
            shown += 1;
            counts[finding.severity as usize] += 1;
            if file.is_blocking(finding) {
                blocking += 1;
            }
            frame(&style, file, finding, out)?;
        }
    }
    for problem in &report.problems {
        let label = if problem.is_error {
            style.paint("1;31", "error")
        } else {
            style.paint("1;33", "warning")
        };
        writeln!(err, "{label}: {}: {}", problem.path, problem.message)?;
    }
    let files = report.files_checked;
    let file_word = if files == 1 { "file" } else { "files" };
    if shown == 0 {
        write!(out, "No high-blast-radius findings in {files} {file_word}")?;
    } else {
        let parts: Vec<String> = [
            Severity::Error,
            Severity::Warning,
            Severity::Info,
            Severity::Hint,
        ]
        .iter()
        .filter(|s| counts[**s as usize] > 0)
        .map(|s| {
            format!(
                "{} {}",
                counts[*s as usize],
                plural(s.name(), counts[*s as usize])
            )
        })
        .collect();
        write!(
            out,
            "Found {shown} high-blast-radius {} ({}) in {files} {file_word}; {blocking} blocking",
            plural("finding", shown),
            parts.join(", ")
        )?;
    }
    if ignored > 0 {
        write!(out, "; {ignored} ignored by directive")?;
    }
    writeln!(out, ".")?;
    Ok(())
}

fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn frame(
    style: &Style,
    file: &FileReport,
    finding: &Finding,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (line, column) = file.lines.position(&file.text, finding.range.start);
    let (end_line, _) = file.lines.position(
        &file.text,
        finding.range.end.max(finding.range.start + 1) - 1,
    );
    let rule = file.rules.get(&finding.rule);
    let severity = finding.severity;
    writeln!(
        out,
        "{}: {}",
        style.paint(
            style.severity(severity),
            &format!("{severity}[{}]", finding.rule)
        ),
        style.paint("1", &finding.message)
    )?;
    let number = (line + 1).to_string();
    let pad = " ".repeat(number.len());
    let gutter = |s: &str| style.paint("1;34", s);
    writeln!(
        out,
        "{pad}{} {}:{}:{}",
        gutter("-->"),
        file.path,
        line + 1,
        column + 1
    )?;
    writeln!(out, "{pad} {}", gutter("|"))?;
    let start = file.lines.line_start(line);
    let end = file.lines.line_end(line);
    let source = if file.deleted {
        "(file deleted)"
    } else {
        file.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    };
    let (shown_source, caret_start, caret_len) = caret_span(
        source,
        finding.range.start - start,
        finding.range.end.min(end).saturating_sub(start),
    );
    writeln!(out, "{} {} {}", gutter(&number), gutter("|"), shown_source)?;
    let label = match rule {
        Some(rule) if !rule.is_engine_rule() => format!("blast radius: {}", rule.radius()),
        _ => String::new(),
    };
    writeln!(
        out,
        "{pad} {} {}{} {}",
        gutter("|"),
        " ".repeat(caret_start),
        style.paint(style.severity(severity), &"^".repeat(caret_len.max(1))),
        style.paint(style.severity(severity), &label)
    )?;
    if end_line > line {
        writeln!(
            out,
            "{pad} {} {}",
            gutter("|"),
            gutter(&format!("... continues to line {}", end_line + 1))
        )?;
    }
    writeln!(out, "{pad} {}", gutter("|"))?;
    match &finding.review {
        Review::Requested => writeln!(
            out,
            "{pad} {} review: requested, not yet recorded",
            gutter("=")
        )?,
        Review::Reviewed { by } => writeln!(out, "{pad} {} review: reviewed by {by}", gutter("="))?,
        _ => {}
    }
    if let Some(provenance) = &finding.provenance {
        if provenance.is_known() {
            writeln!(
                out,
                "{pad} {} provenance: {} (policy: {})",
                gutter("="),
                provenance.summary,
                provenance.policy.name()
            )?;
        }
        if let Some(reason) = &provenance.review_rejected {
            writeln!(
                out,
                "{pad} {} {}: {reason}",
                gutter("="),
                style.paint("1;31", "review does not count")
            )?;
        }
    }
    if let Some(rule) = rule {
        let safer = first_sentence(&rule.safer);
        if !safer.is_empty() {
            writeln!(
                out,
                "{pad} {} {}: {safer}",
                gutter("="),
                style.paint("1", "help")
            )?;
        }
        writeln!(
            out,
            "{pad} {} see: blast-radius explain {}",
            gutter("="),
            rule.id
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// The first sentence of a Markdown paragraph, on one line.
fn first_sentence(markdown: &str) -> String {
    let paragraph = markdown.trim().split("\n\n").next().unwrap_or("");
    let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.find(". ") {
        Some(end) => joined[..=end].to_string(),
        None => joined,
    }
}

/// The source line with tabs expanded, and the caret offset and length in display columns.
fn caret_span(source: &str, start: usize, end: usize) -> (String, usize, usize) {
    let mut shown = String::with_capacity(source.len());
    let mut caret_start = None;
    let mut caret_end = None;
    let mut column = 0;
    for (i, c) in source.char_indices() {
        if i >= start && caret_start.is_none() {
            caret_start = Some(column);
        }
        if i >= end && caret_end.is_none() {
            caret_end = Some(column);
        }
        if c == '\t' {
            shown.push_str("    ");
            column += 4;
        } else {
            shown.push(c);
            column += 1;
        }
    }
    let caret_start = caret_start.unwrap_or(column);
    let caret_end = caret_end.unwrap_or(column);
    (shown, caret_start, caret_end.saturating_sub(caret_start))
}

/// JSON output in the documented, stable schema.
pub fn json(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    let mut findings = Vec::new();
    for file in &report.files {
        for finding in &file.findings {
            let (line, column) = file.lines.position(&file.text, finding.range.start);
            let (end_line, end_column) = file.lines.position(&file.text, finding.range.end);
            let rule = file.rules.get(&finding.rule);
            findings.push(json!({
                "rule": finding.rule,
                "path": file.path,
                "start": {"line": line + 1, "column": column + 1},
                "end": {"line": end_line + 1, "column": end_column + 1},
                "severity": finding.severity.name(),
                "scope": rule.map(|r| r.scope.name()),
                "reversible": rule.map(|r| r.reversible),
                "message": finding.message,
                "provenance": finding.provenance.as_ref().map(|p| p.evidence()).unwrap_or_default(),
                "provenance_summary": finding.provenance.as_ref().filter(|p| p.is_known()).map(|p| p.summary.clone()),
                "policy": finding.provenance.as_ref().map(|p| p.policy.name()),
                "review": finding.review.name(),
                "review_rejected": finding.provenance.as_ref().and_then(|p| p.review_rejected.clone()),
                "fix": finding.edit.as_ref().map(|edit| {
                    let (line, column) = file.lines.position(&file.text, edit.range.start);
                    let (end_line, end_column) = file.lines.position(&file.text, edit.range.end);
                    json!({
                        "title": edit.title,
                        "start": {"line": line + 1, "column": column + 1},
                        "end": {"line": end_line + 1, "column": end_column + 1},
                        "text": edit.text,
                    })
                }),
            }));
        }
    }
    let errors: Vec<_> = report
        .problems
        .iter()
        .map(|p| json!({"path": p.path, "message": p.message, "severity": if p.is_error { "error" } else { "warning" }}))
        .collect();
    let document = json!({"version": 1, "findings": findings, "errors": errors});
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
