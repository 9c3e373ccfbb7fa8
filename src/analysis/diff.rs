//! Diff rules: what an edit removed or renamed, found by comparing the current text with a base
//! version (HEAD in the editor, the file at `--diff <rev>` or HEAD in the CLI). Both versions
//! come in as strings; the caller reads them.
//!
//! A diff rule's query (`kind = "removed"`, `"renamed"` or `"changed"` in its metadata) runs on
//! both texts. Each match is a fact identified by its rule and the normalised text of `@target`
//! and `@match`:
//! - `removed`: a base fact with no equal fact in the current text was removed or changed. It is
//!   reported at the line that replaced it, else at the first line of its `@scope` (the
//!   enclosing block) when that line is unchanged, else where the removed lines were. Facts of
//!   one rule reported at the same place are merged into one finding.
//! - `renamed`: facts are addresses (`@target` is the type, `@match` the name). A base address
//!   gone from the current text, while a new address of the same type appeared, is a rename,
//!   unless a `moved` block (a pattern with `#set! role "moved"`, `@match` its `from`) names it.
//!   The finding carries the `moved` block as an edit. Blocks gone while a new `container`
//!   (a module call) appeared are reported on it, with the `moved` block when the caller's
//!   module texts show where they went; a rule with a `deleted` message reports plain
//!   deletions (a manifest taken out).
//! - `changed`: a target of both texts whose facts differ (`count` became `for_each`).
//!
//! The engine rule `review-stale` reports a `reviewed` directive kept while the line it covers
//! changed, and drops the review's effect.

use std::collections::{HashMap, HashSet};
use std::ops::{ControlFlow, Range};
use std::sync::Arc;
use std::time::Instant;

use tree_sitter::{
    Node, QueryCursor, QueryCursorOptions, QueryCursorState, StreamingIterator, Tree,
};

use super::query::{self, CommandCache, PatternRole};
use super::rules::{REVIEW_STALE, RuleKind};
use super::{
    DOCUMENT_BUDGET, Edit, Finding, Language, LineIndex, MATCH_LIMIT, Review, RuleSet, captured,
    parse, render_message, shift_offset, shown_target, sort_findings,
};

/// One match of a diff rule's query.
#[derive(Clone, Debug)]
struct Fact {
    rule: usize,
    /// Whitespace-normalised `@target` text (empty without one).
    target: String,
    /// Whitespace-normalised `@match` text.
    text: String,
    /// What the fact is, for a message: the pattern's `#set! message` or the `@match` text.
    label: String,
    range: Range<usize>,
    scope: Option<Range<usize>>,
    /// The pattern's `#set! role` (`moved`, `container`, `exact`).
    role: Option<String>,
    /// The pattern's `#set! message` as written: a `container` pattern's message for a block
    /// that moved into it.
    message: Option<String>,
    /// The normalised text of `@scope` without the `@match` text: what a renamed block kept.
    body: String,
}

impl Fact {
    fn has_role(&self, role: &str) -> bool {
        self.role.as_deref() == Some(role)
    }
}

/// The two texts compared, their line indexes and the line map between them.
struct Sides<'a> {
    base: &'a str,
    base_lines: &'a LineIndex,
    current: &'a str,
    lines: &'a LineIndex,
    /// current line → base line, for the lines the edit kept.
    map: &'a [Option<usize>],
    /// base line → current line, for the lines the edit kept.
    inverse: HashMap<usize, usize>,
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unquote(text: &str) -> &str {
    text.trim().trim_matches('"')
}

/// Runs the diff rules of `language` comparing `current` with `base`, and applies
/// `review-stale` to `findings` (the analysis of `current`): stale reviews are reported and no
/// longer count. The diff findings are added to `findings`, which stay sorted. `current_tree`
/// and `base_tree` are the caller's parses, when it has them. Returns whether a query stopped early.
pub fn analyze_diff(
    base: &str,
    base_tree: Option<&Tree>,
    current: &str,
    current_tree: Option<&Tree>,
    language: Language,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
) -> bool {
    diff_with_modules(
        (base, base_tree),
        (current, current_tree),
        language,
        rules,
        findings,
        &|_| Vec::new(),
    )
}

/// The texts of the files of a module, given the `source` of a module call as written (empty
/// when the caller cannot or does not read it: a registry or git source, no file access).
pub type ModuleTexts<'a> = &'a dyn Fn(&str) -> Vec<String>;

/// `analyze_diff` for a caller that can read modules: a block gone while a new module call
/// appeared, found inside that module (same address, or the one block of its type there), gets
/// its `moved` block as a quick fix.
pub fn analyze_diff_with_modules(
    base: &str,
    current: &str,
    language: Language,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
    modules: ModuleTexts<'_>,
) -> bool {
    diff_with_modules(
        (base, None),
        (current, None),
        language,
        rules,
        findings,
        modules,
    )
}

