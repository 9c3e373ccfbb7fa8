//! The pure core: text + language + rule set in, findings with byte ranges out.
//!
//! Architecture invariant: this module does no I/O, knows nothing of LSP or the CLI, keeps no
//! global mutable state (but per-thread parsers, the rule a panic unwound through, and a
//! debug-build test hook), and never panics on any input; a document that does not parse still
//! gets the findings of the parts that do.

pub mod diff;
pub mod directives;
mod embed;
pub mod language;
pub mod line_map;
pub mod query;
pub mod rules;
pub mod shell;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use std::cell::Cell;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use tree_sitter::{
    Node, Parser, QueryCursor, QueryCursorOptions, QueryCursorState, QueryMatch, StreamingIterator,
    Tree,
};

pub use language::Language;
pub use rules::{CatalogError, CatalogFile, Rule, RuleOptions, RuleSet, Scope, Severity};

use directives::DirectiveKind;
use query::{CommandCache, PatternRole};
use rules::{DIRECTIVE_INVALID, DIRECTIVE_UNUSED};

/// The review state of a finding, from the directives that apply to its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Review {
    None,
    Requested,
    Reviewed { by: String },
    Ignored { reason: String },
}

impl Review {
    pub fn name(&self) -> &'static str {
        match self {
            Review::None => "none",
            Review::Requested => "requested",
            Review::Reviewed { .. } => "reviewed",
            Review::Ignored { .. } => "ignored",
        }
    }
}

/// One high-blast-radius finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    /// The reported byte range.
    pub range: Range<usize>,
    /// The operand the operation acts on, when the rule singles one out.
    pub target: Option<Range<usize>>,
    /// The severity after review: a reviewed finding is a hint.
    pub severity: Severity,
    pub message: String,
    pub review: Review,
    /// The directive text (from `blast-radius:` to the end of its comment) that set the review.
    pub directive: Option<Range<usize>>,
    /// Where the code came from and how the severity policy judged it; filled in by the caller
    /// that has provenance facts (the analysis itself knows none).
    pub provenance: Option<std::sync::Arc<crate::provenance::Provenance>>,
    /// A text edit that makes the change safe, computed by the rule (for example the `moved`
    /// block a rename needs), offered as a quick fix.
    pub edit: Option<std::sync::Arc<Edit>>,
}

/// A replacement of `range` (byte offsets in the analysed text) by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub title: String,
    pub range: Range<usize>,
    pub text: String,
}

/// Byte offsets of line starts; lines end at `\n` (a preceding `\r` belongs to the line break).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// The end of a line's content, before its `\n` or `\r\n`.
    pub fn line_end(&self, line: usize) -> usize {
        self.starts.get(line + 1).map_or(self.len, |next| next - 1)
    }

    /// 0-based line and 0-based column counted in Unicode scalar values.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = text
            .get(start..offset.min(text.len()))
            .map_or(0, |s| s.chars().count());
        (line, column)
    }
}

thread_local! {
    static PARSERS: RefCell<HashMap<Language, Parser>> = RefCell::new(HashMap::new());
    /// The rule whose evaluation a panic last unwound through on this thread.
    static PANICKED_IN_RULE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// After the caller caught a panic from an analysis on this thread: the rule that was being
/// evaluated, if the panic came from a rule evaluation. Reading it clears it.
pub fn take_panicked_rule() -> Option<String> {
    PANICKED_IN_RULE.with(|rule| rule.borrow_mut().take())
}

/// Marks one rule evaluation: if a panic unwinds through it, the rule is remembered for
/// [`take_panicked_rule`]. Costs nothing when nothing panics.
struct RuleInProgress<'a>(&'a str);

impl Drop for RuleInProgress<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let id = self.0.to_string();
            PANICKED_IN_RULE.with(|rule| *rule.borrow_mut() = Some(id));
        }
    }
}

/// Debug builds only: called with the rule id before each rule evaluation, so a test can make
/// one rule fail and check that the callers' guards hold. Release builds have no such hook.
#[cfg(debug_assertions)]
pub static BEFORE_RULE_EVALUATION: std::sync::OnceLock<fn(&str)> = std::sync::OnceLock::new();

