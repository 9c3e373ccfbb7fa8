//! An open document: its text (a rope for positions, a string for the parser and the queries),
//! its tree, kept up to date by incremental edits and incremental parsing, and its findings,
//! re-queried only over the top-level statements an edit touched.

use std::ops::Range;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;
use tree_sitter::{InputEdit, Node, Point, Tree};

use super::position::{self, Encoding};
use crate::analysis::{self, Collected, Finding, Language, RuleSet};
use crate::provenance::git::Base;
use crate::provenance::{BulkLines, Policy, Provenance};

/// Time a re-analysis after one edit may take. A syntax error mid-typing (an unclosed quote) can
/// turn the rest of a file into one statement; past this budget its results are partial, marked
/// as such, and complete again once the text parses.
const EDIT_BUDGET: std::time::Duration = std::time::Duration::from_millis(100);

pub struct Document {
    pub language: Option<Language>,
    pub version: i32,
    pub rope: Rope,
    pub text: String,
    pub tree: Option<Tree>,
    pub rules: Arc<RuleSet>,
    /// Query results before directives, maintained incrementally.
    collected: Collected,
    /// Results of the document-wide predicates (`#file-match?`) for the current text: when they
    /// change, every finding may change.
    document_facts: Vec<bool>,
    /// Findings after directives and the severity policy: what diagnostics, hover and code
    /// actions show.
    pub findings: Vec<Finding>,
    /// The HEAD version's provenance, once read (never, with provenance off).
    base: Option<Arc<Base>>,
    /// The parse of the HEAD version, for the diff rules.
    base_tree: Option<Tree>,
    /// Lines inserted by single large edits in this session.
    bulk: BulkLines,
    /// Lines a single edit must insert to count as a bulk insertion (0: off).
    pub bulk_threshold: usize,
    pub policy: Policy,
}

impl Document {
    /// The last query stopped early (match limit or time budget): findings may be missing.
    pub fn truncated(&self) -> bool {
        self.collected.truncated
    }
}

/// The language of a document from the client's language id, else its file name and shebang.
pub fn detect_language(language_id: &str, path: &str, text: &str) -> Option<Language> {
    let by_id = match language_id {
        "shellscript" | "sh" | "bash" | "zsh" | "ksh" => Some(Language::Bash),
        "python" => Some(Language::Python),
        "sql" | "pgsql" | "mysql" | "plsql" => Some(Language::Sql),
        "terraform" | "terraform-vars" | "tf" | "hcl" => Some(Language::Hcl),
        "javascript" | "javascriptreact" => Some(Language::JavaScript),
        "typescript" => Some(Language::TypeScript),
        "typescriptreact" => Some(Language::Tsx),
        "go" => Some(Language::Go),
        "rust" => Some(Language::Rust),
        "yaml" | "github-actions-workflow" | "dockercompose" => Some(Language::Yaml),
        "json" | "jsonc" => Some(Language::Json),
        "dockerfile" => Some(Language::Dockerfile),
        _ => None,
    };
    by_id.or_else(|| Language::detect(path, text))
}

impl Document {
    pub fn open(
        language: Option<Language>,
        version: i32,
        text: String,
        rules: Arc<RuleSet>,
    ) -> Document {
        let mut document = Document {
            language,
            version,
            rope: Rope::from_str(&text),
            text,
            tree: None,
            rules,
            collected: Collected::default(),
            document_facts: Vec::new(),
            findings: Vec::new(),
            base: None,
            base_tree: None,
            bulk: BulkLines::default(),
            bulk_threshold: 0,
            policy: Policy::default(),
        };
        document.reparse_and_analyse_all();
        document
    }

    /// Sets what HEAD says about the file (read off the request path) and re-judges the
    /// findings.
    pub fn set_base(&mut self, base: Option<Arc<Base>>) {
        self.base = base;
        // The HEAD version is parsed once here, not on every keystroke.
        self.base_tree = match (
            self.language,
            self.base.as_deref().and_then(Base::head_text),
        ) {
            (Some(language), Some(head)) if self.rules.has_diff_queries(language) => {
                analysis::parse(language, head, None)
            }
            _ => None,
        };
        self.finish();
    }