fn diff_with_modules(
    (base, base_tree): (&str, Option<&Tree>),
    (current, current_tree): (&str, Option<&Tree>),
    language: Language,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
    modules: ModuleTexts<'_>,
) -> bool {
    if !worth_comparing(base, current, language, rules, findings) {
        return false;
    }
    let of = |text: &str, tree: Option<&Tree>| {
        if rules.compiled_diff(language).query.is_none() {
            return Some(DiffFacts::default());
        }
        let parsed;
        let tree = match tree {
            Some(tree) => tree,
            None => {
                parsed = parse(language, text, None)?;
                &parsed
            }
        };
        Some(DiffFacts::collect(
            text,
            tree.root_node(),
            &[],
            language,
            rules,
        ))
    };
    let (Some(base_facts), Some(current_facts)) = (of(base, base_tree), of(current, current_tree))
    else {
        return true;
    };
    diff_from_facts(
        (base, &base_facts),
        (current, &current_facts),
        language,
        rules,
        findings,
        modules,
    )
}

/// Whether comparing is worth it: the texts differ, and the language has diff queries (or a
/// finding is reviewed, for `review-stale`).
fn worth_comparing(
    base: &str,
    current: &str,
    language: Language,
    rules: &RuleSet,
    findings: &[Finding],
) -> bool {
    let any_reviewed = findings
        .iter()
        .any(|f| matches!(f.review, Review::Reviewed { .. }));
    base != current
        && (rules.has_diff_queries(language) || any_reviewed && rules.has_diff_rules(language))
}

/// [`analyze_diff`] from facts the caller keeps: the base's, collected once per base version,
/// and the current text's, kept up to date edit by edit (see [`DiffFacts::splice`]), so a
/// keystroke does not query both whole texts again.
pub fn analyze_diff_facts(
    (base, base_facts): (&str, &DiffFacts),
    (current, current_facts): (&str, &DiffFacts),
    language: Language,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
) -> bool {
    if !worth_comparing(base, current, language, rules, findings) {
        return false;
    }
    diff_from_facts(
        (base, base_facts),
        (current, current_facts),
        language,
        rules,
        findings,
        &|_| Vec::new(),
    )
}

fn diff_from_facts(
    (base, base_facts): (&str, &DiffFacts),
    (current, current_facts): (&str, &DiffFacts),
    language: Language,
    rules: &RuleSet,
    findings: &mut Vec<Finding>,
    modules: ModuleTexts<'_>,
) -> bool {
    let map = super::line_map::line_map(base, current);
    let lines = LineIndex::new(current);
    let base_lines = LineIndex::new(base);
    let mut found = stale_reviews(base, current, &lines, &map, rules, findings);
    let truncated = base_facts.truncated || current_facts.truncated;
    if rules.compiled_diff(language).query.is_some() {
        let deadline = Instant::now() + DOCUMENT_BUDGET;
        let mut inverse = HashMap::new();
        for (new, old) in map.iter().enumerate() {
            if let Some(old) = old {
                inverse.insert(*old, new);
            }
        }
        let sides = Sides {
            base,
            base_lines: &base_lines,
            current,
            lines: &lines,
            map: &map,
            inverse,
        };
        let comments = &current_facts.comments;
        let (base_facts, current_facts) = (&base_facts.facts, &current_facts.facts);
        let mut diff = removed(base_facts, current_facts, &sides, rules);
        let inside = |source: &str| module_addresses(&modules(source), language, rules, deadline);
        diff.extend(renamed(
            base_facts,
            current_facts,
            &sides,
            rules,
            language,
            &inside,
        ));
        diff.extend(changed(base_facts, current_facts, &sides, rules));
        // Directives apply to diff findings as to any other (`reviewed`, `ignore`); the
        // directive rules' own reports come from the main analysis.
        let mut diff = super::apply_directives(current, rules, diff, comments);
        diff.retain(|f| rules.get(&f.rule).is_some_and(|r| r.is_diff()));
        found.extend(diff);
    }
    findings.extend(found);
    sort_findings(findings);
    truncated
}

/// Whether a current line is unchanged from the base (`map[line]` is its base line).
fn unchanged(map: &[Option<usize>], line: usize) -> bool {
    map.get(line).copied().flatten().is_some()
}

/// `reviewed` directives kept while the line they cover changed.
fn stale_reviews(
    base: &str,
    current: &str,
    lines: &LineIndex,
    map: &[Option<usize>],
    rules: &RuleSet,
    findings: &mut [Finding],
) -> Vec<Finding> {
    let Some(rule) = rules.get(REVIEW_STALE).filter(|r| r.enabled) else {
        return Vec::new();
    };
    // Base lines that no current line keeps: the lines the edit removed or rewrote.
    let mut kept = vec![false; base.lines().count()];
    for line in map.iter().flatten() {
        if let Some(slot) = kept.get_mut(*line) {
            *slot = true;
        }
    }
    let base_lines: Vec<&str> = base.lines().collect();
    let mut stale = Vec::new();
    for finding in findings.iter_mut() {
        let (Review::Reviewed { .. }, Some(directive)) = (&finding.review, &finding.directive)
        else {
            continue;
        };
        let covered = lines.line_of(finding.range.start);
        if unchanged(map, covered) {
            continue;
        }
        let directive_line = lines.line_of(directive.start);
        let is_stale = if directive_line != covered {
            // A directive on a line of its own: kept while the line below changed.
            unchanged(map, directive_line)
        } else {
            // A directive at the end of the changed line: stale when a rewritten base line
            // carried the same directive.
            let Some(text) = current.get(directive.clone()) else {
                continue;
            };
            base_lines
                .iter()
                .zip(&kept)
                .any(|(line, kept)| !kept && line.contains(text))
        };
        if !is_stale {
            continue;
        }
        let risky = rules.get(&finding.rule);
        finding.review = Review::None;
        finding.severity = risky.map_or(finding.severity, |r| r.severity);
        stale.push(Finding {
            rule: rule.id.clone(),
            range: directive.clone(),
            target: None,
            severity: rule.severity,
            message: render_message(&rule.message, &finding.rule),
            review: Review::None,
            directive: None,
            provenance: None,
            edit: None,
        });
        finding.directive = None;
    }
    stale
}