/// Parses a document, reusing `old_tree` (already edited) for an incremental parse.
pub fn parse(language: Language, text: &str, old_tree: Option<&Tree>) -> Option<Tree> {
    PARSERS.with(|parsers| {
        let mut parsers = parsers.borrow_mut();
        let parser = match parsers.entry(language) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => {
                let mut parser = Parser::new();
                parser.set_language(&language.grammar()).ok()?;
                entry.insert(parser)
            }
        };
        parser.parse(text, old_tree)
    })
}

/// Parses and analyses a document.
pub fn analyze(text: &str, language: Language, rules: &RuleSet) -> Vec<Finding> {
    analyze_checked(text, language, rules).0
}

/// Parses and analyses a document; the flag says the analysis stopped early (match limit or
/// time budget) and findings may be missing.
pub fn analyze_checked(text: &str, language: Language, rules: &RuleSet) -> (Vec<Finding>, bool) {
    analyze_within(text, language, rules, DOCUMENT_BUDGET)
}

/// [`analyze_checked`] with another time budget: the CLI gives a document more time than the
/// editor, so a busy CI runner does not lose findings an idle laptop reports.
pub fn analyze_within(
    text: &str,
    language: Language,
    rules: &RuleSet,
    budget: Duration,
) -> (Vec<Finding>, bool) {
    if !may_match(text, language, rules) {
        return (Vec::new(), false);
    }
    let Some(tree) = parse(language, text, None) else {
        return (Vec::new(), true);
    };
    let collected = collect_admitted(text, tree.root_node(), &[], language, rules, budget);
    let truncated = collected.truncated;
    (finish(text, rules, collected), truncated)
}

/// Whether any pattern of the language's query (rules, embedded shell, directive comments) can
/// match `text`: false when, for every pattern, the text lacks the strings one of its
/// predicates requires (`CompiledLanguage::prefilter`).
pub fn may_match(text: &str, language: Language, rules: &RuleSet) -> bool {
    let compiled = rules.compiled(language);
    compiled.query.is_some()
        && compiled
            .prefilter
            .as_ref()
            .is_none_or(|prefilter| prefilter.admits(text))
}

/// Upper bound on in-progress query matches, so a pathological document cannot make the query
/// cursor grow without bound.
const MATCH_LIMIT: u32 = 1024;

/// Upper bound on the time a whole-document query run may take in the editor; past it the
/// results are partial and marked as such, so a pathological document cannot stall it.
pub const DOCUMENT_BUDGET: Duration = Duration::from_secs(1);

/// The same bound for `check`: long enough that machine load does not change what CI reports,
/// short enough that a pathological file cannot stall a run.
pub const CLI_DOCUMENT_BUDGET: Duration = Duration::from_secs(10);

/// Analyses a parsed document: runs the language's combined query once, then applies the
/// directives found in its comments. Findings come sorted by position.
pub fn analyze_tree(text: &str, tree: &Tree, language: Language, rules: &RuleSet) -> Vec<Finding> {
    finish(
        text,
        rules,
        collect(
            text,
            tree.root_node(),
            &[],
            language,
            rules,
            DOCUMENT_BUDGET,
        ),
    )
}

/// What the query finds before directives are applied: rule findings (review `None`) and the
/// ranges of comments. Kept by the language server so an edit re-queries only the changed part.
#[derive(Clone, Debug, Default)]
pub struct Collected {
    pub findings: Vec<Finding>,
    pub comments: Vec<Range<usize>>,
    /// Matches (found or not) whose predicates read more than the match, with the range they
    /// read: an edit in that range outside the match's statement must query them again.
    pub dependents: Vec<(Range<usize>, Range<usize>)>,
    /// The query stopped early (match limit or time budget): findings may be missing.
    pub truncated: bool,
}