    /// Applies the directives to the collected results, runs the diff rules against the HEAD
    /// version (so a removed guard shows up as the user types), and judges the findings.
    fn finish(&mut self) {
        self.findings = analysis::finish(&self.text, &self.rules, self.collected.clone());
        if let (Some(language), Some(head)) = (
            self.language,
            self.base.as_deref().and_then(Base::head_text),
        ) {
            analysis::diff::analyze_diff(
                head,
                self.base_tree.as_ref(),
                &self.text,
                self.tree.as_ref(),
                language,
                &self.rules,
                &mut self.findings,
            );
        }
        self.judge();
    }

    pub fn base(&self) -> Option<&Base> {
        self.base.as_deref()
    }

    /// Fills in each finding's provenance and policy severity. With nothing known (no
    /// repository read, no bulk insertion) the findings stay as the analysis made them.
    fn judge(&mut self) {
        if self.base.is_none() && self.bulk.is_empty() {
            return;
        }
        let facts = match &self.base {
            Some(base) => base.facts(&self.text, Some(&self.bulk)),
            None => crate::provenance::git::Base::unknown().facts(&self.text, Some(&self.bulk)),
        };
        let lines = analysis::LineIndex::new(&self.text);
        for finding in &mut self.findings {
            let scope = self
                .rules
                .get(&finding.rule)
                .map_or(crate::analysis::Scope::Process, |r| r.scope);
            let first = lines.line_of(finding.range.start);
            let last = lines.line_of(finding.range.end.max(finding.range.start + 1) - 1);
            let line_facts = facts.for_lines(first..last + 1);
            let (severity, class) = self.policy.apply(
                scope,
                finding.severity,
                &finding.review,
                &line_facts,
                facts.known,
            );
            finding.severity = severity;
            finding.provenance = Some(Arc::new(Provenance::new(line_facts, class)));
        }
    }

    /// Switches to another rule set (configuration reload) and re-analyses.
    pub fn set_rules(&mut self, rules: Arc<RuleSet>) {
        self.rules = rules;
        self.analyse_all();
    }