/// The facts of the diff rules in one text, and its comments (for directives).
#[derive(Clone, Debug, Default)]
pub struct DiffFacts {
    facts: Vec<Fact>,
    comments: Vec<Range<usize>>,
    /// A query stopped early (match limit or time budget): facts may be missing.
    pub truncated: bool,
}

impl DiffFacts {
    /// Runs the diff query of `language` over `root` (a whole text), or, with `regions` given
    /// (sorted byte ranges, as for [`super::collect`]), over the matches inside them only.
    pub fn collect(
        text: &str,
        root: Node<'_>,
        regions: &[Range<usize>],
        language: Language,
        rules: &RuleSet,
    ) -> DiffFacts {
        let compiled = rules.compiled_diff(language);
        let Some(query) = compiled.query.as_ref() else {
            return DiffFacts::default();
        };
        let deadline = Instant::now() + DOCUMENT_BUDGET;
        let mut cursor = QueryCursor::new();
        cursor.set_match_limit(MATCH_LIMIT);
        let over_budget = std::cell::Cell::new(false);
        let mut check_time = |_: &QueryCursorState| {
            if Instant::now() > deadline {
                over_budget.set(true);
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        let mut options = QueryCursorOptions::new().progress_callback(&mut check_time);
        let mut commands = CommandCache::default();
        let mut facts = Vec::new();
        let mut comments = Vec::new();
        let whole = [super::WHOLE];
        let ranges = if regions.is_empty() {
            &whole[..]
        } else {
            regions
        };
        for range in ranges {
            cursor.set_byte_range(range.clone());
            cursor.set_containing_byte_range(range.clone());
            let mut matches =
                cursor.matches_with_options(query, root, text.as_bytes(), options.reborrow());
            while let Some(found) = matches.next() {
                let pattern = match compiled.patterns.get(found.pattern_index) {
                    Some(PatternRole::Rule(pattern)) => pattern,
                    Some(PatternRole::Comment) => {
                        comments.extend(found.captures.first().map(|c| c.node.byte_range()));
                        continue;
                    }
                    _ => continue,
                };
                let capture_node = |index: u32| captured(found, index);
                let Some(matched) = compiled.match_capture.and_then(capture_node) else {
                    continue;
                };
                if query::evaluate(&pattern.predicates, capture_node, text, &mut commands).is_none()
                {
                    continue;
                }
                let node_text =
                    |node: Node<'_>| text.get(node.byte_range()).unwrap_or("").to_string();
                // Several `@target` nodes (a resource's type and name labels) make one dotted
                // target.
                let target = found
                    .captures
                    .iter()
                    .filter(|c| Some(c.index) == compiled.target_capture)
                    .map(|c| unquote(&node_text(c.node)).to_string())
                    .collect::<Vec<_>>()
                    .join(".");
                let match_text = node_text(matched);
                let label = match &pattern.message {
                    Some(message) => render_message(message, &target),
                    None => format!("`{}`", shown_target(&match_text)),
                };
                let scope = compiled
                    .scope_capture
                    .and_then(capture_node)
                    .map(|n| n.byte_range());
                facts.push(Fact {
                    rule: pattern.rule,
                    target: normalise(&target),
                    text: normalise(&match_text),
                    label,
                    range: matched.byte_range(),
                    scope,
                    role: pattern.role.clone(),
                    message: pattern.message.clone(),
                    body: String::new(),
                });
            }
            if over_budget.get() {
                break;
            }
        }
        let truncated = cursor.did_exceed_match_limit() || over_budget.get();
        comments.sort_by_key(|c| (c.start, c.end));
        comments.dedup();
        for fact in &mut facts {
            if let Some(scope) = &fact.scope {
                fact.body = body(text, scope, &fact.range, &comments);
            }
        }
        let mut collected = DiffFacts {
            facts,
            comments,
            truncated,
        };
        if !regions.is_empty() {
            let inside = |r: &Range<usize>| super::overlaps_any(regions, r);
            collected.facts.retain(|f| inside(&f.range));
            collected.comments.retain(inside);
        }
        collected.sort();
        collected
    }

    /// How many facts.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether there are no facts.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    fn sort(&mut self) {
        self.facts
            .sort_by_key(|f| (f.range.start, f.range.end, f.rule));
    }

    /// Keeps every range in step with an edit that replaced `touched` (old offsets) with text
    /// ending at `new_end` (see [`shift_offset`]); drops what the edit touched.
    pub fn edit(&mut self, touched: Range<usize>, new_end: usize) {
        let hit = |r: &Range<usize>| r.start <= touched.end && touched.start <= r.end;
        self.facts.retain(|f| !hit(&f.range));
        self.comments.retain(|c| !hit(c));
        let shift = |offset: usize| shift_offset(offset, &touched, new_end);
        for fact in &mut self.facts {
            fact.range = shift(fact.range.start)..shift(fact.range.end);
            fact.scope = fact.scope.as_ref().map(|s| shift(s.start)..shift(s.end));
        }
        for comment in &mut self.comments {
            *comment = shift(comment.start)..shift(comment.end);
        }
    }

    /// Replaces what lies in `regions` with what `fresh` (a query over those regions or more)
    /// has there.
    pub fn splice(&mut self, regions: &[Range<usize>], fresh: DiffFacts) {
        let overlaps = |r: &Range<usize>| super::overlaps_any(regions, r);
        self.facts.retain(|f| !overlaps(&f.range));
        self.comments.retain(|c| !overlaps(c));
        self.facts
            .extend(fresh.facts.into_iter().filter(|f| overlaps(&f.range)));
        self.comments
            .extend(fresh.comments.into_iter().filter(|c| overlaps(c)));
        self.comments.sort_by_key(|c| (c.start, c.end));
        self.comments.dedup();
        self.truncated = fresh.truncated;
        self.sort();
    }
}

/// Whether `word` occurs in `text` with no identifier character on either side.
fn contains_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // `::` joins a name into a longer one (`AWS::QLDB::Ledger` is not the logical id `Ledger`).
    let is_ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
    text.match_indices(word).any(|(at, _)| {
        !is_ident(text[..at].chars().next_back())
            && !is_ident(text[at + word.len()..].chars().next())
    })
}