impl Collected {
    /// Replaces what lies in `regions` (sorted, disjoint byte ranges of the new text) with what
    /// `fresh` has there; `fresh` must come from a query over those regions or more.
    pub fn splice(&mut self, regions: &[Range<usize>], fresh: Collected) {
        let overlaps = |r: &Range<usize>| overlaps_any(regions, r);
        self.findings.retain(|f| !overlaps(&f.range));
        self.comments.retain(|c| !overlaps(c));
        self.dependents.retain(|(d, _)| !overlaps(d));
        self.findings
            .extend(fresh.findings.into_iter().filter(|f| overlaps(&f.range)));
        self.comments
            .extend(fresh.comments.into_iter().filter(|c| overlaps(c)));
        self.dependents
            .extend(fresh.dependents.into_iter().filter(|(d, _)| overlaps(d)));
        self.truncated = fresh.truncated;
        sort_findings(&mut self.findings);
        self.findings
            .dedup_by(|a, b| a.rule == b.rule && a.range == b.range);
        self.comments.sort_by_key(|c| (c.start, c.end));
        self.comments.dedup();
        sort_dependents(&mut self.dependents);
    }

    /// Keeps every range in step with an edit that replaced `edited` (old offsets) with text
    /// ending at `new_end`: see [`shift_offset`].
    pub fn shift(&mut self, edited: &Range<usize>, new_end: usize) {
        let shift = |offset: usize| shift_offset(offset, edited, new_end);
        for finding in &mut self.findings {
            finding.range = shift(finding.range.start)..shift(finding.range.end);
            finding.target = finding
                .target
                .as_ref()
                .map(|t| shift(t.start)..shift(t.end));
        }
        for range in self
            .comments
            .iter_mut()
            .chain(self.dependents.iter_mut().flat_map(|(m, r)| [m, r]))
        {
            *range = shift(range.start)..shift(range.end);
        }
    }
}

/// Where an offset of the old text is after an edit that replaced `edited` with text ending at
/// `new_end`: offsets after the edit move by its change of length; offsets inside it stay, but
/// not beyond the new text. A range stays a range (start <= end), and one that overlapped the
/// edit overlaps `edited.start..new_end`.
pub(crate) fn shift_offset(offset: usize, edited: &Range<usize>, new_end: usize) -> usize {
    if offset >= edited.end {
        (offset - edited.end) + new_end
    } else {
        offset.min(new_end)
    }
}

fn sort_dependents(dependents: &mut Vec<(Range<usize>, Range<usize>)>) {
    dependents.sort_by_key(|(m, r)| (m.start, m.end, r.start, r.end));
    dependents.dedup();
}

/// Whether `range` overlaps one of the sorted, disjoint `regions` (an empty range counts when it
/// lies inside one).
pub(crate) fn overlaps_any(regions: &[Range<usize>], range: &Range<usize>) -> bool {
    let end = range.end.max(range.start + 1);
    let first = regions.partition_point(|region| region.end <= range.start);
    regions
        .get(first)
        .is_some_and(|region| region.start < end && range.start < region.end)
}

/// Sorts by position and rule; of the findings one rule reports at one range (several patterns
/// can), the one naming its operand comes first, so the deduplication that follows keeps the
/// same one whatever order the query found them in.
fn sort_findings(findings: &mut [Finding]) {
    let key = |f: &Finding| {
        (
            f.range.start,
            f.range.end,
            f.rule.clone(),
            f.target.as_ref().is_none_or(|t| *t == f.range),
            f.target.as_ref().map(|t| (t.start, t.end)),
            f.message.clone(),
        )
    };
    findings.sort_by_cached_key(key);
}

/// Runs the combined query of the language over `root` (a whole document), or, with `regions`
/// given (sorted, disjoint byte ranges of whole top-level statements, after an edit), only over
/// what lies in them, within a time budget. What a region-limited run finds outside its regions
/// is dropped: the caller keeps its earlier results there.
pub fn collect<'t>(
    text: &'t str,
    root: Node<'t>,
    regions: &[Range<usize>],
    language: Language,
    rules: &RuleSet,
    budget: Duration,
) -> Collected {
    if regions.is_empty() && !may_match(text, language, rules) {
        return Collected::default();
    }
    collect_admitted(text, root, regions, language, rules, budget)
}