    /// Applies the changes of one `didChange` in order. Returns a warning for each change whose
    /// range was outside the document: it is clamped, and the tree and findings are rebuilt from
    /// scratch so they agree with the text.
    pub fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) -> Vec<String> {
        self.version = version;
        let mut warnings = Vec::new();
        let mut dirty: Option<Range<usize>> = None;
        let mut full = false;
        for change in changes {
            let Some(range) = change.range else {
                self.text = change.text;
                self.rope = Rope::from_str(&self.text);
                full = true;
                continue;
            };
            let (mut start, start_ok) = position::to_offset(&self.rope, range.start, encoding);
            let (mut end, end_ok) = position::to_offset(&self.rope, range.end, encoding);
            if !start_ok || !end_ok {
                warnings.push(format!(
                    "change range {}:{}-{}:{} is outside the document ({} lines); clamped and re-parsed",
                    range.start.line,
                    range.start.character,
                    range.end.line,
                    range.end.character,
                    self.rope.len_lines()
                ));
                full = true;
            }
            if start > end {
                std::mem::swap(&mut start, &mut end);
            }
            let inserted = change.text;
            self.bulk.record(&inserted, self.bulk_threshold);
            let start_point = point_at(&self.text, start);
            let old_end_point = point_at(&self.text, end);
            let new_end = start + inserted.len();
            let new_end_point = advance(start_point, &inserted);
            let char_start = self.rope.byte_to_char(start);
            let char_end = self.rope.byte_to_char(end);
            self.rope.remove(char_start..char_end);
            self.rope.insert(char_start, &inserted);
            self.text.replace_range(start..end, &inserted);
            if let Some(tree) = self.tree.as_mut() {
                tree.edit(&InputEdit {
                    start_byte: start,
                    old_end_byte: end,
                    new_end_byte: new_end,
                    start_position: start_point,
                    old_end_position: old_end_point,
                    new_end_position: new_end_point,
                });
            }
            // Keep earlier results in step with the text: drop what the edit touched, move what
            // follows it, and remember the edited region (in current offsets).
            let touched = |r: &Range<usize>| r.start <= end && start <= r.end;
            self.collected.findings.retain(|f| !touched(&f.range));
            self.collected.comments.retain(|c| !touched(c));
            let delta = inserted.len() as isize - (end - start) as isize;
            self.collected.shift(end, delta);
            dirty = Some(match dirty {
                None => start..new_end,
                Some(previous) => {
                    let shift = |o: usize| {
                        if o >= end {
                            o.saturating_add_signed(delta)
                        } else {
                            o.min(new_end)
                        }
                    };
                    let moved = shift(previous.start)..shift(previous.end);
                    moved.start.min(start)..moved.end.max(new_end)
                }
            });
        }
        if full {
            self.reparse_and_analyse_all();
            return warnings;
        }
        let Some(language) = self.language else {
            return warnings;
        };
        let started = std::time::Instant::now();
        let old_tree = self.tree.take();
        let Some(new_tree) = analysis::parse(language, &self.text, old_tree.as_ref()) else {
            self.reparse_and_analyse_all();
            return warnings;
        };
        let reparsed = started.elapsed();
        let mut dirty = dirty.unwrap_or(0..0);
        if let Some(old_tree) = &old_tree {
            for changed in old_tree.changed_ranges(&new_tree) {
                dirty = dirty.start.min(changed.start_byte)..dirty.end.max(changed.end_byte);
            }
        }
        self.tree = Some(new_tree);
        let facts = analysis::document_facts(&self.text, language, &self.rules);
        if facts != self.document_facts {
            self.analyse_all();
            return warnings;
        }
        if let Some(tree) = self.tree.as_ref() {
            let parsed = started.elapsed();
            let (region, statements) = statements_touching(tree.root_node(), dirty);
            let fresh =
                analysis::collect(&self.text, &statements, language, &self.rules, EDIT_BUDGET);
            let complete = !fresh.truncated;
            tracing::debug!(
                "edit: parse {reparsed:?}, +changed ranges {:?}, re-query of {} statements over {} bytes {:?}{}",
                parsed - reparsed,
                statements.len(),
                region.len(),
                started.elapsed() - parsed,
                if complete { "" } else { " (stopped early)" }
            );
            self.collected.splice(region, fresh);
            if !complete && !tree.root_node().has_error() {
                // The text parses again: give the whole document its full budget once.
                self.analyse_all();
                return warnings;
            }
        }
        self.finish();
        warnings
    }

    fn reparse_and_analyse_all(&mut self) {
        self.tree = self
            .language
            .and_then(|language| analysis::parse(language, &self.text, None));
        self.analyse_all();
    }

    fn analyse_all(&mut self) {
        let (Some(language), Some(tree)) = (self.language, self.tree.as_ref()) else {
            self.collected = Collected::default();
            self.findings = Vec::new();
            return;
        };
        self.document_facts = analysis::document_facts(&self.text, language, &self.rules);
        let root = [tree.root_node()];
        self.collected = analysis::collect(
            &self.text,
            &root,
            language,
            &self.rules,
            analysis::DOCUMENT_BUDGET,
        );
        self.finish();
    }

    pub fn offset(
        &self,
        position: tower_lsp_server::ls_types::Position,
        encoding: Encoding,
    ) -> usize {
        position::to_offset(&self.rope, position, encoding).0
    }

    /// Byte range of the line holding `offset`, without its line break.
    pub fn line_bounds(&self, offset: usize) -> Range<usize> {
        let line = self.rope.byte_to_line(offset.min(self.text.len()));
        let start = self.rope.line_to_byte(line);
        let slice = self.rope.line(line);
        let mut end = start + slice.len_bytes();
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        start..end
    }

    /// The line break the document uses (of its first line), for inserted lines.
    pub fn line_break(&self) -> &'static str {
        match self.text.find(['\n', '\r']) {
            Some(i) if self.text[i..].starts_with("\r\n") => "\r\n",
            Some(i) if self.text.as_bytes()[i] == b'\r' => "\r",
            _ => "\n",
        }
    }
}

/// Node kinds that only wrap the statements of a file (HCL's `config_file` holds one `body`).
/// No rule matches them, so an edit re-queries the statements inside, not the whole file.
const FILE_WRAPPERS: [&str; 1] = ["body"];