/// The normalised text of `scope` without `name` and without comments: what a renamed block
/// kept (annotations and notes added to it do not make it another block).
fn body(
    text: &str,
    scope: &Range<usize>,
    name: &Range<usize>,
    comments: &[Range<usize>],
) -> String {
    let mut skip: Vec<&Range<usize>> = comments
        .iter()
        .filter(|c| scope.start <= c.start && c.end <= scope.end)
        .collect();
    if scope.start <= name.start && name.end <= scope.end {
        skip.push(name);
    }
    skip.sort_by_key(|r| r.start);
    let mut kept = String::new();
    let mut at = scope.start;
    for range in skip {
        if range.start >= at {
            kept.push_str(text.get(at..range.start).unwrap_or(""));
            kept.push(' ');
            at = range.end;
        }
    }
    kept.push_str(text.get(at..scope.end).unwrap_or(""));
    normalise(&kept)
}

/// The range of a current line without its indentation and line break.
fn line_range(text: &str, lines: &LineIndex, line: usize) -> Range<usize> {
    let start = lines.line_start(line);
    let end = lines.line_end(line);
    let content = text.get(start..end).unwrap_or("");
    let indent = content.len() - content.trim_start().len();
    let trailing = content.len() - content.trim_end().len();
    (start + indent)..(end - trailing).max(start + indent)
}

/// Facts of `removed` rules present in the base and gone from the current text.
fn removed(
    base_facts: &[Fact],
    current_facts: &[Fact],
    sides: &Sides<'_>,
    rules: &RuleSet,
) -> Vec<Finding> {
    let Sides {
        base_lines,
        current,
        lines,
        inverse,
        ..
    } = sides;
    let is_removed_rule = |f: &&Fact| rules.rule(f.rule).kind == RuleKind::Removed;
    let key = |f: &Fact| (f.rule, f.target.clone(), f.text.clone());
    // Current facts by key and line, so a fact on a kept line pairs with itself first: with
    // equal keys in several places (`contents: read` in three jobs), counting alone would
    // pair the wrong ones.
    let mut on_line: HashMap<((usize, String, String), usize), usize> = HashMap::new();
    let mut remaining: HashMap<(usize, String, String), usize> = HashMap::new();
    for fact in current_facts.iter().filter(is_removed_rule) {
        *on_line
            .entry((key(fact), lines.line_of(fact.range.start)))
            .or_default() += 1;
        *remaining.entry(key(fact)).or_default() += 1;
    }
    let mut unsettled: Vec<&Fact> = Vec::new();
    for fact in base_facts.iter().filter(is_removed_rule) {
        let kept = inverse
            .get(&base_lines.line_of(fact.range.start))
            .and_then(|line| on_line.get_mut(&(key(fact), *line)))
            .filter(|count| **count > 0);
        match kept {
            Some(count) => {
                *count -= 1;
                if let Some(left) = remaining.get_mut(&key(fact)) {
                    *left = left.saturating_sub(1);
                }
            }
            None => unsettled.push(fact),
        }
    }
    let mut gone: Vec<&Fact> = Vec::new();
    for fact in unsettled {
        match remaining.get_mut(&key(fact)) {
            Some(count) if *count > 0 => *count -= 1,
            _ => gone.push(fact),
        }
    }
    // A guard that followed its resource through a rename is not removed: what is left on both
    // sides is paired by rule and text when the targets have the same type (all but the last
    // dotted part: `aws_db_instance.main` and `aws_db_instance.primary`), or when no current
    // fact names the old target and no base fact the new one (a CloudFormation logical id
    // renamed), a name being any fact's target, text or address, or a word of the text. The rename itself is the renamed rules' business.
    let type_of = |target: &str| {
        target
            .rsplit_once('.')
            .map_or(target, |(t, _)| t)
            .to_string()
    };
    // Only what is left unpaired needs the names of both sides.
    if !gone.is_empty() {
        let names = |facts: &[Fact]| -> HashSet<String> {
            facts
                .iter()
                .flat_map(|f| {
                    [
                        unquote(&f.target).to_string(),
                        unquote(&f.text).to_string(),
                        address(f),
                    ]
                })
                .collect()
        };
        let base_names = names(base_facts);
        let current_names = names(current_facts);
        let mut left: Vec<((usize, String, String), usize)> = remaining
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .collect();
        left.sort();
        let named = |names: &HashSet<String>, text: &str, target: &str| {
            let target = unquote(target);
            names.contains(target) || contains_word(text, target)
        };
        gone.retain(|fact| {
            let target_gone = !named(&current_names, current, &fact.target);
            let pair = left.iter_mut().find(|((rule, target, text), count)| {
                *count > 0
                    && *rule == fact.rule
                    && *text == fact.text
                    && (type_of(target) == type_of(&fact.target)
                        || target_gone && !named(&base_names, sides.base, target))
            });
            match pair {
                Some((_, count)) => {
                    *count -= 1;
                    false
                }
                None => true,
            }
        });
    }
    // (rule, anchor line) → (target, labels)
    let mut merged: Vec<((usize, usize), String, Vec<String>)> = Vec::new();
    for fact in gone {
        let base_line = base_lines.line_of(fact.range.start);
        let anchor = anchor_line(base_line, fact, sides);
        let key = (fact.rule, anchor);
        match merged.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, labels)) => {
                if !labels.contains(&fact.label) {
                    labels.push(fact.label.clone());
                }
            }
            None => merged.push((key, fact.target.clone(), vec![fact.label.clone()])),
        }
    }
    merged
        .into_iter()
        .map(|((rule, line), target, labels)| {
            let rule = rules.rule(rule);
            let message =
                render_message(&rule.message, &target).replace("{removed}", &labels.join(", "));
            Finding {
                rule: rule.id.clone(),
                range: line_range(current, lines, line),
                target: None,
                severity: rule.severity,
                message,
                review: Review::None,
                directive: None,
                provenance: None,
                edit: None,
            }
        })
        .collect()
}