/// [`collect`] of a document the prefilter ([`may_match`]) already admitted.
fn collect_admitted<'t>(
    text: &'t str,
    root: Node<'t>,
    regions: &[Range<usize>],
    language: Language,
    rules: &RuleSet,
    budget: Duration,
) -> Collected {
    // Queries compile on first use; that one-time cost (seconds for a large catalog on a busy
    // machine) must not eat the budget of the first document of a language, nor of the shell
    // snippets embedded in it.
    let compiled = rules.compiled(language);
    if compiled.shell_capture.is_some() || compiled.argv_capture.is_some() {
        rules.compiled(Language::Bash);
    }
    let whole = [WHOLE];
    let (ranges, limited) = if regions.is_empty() {
        (&whole[..], false)
    } else {
        (regions, true)
    };
    let mut collected = collect_within(
        text,
        root,
        ranges,
        language,
        rules,
        thread_cpu_time() + budget,
        0,
    );
    if limited {
        let inside = |r: &Range<usize>| overlaps_any(regions, r);
        collected.findings.retain(|f| inside(&f.range));
        collected.comments.retain(inside);
        collected.dependents.retain(|(d, _)| inside(d));
    }
    collected
}

/// Whether a rule pattern (with `diff`, a diff rule's pattern) matches a node at most `depth`
/// levels below `root`, predicates of the query language included. Such a match
/// can depend on every statement, so a caller that re-queries statements one by one must query
/// the whole document instead.
pub fn matches_at_top(
    text: &str,
    root: Node<'_>,
    depth: u32,
    language: Language,
    rules: &RuleSet,
    diff: bool,
) -> bool {
    let compiled = if diff {
        rules.compiled_diff(language)
    } else {
        rules.compiled(language)
    };
    matches_within(text, root, depth, compiled)
}

fn matches_within(
    text: &str,
    root: Node<'_>,
    depth: u32,
    compiled: &query::CompiledLanguage,
) -> bool {
    let Some(query) = compiled.query.as_ref() else {
        return false;
    };
    let mut cursor = QueryCursor::new();
    cursor.set_match_limit(MATCH_LIMIT);
    cursor.set_max_start_depth(Some(depth));
    let mut matches = cursor.matches(query, root, text.as_bytes());
    // The cursor starts patterns only at that depth: every match it returns is rooted there.
    while let Some(found) = matches.next() {
        if !matches!(
            compiled.patterns.get(found.pattern_index),
            Some(PatternRole::Comment | PatternRole::Disabled)
        ) {
            return true;
        }
    }
    false
}

/// The node a match captured under `index`, if any.
pub(crate) fn captured<'t>(found: &QueryMatch<'_, 't>, index: u32) -> Option<Node<'t>> {
    found
        .captures
        .iter()
        .find(|c| c.index == index)
        .map(|c| c.node)
}

/// The byte range of a whole document, for the query cursor.
pub(crate) const WHOLE: Range<usize> = 0..usize::MAX;