/// What to re-query after an edit: the top-level statements `dirty` touches, and the region they
/// cover.
fn statements_touching(root: Node<'_>, dirty: Range<usize>) -> (Range<usize>, Vec<Node<'_>>) {
    let mut container = root;
    while container.named_child_count() == 1 {
        match container.named_child(0) {
            Some(only) if FILE_WRAPPERS.contains(&only.kind()) => container = only,
            _ => break,
        }
    }
    let mut region = dirty.clone();
    let mut statements = Vec::new();
    // Children are ordered: find the first that ends at or after the dirty start by bisection,
    // so a file with thousands of top-level statements is not scanned linearly.
    let count = container.child_count();
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = (low + high) / 2;
        match container.child(middle as u32) {
            Some(child) if child.end_byte() < dirty.start => low = middle + 1,
            _ => high = middle,
        }
    }
    for index in low..count {
        let Some(child) = container.child(index as u32) else {
            break;
        };
        if child.start_byte() > dirty.end {
            break;
        }
        region = region.start.min(child.start_byte())..region.end.max(child.end_byte());
        statements.push(child);
    }
    if statements.is_empty() {
        statements.push(container);
        region = container.byte_range();
    }
    (region, statements)
}

/// tree-sitter's point for a byte offset: rows count `\n`, columns are bytes.
fn point_at(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let column = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(before.len(), |i| before.len() - i - 1);
    Point { row, column }
}

fn advance(start: Point, inserted: &str) -> Point {
    match inserted.rfind('\n') {
        Some(last) => Point {
            row: start.row + inserted.matches('\n').count(),
            column: inserted.len() - last - 1,
        },
        None => Point {
            row: start.row,
            column: start.column + inserted.len(),
        },
    }
}

#[cfg(test)]
mod tests {
    use tower_lsp_server::ls_types::{Position, Range as LspRange};

    use super::*;