/// Where a removed base fact is reported in the current text: the line that replaced it, else
/// the unchanged first line of its scope, else where its lines were.
fn anchor_line(base_line: usize, fact: &Fact, sides: &Sides<'_>) -> usize {
    let Sides {
        base,
        base_lines,
        current,
        lines,
        map,
        inverse,
    } = sides;
    let current_len = lines.len();
    let text_of = |text: &'_ str, index: &LineIndex, line: usize| -> String {
        text.get(index.line_start(line)..index.line_end(line))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    // The changed current lines where the kept lines above `line` end: of those, the one that
    // shares the longest start with the base line replaced it (a comment added above a flipped
    // value does not take the finding).
    let replaced = |line: usize| {
        let place = (0..line)
            .rev()
            .find_map(|l| inverse.get(&l).map(|n| n + 1))
            .unwrap_or(0);
        let old = text_of(base, base_lines, line);
        let mut best: Option<(usize, usize)> = None;
        let mut candidate = place;
        while candidate < current_len && !unchanged(map, candidate) {
            let new = text_of(current, lines, candidate);
            let shared = old
                .chars()
                .zip(new.chars())
                .take_while(|(a, b)| a == b)
                .count();
            if best.is_none_or(|(_, most)| shared > most) {
                best = Some((candidate, shared));
            }
            candidate += 1;
        }
        best.map(|(line, _)| line)
    };
    if let Some(&line) = inverse.get(&base_line) {
        // The line is still there (the fact changed elsewhere, e.g. its target was renamed).
        return line;
    }
    if let Some(line) = replaced(base_line) {
        return line;
    }
    if let Some(scope) = &fact.scope {
        let start = base_lines.line_of(scope.start);
        if let Some(&line) = inverse.get(&start) {
            return line;
        }
        if let Some(line) = replaced(start) {
            return line;
        }
    }
    // Where the removed lines were.
    (0..base_line)
        .rev()
        .find_map(|l| inverse.get(&l).map(|n| n + 1))
        .unwrap_or(0)
        .min(current_len.saturating_sub(1))
}