/// CPU time used by the current thread. Budgets are counted in it rather than in wall time, so
/// that the same file gets the same findings on an idle machine and on a loaded CI runner (with
/// a wall-clock budget, a starved process cut whole files short).
fn thread_cpu_time() -> Duration {
    #[cfg(unix)]
    {
        let mut now = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `clock_gettime` only writes the `timespec` it is handed.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0 {
            return Duration::new(
                u64::try_from(now.tv_sec).unwrap_or(0),
                u32::try_from(now.tv_nsec).unwrap_or(0),
            );
        }
    }
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The query cursor reports progress every hundred or so steps; the clock is read on every
/// `CLOCK_EVERY`th report, which keeps its cost out of the profile.
const CLOCK_EVERY: u32 = 16;

/// How deep shell may nest in shell (`bash -c "sh -c '...'"`) before it is no longer followed.
const MAX_EMBED_DEPTH: usize = 2;

/// What a query run gathers: findings, comments, and embedded shell snippets to check next.
#[derive(Default)]
struct Sink {
    findings: Vec<Finding>,
    comments: Vec<Range<usize>>,
    dependents: Vec<(Range<usize>, Range<usize>)>,
    snippets: Vec<embed::Snippet>,
}

fn collect_within<'t>(
    text: &'t str,
    root: Node<'t>,
    ranges: &[Range<usize>],
    language: Language,
    rules: &RuleSet,
    deadline: Duration,
    depth: usize,
) -> Collected {
    let compiled = rules.compiled(language);
    let Some(query) = compiled.query.as_ref() else {
        return Collected::default();
    };
    let mut cursor = QueryCursor::new();
    cursor.set_match_limit(MATCH_LIMIT);
    let mut commands = CommandCache::default();
    let mut sink = Sink::default();
    let over_budget = Cell::new(false);
    let mut reports = 0u32;
    let mut check_time = |_: &QueryCursorState| {
        reports = reports.wrapping_add(1);
        if reports % CLOCK_EVERY == 0 && thread_cpu_time() > deadline {
            over_budget.set(true);
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let mut options = QueryCursorOptions::new().progress_callback(&mut check_time);
    let mut truncated = false;
    for range in ranges {
        // Matches must lie inside the range too: patterns over several siblings would otherwise
        // start at every statement of the document.
        cursor.set_byte_range(range.clone());
        cursor.set_containing_byte_range(range.clone());
        collect_node(
            text,
            root,
            language,
            compiled,
            query,
            rules,
            (&mut cursor, options.reborrow()),
            &mut commands,
            &mut sink,
        );
        truncated |= cursor.did_exceed_match_limit() || over_budget.get();
        if over_budget.get() {
            break;
        }
    }
    let Sink {
        findings: mut raw,
        mut comments,
        mut dependents,
        snippets,
    } = sink;
    for snippet in snippets.into_iter().filter(|_| depth < MAX_EMBED_DEPTH) {
        let Some(tree) = parse(Language::Bash, &snippet.text, None) else {
            continue;
        };
        let nested = collect_within(
            &snippet.text,
            tree.root_node(),
            &[WHOLE],
            Language::Bash,
            rules,
            deadline,
            depth + 1,
        );
        truncated |= nested.truncated;
        // A tab-indented `# ...` line in a Makefile rule is a recipe line the shell reads as a
        // comment: directives written there (as the code action writes them, indented like the
        // line below) are the host's comments too.
        if language == Language::Make {
            comments.extend(nested.comments.iter().map(|c| snippet.to_host(c)));
        }
        for mut finding in nested.findings {
            let snippet_target = finding
                .target
                .as_ref()
                .and_then(|t| snippet.text.get(t.clone()));
            let host_target = finding.target.as_ref().map(|t| snippet.to_host(t));
            if let (Some(from), Some(to)) = (
                snippet_target,
                host_target.as_ref().and_then(|t| text.get(t.clone())),
            ) {
                finding.message =
                    finding
                        .message
                        .replacen(&shown_target(from), &shown_target(to), 1);
            }
            finding.range = snippet.to_host(&finding.range);
            finding.target = host_target;
            raw.push(finding);
        }
    }
    sort_findings(&mut raw);
    raw.dedup_by(|a, b| a.rule == b.rule && a.range == b.range);
    comments.sort_by_key(|c| (c.start, c.end));
    comments.dedup();
    sort_dependents(&mut dependents);
    Collected {
        findings: raw,
        comments,
        dependents,
        truncated,
    }
}

#[allow(clippy::too_many_arguments)]
fn collect_node<'t>(
    text: &'t str,
    node: Node<'t>,
    language: Language,
    compiled: &query::CompiledLanguage,
    query: &tree_sitter::Query,
    rules: &RuleSet,
    (cursor, options): (&mut QueryCursor, QueryCursorOptions<'_>),
    commands: &mut CommandCache<'t>,
    sink: &mut Sink,
) {
    let mut matches = cursor.matches_with_options(query, node, text.as_bytes(), options);
    while let Some(found) = matches.next() {
        let pattern = match compiled.patterns.get(found.pattern_index) {
            Some(PatternRole::Rule(pattern)) => pattern,
            Some(PatternRole::Comment) => {
                if let Some(capture) = found.captures.first() {
                    sink.comments.push(capture.node.byte_range());
                }
                continue;
            }
            Some(PatternRole::Embed(predicates)) => {
                let capture_node = |index: u32| captured(found, index);
                commands.reads = None;
                let passed = query::evaluate(predicates, capture_node, text, commands).is_some();
                // A Makefile recipe reads the variables the whole file sets.
                if passed && language == Language::Make {
                    commands.read(0..text.len());
                }
                if let (Some(read), Some(capture)) = (commands.reads.take(), found.captures.first())
                {
                    sink.dependents.push((capture.node.byte_range(), read));
                }
                if !passed {
                    continue;
                }
                let snippet = match (
                    compiled.shell_capture.and_then(capture_node),
                    compiled.argv_capture.and_then(capture_node),
                ) {
                    (Some(node), _) => embed::shell_text(node, text, language),
                    (None, Some(node)) => embed::argv(node, text),
                    (None, None) => None,
                };
                sink.snippets.extend(snippet);
                continue;
            }
            _ => continue,
        };
        let rule = rules.rule(pattern.rule);
        let _in_progress = RuleInProgress(&rule.id);
        #[cfg(debug_assertions)]
        if let Some(hook) = BEFORE_RULE_EVALUATION.get() {
            hook(&rule.id);
        }
        let capture_node = |index: u32| captured(found, index);
        let Some(matched) = compiled.match_capture.and_then(capture_node) else {
            continue;
        };
        commands.reads = None;
        let evaluated = query::evaluate(&pattern.predicates, capture_node, text, commands);
        if let Some(read) = commands.reads.take() {
            sink.dependents.push((matched.byte_range(), read));
        }
        let Some(operand) = evaluated else {
            continue;
        };
        let target = compiled
            .target_capture
            .and_then(capture_node)
            .map(|node| node.byte_range())
            .or(operand);
        let template = pattern.message.as_deref().unwrap_or(&rule.message);
        let ranges: Vec<Range<usize>> = match &pattern.narrow {
            Some((capture, regex)) => {
                let Some(node) = capture_node(*capture) else {
                    continue;
                };
                let base = node.start_byte();
                let Some(node_text) = text.get(node.byte_range()) else {
                    continue;
                };
                regex
                    .captures_iter(node_text)
                    .filter_map(|c| c.name("m").or_else(|| c.get(0)))
                    .filter(|m| !m.is_empty())
                    .map(|m| base + m.start()..base + m.end())
                    .collect()
            }
            None => vec![matched.byte_range()],
        };
        for range in ranges {
            let target = target
                .clone()
                .or_else(|| pattern.narrow.as_ref().map(|_| range.clone()));
            let shown = target.clone().unwrap_or_else(|| range.clone());
            sink.findings.push(Finding {
                rule: rule.id.clone(),
                message: render_message(template, text.get(shown).unwrap_or("")),
                range,
                target,
                severity: rule.severity,
                review: Review::None,
                directive: None,
                provenance: None,
                edit: None,
            });
        }
    }
}

/// Applies the directives in the comments to the collected findings and adds the findings of
/// the directive rules. The result is sorted by position.
pub fn finish(text: &str, rules: &RuleSet, collected: Collected) -> Vec<Finding> {
    apply_directives(text, rules, collected.findings, &collected.comments)
}

/// The document-wide facts the rules of a language depend on (results of `#file-match?`), so a
/// caller that re-queries only part of a document knows when it must re-query all of it.
pub fn document_facts(text: &str, language: Language, rules: &RuleSet) -> Vec<bool> {
    let set = &rules.compiled(language).document_regexes;
    if set.is_empty() {
        return Vec::new();
    }
    let matched = set.matches(text);
    (0..set.len()).map(|index| matched.matched(index)).collect()
}

/// Replaces `{target}` with the operand text, as [`shown_target`] shortens it.
fn render_message(template: &str, target: &str) -> String {
    if !template.contains("{target}") {
        return template.to_string();
    }
    template.replace("{target}", &shown_target(target))
}

/// An operand as a message shows it: its first line, at most 60 characters.
fn shown_target(target: &str) -> String {
    let first_line = target.lines().next().unwrap_or("").trim();
    let mut shown: String = first_line.chars().take(60).collect();
    if shown.len() < first_line.len() || target.trim().lines().count() > 1 {
        shown.push('…');
    }
    shown
}

fn apply_directives(
    text: &str,
    rules: &RuleSet,
    mut findings: Vec<Finding>,
    comments: &[Range<usize>],
) -> Vec<Finding> {
    // Most comments are not directives: skip the line index (a pass over the whole text, on every
    // keystroke in the server) unless one is.
    let has_directive = comments.iter().any(|c| {
        text.get(c.clone())
            .is_some_and(|body| body.contains(directives::MARKER))
    });
    if !has_directive {
        return findings;
    }
    let lines = LineIndex::new(text);
    let (parsed, malformed) = directives::parse(text, &lines, comments);
    let mut meta = Vec::new();
    let report = |rule: &str, range: Range<usize>, message: String, meta: &mut Vec<Finding>| {
        if let Some(rule) = rules.get(rule).filter(|r| r.enabled) {
            let severity = rule.severity;
            meta.push(Finding {
                rule: rule.id.clone(),
                range,
                target: None,
                severity,
                message,
                review: Review::None,
                directive: None,
                provenance: None,
                edit: None,
            });
        }
    };
    for bad in malformed {
        report(
            DIRECTIVE_INVALID,
            bad.range,
            format!("malformed blast-radius directive: {}", bad.problem),
            &mut meta,
        );
    }
    let mut used: Vec<Vec<bool>> = parsed.iter().map(|d| vec![false; d.rules.len()]).collect();
    let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, directive) in parsed.iter().enumerate() {
        by_line.entry(directive.target_line).or_default().push(i);
    }
    for finding in &mut findings {
        let line = lines.line_of(finding.range.start);
        let mut review = Review::None;
        for &i in by_line.get(&line).map(Vec::as_slice).unwrap_or(&[]) {
            let directive = &parsed[i];
            for (j, (id, _)) in directive.rules.iter().enumerate() {
                if *id != finding.rule {
                    continue;
                }
                used[i][j] = true;
                let candidate = match &directive.kind {
                    DirectiveKind::Ignore { reason } => Review::Ignored {
                        reason: reason.clone(),
                    },
                    DirectiveKind::Reviewed { by } => Review::Reviewed { by: by.clone() },
                    DirectiveKind::ReviewRequested => Review::Requested,
                };
                if review_rank(&candidate) > review_rank(&review) {
                    review = candidate;
                    finding.directive = Some(directive.range.clone());
                }
            }
        }
        if matches!(review, Review::Reviewed { .. }) {
            finding.severity = Severity::Hint;
        }
        finding.review = review;
    }
    for (i, directive) in parsed.iter().enumerate() {
        for (j, (id, range)) in directive.rules.iter().enumerate() {
            match rules.get(id) {
                None => report(
                    DIRECTIVE_INVALID,
                    range.clone(),
                    format!("unknown rule id `{id}` in blast-radius directive"),
                    &mut meta,
                ),
                Some(rule)
                    if rule.enabled && !used[i][j] && !rule.is_engine_rule() && !rule.is_diff() =>
                {
                    report(
                        DIRECTIVE_UNUSED,
                        directive.range.clone(),
                        format!(
                            "this directive for `{id}` matches no finding on the line it applies to"
                        ),
                        &mut meta,
                    )
                }
                _ => {}
            }
        }
    }
    findings.extend(meta);
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
    });
    findings
}

/// Applies the `blast-radius:` directives of a document (`ignore`, `review-requested`,
/// `reviewed`) to findings made outside the query analysis (a Terraform plan's), given the
/// document's tree. Returns only those findings: the directive rules' own reports come from the
/// main analysis.
pub fn apply_directives_to(
    text: &str,
    tree: &Tree,
    language: Language,
    rules: &RuleSet,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    if findings.is_empty() || !text.contains(directives::MARKER) {
        return findings;
    }
    let kinds = language.comment_kinds();
    let mut comments = Vec::new();
    let mut cursor = tree.walk();
    'walk: loop {
        let node = cursor.node();
        if kinds.contains(&node.kind()) {
            comments.push(node.byte_range());
        } else if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    let ids: Vec<String> = findings.iter().map(|f| f.rule.clone()).collect();
    let mut findings = apply_directives(text, rules, findings, &comments);
    findings.retain(|f| ids.contains(&f.rule));
    findings
}

fn review_rank(review: &Review) -> u8 {
    match review {
        Review::None => 0,
        Review::Requested => 1,
        Review::Reviewed { .. } => 2,
        Review::Ignored { .. } => 3,
    }
}
