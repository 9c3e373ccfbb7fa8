//! An open document: its text (a rope for positions, a string for the parser and the queries),
//! its tree, kept up to date by incremental edits and incremental parsing, and its findings,
//! re-queried only over the top-level statements an edit touched.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;
use tree_sitter::{InputEdit, Node, Point, Tree};

use super::position::{self, Encoding};
use crate::analysis::diff::DiffFacts;
use crate::analysis::{self, Collected, Finding, Language, RuleSet};
use crate::plan_files::ModulePlan;
use crate::provenance::git::Base;
use crate::provenance::{BulkLines, Policy};

/// Time a re-query of the touched statements may take; past it the whole document is queried
/// with the document budget.
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
    /// Whether a rule pattern matched a node of the outline's chain in the current tree: such
    /// a match can change with any statement.
    matched_at_top: bool,
    /// The outline's chain (kinds and byte ranges, kept in step with edits) that
    /// `matched_at_top` was computed for: an edit that changes it queries the whole document.
    chain: Vec<(u16, Range<usize>)>,
    /// Findings after directives and the severity policy: what diagnostics, hover and code
    /// actions show.
    pub findings: Vec<Finding>,
    /// The HEAD version's provenance, once read (never, with provenance off).
    base: Option<Arc<Base>>,
    /// The diff rules' facts in the HEAD version, collected once per base.
    base_facts: Option<DiffFacts>,
    /// The diff rules' facts in the current text, kept up to date edit by edit like
    /// `collected` (`None` until a base needs them).
    current_facts: Option<DiffFacts>,
    /// Lines inserted by single large edits in this session.
    bulk: BulkLines,
    /// Lines a single edit must insert to count as a bulk insertion (0: off).
    pub bulk_threshold: usize,
    pub policy: Policy,
    /// For a `.tf` file, the Terraform plans of its module and the file's path (for
    /// `tf-plan-destroys` findings and the plan code lens).
    pub plan: Option<(Arc<ModulePlan>, PathBuf)>,
    /// Set while changes are applied. Still set when the next changes come means the previous
    /// ones were interrupted by a panic (caught by the server): the text is the truth, and the
    /// rope, tree and results are rebuilt from it.
    interrupted: bool,
    /// Changes applied to the text but not analysed yet: the region they touched (in current
    /// offsets) and whether the whole document must be parsed again.
    pending: Option<(Option<Range<usize>>, bool)>,
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
        "makefile" | "make" => Some(Language::Make),
        "powershell" | "ps1" => Some(Language::PowerShell),
        "bat" | "batch" | "cmd" => Some(Language::Batch),
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
        let mut document = Document::unanalysed(language, version, text, rules);
        document.analyse_from_scratch();
        document
    }

    /// A document whose text is known but not yet analysed: [`Document::analyse_from_scratch`]
    /// or the next change analyses it. The server keeps it even when the analysis panics, so
    /// the document stays open and later changes apply to the right text.
    pub fn unanalysed(
        language: Option<Language>,
        version: i32,
        text: String,
        rules: Arc<RuleSet>,
    ) -> Document {
        Document {
            language,
            version,
            rope: Rope::from_str(&text),
            text,
            tree: None,
            rules,
            collected: Collected::default(),
            document_facts: Vec::new(),
            matched_at_top: false,
            chain: Vec::new(),
            findings: Vec::new(),
            interrupted: true,
            pending: None,
            base: None,
            base_facts: None,
            current_facts: None,
            bulk: BulkLines::default(),
            bulk_threshold: 0,
            policy: Policy::default(),
            plan: None,
        }
    }

    /// Sets what HEAD says about the file (read off the request path) and re-judges the
    /// findings.
    pub fn set_base(&mut self, base: Option<Arc<Base>>) {
        self.base = base;
        self.base_facts = None;
        self.finish();
    }

    /// Frees the parse trees (most of a document's memory) of a document not edited lately. The
    /// next edit parses and queries it whole; until then its findings stay as they are.
    pub fn release_trees(&mut self) {
        self.tree = None;
    }

    /// Whether the document holds a parse tree (see [`Document::release_trees`]).
    pub fn has_tree(&self) -> bool {
        self.tree.is_some()
    }

    /// The diff rules' facts of the HEAD version and of the current text, when the language
    /// has diff rules and HEAD is known: the HEAD version's once per base, the current text's
    /// after a whole analysis (edits keep them up to date).
    fn ensure_diff_facts(&mut self) {
        let (Some(language), Some(head)) = (
            self.language,
            self.base.as_deref().and_then(Base::head_text),
        ) else {
            return;
        };
        if !self.rules.has_diff_queries(language) {
            return;
        }
        if self.base_facts.is_none() {
            self.base_facts = Some(match analysis::parse(language, head, None) {
                Some(tree) => {
                    DiffFacts::collect(head, tree.root_node(), &[], language, &self.rules)
                }
                None => DiffFacts::default(),
            });
        }
        if self.current_facts.is_none() {
            let parsed;
            let tree = match &self.tree {
                Some(tree) => Some(tree),
                None => {
                    parsed = analysis::parse(language, &self.text, None);
                    parsed.as_ref()
                }
            };
            self.current_facts = tree.map(|tree| {
                DiffFacts::collect(&self.text, tree.root_node(), &[], language, &self.rules)
            });
            // From now on edits keep these facts statement by statement: a diff pattern on a
            // chain node must query the whole document, as a rule pattern there does.
            if let Some(tree) = &self.tree {
                let descend = self.rules.compiled(language).sibling_span == 1;
                self.matched_at_top |= Outline::of(tree.root_node(), descend).matched_by(
                    &self.text,
                    language,
                    &self.rules,
                    true,
                );
            }
        }
    }

    /// Applies the directives to the collected results, runs the diff rules against the HEAD
    /// version (so a removed guard shows up as the user types), and judges the findings.
    fn finish(&mut self) {
        self.ensure_diff_facts();
        self.findings = analysis::finish(&self.text, &self.rules, self.collected.clone());
        if let (Some(language), Some(head)) = (
            self.language,
            self.base.as_deref().and_then(Base::head_text),
        ) {
            let none = DiffFacts::default();
            analysis::diff::analyze_diff_facts(
                (head, self.base_facts.as_ref().unwrap_or(&none)),
                (&self.text, self.current_facts.as_ref().unwrap_or(&none)),
                language,
                &self.rules,
                &mut self.findings,
            );
        }
        if let (Some((plan, path)), Some(Language::Hcl)) = (&self.plan, self.language) {
            let parsed;
            let tree = match &self.tree {
                Some(tree) => tree,
                None => match analysis::parse(Language::Hcl, &self.text, None) {
                    Some(tree) => {
                        parsed = tree;
                        &parsed
                    }
                    None => return self.judge(),
                },
            };
            let found = plan.findings(path, &self.text, &self.rules);
            self.findings.extend(analysis::apply_directives_to(
                &self.text,
                tree,
                Language::Hcl,
                &self.rules,
                found,
            ));
            self.findings.sort_by(|a, b| {
                (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
            });
        }
        self.judge();
    }

    /// Sets the module's Terraform plans (read off the request path) and re-reports.
    pub fn set_plan(&mut self, plan: Option<(Arc<ModulePlan>, PathBuf)>) {
        self.plan = plan;
        self.finish();
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
            None => Base::unknown().facts(&self.text, Some(&self.bulk)),
        };
        let lines = analysis::LineIndex::new(&self.text);
        crate::provenance::judge(
            &mut self.findings,
            &lines,
            &self.rules,
            &facts,
            &self.policy,
        );
    }

    /// Parses and analyses the whole text.
    pub fn analyse_from_scratch(&mut self) {
        self.interrupted = true;
        self.pending = None;
        self.findings.clear();
        self.reparse_and_analyse_all();
        self.interrupted = false;
    }

    /// Switches to another rule set (configuration reload) and re-analyses.
    pub fn set_rules(&mut self, rules: Arc<RuleSet>) {
        self.rules = rules;
        self.base_facts = None;
        self.analyse_from_scratch();
    }

    /// Applies the changes of one `didChange` in order and analyses the result.
    pub fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) -> Vec<String> {
        let warnings = self.edit(changes, version, encoding);
        self.refresh();
        warnings
    }

    /// Applies the changes of one `didChange` to the text and the tree, without analysing:
    /// [`Document::refresh`] analyses once for any number of edits, so a burst of changes costs
    /// one analysis of the latest text. Returns a warning for each change whose range was outside
    /// the document: it is clamped, and the tree and findings are rebuilt from scratch so they
    /// agree with the text.
    pub fn edit(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) -> Vec<String> {
        let recover = std::mem::replace(&mut self.interrupted, true);
        if recover {
            self.rope = Rope::from_str(&self.text);
            self.tree = None;
        }
        // Until the next analysis, the old findings would sit at stale offsets.
        self.findings.clear();
        let (dirty, full) = self.pending.take().unwrap_or((None, false));
        let (warnings, dirty, full) =
            self.apply(changes, version, encoding, dirty, full || recover);
        self.pending = Some((dirty, full));
        self.interrupted = false;
        warnings
    }

    /// Whether changes wait for [`Document::refresh`].
    pub fn is_pending(&self) -> bool {
        self.pending.is_some() || self.interrupted
    }

    /// Analyses the changes applied since the last analysis, if any.
    pub fn refresh(&mut self) {
        let recover = std::mem::replace(&mut self.interrupted, true);
        let Some((dirty, full)) = self.pending.take().or(recover.then_some((None, true))) else {
            self.interrupted = false;
            return;
        };
        if recover {
            self.rope = Rope::from_str(&self.text);
            self.tree = None;
        }
        self.findings.clear();
        self.analyse_changes(dirty, full || recover);
        self.interrupted = false;
    }

    /// The text half of [`Document::edit`]: returns the warnings and the accumulated dirty
    /// region and full-parse flag.
    fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
        mut dirty: Option<Range<usize>>,
        mut full: bool,
    ) -> (Vec<String>, Option<Range<usize>>, bool) {
        self.version = version;
        let mut warnings = Vec::new();
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
            self.collected.shift(&(start..end), new_end);
            if let Some(facts) = self.current_facts.as_mut() {
                facts.edit(start..end, new_end);
            }
            for (_, range) in &mut self.chain {
                let shift = |o: usize| analysis::shift_offset(o, &(start..end), new_end);
                *range = shift(range.start)..shift(range.end);
            }
            dirty = Some(match dirty {
                None => start..new_end,
                Some(previous) => {
                    let shift = |o: usize| analysis::shift_offset(o, &(start..end), new_end);
                    let moved = shift(previous.start)..shift(previous.end);
                    moved.start.min(start)..moved.end.max(new_end)
                }
            });
        }
        (warnings, dirty, full)
    }

    /// The analysis half: parses incrementally and re-queries what the edits touched.
    fn analyse_changes(&mut self, dirty: Option<Range<usize>>, full: bool) {
        if full {
            self.reparse_and_analyse_all();
            return;
        }
        let Some(language) = self.language else {
            return;
        };
        let started = std::time::Instant::now();
        let Some(old_tree) = self.tree.take() else {
            self.reparse_and_analyse_all();
            return;
        };
        let Some(new_tree) = analysis::parse(language, &self.text, Some(&old_tree)) else {
            self.reparse_and_analyse_all();
            return;
        };
        let reparsed = started.elapsed();
        let span = self.rules.compiled(language).sibling_span;
        let facts = analysis::document_facts(&self.text, language, &self.rules);
        let facts_read = started.elapsed();
        // A run that stopped early, or a change of a document-wide fact, can change any finding.
        if self.collected.truncated || span == usize::MAX || facts != self.document_facts {
            tracing::debug!("edit: whole document (truncated, sibling span or document facts)");
            self.tree = Some(new_tree);
            self.analyse_all();
            return;
        }
        // A match of a node of the outline's chain (a SQL file whose root is an ERROR node,
        // matched by a pattern over its text) can change with any statement: while the old or
        // the new tree has one, the whole document is queried again.
        let descend = span == 1;
        let outline = Outline::of(new_tree.root_node(), descend);
        let before = Outline::of(old_tree.root_node(), descend);
        let matched_at_top = std::mem::take(&mut self.matched_at_top);
        let chain = std::mem::take(&mut self.chain);
        // Kinds of node a match (of a rule, or of a diff rule while diff facts are kept) can be
        // rooted at: old findings can be rooted at such a node only if `matched_at_top` covered it.
        let diff = self.current_facts.is_some();
        let may_root = |kind: &str| {
            self.rules.compiled(language).may_root(kind)
                || diff && self.rules.compiled_diff(language).may_root(kind)
        };
        let unrecorded = before.chain.iter().any(|node| {
            !chain.contains(&(node.kind_id(), node.byte_range())) && may_root(node.kind())
        });
        if matched_at_top || unrecorded || outline.matched(&self.text, language, &self.rules, diff)
        {
            tracing::debug!(
                "edit: whole document (matched at top {matched_at_top}, old chain unrecorded {unrecorded})"
            );
            drop(before);
            drop(outline);
            drop(old_tree);
            self.tree = Some(new_tree);
            self.analyse_all();
            return;
        }
        // No match is rooted at a node of the new chain (nor was one at a node of the old):
        // statements are compared with the old statements or, where the chain changed, with
        // the nodes inside them (`may_root` says which old nodes a statement may be lifted out of).
        self.chain = outline.chain_signature();
        let outlined = started.elapsed();
        let (replaced, queried) = changed_statements(
            &self.text,
            &before.statements,
            &outline.statements,
            dirty.unwrap_or(0..0),
            &self.collected.dependents,
            span,
            &may_root,
        );
        drop(old_tree);
        let parsed = started.elapsed();
        let fresh = analysis::collect(
            &self.text,
            new_tree.root_node(),
            &queried,
            language,
            &self.rules,
            EDIT_BUDGET,
        );
        let complete = !fresh.truncated;
        tracing::debug!(
            "edit: parse {reparsed:?}, document facts {:?}, outlines {:?}, statements {:?}, re-query of {} regions over {} bytes {:?}{}",
            facts_read - reparsed,
            outlined - facts_read,
            parsed - outlined,
            queried.len(),
            queried.iter().map(ExactSizeIterator::len).sum::<usize>(),
            started.elapsed() - parsed,
            if complete { "" } else { " (stopped early)" }
        );
        if self.current_facts.is_some() {
            let fresh = DiffFacts::collect(
                &self.text,
                new_tree.root_node(),
                &queried,
                language,
                &self.rules,
            );
            if let Some(facts) = self.current_facts.as_mut() {
                facts.splice(&replaced, fresh);
            }
        }
        self.tree = Some(new_tree);
        self.collected.splice(&replaced, fresh);
        if !complete {
            tracing::debug!("edit: whole document (re-query stopped early)");
            // Give the whole document its full budget once.
            self.analyse_all();
            return;
        }
        self.finish();
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
        self.current_facts = None;
        let descend = self.rules.compiled(language).sibling_span == 1;
        let outline = Outline::of(tree.root_node(), descend);
        // Diff facts are kept whenever HEAD is known.
        let diff = self.base.as_deref().and_then(Base::head_text).is_some();
        self.matched_at_top = outline.matched(&self.text, language, &self.rules, diff);
        self.chain = outline.chain_signature();
        self.collected = analysis::collect(
            &self.text,
            tree.root_node(),
            &[],
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
const FILE_WRAPPERS: [&str; 1] = ["body"];

/// Above this size, a node with a child holding half of it or more is looked into. The unit
/// tests (the edit fuzzing) use a small size so their documents exercise it.
#[cfg(not(test))]
const LARGE: usize = 64 * 1024;
#[cfg(test)]
const LARGE: usize = 256;

/// What an edit re-queries statement by statement: the chain of nodes that hold the statements
/// (the root; wrappers such as HCL's `body`; in a large file, a child holding most of it, such as
/// the one object of a JSON policy or a class holding a whole Python module, and so on down),
/// and the statements: the other children of the chain's nodes, in order.
struct Outline<'t> {
    chain: Vec<Node<'t>>,
    statements: Vec<Node<'t>>,
}

impl<'t> Outline<'t> {
    /// `descend`: whether large children may join the chain (not with patterns over several
    /// siblings, whose siblings would be split between levels).
    fn of(root: Node<'t>, descend: bool) -> Outline<'t> {
        let mut chain = vec![root];
        let mut node = root;
        while let Some(next) = Self::holder(node, descend) {
            chain.push(next);
            node = next;
        }
        let mut statements = Vec::new();
        for (index, node) in chain.iter().enumerate() {
            let next = chain.get(index + 1);
            let mut cursor = node.walk();
            statements.extend(node.children(&mut cursor).filter(|c| Some(c) != next));
        }
        statements.sort_by_key(|n| n.start_byte());
        Outline { chain, statements }
    }

    fn holder(node: Node<'t>, descend: bool) -> Option<Node<'t>> {
        if node.named_child_count() == 1 {
            if let Some(only) = node.named_child(0) {
                if FILE_WRAPPERS.contains(&only.kind()) {
                    return Some(only);
                }
            }
        }
        let size = node.byte_range().len();
        if !descend || size < LARGE {
            return None;
        }
        let mut cursor = node.walk();
        node.children(&mut cursor)
            .find(|child| child.byte_range().len() * 2 >= size && child.child_count() >= 2)
    }

    /// The chain's kinds and byte ranges.
    fn chain_signature(&self) -> Vec<(u16, Range<usize>)> {
        self.chain
            .iter()
            .map(|node| (node.kind_id(), node.byte_range()))
            .collect()
    }

    /// Whether a rule pattern (with `diff`, a diff rule's pattern too) matches a node of the
    /// chain: such a match can change with any statement.
    fn matched(&self, text: &str, language: Language, rules: &RuleSet, diff: bool) -> bool {
        self.matched_by(text, language, rules, false)
            || diff && self.matched_by(text, language, rules, true)
    }

    /// Whether a pattern of the rules' query (`diff`: of the diff rules' query) matches a node
    /// of the chain. Only nodes of a kind a pattern can be rooted at are queried (a query
    /// cursor on the root walks the whole tree even when no pattern can start there).
    fn matched_by(&self, text: &str, language: Language, rules: &RuleSet, diff: bool) -> bool {
        let compiled = if diff {
            rules.compiled_diff(language)
        } else {
            rules.compiled(language)
        };
        self.chain.iter().any(|node| {
            compiled.may_root(node.kind())
                && analysis::matches_at_top(text, *node, 0, language, rules, diff)
        })
    }
}

/// Which subtree a node is: the tree's storage of it. A node the incremental parse reused from
/// the old tree is the very same subtree, so equal identities mean equal structure and, outside
/// the edited text, equal text.
fn identity(node: Node<'_>) -> (usize, usize) {
    // SAFETY: a node's id is the address of the subtree slot it was read from (in its parent's
    // child array, or the tree's root), a pointer-sized value that lives as long as the tree,
    // which the node borrows. Its value is the shared subtree's address (or, for a small leaf,
    // its packed inline data). `subtree_identity_follows_reuse` checks this against the
    // tree-sitter version in use.
    let subtree = unsafe { std::ptr::read(node.id() as *const usize) };
    (subtree, node.start_byte())
}

/// Whether two nodes over the same text (outside the edit) have the same shape: what a query
/// can see of them (kinds, ranges, field names, missing nodes) is equal all the way down. A
/// subtree the incremental parse reused is the same object in both trees and is not descended
/// into, so this costs little where tree-sitter reuses; parsers whose tokens depend on context
/// (bash, SQL, Dockerfile) rebuild the statements after an edit around reused inner parts.
fn same_subtree(old: Node<'_>, new: Node<'_>) -> bool {
    let alike = |a: Node<'_>, b: Node<'_>| {
        a.kind_id() == b.kind_id()
            && a.byte_range() == b.byte_range()
            && a.child_count() == b.child_count()
            && a.is_missing() == b.is_missing()
            && a.is_extra() == b.is_extra()
    };
    if identity(old) == identity(new) {
        return true;
    }
    if !alike(old, new) {
        return false;
    }
    // Both subtrees depth-first, in step, with one cursor each; a pair that is the same
    // subtree is not descended into.
    let (mut a, mut b) = (old.walk(), new.walk());
    let mut depth = 0usize;
    let mut descend = true;
    loop {
        // Equal child counts: when `a` has no child, neither has `b`.
        if descend && a.goto_first_child() {
            if !b.goto_first_child() {
                return false;
            }
            depth += 1;
        } else {
            loop {
                if depth == 0 {
                    return true;
                }
                match (a.goto_next_sibling(), b.goto_next_sibling()) {
                    (true, true) => break,
                    (false, false) => {
                        a.goto_parent();
                        b.goto_parent();
                        depth -= 1;
                    }
                    _ => return false,
                }
            }
        }
        if a.field_id() != b.field_id() {
            return false;
        }
        let (x, y) = (a.node(), b.node());
        descend = identity(x) != identity(y);
        if descend && !alike(x, y) {
            return false;
        }
    }
}

/// What to re-query after an edit: the byte ranges (sorted, disjoint) of `text` outside the
/// top-level statements that are certainly as before. A statement is not, when it may differ
/// from its version in `old`, when it holds a match whose predicates read other statements
/// (`dependents`) one of which changed, or when it is one of the `span - 1` named neighbours of such a statement
/// (for patterns over several siblings). Text no statement holds is re-queried too unless it is
/// blank (unparsed text, which error recovery leaves outside every statement, can match).
///
/// A statement is the same as before when it does not touch the edit (`dirty`) and has the same
/// shape as the old statement at the same (shifted) place (see [`same_subtree`]) or, with `span`
/// 1, as a node inside an old statement that no match can be rooted above (see [`lifted_from`]):
/// a statement the chain's change lifted out of an old one.
fn changed_statements(
    text: &str,
    before: &[Node<'_>],
    statements: &[Node<'_>],
    dirty: Range<usize>,
    dependents: &[(Range<usize>, Range<usize>)],
    span: usize,
    may_root: &dyn Fn(&str) -> bool,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let touches = |node: &Node<'_>, range: &Range<usize>| {
        node.start_byte() <= range.end && range.start <= node.end_byte()
    };
    let same_as_before = |node: &Node<'_>| {
        let at = before.partition_point(|old| old.start_byte() < node.start_byte());
        let starting_here = before[at..]
            .iter()
            .take_while(|old| old.start_byte() == node.start_byte());
        if starting_here.clone().any(|old| same_subtree(*old, *node)) {
            return true;
        }
        // A statement lifted out of an old statement (the chain changed): the old statement
        // holding it, or one starting where it does.
        let holder = at.checked_sub(1).map(|i| before[i]);
        span == 1
            && holder
                .into_iter()
                .chain(starting_here.copied())
                .any(|old| lifted_from(old, *node, may_root))
    };
    let mut fresh: Vec<bool> = statements
        .iter()
        .map(|node| touches(node, &dirty) || !same_as_before(node))
        .collect();
    // A match whose predicates read beyond its statement is queried again when what they read
    // changed.
    let changed: Vec<Range<usize>> = statements
        .iter()
        .zip(&fresh)
        .filter(|(_, fresh)| **fresh)
        .map(|(node, _)| node.byte_range())
        .chain([dirty.clone()])
        .collect();
    for (matched, read) in dependents {
        if !changed
            .iter()
            .any(|c| c.start <= read.end && read.start <= c.end)
        {
            continue;
        }
        let first = statements.partition_point(|node| node.end_byte() < matched.start);
        for (index, node) in statements.iter().enumerate().skip(first) {
            if node.start_byte() > matched.end {
                break;
            }
            if read.start < node.start_byte() || node.end_byte() < read.end {
                fresh[index] = true;
            }
        }
    }
    // Statements whose results may change: the changed ones and the neighbours a pattern over
    // several siblings reaches from them. Their results are replaced; the query runs over as many
    // neighbours again, so a match reaching out of them is found whole.
    let replaced = widen(statements, &fresh, span);
    let queried = widen(statements, &replaced, span);
    (
        regions_of(text, statements, &replaced, &dirty),
        regions_of(text, statements, &queried, &dirty),
    )
}

/// Whether `new` is a node of `old`'s subtree with the same shape ([`same_subtree`]), and no
/// node above it down from `old` can root a match (`may_root`): matches found in it then are
/// the matches found in it before.
fn lifted_from(old: Node<'_>, new: Node<'_>, may_root: &dyn Fn(&str) -> bool) -> bool {
    let range = new.byte_range();
    let mut node = old;
    loop {
        if node.byte_range() == range && same_subtree(node, new) {
            return true;
        }
        if may_root(node.kind()) {
            return false;
        }
        let mut cursor = node.walk();
        let inner = node
            .children(&mut cursor)
            .find(|child| child.start_byte() <= range.start && range.end <= child.end_byte());
        match inner {
            Some(inner) => node = inner,
            None => return false,
        }
    }
}

/// The marked statements plus `span - 1` named neighbours on either side of each.
fn widen(statements: &[Node<'_>], marked: &[bool], span: usize) -> Vec<bool> {
    let mut widened = marked.to_vec();
    if span <= 1 {
        return widened;
    }
    let named: Vec<usize> = (0..statements.len())
        .filter(|&i| statements[i].is_named())
        .collect();
    for index in (0..statements.len()).filter(|&i| marked[i]) {
        let at = named.partition_point(|&n| n < index);
        let from = named
            .get(at.saturating_sub(span - 1))
            .map_or(0, |&n| n.min(index));
        let to = named
            .get(at + span - 1)
            .or(named.last())
            .map_or(index, |&n| n.max(index));
        for flag in &mut widened[from..=to] {
            *flag = true;
        }
    }
    widened
}

/// The byte ranges of the marked statements, of text no statement holds (unless blank) and of
/// the edit, sorted; ranges apart by blank text only are one (a pattern over siblings must see
/// them together).
fn regions_of(
    text: &str,
    statements: &[Node<'_>],
    marked: &[bool],
    dirty: &Range<usize>,
) -> Vec<Range<usize>> {
    let joins = |last: &Range<usize>, next: &Range<usize>| {
        next.start <= last.end
            || text
                .get(last.end..next.start)
                .is_some_and(|between| between.trim().is_empty())
    };
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for (node, marked) in statements.iter().zip(marked) {
        let gap = at..node.start_byte().max(at);
        if text.get(gap.clone()).is_some_and(|t| !t.trim().is_empty()) {
            ranges.push(gap);
        }
        if *marked {
            ranges.push(node.start_byte().max(at)..node.end_byte());
        }
        at = at.max(node.end_byte());
    }
    let tail = at..text.len().max(at);
    if text.get(tail.clone()).is_some_and(|t| !t.trim().is_empty()) {
        ranges.push(tail);
    }
    // The edit itself, even when it only added blank text (its end may join two statements).
    let position = ranges.partition_point(|r| r.start < dirty.start);
    ranges.insert(position, dirty.clone());
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if joins(last, &range) => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

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

    /// Every node's kind and start, and the end of every leaf. Where a parent ends is left out:
    /// tree-sitter's incremental parse can attach a trailing comment to a statement differently
    /// from a fresh parse of the same text (see `incremental_parse_can_place_a_trailing_comment_differently`),
    /// which moves the parent's end and nothing else.
    fn nodes(tree: &Tree) -> Vec<(String, usize, Option<usize>)> {
        let mut out = Vec::new();
        let mut cursor = tree.walk();
        let mut stack = vec![tree.root_node()];
        while let Some(node) = stack.pop() {
            let leaf = node.child_count() == 0;
            out.push((
                node.kind().to_string(),
                node.start_byte(),
                leaf.then(|| node.end_byte()),
            ));
            stack.extend(node.children(&mut cursor));
        }
        out.sort();
        out
    }

    /// tree-sitter itself: after an edit far before it, an incremental parse leaves the comment
    /// after `const bus = new Comma` outside the declaration, while a fresh parse of the same
    /// text puts it inside. The document store's edit is right (the text, the leaves and the
    /// findings agree); this records the upstream behaviour the tree comparison allows for, and
    /// fails once tree-sitter parses both the same way.
    /// `identity` reads tree-sitter's storage of a node: a statement the incremental parse
    /// reused keeps its identity, the edited one does not. If a tree-sitter upgrade changed what a
    /// node id points to, this fails. Bash's parser rebuilds what follows an edit, so there the
    /// unchanged statements are told by their shape instead; either way only the edited statement
    /// is re-queried.
    #[test]
    fn subtree_identity_follows_reuse() {
        for (language, text, reuses) in [
            (
                Language::Python,
                "def a():\n    x = 1\n\ndef b():\n    x = 2\n\ndef c():\n    x = 3\n",
                true,
            ),
            (
                Language::Bash,
                "a() {\n  echo 1\n}\nb() {\n  echo 2\n}\nc() {\n  echo 3\n}\n",
                false,
            ),
        ] {
            let mut tree = analysis::parse(language, text, None).unwrap();
            let identities = |tree: &Tree| {
                let root = tree.root_node();
                let mut cursor = root.walk();
                root.children(&mut cursor).map(identity).collect::<Vec<_>>()
            };
            let before = identities(&tree);
            assert_eq!(before.len(), 3);
            // Edit inside b: "2" becomes "22".
            let at = text.find('2').unwrap();
            let edited = format!("{}2{}", &text[..at], &text[at..]);
            tree.edit(&InputEdit {
                start_byte: at,
                old_end_byte: at,
                new_end_byte: at + 1,
                start_position: point_at(text, at),
                old_end_position: point_at(text, at),
                new_end_position: point_at(&edited, at + 1),
            });
            let shifted = identities(&tree);
            let new_tree = analysis::parse(language, &edited, Some(&tree)).unwrap();
            let after = identities(&new_tree);
            assert_eq!(after[0], shifted[0], "{language}: a is reused");
            assert_ne!(after[1], shifted[1], "{language}: b was edited");
            assert_eq!(after[2] == shifted[2], reuses, "{language}: c");
            assert_eq!(shifted[2].1, before[2].1 + 1);
            let (regions, _) = changed_statements(
                &edited,
                &Outline::of(tree.root_node(), true).statements,
                &Outline::of(new_tree.root_node(), true).statements,
                at..at + 1,
                &[],
                1,
                &|_| true,
            );
            let b = new_tree.root_node().child(1).unwrap().byte_range();
            assert_eq!(
                regions,
                vec![b],
                "{language}: {}",
                new_tree.root_node().to_sexp()
            );
        }
    }

    #[test]
    fn incremental_parse_can_place_a_trailing_comment_differently() {
        let rules = Arc::new(RuleSet::builtin());
        let before = "// src/users/commands.js: the application's own command bus, no AWS SDK involved.\r\nimport { CommandBus } from \"./bus.js\";\r\n\n\r\n\r\nconst bus = new Comma// scripts/start.js: loads .env.local by hand, then starts the dev server.\n";
        let mut document = Document::open(
            Some(Language::JavaScript),
            1,
            before.to_string(),
            rules.clone(),
        );
        let change = TextDocumentContentChangeEvent {
            range: Some(LspRange {
                start: Position::new(0, 81),
                end: Position::new(2, 0),
            }),
            range_length: None,
            text: "😀".into(),
        };
        document.apply_changes(vec![change], 2, Encoding::Utf16);
        let fresh = analysis::parse(Language::JavaScript, &document.text, None).unwrap();
        let incremental = document.tree.as_ref().unwrap();
        assert_ne!(
            incremental.root_node().to_sexp(),
            fresh.root_node().to_sexp()
        );
        assert_eq!(nodes(incremental), nodes(&fresh));
        let expected = analysis::analyze_tree(&document.text, &fresh, Language::JavaScript, &rules);
        assert_eq!(document.findings, expected);
    }

    /// Lines as LSP counts them (ending at `\r\n`, `\r` or `\n`): each line's content range and
    /// the offset where the next line starts. There is always one more line than line breaks.
    fn lsp_lines(text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let (mut lines, mut start, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    lines.push(start..i);
                    i += 2;
                    start = i;
                }
                b'\r' | b'\n' => {
                    lines.push(start..i);
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        lines.push(start..bytes.len());
        lines
    }

    fn units(c: char, encoding: Encoding) -> usize {
        match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }

    /// The byte offset of a position, computed independently of `position.rs` by walking the
    /// string: a line past the end is the end of the document; a character past the end of its
    /// line is the line end; a character inside a multi-unit character is that character's start.
    fn reference_offset(text: &str, position: Position, encoding: Encoding) -> usize {
        let lines = lsp_lines(text);
        let Some(line) = lines.get(position.line as usize) else {
            return text.len();
        };
        let mut counted = 0;
        for (i, c) in text[line.clone()].char_indices() {
            counted += units(c, encoding);
            if counted > position.character as usize {
                return line.start + i;
            }
        }
        line.end
    }

    /// A position in the document's own units: often at a line end, sometimes inside a
    /// multi-unit character, past the end of a line or past the last line.
    fn random_position(rng: &mut Rng, text: &str, encoding: Encoding) -> Position {
        let lines = lsp_lines(text);
        let line = rng.below(lines.len() + 1);
        let length: usize = lines.get(line).map_or(0, |l| {
            text[l.clone()].chars().map(|c| units(c, encoding)).sum()
        });
        let character = match rng.below(6) {
            0 => length,
            1 => length + 1 + rng.below(3),
            _ => rng.below(length + 1),
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// One random change against `text`: a range edit (insertion, deletion, replacement, or an
    /// empty no-op), a whole-document replacement by range, or a full-text change.
    fn random_change(
        rng: &mut Rng,
        text: &str,
        pieces: &[String],
        initial: &str,
        encoding: Encoding,
    ) -> TextDocumentContentChangeEvent {
        let piece = |rng: &mut Rng| match rng.below(8) {
            0 => String::new(),
            1 => {
                // Two pieces typed together, so multi-line inserts mix languages' text.
                let a = &pieces[rng.below(pieces.len())];
                let b = &pieces[rng.below(pieces.len())];
                format!("{a}{b}")
            }
            _ => pieces[rng.below(pieces.len())].clone(),
        };
        match rng.below(60) {
            0 => TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: piece(rng),
            },
            1 => TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: initial.to_string(),
            },
            2 | 3 => {
                let lines = lsp_lines(text);
                let last = lines.len() - 1;
                let end_units: usize = text[lines[last].clone()]
                    .chars()
                    .map(|c| units(c, encoding))
                    .sum();
                TextDocumentContentChangeEvent {
                    range: Some(LspRange {
                        start: Position::new(0, 0),
                        end: Position::new(last as u32, end_units as u32),
                    }),
                    range_length: None,
                    text: if rng.below(2) == 0 {
                        String::new()
                    } else {
                        piece(rng)
                    },
                }
            }
            _ => {
                let a = random_position(rng, text, encoding);
                let b = match rng.below(3) {
                    0 => a,
                    _ => random_position(rng, text, encoding),
                };
                let (start, end) = if (a.line, a.character) <= (b.line, b.character) {
                    (a, b)
                } else {
                    (b, a)
                };
                TextDocumentContentChangeEvent {
                    range: Some(LspRange { start, end }),
                    range_length: None,
                    text: if rng.below(5) == 0 {
                        String::new()
                    } else {
                        piece(rng)
                    },
                }
            }
        }
    }

    /// Applies a change to a plain string, with offsets from [`reference_offset`].
    fn apply_reference(text: &mut String, change: &TextDocumentContentChangeEvent, e: Encoding) {
        match change.range {
            None => *text = change.text.clone(),
            Some(range) => {
                let mut start = reference_offset(text, range.start, e);
                let mut end = reference_offset(text, range.end, e);
                if start > end {
                    std::mem::swap(&mut start, &mut end);
                }
                text.replace_range(start..end, &change.text);
            }
        }
    }

    /// Text typed into documents of every language: line breaks of all three kinds, multi-byte
    /// and non-BMP characters (surrogate pairs in UTF-16), combining marks, tabs, quotes.
    const COMMON: &[&str] = &[
        "", "x", "é", "😀", "𝄞", "中文", "e\u{301}", "\u{feff}", "\t", "\n", "\r\n", "\r", " ",
        "\"", "'", "`", "#", "$", "{", "}", "(", ")", "[", "]", "-- ", "//", "/*", "*/", "=", ";",
        ":", "\\",
    ];

    /// Per language: initial documents and pieces of code to type. Every language takes its rule
    /// fixtures (`tests/fixtures/<language>/`): each file is an initial document and each line a
    /// piece; the hand-written cases add texts the fixtures do not have.
    /// Per language: initial documents (with a HEAD version for the diff rules' fixture pairs)
    /// and pieces of text to insert.
    #[allow(clippy::type_complexity)]
    fn corpus() -> Vec<(Language, Vec<(String, Option<String>)>, Vec<String>)> {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        Language::ALL
            .into_iter()
            .map(|language| {
                let mut initials = Vec::new();
                let mut pieces: Vec<String> = COMMON.iter().map(|s| s.to_string()).collect();
                for (case_language, initial, specific) in cases() {
                    if case_language == language {
                        initials.push((initial.to_string(), None));
                        pieces.extend(specific.iter().map(|s| s.to_string()));
                    }
                }
                let dir = fixtures.join(language.name());
                let mut files: Vec<_> = std::fs::read_dir(&dir)
                    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                    .flatten()
                    .map(|entry| entry.path())
                    .collect();
                files.sort();
                for file in files {
                    let text = std::fs::read_to_string(&file).unwrap();
                    // Documents stay small, so the fresh parse and analysis after every step
                    // stay cheap and the edits are what is exercised.
                    let mut initial = String::new();
                    for line in text.split_inclusive('\n') {
                        if initial.len() + line.len() > 1500 {
                            break;
                        }
                        initial.push_str(line);
                    }
                    pieces.extend(text.split_inclusive('\n').map(str::to_string));
                    initials.push((initial, None));
                }
                // The diff rules' fixture pairs: the current text, with its base as HEAD.
                let pairs = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/diff-fixtures")
                    .join(language.name());
                let mut files: Vec<_> = std::fs::read_dir(&pairs)
                    .map(|dir| dir.flatten().map(|entry| entry.path()).collect())
                    .unwrap_or_default();
                files.sort();
                for base_path in files {
                    let name = base_path.file_name().unwrap().to_string_lossy().to_string();
                    let Some((stem, extension)) = name.split_once(".base.") else {
                        continue;
                    };
                    let current_path = pairs.join(format!("{stem}.{extension}"));
                    let base = std::fs::read_to_string(&base_path).unwrap();
                    let current = std::fs::read_to_string(&current_path).unwrap();
                    pieces.extend(current.split_inclusive('\n').map(str::to_string));
                    initials.push((current, Some(base)));
                }
                assert!(!initials.is_empty(), "{language}: no initial documents");
                (language, initials, pieces)
            })
            .collect()
    }

    /// The line breaks of a whole document rewritten, so CRLF and lone-CR files are common.
    fn with_breaks(text: &str, kind: usize) -> String {
        let unix = text.replace("\r\n", "\n");
        match kind {
            1 => unix.replace('\n', "\r\n"),
            2 => unix.replace('\n', "\r"),
            _ => text.to_string(),
        }
    }

    #[derive(Default)]
    struct Tally {
        edits: usize,
        steps: usize,
        trees: usize,
        findings: usize,
        /// Steps where tree-sitter's own incremental parse differed from a fresh one.
        divergences: usize,
    }

    /// The tree-sitter edit of replacing `start..end` of `before` with `inserted`, computed here
    /// from the texts, apart from the document's own computation.
    fn reference_edit(before: &str, start: usize, end: usize, inserted: &str) -> InputEdit {
        let point = |text: &str, offset: usize| {
            let head = &text.as_bytes()[..offset];
            let row = head.iter().filter(|&&b| b == b'\n').count();
            let line_start = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            Point {
                row,
                column: offset - line_start,
            }
        };
        let mut after = before.to_string();
        after.replace_range(start..end, inserted);
        InputEdit {
            start_byte: start,
            old_end_byte: end,
            new_end_byte: start + inserted.len(),
            start_position: point(before, start),
            old_end_position: point(before, end),
            new_end_position: point(&after, start + inserted.len()),
        }
    }

    /// Runs edit sequences on one language until `target` edits are made; every step checks the
    /// document against the reference string, a fresh parse and a fresh analysis.
    fn fuzz_language(
        language: Language,
        initials: &[(String, Option<String>)],
        pieces: &[String],
        rules: &Arc<RuleSet>,
        target: usize,
    ) -> Tally {
        let mut tally = Tally::default();
        // `BLAST_RADIUS_FUZZ_SEED=<language>:<seed>` replays one failing sequence.
        let only: Option<u64> = std::env::var("BLAST_RADIUS_FUZZ_SEED").ok().and_then(|v| {
            let (name, seed) = v.split_once(':')?;
            if name == language.to_string() {
                seed.parse().ok()
            } else {
                Some(0)
            }
        });
        let mut seed = only.map_or(0, |s| s.saturating_sub(1));
        while tally.edits < target {
            if only == Some(0) || only.is_some_and(|s| seed >= s) {
                break;
            }
            seed += 1;
            let encoding = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32][(seed % 3) as usize];
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ language as u64);
            let (text, paired) = &initials[rng.below(initials.len())];
            let breaks = rng.below(4);
            let initial = with_breaks(text, breaks);
            let mut document = Document::open(Some(language), 1, initial.clone(), rules.clone());
            // A diff fixture pair compares with its base as HEAD, every other sequence with the
            // initial text, so the diff rules and their incrementally kept facts are checked too.
            let base = match paired {
                Some(base) => Some(with_breaks(base, breaks)),
                None => (seed % 2 == 0).then(|| initial.clone()),
            }
            .map(|head| Arc::new(Base::with_head_text(head)));
            document.set_base(base.clone());
            let mut reference = initial.clone();
            // tree-sitter's own incremental parse of the same edits, for telling a grammar's
            // divergence from a fresh parse apart from a wrong edit of ours.
            let mut reference_tree = document.tree.clone();
            for step in 0..40 {
                let mut changes = Vec::new();
                let mut after = reference.clone();
                for _ in 0..1 + rng.below(3) {
                    let change = random_change(&mut rng, &after, pieces, &initial, encoding);
                    match change.range {
                        Some(range) => {
                            let a = reference_offset(&after, range.start, encoding);
                            let b = reference_offset(&after, range.end, encoding);
                            let edit = reference_edit(&after, a.min(b), a.max(b), &change.text);
                            if let Some(tree) = reference_tree.as_mut() {
                                tree.edit(&edit);
                            }
                        }
                        None => reference_tree = None,
                    }
                    apply_reference(&mut after, &change, encoding);
                    changes.push(change);
                }
                let shown = format!("{changes:?}");
                tally.edits += changes.len();
                let before = std::mem::replace(&mut reference, after);
                document.edit(changes, step + 2, encoding);
                let context = format!(
                    "{language} {encoding:?} seed {seed} step {step}\nbefore: {before:?}\nchanges: {shown}\nafter: {reference:?}"
                );
                assert_eq!(document.text, reference, "{context}");
                assert_eq!(document.rope.to_string(), reference, "{context}");
                assert_eq!(
                    document.rope.len_lines(),
                    lsp_lines(&reference).len(),
                    "{context}"
                );
                // Sometimes the changes of several didChange notifications are analysed
                // together, as the server does under a burst.
                if step < 39 && rng.below(3) == 0 {
                    continue;
                }
                document.refresh();
                tally.steps += 1;
                let tree = document.tree.as_ref().unwrap();
                let fresh = analysis::parse(language, &reference, None).unwrap();
                // tree-sitter may recover from syntax errors differently when parsing
                // incrementally, so trees are compared where the text parses cleanly; the
                // findings are always those of a fresh analysis of the document's tree.
                if !fresh.root_node().has_error() {
                    if nodes(tree) != nodes(&fresh) {
                        // Allowed only where tree-sitter alone, given the same edits computed
                        // apart, parses the document into the very same tree as ours.
                        let theirs = reference_tree
                            .as_ref()
                            .and_then(|old| analysis::parse(language, &reference, Some(old)));
                        assert!(
                            theirs.is_some_and(|theirs| nodes(&theirs) == nodes(tree)),
                            "{context}\nthe tree differs from a fresh parse:\n{}\n{}",
                            tree.root_node().to_sexp(),
                            fresh.root_node().to_sexp()
                        );
                        tally.divergences += 1;
                    } else {
                        tally.trees += 1;
                    }
                }
                reference_tree = document.tree.clone();
                let budget = analysis::DOCUMENT_BUDGET;
                let fresh =
                    analysis::collect(&reference, tree.root_node(), &[], language, rules, budget);
                if !document.truncated() && !fresh.truncated {
                    let expected = match &base {
                        None => analysis::finish(&reference, rules, fresh),
                        // The same tree analysed whole, with the same base.
                        Some(base) => {
                            let mut whole = Document::unanalysed(
                                Some(language),
                                0,
                                reference.clone(),
                                rules.clone(),
                            );
                            whole.tree = Some(tree.clone());
                            whole.interrupted = false;
                            whole.analyse_all();
                            whole.set_base(Some(base.clone()));
                            whole.findings
                        }
                    };
                    assert_eq!(document.findings, expected, "{context}");
                    tally.findings += 1;
                }
            }
        }
        tally
    }

    /// Random incremental edit sequences in every language and all three encodings, checked
    /// after each step against a reference string, a fresh parse and a fresh analysis.
    /// `BLAST_RADIUS_FUZZ_EDITS` sets the number of edits (default 12,000; the long run in the
    /// README uses 1,000,000); languages run in parallel.
    #[test]
    fn random_edits_keep_text_tree_and_findings_equal_to_a_fresh_start() {
        let target: usize = std::env::var("BLAST_RADIUS_FUZZ_EDITS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(12_000);
        let rules = Arc::new(RuleSet::builtin());
        let corpus = corpus();
        let per_language = target.div_ceil(corpus.len());
        let started = std::time::Instant::now();
        let tallies: Vec<(Language, Tally)> = std::thread::scope(|scope| {
            let handles: Vec<_> = corpus
                .iter()
                .map(|(language, initials, pieces)| {
                    let rules = &rules;
                    scope.spawn(move || {
                        let tally = fuzz_language(*language, initials, pieces, rules, per_language);
                        (*language, tally)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut total = Tally::default();
        let replay = std::env::var_os("BLAST_RADIUS_FUZZ_SEED").is_some();
        for (language, tally) in &tallies {
            total.edits += tally.edits;
            total.steps += tally.steps;
            total.trees += tally.trees;
            total.findings += tally.findings;
            total.divergences += tally.divergences;
            if replay {
                continue;
            }
            assert!(
                tally.trees * 20 >= tally.steps,
                "{language}: only {} of {} steps had an error-free tree to compare",
                tally.trees,
                tally.steps
            );
            assert!(
                tally.findings * 2 >= tally.steps,
                "{language}: findings compared in only {} of {} steps",
                tally.findings,
                tally.steps
            );
        }
        #[allow(clippy::print_stderr)]
        let report = || {
            eprintln!(
                "fuzzed {} edits in {} steps over {} languages in {:.1?}: {} trees and {} finding sets compared; {} steps where the grammar's own incremental parse differed from a fresh one",
                total.edits,
                total.steps,
                tallies.len(),
                started.elapsed(),
                total.trees,
                total.findings,
                total.divergences
            );
        };
        report();
        if !replay {
            assert!(total.edits >= target, "{} edits", total.edits);
        }
    }

    /// An LSP range as start line, start character, end line, end character.
    type Span = (u32, u32, u32, u32);

    /// Edits at awkward positions, checked against the reference and a fresh analysis.
    #[test]
    fn edits_at_awkward_positions() {
        let rules = Arc::new(RuleSet::builtin());
        // (language, initial text, encoding, (start, end), inserted text, expected text)
        type Case<'a> = (Language, &'a str, Encoding, Span, &'a str, &'a str);
        let cases: &[Case] = &[
            // Inside a surrogate pair: the position falls back to the character's start.
            (
                Language::Bash,
                "echo 😀x\n",
                Encoding::Utf16,
                (0, 6, 0, 6),
                "y",
                "echo y😀x\n",
            ),
            // Inside a multi-byte character in UTF-8.
            (
                Language::Bash,
                "echo é\n",
                Encoding::Utf8,
                (0, 6, 0, 7),
                "",
                "echo \n",
            ),
            // Past the end of a CRLF line: the line break stays.
            (
                Language::Python,
                "a = 1\r\nb = 2\r\n",
                Encoding::Utf32,
                (0, 40, 0, 41),
                "  # x",
                "a = 1  # x\r\nb = 2\r\n",
            ),
            // A lone CR ends a line.
            (
                Language::Sql,
                "SELECT 1;\rDROP TABLE t;\r",
                Encoding::Utf16,
                (1, 0, 1, 0),
                "-- x\r",
                "SELECT 1;\r-- x\rDROP TABLE t;\r",
            ),
            // Splitting a CRLF pair by inserting between its halves: LSP has no such position,
            // so the edit lands at the line end.
            (
                Language::Bash,
                "ls\r\nrm -rf \"$D\"\r\n",
                Encoding::Utf8,
                (0, 3, 0, 3),
                "x",
                "lsx\r\nrm -rf \"$D\"\r\n",
            ),
            // Past the last line: clamped to the end of the document.
            (
                Language::Hcl,
                "a = 1\n",
                Encoding::Utf8,
                (9, 0, 9, 0),
                "b = 2\n",
                "a = 1\nb = 2\n",
            ),
        ];
        for (language, initial, encoding, (sl, sc, el, ec), inserted, expected) in cases {
            let mut document =
                Document::open(Some(*language), 1, initial.to_string(), rules.clone());
            let change = TextDocumentContentChangeEvent {
                range: Some(LspRange {
                    start: Position::new(*sl, *sc),
                    end: Position::new(*el, *ec),
                }),
                range_length: None,
                text: inserted.to_string(),
            };
            let mut reference = initial.to_string();
            apply_reference(&mut reference, &change, *encoding);
            assert_eq!(reference, *expected, "the reference itself");
            document.apply_changes(vec![change], 2, *encoding);
            assert_eq!(document.text, *expected, "{initial:?}");
            assert_eq!(document.rope.to_string(), *expected);
            let fresh = analysis::analyze(expected, *language, &rules);
            assert_eq!(document.findings, fresh, "{initial:?}");
        }
    }

    /// Regression cases the random sequences found: after an edit, findings that depend on
    /// more than the touched statements. The root turning into an ERROR node (every pattern may
    /// then match across the whole file), a GRANT split by the grammar into an ERROR, a
    /// statement and another ERROR (a pattern over three top-level siblings), a Dockerfile
    /// `USER root` that becomes the last USER of its stage when a later USER is deleted, a TSX
    /// call restructured by error recovery away from the edit, a Python `#not-bound-to?`
    /// whose assignment is another statement, npm scripts matched by a pattern rooted at the
    /// JSON document, and a split GRANT whose ERROR is a neighbour of the changed statements
    /// (its finding is replaced, so the query must reach the sibling beyond).
    #[test]
    fn findings_stay_right_where_the_file_does_not_parse() {
        let rules = Arc::new(RuleSet::builtin());
        type Case<'a> = (Language, &'a str, Encoding, &'a [(Span, &'a str)]);
        let cases: &[Case] = &[
            (
                Language::Sql,
                FIRST,
                Encoding::Utf8,
                &[((14, 7, 38, 60), "")],
            ),
            (
                Language::Sql,
                SECOND,
                Encoding::Utf8,
                &[((0, 24, 13, 0), "-- <- sql-update-without-where\n")],
            ),
            (
                Language::Dockerfile,
                THIRD,
                Encoding::Utf8,
                &[((6, 21, 11, 0), "USER node\n")],
            ),
            (
                Language::Tsx,
                FOURTH,
                Encoding::Utf8,
                &[(
                    (8, 0, 8, 0),
                    "  const bucket = String(formData.get(\"bucket\"));\n",
                )],
            ),
            (
                Language::Python,
                FIFTH,
                Encoding::Utf32,
                &[((13, 13, 52, 48), ""), ((14, 40, 14, 40), "$")],
            ),
            (
                Language::Json,
                SIXTH,
                Encoding::Utf16,
                &[(
                    (7, 29, 7, 29),
                    "    \"push\": \"git push --follow-tags origin main\",\n",
                )],
            ),
            (
                Language::Sql,
                SEVENTH,
                Encoding::Utf32,
                &[((5, 105, 5, 105), ""), ((12, 0, 21, 0), "")],
            ),
            // A statement lifted out of a function to the top level, into the scope a predicate
            // of its match reads (an edit deleted the start of the scope it read before).
            (
                Language::Python,
                EIGHTH,
                Encoding::Utf32,
                &[((6, 36, 7, 0), ""), ((34, 18, 43, 9), "\n")],
            ),
        ];
        for (language, initial, encoding, edits) in cases {
            let mut document =
                Document::open(Some(*language), 1, initial.to_string(), rules.clone());
            let changes = edits
                .iter()
                .map(
                    |((sl, sc, el, ec), inserted)| TextDocumentContentChangeEvent {
                        range: Some(LspRange {
                            start: Position::new(*sl, *sc),
                            end: Position::new(*el, *ec),
                        }),
                        range_length: None,
                        text: inserted.to_string(),
                    },
                )
                .collect();
            document.apply_changes(changes, 2, *encoding);
            // The analysis of the document's own tree (error recovery in an incremental parse
            // may differ from a fresh one).
            let tree = document.tree.as_ref().unwrap();
            let fresh = analysis::analyze_tree(&document.text, tree, *language, &rules);
            assert!(!fresh.is_empty());
            assert_eq!(document.findings, fresh, "{:?}", document.text);
        }
    }

    const SIXTH: &str = "{\r\n  // npm scripts are shell command lines: the shell rules check each value of \"scripts\".\r\n  \"name\": \"@acme/orders-web\",\r\n  \"version\": \"3.4.1\",\r\n  \"description\": \"rm -rf $HOME is only a description\",\r\n  \"scripts\": {\r\n    \"clean\": \"rm -rf $npm_config_cache_dir/*\",\r\n//            ^ rm-recursive-unguarded\r\n    \"clean:dist\": \"rimraf dist && rm -rf ./build\",\r\n// ok rm-recursive-unguarded: literal relative directories\r\n    \"nuke\": \"rm -rf \\\"$OUT_DIR\\\"/ && npm ci\",\r\n//           ^ rm-recursive-unguarded\r\n    \"release\": \"npm version patch && git push --force origin HEAD:main\",\r\n//                                   ^ git-force-push\r\n    \"push\": \"git push --follow-tags origin main\",\r\n// ok git-force-push: a plain push\r\n    \"setup\": \"curl -fsSL https://get.example.com/tool.sh | bash\",\r\n//            ^ curl-pipe-shell\r\n    \"deploy\": \"cd infra && terraform apply -auto-approve\",\r\n//                         ^ tf-apply-auto-approve\r\n    \"plan\": \"cd infra && terraform plan\",\r\n// ok tf-apply-auto-approve: only a plan\r\n    \"test\": \"jest --runInBand\"\r\n  },\r\n  \"config\": {\r\n    \"cleanup\": \"rm -rf $TMP/*\"\r\n// ok rm-recursive-unguarded: not under \"scripts\": a configuration value, not run by npm\r\n  },\r\n  \"devDependencies\": {\r\n    \"rimraf\": \"^6.0.1\"\r\n  }\r\n}\r\n";
    const EIGHTH: &str = "\"\"\"Database reset commands and test fixtures built on SQLAlchemy.\"\"\"\n\nimport osdef delete_empty_bucket(name: str) -> None:\ntest\nfrom flask_sqlalchemy import SQLAlchemy\nfrom sqlalchemy import MetaData, create_engine\nfrom sqlalchemy.orm import DeclarativeBase\n\ndb = SQLAlchemy()\nmetadata_obj = MetaData()\n\n\nclass Base(DeclarativeBase):\n    pass\n\n\n@click.command(\"reset-db\")\ndef reset_db():\n    engine = create_engine(os.environ[\"DATABASE_URL\"])\n    Base.metadata.drop_all(engine)\n    # <- orm-drop-all\n    Base.metadata.create_all(engine)\n\ndef consume(queue_url: str) -> None:\nstroy(self):\n        self.db.drop_all(bind_key=\"analytics\")\n#       ^ orm-drop-all\n        Base.metadata.drop_all(bind=self.engine)\n#       ^ orm-drop-all\n\n\n@pytest.fixture\ndef app_db(app):\n    with app.app_context():\n        db.create_all()\n        yield db\n        db.session.remove()\n        db.drop_all()\n#       ^ orm-drop-all\n\n\n@pytest.fixture\ndef memory_db():\n    engine = create_engine(\"sqlite://\")\n    Base.metadata.create_all(engine)\n    yield engine\n    Base.metadata.drop_all(engine)\n# ok orm-drop-all: the engine is an in-memory SQLite database made in this fixture\n\n\ndef scratch_sch";
    const SEVENTH: &str = "-- V3__roles_and_grants.sql (PostgreSQL)\r\n\r\nCREATE ROLE app_owner NOLOGIN;\r\nCREATE ROLE order_service LOGIN;\r\n\r\nCREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, total_cents bigint NOT NULL);\r\n\r\nGRANT ALL PRIVILEGES ON TABLE orders TO order_service;\r\n-- <- sql-grant-all\r\n\r\ngrant all on database shop to order_service;\r\n-- <- sql-grant-all\r\n\r\nGRANT ALL ON ALL TABLES IN SCHEMA public TO app_owner;\r\n-- <- sql-grant-all\r\n\r\nGRANT SELECT ON orders TO PUBLIC;\r\n-- <- sql-grant-all\r\n\r\nGRANT SELECT, INSERT ON orders TO order_service, public;\r\n-- <- sql-grant-all\r\n\r\nGRANT SELECT ON ALL TABLES IN SCHEMA reporting TO PUBLIC;\r\n-- <- sql-grant-all\r\n\r\nGRANT USAGE ON SCHEMA reporting TO PUBLIC;\r\n-- <- sql-grant-all\r\n\r\nGRANT SELECT ON TABLE orders TO PUBLIC;\r\n-- <- sql-grant-all\r\n\r\nDO $$\r\nBEGIN\r\n  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'analytics') THEN\r\n    CREATE ROLE analytics;\r\n  END IF;\r\n  GRANT ALL ON SCHEMA reporting TO analytics;\r\n  -- <- sql-grant-all\r\nEND\r\n$$;\r\n\r\n-- MySQL\r\nGrant All Privileges On *.* To 'admin'@'%' With Grant Option;\r\n-- <- sql-grant-all\r\n\r\nGRANT SELECT ON orders TO reporting_reader;\r\n-- ok sql-grant-all: one privilege to one named role\r\n\r\nGRANT SELECT, INSERT, UPDATE ON orders TO order_service;\r\n-- ok sql-grant-all: specific privileges to a named role\r\n\r\nGRANT USAGE ON SCHEMA public TO order_service;\r\n-- ok sql-grant-all: on a schema named public, to a named role\r\n\r\nGRANT app_owner TO deploy_user;\r\n-- ok sql-grant-all: role membership for one named role\r\n";

    const FIRST: &str = "-- V42__retire_legacy_billing.sql (Flyway, PostgreSQL)\r\n-- The legacy billing tables were replaced by billing.invoices in V38.\r\n\r\nBEGIN;\r\n\r\nCREATE TABLE IF NOT EXISTS billing.invoice_archive (LIKE billing.legacy_invoices INCLUDING ALL);\r\n\r\nDROP TABLE billing.legacy_invoices;\r\n-- <- sql-drop-table\r\n\r\ndrop table if exists billing.legacy_payments cascade;\r\n-- <- sql-drop-table\r\n\r\nDROP TABLE IF EXISTS \"LegacyCoupons\", legacy_coupon_redemptions RESTRICT;\r\n-- <- sql-drop-table\r\n\r\nDrop Table public.stripe_webhook_events;\r\n-- <- sql-drop-table\r\n\r\nCOMMIT;\r\n\r\n-- MySQL: downgrade of 2024_03_01_000000_create_sessions_table\r\ndrop table `sessions`;\r\n-- <- sql-drop-table\r\n\r\nCREATE OR REPLACE FUNCTION reset_staging() RETURNS void LANGUAGE sql AS $$\r\n  DROP TABLE staging_events;\r\n  -- <- sql-drop-table\r\n  CREATE TABLE staging_events (LIKE events);\r\n$$;\r\n\r\nDROP TEMPORARY TABLE IF EXISTS tmp_import_rows;\r\n-- ok sql-drop-table: MySQL temporary table, visible only to this session\r\n\r\nDROP VIEW IF EXISTS billing.invoice_totals;\r\n-- ok sql-drop-table: a view holds no rows of its own\r\n\r\nDROP INDEX CONCURRENTLY IF EXISTS billing.legacy_invoices_customer_idx;\r\n-- ok sql-drop-table: an index can be rebuilt from the table\r\n\r\n-- DROP TABLE billing.invoices;\r\n-- ok sql-drop-table: commented out\r\n\r\n/* DROP TABLE billing.invoices; */\r\n-- ok sql-drop-table: inside a block comment\r\n\r\nINSERT INTO audit.schema_changes (statement) VALUES ('DROP TABLE billing.legacy_invoices');\r\n-- ok sql-drop-table: a string literal\r\n\r\n";

    const SECOND: &str = "-- V3__roles_and_grants.sql (PostgreSQL)\r\n\r\nCREATE ROLE app_owner NOLOGIN;\r\nCREATE ROLE -- <- sql-drop-table\nervice LOGIN;\r\n\r\nCREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, total_cents bigint NOT NULL);\r\n\r\nGRANT ALL PRIVILEGES ON TABLE orders TO order_service;\r\n-- <- sql-grant-all\r\n\r\ngrant all on database shop to order_service;\r\n-- <- sql-grant-all\r\n\r\nGRANT ALL ON ALL TABLES IN SCHEMA public TO app_owner;\r\n-- <- sql-grant-all\r\n\r\nGRANT SELECT ON orders TO PUBLIC;\r\n-- <- sql-gra-- ok sql-delete-without-where: data-modifying CTE with a WHERE\n";

    const THIRD: &str = "# syntax=docker/dockerfile:1\r\n# Multi-stage build; each stage's last USER decides who its image runs as.\r\n\r\nFROM jenkins/jenkins:2.462.1-lts-jdk17 AS jenkins-agent\r\nUSER root\r\n# ok dockerfile-user-root: switched back to the jenkins user later in this stage\r\nRUN apt-get update \\\r\n && apt-get install -y --no-install-recommends docker-ce-cli make\r\nCOPY plugins.txt /usr/share/jenkins/ref/plugins.txt\r\nUSER jenkins\r\nRUN jenkins-plugin-cli --plugin-file /usr/share/jenkins/ref/plugins.txt\r\n\r\nFROM node:20-bookworm-slim AS dev\r\nWORKDIR $certificates\r\n\r\nFROM debian:bookworm-slim AS runtime\r\nRUN useradd --system --uid 10001 --create-home app\r\nUSER root\r\n# ok dockerfile-user-root: followed by USER app before the end of the stage\r\n中文";

    const FOURTH: &str = "// app/environments/page.tsx: lists preview environments (one CloudFormation stack each).\rimport {\r  CloudFormationClient,\r  DeleteStackCommand,\r  DescribeStacksCommand,\r  DetectStackDriftCommand,\r} from \"@aws-sdk/client-cloudformation\";\rimport { CloudFormation } from \"@aws-sdk/client-cloudformation\";\r\rconst cfn = new CloudFormationClient({});\r\rasync function destroy(formData: FormData) {\r  \"use server\";\r  const StackName = String(formData.get(\"stack\"));\r  await cfn.send(new DeleteStackCommand({ StackName }));\r  //             ^ aws-cloudformation-delete-stack server\";\r  const cmd = new DeleteStackCommand({ StackName, RoleARN, ClientRequestToken: crypto.randomUUID() });\r  //          ^ aws-cloudformation-delete-stack\r  await cfn.send(cmd);\r  await new CloudFormation({}).deleteStack({ StackName: `${StackName}-dns` });\r  //    ^ aws-cloudformation-delete-stack\r}\r\rasync function detectDrift(StackName: string) {\r  \"useexport default async function FunctionPage({ params }: { params: { name: string } }) {\n\r  const deleting = Stacks.filter((s) => s.StackStatus === \"DELETE_IN_PROGRESS\").length;\r  // ok aws-cloudformation-delete-stack: counts stacks already being deleted\r";

    const FIFTH: &str = "\"\"\"Database reset commands and test fixtures built on SQLAlchemy.\"\"\"\r\n\r\nimport os\r\n        self.tmpdir = tempfile.mkdtemp()\n\r\n    Base.metadata.drop_all(engine)\r\n    # <- orm-drop-all\r\n    Base.metadata.create_all(engine)\r\n\r\n\r\n@click.command(\"wipe\")\r\ndef wipe():\r\n    db.drop_all()\r\n    # <- orm-drop-all\r\n    db.create_all()\r\n\r\n\r\ndef drop_reporting(conn):\r\n    metadata_obj.drop_all(bind=conn, checkfirst=True)\r\n#   ^ orm-drop-all\r\n\r\n\r\nclass Store:\r\n    def destroy(self):\r\n        self.db.drop_all(bind_key=\"analytics\")\r\n#       ^ orm-drop-all\r\n        Base.metadata.drop_all(bind=self.engine)\r\n#       ^ orm-drop-all\r\n\r\n\r\n@pytest.fixture\r\ndef app_db(app):\r\n    with app.app_context():\r\n        db.create_all()\r\n        yield db\r\n        db.session.remove()\r\n        db.drop_all()\r\n#       ^ orm-drop-all\r\n\r\n\r\n@def application(environ, start_response):\npytest.fixture\r\ndef memory_db():\r\n    engine = create_engine(\"sqlite://\")\r\n    Base.metadata.create_all(engine)\r\n    yi        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message[\"ReceiptHandle\"])\neld engine\r\n    Base.metadata.drop_all(engine)\r\n# ok orm-drop-all: the engine is an in-memory SQLite database made in this fixture\r\n\r\n\r\ndef scratch_schema():\r\n    engine = create_engine(\"sqlite+pysqlite:///:memory:\", echo=True)\r\n    metadata_obj.drop_all(bind=engine)\r\n";
}