/// Addresses of `renamed` rules that changed with no `moved` block: renamed, moved into a new
/// `container` block (a Terraform module), or, for rules with a `deleted` message, deleted.
fn renamed(
    base_facts: &[Fact],
    current_facts: &[Fact],
    sides: &Sides<'_>,
    rules: &RuleSet,
    language: Language,
    inside: &dyn Fn(&str) -> Vec<Fact>,
) -> Vec<Finding> {
    let Sides { current, lines, .. } = sides;
    // Only a rule that knows `moved` blocks (a `#set! role "moved"` pattern) offers one.
    let knows_moved = |rule: usize| {
        rules.compiled_diff(language).patterns.iter().any(|p| {
            matches!(p, PatternRole::Rule(p) if p.rule == rule && p.role.as_deref() == Some("moved"))
        })
    };
    let is_renamed_rule = |f: &&Fact| rules.rule(f.rule).kind == RuleKind::Renamed;
    let mut findings = Vec::new();
    let rule_ids: Vec<usize> = {
        let mut ids: Vec<usize> = current_facts
            .iter()
            .chain(base_facts)
            .filter(is_renamed_rule)
            .map(|f| f.rule)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    // The line of the new name (a Terraform block's first line, a manifest's `name:`).
    let block_line = |fact: &Fact| lines.line_of(fact.range.start);
    for rule_index in rule_ids {
        let of_rule = |facts: &'_ [Fact], moved: bool| -> Vec<Fact> {
            facts
                .iter()
                .filter(|f| f.rule == rule_index && f.has_role("moved") == moved)
                .filter(|f| !f.has_role("source"))
                .cloned()
                .collect()
        };
        let base = of_rule(base_facts, false);
        let now = of_rule(current_facts, false);
        let moved_from: HashSet<String> = of_rule(current_facts, true)
            .iter()
            .map(|f| f.text.replace(' ', ""))
            .collect();
        let base_addresses: HashSet<String> = base.iter().map(address).collect();
        let now_addresses: HashSet<String> = now.iter().map(address).collect();
        let mut gone: Vec<&Fact> = base
            .iter()
            .filter(|f| {
                let a = address(f);
                !now_addresses.contains(&a) && !moved_from.contains(&a)
            })
            .collect();
        let rule = rules.rule(rule_index);
        let mut unpaired: Vec<&Fact> = Vec::new();
        for fact in now.iter().filter(|f| !base_addresses.contains(&address(f))) {
            // A block that kept its body pairs first: with two buckets gone and two new, each
            // new one is the rename of the one it matches.
            let same_type = |g: &&Fact| type_of(g) == type_of(fact);
            let same_body = gone
                .iter()
                .position(|g| same_type(g) && g.body == fact.body);
            let found = if fact.has_role("exact") {
                same_body
            } else {
                same_body.or_else(|| gone.iter().position(same_type))
            };
            let Some(i) = found else {
                unpaired.push(fact);
                continue;
            };
            let old_fact = gone.remove(i);
            let old = address(old_fact);
            let new = address(fact);
            let insert_at = fact.scope.as_ref().map_or_else(
                || lines.line_end(lines.line_of(fact.range.start)),
                |s| s.end,
            );
            findings.push(Finding {
                rule: rule.id.clone(),
                range: line_range(current, lines, block_line(fact)),
                target: Some(fact.range.clone()),
                severity: rule.severity,
                message: rule
                    .message
                    .replace("{target}", &new)
                    .replace("{removed}", &old)
                    .replace("{old_name}", unquote(&old_fact.text))
                    .replace("{name}", unquote(&fact.text))
                    .replace("{type}", &type_of(fact)),
                review: Review::None,
                directive: None,
                provenance: None,
                edit: knows_moved(rule_index).then(|| {
                    Arc::new(Edit {
                        title: format!("Add a `moved` block from {old} to {new}"),
                        range: insert_at..insert_at,
                        text: format!("\n\nmoved {{\n  from = {old}\n  to   = {new}\n}}"),
                    })
                }),
            });
        }
        // Blocks gone while a new container (a module call) appeared: they may have moved into
        // it. Their address inside it cannot be known from this file, so there is no quick fix.
        if let Some(container) = unpaired.iter().find(|f| f.has_role("container")) {
            let template = container.message.as_deref().unwrap_or(&rule.message);
            let into = address(container);
            // What the module holds, when the caller can read it (a `source` pattern names
            // the module's source).
            let held: Vec<Fact> = current_facts
                .iter()
                .find(|s| {
                    s.rule == rule_index
                        && s.has_role("source")
                        && unquote(&s.target) == unquote(&container.text)
                })
                .map(|source| inside(unquote(&source.text)))
                .unwrap_or_default();
            let held: Vec<&Fact> = held
                .iter()
                .filter(|f| f.rule == rule_index && f.role.is_none())
                .collect();
            let insert_at = container
                .scope
                .as_ref()
                .map_or(container.range.end, |s| s.end);
            gone.retain(|g| {
                if g.has_role("container") {
                    return true;
                }
                let old = address(g);
                let of_type: Vec<&&Fact> =
                    held.iter().filter(|h| type_of(h) == type_of(g)).collect();
                let found = of_type
                    .iter()
                    .find(|h| address(h) == old)
                    .or(if of_type.len() == 1 {
                        of_type.first()
                    } else {
                        None
                    });
                let (message, edit) = match found {
                    Some(inner) => {
                        let new = format!("{into}.{}", address(inner));
                        let message = rule
                            .message
                            .replace("{target}", &new)
                            .replace("{removed}", &old)
                            .replace("{old_name}", unquote(&g.text))
                            .replace("{name}", unquote(&inner.text))
                            .replace("{type}", &type_of(inner));
                        let edit = Arc::new(Edit {
                            title: format!("Add a `moved` block from {old} to {new}"),
                            range: insert_at..insert_at,
                            text: format!("\n\nmoved {{\n  from = {old}\n  to   = {new}\n}}"),
                        });
                        (message, Some(edit))
                    }
                    None => (
                        template
                            .replace("{target}", &into)
                            .replace("{removed}", &old),
                        None,
                    ),
                };
                findings.push(Finding {
                    rule: rule.id.clone(),
                    range: line_range(current, lines, block_line(container)),
                    target: Some(container.range.clone()),
                    severity: rule.severity,
                    message,
                    review: Review::None,
                    directive: None,
                    provenance: None,
                    edit,
                });
                false
            });
        }
        // Deleted with nothing in their place, for rules where that is as bad as a rename.
        if let Some(message) = &rule.deleted {
            // Reported where the deleted block began: the line after the last kept line above
            // it (the line that now stands there).
            for fact in gone {
                let start = fact.scope.as_ref().unwrap_or(&fact.range).start;
                let base_line = sides.base_lines.line_of(start);
                let line = (0..base_line)
                    .rev()
                    .find_map(|l| sides.inverse.get(&l).map(|n| n + 1))
                    .unwrap_or(0)
                    .min(lines.len().saturating_sub(1));
                findings.push(Finding {
                    rule: rule.id.clone(),
                    range: line_range(current, lines, line),
                    target: None,
                    severity: rule.severity,
                    message: message.replace("{removed}", &address(fact)),
                    review: Review::None,
                    directive: None,
                    provenance: None,
                    edit: None,
                });
            }
        }
    }
    findings
}