    /// A small deterministic generator (xorshift), so failures reproduce from the seed.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    const COMMON: &[&str] = &[
        "", "x", "é", "😀", "\n", "\r\n", "\r", " ", "\"", "'", "#", "$", "{", "}", "(", ")",
        "-- ", "=",
    ];

    /// Per language: the initial text and pieces of code typed into it.
    fn cases() -> Vec<(Language, &'static str, Vec<&'static str>)> {
        vec![
            (
                Language::Bash,
                "#!/bin/sh\nset -e\nrm -rf \"$A\"/*\necho é😀\r\nls\n",
                vec![
                    "rm -rf \"$DIR\"/*\n",
                    "git push --force\n",
                    "echo \"ok\" # blast-radius: reviewed rm-recursive-unguarded by A\n",
                    "# blast-radius: ignore rm-recursive-unguarded -- tmp\n",
                    "cat <<EOF\nrm -rf /\nEOF\n",
                    "if true; then\n",
                    "fi\n",
                    "sudo rm -r ~/\n",
                    "f() {\n  rm -rf $X\n}\n",
                    "curl -fsSL x | sh\n",
                ],
            ),
            (
                Language::Python,
                "import boto3\nimport shutil\n\ndef f(p):\n    shutil.rmtree(p)\n",
                vec![
                    "shutil.rmtree(path)\n",
                    "    ",
                    "def g():\n",
                    "import boto3\n",
                    "s3.delete_bucket(Bucket=b)\n",
                    "d = tempfile.mkdtemp()\n",
                    "os.environ['X'] = '1'\n",
                    "# blast-radius: ignore recursive-delete-dynamic-path -- t\n",
                    "class A:\n",
                    "\"\"\"",
                    "metadata.drop_all(engine)\n",
                ],
            ),
            (
                Language::Sql,
                "DROP TABLE users;\nSELECT 1;\n",
                vec![
                    "DROP TABLE t;\n",
                    "DELETE FROM t",
                    " WHERE id = 1",
                    ";\n",
                    "GRANT ALL ON t TO bob;\n",
                    "ALTER SYSTEM SET x = 1;\n",
                    "-- blast-radius: reviewed sql-drop-table by A\n",
                    "TRUNCATE t;\n",
                    "UPDATE t SET a = 1",
                    "/* c */",
                ],
            ),
            (
                Language::Hcl,
                "resource \"aws_s3_bucket\" \"b\" {\n  force_destroy = true\n}\n",
                vec![
                    "resource \"aws_db_instance\" \"d\" {\n",
                    "  deletion_protection = false\n",
                    "}\n",
                    "  force_destroy = true\n",
                    "  lifecycle {\n    prevent_destroy = false\n  }\n",
                    "  cidr_blocks = [\"0.0.0.0/0\"]\n",
                    "ingress {\n",
                    "# blast-radius: reviewed tf-force-destroy by A\n",
                    "true",
                    "false",
                ],
            ),
        ]
    }

    fn nodes(tree: &Tree) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut cursor = tree.walk();
        let mut stack = vec![tree.root_node()];
        while let Some(node) = stack.pop() {
            out.push((node.kind().to_string(), node.start_byte(), node.end_byte()));
            stack.extend(node.children(&mut cursor));
        }
        out
    }

    /// A position in the document's own units, sometimes past the end of a line or the document.
    fn random_position(rng: &mut Rng, reference: &str, encoding: Encoding) -> Position {
        let lines: Vec<&str> = reference.split('\n').collect();
        let line = rng.below(lines.len() + 1);
        let text = lines.get(line).copied().unwrap_or("");
        let units: usize = match encoding {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.encode_utf16().count(),
            Encoding::Utf32 => text.chars().count(),
        };
        Position {
            line: line as u32,
            character: rng.below(units + 3) as u32,
        }
    }

    #[test]
    fn random_edits_keep_text_tree_and_findings_equal_to_a_fresh_start() {
        let rules = Arc::new(RuleSet::builtin());
        let mut edits = 0;
        let mut clean_trees = 0;
        for (language, initial, specific) in cases() {
            let pieces: Vec<&str> = COMMON.iter().chain(specific.iter()).copied().collect();
            for seed in 1..=30u64 {
                let encoding =
                    [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32][(seed % 3) as usize];
                let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
                let mut document =
                    Document::open(Some(language), 1, initial.to_string(), rules.clone());
                for step in 0..40 {
                    let changes: Vec<TextDocumentContentChangeEvent> = (0..1 + rng.below(3))
                        .map(|_| {
                            let text = pieces[rng.below(pieces.len())].to_string();
                            if rng.below(40) == 0 {
                                return TextDocumentContentChangeEvent {
                                    range: None,
                                    range_length: None,
                                    text,
                                };
                            }
                            let a = random_position(&mut rng, &document.text, encoding);
                            let b = if rng.below(2) == 0 {
                                a
                            } else {
                                random_position(&mut rng, &document.text, encoding)
                            };
                            let (start, end) = if (a.line, a.character) <= (b.line, b.character) {
                                (a, b)
                            } else {
                                (b, a)
                            };
                            TextDocumentContentChangeEvent {
                                range: Some(LspRange { start, end }),
                                range_length: None,
                                text,
                            }
                        })
                        .collect();
                    // The reference applies the same changes to a plain string.
                    let mut reference = document.text.clone();
                    for change in &changes {
                        match change.range {
                            None => reference = change.text.clone(),
                            Some(range) => {
                                let rope = Rope::from_str(&reference);
                                let (mut s, _) = position::to_offset(&rope, range.start, encoding);
                                let (mut e, _) = position::to_offset(&rope, range.end, encoding);
                                if s > e {
                                    std::mem::swap(&mut s, &mut e);
                                }
                                reference.replace_range(s..e, &change.text);
                            }
                        }
                    }
                    edits += changes.len();
                    document.apply_changes(changes, step + 2, encoding);
                    let context =
                        format!("{language} seed {seed} step {step}: {:?}", document.text);
                    assert_eq!(document.text, reference, "{context}");
                    assert_eq!(document.rope.to_string(), reference, "{context}");
                    let tree = document.tree.as_ref().unwrap();
                    let fresh = analysis::parse(language, &reference, None).unwrap();
                    // tree-sitter may recover from syntax errors differently when parsing
                    // incrementally, so trees are compared where the text parses cleanly; the
                    // findings are always those of a fresh analysis of the document's tree.
                    if !fresh.root_node().has_error() {
                        assert_eq!(nodes(tree), nodes(&fresh), "{context}");
                        clean_trees += 1;
                    }
                    if !document.truncated() {
                        let expected = analysis::analyze_tree(&reference, tree, language, &rules);
                        assert_eq!(document.findings, expected, "{context}");
                    }
                }
            }
        }
        assert!(edits > 3000, "{edits} edits");
        assert!(
            clean_trees > 200,
            "only {clean_trees} error-free trees compared"
        );
    }
}
