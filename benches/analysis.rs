//! Analysis cost per language on generated 10,000-line documents: query compilation (once per
//! process), a full parse, a full analysis, and an incremental re-analysis after a one-character
//! edit, against the parse alone as the baseline. Medians of repeated runs.
//!
//!     cargo bench --bench analysis [-- <document files...>]

use std::time::{Duration, Instant};

use std::sync::Arc;

use blast_radius::analysis::{self, Language, RuleSet};
use blast_radius::lsp::document::Document;
use blast_radius::lsp::position::Encoding;
use blast_radius::provenance::git::Base;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(work());
                start.elapsed()
            })
            .collect(),
    )
}

/// Median time of 101 single characters typed one after the other at the end of `line`.
fn type_at_end_of_line(document: &mut Document, line: u32, length: u32) -> Duration {
    let mut version = document.version;
    time(101, || {
        version += 1;
        let at = Position::new(line, length + (version - 2) as u32);
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(at, at)),
            range_length: None,
            text: "x".into(),
        };
        document.apply_changes(vec![change], version, Encoding::Utf8)
    })
}

/// A realistic 10,000-line document: shell functions, Python classes with methods, a flat SQL
/// migration, Terraform resource blocks; a finding every ~2,000 lines.
fn generated(language: Language) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut i = 0;
    while lines.len() < 10_000 {
        i += 1;
        let risky = i % 200 == 100;
        match language {
            Language::Bash => {
                lines.push(format!("deploy_{i}() {{"));
                lines.push(format!("  local target=\"$STAGING/{i}\""));
                lines.push(format!("  if [ -f \"config/{i}.yaml\" ]; then"));
                lines.push(format!(
                    "    cp \"config/{i}.yaml\" \"$target/\" && echo \"step {i}\""
                ));
                lines.push("  fi".into());
                lines.push(if risky {
                    format!("  rm -rf \"$BUILD_{i}\"/*")
                } else {
                    format!("  kubectl get pods -n app-{i}")
                });
                lines.push("}".into());
                lines.push(String::new());
            }
            Language::Python => {
                if i == 1 {
                    lines.push("import shutil".into());
                }
                lines.push(format!("class Handler{i}:"));
                lines.push("    def run(self, event):".to_string());
                lines.push(format!("        value = compute({i}, name='item-{i}')"));
                lines.push(if risky {
                    format!("        shutil.rmtree(event.path_{i})")
                } else {
                    "        self.store(value)".into()
                });
                lines.push("        return value".into());
                lines.push(String::new());
            }
            Language::Sql => {
                lines.push(if risky {
                    format!("DROP TABLE legacy_{i};")
                } else {
                    format!("UPDATE accounts SET balance = balance + 1 WHERE id = {i};")
                });
            }
            Language::Hcl => {
                lines.push(format!("resource \"aws_s3_bucket\" \"b{i}\" {{"));
                lines.push(format!("  bucket        = \"acme-{i}\""));
                lines.push(format!(
                    "  force_destroy = {}",
                    if risky { "true" } else { "false" }
                ));
                lines.push("  tags = {".into());
                lines.push("    team = \"data\"".into());
                lines.push("  }".into());
                lines.push("}".into());
                lines.push(String::new());
            }
            _ => return None,
        }
    }
    lines.truncate(10_000);
    Some(lines.join("\n") + "\n")
}

fn main() {
    let rules = RuleSet::builtin();
    let shared = Arc::new(RuleSet::builtin());
    println!(
        "{:<7} {:>9} {:>10} {:>10} {:>12} {:>10} {:>12} {:>15}",
        "lang",
        "compile",
        "parse",
        "analyse",
        "analyse/parse",
        "findings",
        "keystroke",
        "keystroke+HEAD"
    );
    // Files given on the command line (`cargo bench --bench analysis -- FILE...`) replace the
    // generated documents; each file's language is detected from its name and content.
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let documents: Vec<(Language, String)> = if files.is_empty() {
        Language::ALL
            .into_iter()
            .filter_map(|language| Some((language, generated(language)?)))
            .collect()
    } else {
        files
            .iter()
            .filter_map(|path| {
                let text = std::fs::read_to_string(path).ok()?;
                Some((Language::detect(path, &text)?, text))
            })
            .collect()
    };
    for (language, text) in documents {
        let start = Instant::now();
        let _ = rules.compile_errors(language);
        let compile = start.elapsed();
        let parse = time(11, || analysis::parse(language, &text, None));
        let tree = analysis::parse(language, &text, None).unwrap();
        let analyse = time(11, || {
            analysis::analyze_tree(&text, &tree, language, &rules)
        });
        let findings = analysis::analyze_tree(&text, &tree, language, &rules).len();
        // One character typed at the end of a line in the middle, repeatedly.
        let mut document = Document::open(Some(language), 1, text.clone(), shared.clone());
        let line_length = text.lines().nth(5000).map_or(0, |l| l.len()) as u32;
        let document_findings = document.findings.len();
        let keystroke = type_at_end_of_line(&mut document, 5000, line_length);
        // The same with the file's committed version as HEAD: the diff rules and the
        // uncommitted-line facts run on every keystroke too.
        let mut with_head = Document::open(Some(language), 1, text.clone(), shared.clone());
        with_head.set_base(Some(Arc::new(Base::with_head_text(text.clone()))));
        let keystroke_head = type_at_end_of_line(&mut with_head, 5000, line_length);
        // A quote typed in the middle: the rest of the file becomes a string or an error until it
        // is closed, the worst case for re-parsing and re-querying.
        let quoted = {
            let mut text = text.clone();
            let middle = text.len() / 2;
            let at = text[middle..].find('\n').map_or(middle, |i| middle + i);
            text.insert(at, '"');
            text
        };
        let quoted_tree = analysis::parse(language, &quoted, None).unwrap();
        let unclosed = time(3, || {
            analysis::analyze_tree(&quoted, &quoted_tree, language, &rules)
        });
        println!(
            "{:<7} unclosed quote: full analysis {:.2}ms",
            language.name(),
            unclosed.as_secs_f64() * 1e3
        );
        println!(
            "{:<7} {:>7.1}ms {:>8.2}ms {:>8.2}ms {:>12.2}x {:>10} {:>10.3}ms {:>13.3}ms",
            language.name(),
            compile.as_secs_f64() * 1e3,
            parse.as_secs_f64() * 1e3,
            analyse.as_secs_f64() * 1e3,
            analyse.as_secs_f64() / parse.as_secs_f64(),
            findings.max(document_findings),
            keystroke.as_secs_f64() * 1e3,
            keystroke_head.as_secs_f64() * 1e3,
        );
    }
}