/// The facts of the diff rules in the files of a module.
fn module_addresses(
    texts: &[String],
    language: Language,
    rules: &RuleSet,
    deadline: Instant,
) -> Vec<Fact> {
    texts
        .iter()
        .take_while(|_| Instant::now() < deadline)
        .filter_map(|text| {
            let tree = parse(language, text, None)?;
            Some(DiffFacts::collect(text, tree.root_node(), &[], language, rules).facts)
        })
        .flatten()
        .collect()
}

/// The address of a `renamed` fact: its type and name.
fn address(fact: &Fact) -> String {
    format!("{}.{}", unquote(&fact.target), unquote(&fact.text))
}

fn type_of(fact: &Fact) -> String {
    unquote(&fact.target).to_string()
}

/// `changed` rules: a `@target` of both texts whose `@match` changed (`count` became
/// `for_each`), unless a `moved` block names it or one of its instances (`{target}[...]`). A
/// `present` pattern says a target exists with none of the other patterns' facts; a change from
/// or to that state is reported only when the other side has a `keyed` fact (no `count` to
/// `count` is a move Terraform makes itself, no `count` to `for_each` is not).
fn changed(
    base_facts: &[Fact],
    current_facts: &[Fact],
    sides: &Sides<'_>,
    rules: &RuleSet,
) -> Vec<Finding> {
    let Sides { current, lines, .. } = sides;
    // A target's state on one side: its `present` fact, if any, and its other facts; `None`
    // when the target is not there at all.
    type State<'f> = (Option<&'f Fact>, Vec<&'f Fact>);
    // The facts of each rule and target, so a target's state is a lookup (files have thousands
    // of blocks).
    type Index<'f> = HashMap<(usize, &'f str), Vec<&'f Fact>>;
    fn index(facts: &[Fact]) -> Index<'_> {
        let mut index: Index<'_> = HashMap::new();
        for fact in facts.iter().filter(|f| !f.has_role("moved")) {
            index
                .entry((fact.rule, fact.target.as_str()))
                .or_default()
                .push(fact);
        }
        index
    }
    fn state<'f>(index: &Index<'f>, rule: usize, target: &str) -> Option<State<'f>> {
        let of_target = index.get(&(rule, target))?;
        let present = of_target.iter().copied().find(|f| f.has_role("present"));
        let mut kinds: Vec<&Fact> = of_target
            .iter()
            .copied()
            .filter(|f| !f.has_role("present"))
            .collect();
        kinds.sort_by(|a, b| a.text.cmp(&b.text));
        kinds.dedup_by(|a, b| a.text == b.text);
        (present.is_some() || !kinds.is_empty()).then_some((present, kinds))
    }
    let texts = |kinds: &[&Fact]| kinds.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
    let label = |(present, kinds): &State<'_>| {
        if kinds.is_empty() {
            present.map(|p| p.label.clone()).unwrap_or_default()
        } else {
            kinds
                .iter()
                .map(|f| f.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let (base_index, current_index) = (index(base_facts), index(current_facts));
    let mut seen: HashSet<(usize, &str)> = HashSet::new();
    let mut findings = Vec::new();
    for fact in current_facts
        .iter()
        .filter(|f| rules.rule(f.rule).kind == RuleKind::Changed && !f.has_role("moved"))
    {
        if !seen.insert((fact.rule, fact.target.as_str())) {
            continue;
        }
        let (Some(before), Some(now)) = (
            state(&base_index, fact.rule, &fact.target),
            state(&current_index, fact.rule, &fact.target),
        ) else {
            continue;
        };
        if texts(&before.1) == texts(&now.1) {
            continue;
        }
        let keyed = |kinds: &[&Fact]| kinds.iter().any(|f| f.has_role("keyed"));
        if (before.1.is_empty() && !keyed(&now.1)) || (now.1.is_empty() && !keyed(&before.1)) {
            continue;
        }
        let target = fact.target.replace(' ', "");
        let instance = format!("{target}[");
        let moved = current_facts.iter().any(|m| {
            let from = m.text.replace(' ', "");
            m.rule == fact.rule
                && m.has_role("moved")
                && (from == target || from.starts_with(&instance))
        });
        if moved {
            continue;
        }
        let rule = rules.rule(fact.rule);
        let at = now.1.first().copied().or(now.0).unwrap_or(fact);
        let line = lines.line_of(at.scope.as_ref().unwrap_or(&at.range).start);
        findings.push(Finding {
            rule: rule.id.clone(),
            range: line_range(current, lines, line),
            target: Some(at.range.clone()),
            severity: rule.severity,
            message: rule
                .message
                .replace("{target}", &fact.target)
                .replace("{removed}", &label(&before))
                .replace("{current}", &label(&now)),
            review: Review::None,
            directive: None,
            provenance: None,
            edit: None,
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "resource \"aws_db_instance\" \"main\" {\n  deletion_protection = true\n}\n";

    fn run(base: &str, current: &str) -> Vec<Finding> {
        let rules = RuleSet::builtin();
        let mut findings = crate::analysis::analyze(current, Language::Hcl, &rules);
        analyze_diff(
            base,
            None,
            current,
            None,
            Language::Hcl,
            &rules,
            &mut findings,
        );
        findings
    }

    #[test]
    fn an_unchanged_file_or_other_line_endings_report_nothing() {
        assert_eq!(run(BASE, BASE), []);
        assert_eq!(run(BASE, &BASE.replace('\n', "\r\n")), []);
    }

    #[test]
    fn a_new_file_or_an_emptied_one_is_handled() {
        // Nothing in the base: nothing was removed.
        assert_eq!(run("", BASE), []);
        // Everything removed: reported at the start of the (empty) current text.
        let findings = run(BASE, "");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].rule, "tf-protection-removed");
        assert_eq!(findings[0].range, 0..0);
    }

    #[test]
    fn a_base_that_does_not_parse_still_gives_the_facts_of_the_parts_that_do() {
        let broken = format!("{BASE}resource \"x\" {{ = = \n");
        let findings = run(&broken, "resource \"aws_db_instance\" \"main\" {\n}\n");
        assert!(
            findings.iter().any(|f| f.rule == "tf-protection-removed"),
            "{findings:?}"
        );
    }

    #[test]
    fn a_resource_moved_into_a_new_module_is_reported_without_a_fix() {
        let base = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
        let current = "module \"storage\" {\n  source = \"./storage\"\n}\n";
        let findings = run(base, current);
        let moved: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == "tf-moved-block-missing")
            .collect();
        assert_eq!(moved.len(), 1, "{findings:?}");
        assert_eq!(moved[0].range, 0..18);
        assert!(
            moved[0]
                .message
                .contains("its address is now `module.storage.aws_s3_bucket.logs`"),
            "{}",
            moved[0].message
        );
        // The name inside the module cannot be read from this file: no `moved` block to offer.
        assert!(moved[0].edit.is_none());
    }

    #[test]
    fn a_count_to_for_each_switch_names_both_and_the_way_out() {
        let base = "resource \"aws_instance\" \"web\" {\n  count = 2\n}\n";
        let current = "resource \"aws_instance\" \"web\" {\n  for_each = toset([\"a\"])\n}\n";
        let findings = run(base, current);
        assert_eq!(findings.len(), 1, "{findings:?}");
        let message = &findings[0].message;
        assert!(
            message.starts_with("`aws_instance.web` switched from `count` to `for_each`"),
            "{message}"
        );
        assert!(message.contains("terraform state mv"), "{message}");
        assert!(findings[0].edit.is_none());
    }

    #[test]
    fn a_resource_found_in_the_new_module_gets_its_moved_block() {
        let base = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
        let current = "module \"storage\" {\n  source = \"./storage\"\n}\n";
        let module = "resource \"aws_s3_bucket\" \"this\" {\n  bucket = \"logs\"\n}\n".to_string();
        let rules = RuleSet::builtin();
        let run_with = |texts: Vec<String>| {
            let mut findings = Vec::new();
            analyze_diff_with_modules(
                base,
                current,
                Language::Hcl,
                &rules,
                &mut findings,
                &|source| {
                    assert_eq!(source, "./storage");
                    texts.clone()
                },
            );
            findings
        };
        // The one bucket of the module is the moved one, under its new name.
        let findings = run_with(vec![module.clone()]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        let edit = findings[0].edit.as_ref().expect("a moved block");
        assert_eq!(
            edit.text,
            "\n\nmoved {\n  from = aws_s3_bucket.logs\n  to   = module.storage.aws_s3_bucket.this\n}"
        );
        assert_eq!(edit.range, current.len() - 1..current.len() - 1);
        assert!(
            findings[0].message.starts_with(
                "`aws_s3_bucket.logs` was renamed to `module.storage.aws_s3_bucket.this`"
            ),
            "{}",
            findings[0].message
        );
        // Two buckets, neither named `logs`: which one it became cannot be known.
        let two = format!("{module}resource \"aws_s3_bucket\" \"other\" {{}}\n");
        let findings = run_with(vec![two]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(findings[0].edit.is_none());
        // Two buckets, one of them `logs`: that one.
        let named = format!("{module}resource \"aws_s3_bucket\" \"logs\" {{}}\n");
        let findings = run_with(vec![named]);
        let edit = findings[0].edit.as_ref().expect("a moved block");
        assert!(
            edit.text
                .contains("to   = module.storage.aws_s3_bucket.logs")
        );
    }
}
