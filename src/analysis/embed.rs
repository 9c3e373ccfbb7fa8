//! Shell inside other languages: the text of a string that holds a shell script (`os.system(...)`,
//! a workflow's `run:`, a Dockerfile `RUN`), or an argument list that spells one command
//! (`["rm", "-rf", path]`), turned into a shell snippet the shell rules can check, with a map
//! from snippet offsets back to the host document.

use std::collections::HashMap;
use std::ops::Range;

use tree_sitter::Node;

use super::Language;

/// A shell snippet and how its offsets map to the host document.
pub(crate) struct Snippet {
    pub text: String,
    /// For each word of an argument list: its range in the snippet and in the host. Empty when
    /// the snippet is the host text itself (with quotes blanked), mapped by `base`.
    words: Vec<(Range<usize>, Range<usize>)>,
    /// For a snippet rewritten from its host text (a Makefile recipe, an escaped JSON string):
    /// runs of snippet text and the host text each came from, in order. Offsets inside a run map
    /// proportionally, clamped to the run's host range.
    pieces: Vec<(Range<usize>, Range<usize>)>,
    base: usize,
}

impl Snippet {
    /// The host range of a snippet range.
    pub fn to_host(&self, range: &Range<usize>) -> Range<usize> {
        if !self.pieces.is_empty() {
            let start = self.piece_offset(range.start, false);
            let end = self.piece_offset(range.end, true);
            return start..end.max(start);
        }
        if self.words.is_empty() {
            return self.base + range.start..self.base + range.end;
        }
        let touched: Vec<&Range<usize>> = self
            .words
            .iter()
            .filter(|(snippet, _)| {
                snippet.start < range.end.max(range.start + 1) && range.start < snippet.end
            })
            .map(|(_, host)| host)
            .collect();
        match (touched.first(), touched.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => self.base..self.base,
        }
    }
}

impl Snippet {
    /// The host offset of a snippet offset; an end offset belongs to the run it ends.
    fn piece_offset(&self, offset: usize, is_end: bool) -> usize {
        let after = self.pieces.partition_point(|(snippet, _)| {
            if is_end {
                snippet.start < offset
            } else {
                snippet.start <= offset
            }
        });
        let Some((snippet, host)) = self.pieces.get(after.saturating_sub(1)) else {
            return self.base;
        };
        // A rewritten run maps as a whole: its ends to the host run's ends.
        if offset == snippet.end && is_end {
            return host.end;
        }
        (host.start + offset.saturating_sub(snippet.start)).min(host.end)
    }
}

/// Builds a snippet from pieces of host text, some copied and some rewritten.
#[derive(Default)]
struct Rewriter {
    text: String,
    pieces: Vec<(Range<usize>, Range<usize>)>,
}

impl Rewriter {
    fn push(&mut self, text: &str, host: Range<usize>) {
        if text.is_empty() && host.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.pieces.push((start..self.text.len(), host));
    }

    fn finish(self, base: usize) -> Option<Snippet> {
        if self.text.trim().is_empty() {
            return None;
        }
        Some(Snippet {
            text: self.text,
            words: Vec::new(),
            pieces: self.pieces,
            base,
        })
    }
}

/// The shell text of a node, by the host language: Makefile recipe lines and JSON strings are
/// rewritten ([`make_recipe`], [`json_string`]); anything else is [`script`].
pub(crate) fn shell_text(node: Node<'_>, host: &str, language: Language) -> Option<Snippet> {
    match language {
        Language::Make => make_recipe(node, host),
        Language::Json => json_string(node, host),
        _ => script(node, host),
    }
}

/// A Makefile recipe line (or `$(shell ...)` command) as the shell receives it: the recipe
/// prefixes `@`, `-`, `+` are dropped, `$$` becomes `$`, a variable reference `$(NAME)` or
/// `${NAME}` becomes the shell variable `${NAME}` (its value is not known: it can come from the
/// command line or the environment), any other make function (`$(shell ...)`, `$(wildcard ...)`,
/// `$(VAR:.c=.o)`) becomes `${MAKE_EXPR}`, an unknown value, and an automatic variable (`$@`,
/// `$<`, `$(@D)`, ...) becomes the plain word `make_target`: it names a file of the rule,
/// relative to the Makefile. Line continuations stay as they are, which the shell reads alike.
pub(crate) fn make_recipe(node: Node<'_>, host: &str) -> Option<Snippet> {
    let mut out = Rewriter::default();
    let mut start = node.start_byte();
    if node.kind() == "recipe_line" {
        let line = host.get(node.byte_range())?;
        start += line.len() - line.trim_start_matches(['@', '-', '+', ' ', '\t']).len();
    }
    let literals = make_literals(node, host);
    let end = make_node(node, host, &mut out, start, &literals)?;
    out.push(host.get(end..node.end_byte())?, end..node.end_byte());
    out.finish(node.start_byte())
}

/// Rewrites the children of a make node into `out`, copying the text between them; returns the
/// offset up to which the host text has been consumed.
fn make_node(
    node: Node<'_>,
    host: &str,
    out: &mut Rewriter,
    mut at: usize,
    literals: &HashMap<&str, &str>,
) -> Option<usize> {
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        let range = child.byte_range();
        if range.end <= at {
            continue;
        }
        let replacement: Option<String> = match child.kind() {
            "escape" => Some(host.get(range.clone())?.replacen("$$", "$", 1)),
            "automatic_variable" => Some("make_target".to_string()),
            "variable_reference" => Some(make_variable(child, host, literals)),
            "function_call" | "shell_function" | "substitution_reference" => {
                Some("${MAKE_EXPR}".to_string())
            }
            _ => None,
        };
        match replacement {
            Some(text) if range.start >= at => {
                out.push(host.get(at..range.start)?, at..range.start);
                out.push(&text, range.clone());
                at = range.end;
            }
            _ if child.child_count() > 0 => at = make_node(child, host, out, at, literals)?,
            _ => {}
        }
    }
    Some(at)
}

/// The variables of the Makefile set once, with `=`, `:=` or `::=`, to a literal value (no `$`):
/// `BUILDDIR = _build`. Make substitutes those values (only a `make VAR=...` command line
/// overrides them), so the recipe is read with the value. A variable set more than once, with
/// `?=` (the environment wins) or `+=`, or to a computed value stays unknown.
fn make_literals<'h>(node: Node<'_>, host: &'h str) -> HashMap<&'h str, &'h str> {
    let mut root = node;
    while let Some(parent) = root.parent() {
        root = parent;
    }
    let mut seen: HashMap<&str, Option<&str>> = HashMap::new();
    let mut stack = vec![root];
    while let Some(current) = stack.pop() {
        if current.kind() != "variable_assignment" {
            if current.kind() != "recipe" {
                let mut cursor = current.walk();
                stack.extend(current.named_children(&mut cursor));
            }
            continue;
        }
        let field = |name: &str| {
            current
                .child_by_field_name(name)
                .and_then(|n| host.get(n.byte_range()))
        };
        let Some(name) = field("name") else {
            continue;
        };
        let literal = match (field("operator"), field("value")) {
            (Some("=" | ":=" | "::="), Some(value)) if !value.contains('$') => Some(value.trim()),
            _ => None,
        };
        seen.entry(name)
            .and_modify(|v| *v = None)
            .or_insert(literal);
    }
    seen.into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
}

/// `$(NAME)` as the shell variable `${NAME}` (characters a shell name cannot hold become `_`);
/// `$(@D)` and friends as a file of the rule; anything computed as an unknown value.
fn make_variable(node: Node<'_>, host: &str, literals: &HashMap<&str, &str>) -> String {
    let mut cursor = node.walk();
    let children: Vec<Node<'_>> = node.named_children(&mut cursor).collect();
    match children.as_slice() {
        [only] if only.kind() == "automatic_variable" => "make_target".to_string(),
        [only] if only.kind() == "word" => {
            let raw = host.get(only.byte_range()).unwrap_or("");
            if let Some(value) = literals.get(raw) {
                return (*value).to_string();
            }
            let name: String = host
                .get(only.byte_range())
                .unwrap_or("")
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            if name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                format!("${{{name}}}")
            } else {
                "${MAKE_EXPR}".to_string()
            }
        }
        _ => "${MAKE_EXPR}".to_string(),
    }
}

/// A JSON string's value: quotes dropped, escapes (`\"`, `\\`, `\n`, `\u0041`) decoded.
pub(crate) fn json_string(node: Node<'_>, host: &str) -> Option<Snippet> {
    let mut out = Rewriter::default();
    let mut cursor = node.walk();
    let mut at = node.start_byte();
    for child in node.named_children(&mut cursor) {
        let range = child.byte_range();
        match child.kind() {
            "string_content" if range.end > at => {
                let from = range.start.max(at);
                out.push(host.get(from..range.end)?, from..range.end);
            }
            "escape_sequence" => {
                // `\u` may come alone, its four hex digits in the text that follows.
                let mut end = range.end;
                if host.get(range.clone()) == Some("\\u") {
                    end = (end + 4).min(node.end_byte());
                }
                let raw = host.get(range.start..end)?;
                out.push(&json_unescape(raw), range.start..end);
                at = end;
            }
            _ => {}
        }
    }
    out.finish(node.start_byte())
}

fn json_unescape(escape: &str) -> String {
    match escape.as_bytes().get(1) {
        Some(b'n') => "\n".into(),
        Some(b't') => "\t".into(),
        Some(b'r') => "\r".into(),
        Some(b'b' | b'f') => " ".into(),
        Some(b'u') => u32::from_str_radix(escape.get(2..6).unwrap_or(""), 16)
            .ok()
            .and_then(char::from_u32)
            .map_or_else(|| " ".into(), String::from),
        Some(_) => escape[1..].to_string(),
        None => String::new(),
    }
}

/// The text of a node holding a shell script, same length as the host text so offsets map one
/// to one: string quotes and prefixes, a YAML block-scalar indicator line, and Python f-string
/// interpolations (which become `$___` variables: values the shell rules cannot know) are blanked.
pub(crate) fn script(node: Node<'_>, host: &str) -> Option<Snippet> {
    let range = node.byte_range();
    let original = host.get(range.clone())?;
    let mut text: Vec<u8> = original.as_bytes().to_vec();
    blank_quotes(&mut text);
    if matches!(text.first(), Some(b'|' | b'>')) {
        let end = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
        text[..end].fill(b' ');
    }
    let mut cursor = node.walk();
    let mut stack = vec![node];
    while let Some(current) = stack.pop() {
        if current.kind() == "interpolation" && current.id() != node.id() {
            let start = current.start_byte() - range.start;
            let end = current.end_byte() - range.start;
            if let Some(slice) = text.get_mut(start..end) {
                slice.fill(b'_');
                slice[0] = b'$';
            }
            continue;
        }
        stack.extend(current.children(&mut cursor));
    }
    let text = String::from_utf8(text).ok()?;
    Some(Snippet {
        text,
        words: Vec::new(),
        pieces: Vec::new(),
        base: range.start,
    })
}

/// A command spelled as an argument list: literal strings are its words (quoted for the shell);
/// anything else is a value the rules cannot know, written as `"$VALUE"`. A list inside the
/// list (`spawn("rm", ["-rf", dir])`) is spread; a Rust `Command::new(..).arg(..).args([..])`
/// chain is read from its calls.
pub(crate) fn argv(node: Node<'_>, host: &str) -> Option<Snippet> {
    let mut text = String::new();
    let mut words = Vec::new();
    for child in argv_nodes(node, host) {
        let word =
            literal(child, host).map_or_else(|| "\"$VALUE\"".to_string(), |s| shell_quote(&s));
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&word);
        words.push((start..text.len(), child.byte_range()));
    }
    if words.is_empty() {
        return None;
    }
    Some(Snippet {
        text,
        words,
        pieces: Vec::new(),
        base: node.start_byte(),
    })
}

fn argv_nodes<'t>(node: Node<'t>, host: &str) -> Vec<Node<'t>> {
    if node.kind() == "call_expression" {
        return command_chain(node, host).unwrap_or_default();
    }
    let mut nodes = Vec::new();
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        if child.kind().contains("comment") {
            continue;
        }
        if is_list(child) {
            nodes.extend(list_items(child));
        } else {
            nodes.push(child);
        }
    }
    nodes
}

fn is_list(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "array" | "list" | "array_expression" | "flow_sequence" | "block_sequence"
    )
}

fn list_items(list: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = list.walk();
    list.named_children(&mut cursor)
        .filter(|c| !c.kind().contains("comment"))
        .collect()
}

/// The words of a Rust `Command::new(program).arg(a).args([b, c]).status()` chain, in order;
/// `None` when the chain does not start at `Command::new`.
fn command_chain<'t>(outer: Node<'t>, host: &str) -> Option<Vec<Node<'t>>> {
    let mut groups: Vec<Vec<Node<'t>>> = Vec::new();
    let mut call = outer;
    loop {
        let function = call.child_by_field_name("function")?;
        let arguments = call.child_by_field_name("arguments")?;
        let args = list_items(arguments);
        match function.kind() {
            "field_expression" => {
                let method = function
                    .child_by_field_name("field")
                    .and_then(|f| host.get(f.byte_range()));
                match method {
                    Some("arg") => groups.push(args),
                    Some("args") => groups.push(
                        args.into_iter()
                            .flat_map(|a| if is_list(a) { list_items(a) } else { vec![a] })
                            .collect(),
                    ),
                    _ => {}
                }
                call = function
                    .child_by_field_name("value")
                    .filter(|v| v.kind() == "call_expression")?;
            }
            "scoped_identifier" if host.get(function.byte_range())?.ends_with("Command::new") => {
                groups.push(args);
                break;
            }
            _ => return None,
        }
    }
    groups.reverse();
    Some(groups.into_iter().flatten().collect())
}

/// The value of a string literal without interpolation, else `None`.
fn literal(node: Node<'_>, host: &str) -> Option<String> {
    let mut node = node;
    // YAML wraps scalars in `flow_node`; unwrap single-child wrappers.
    while node.named_child_count() == 1
        && !node.kind().contains("string")
        && !node.kind().contains("scalar")
    {
        node = node.named_child(0)?;
    }
    let kind = node.kind();
    if !(kind.contains("string") || kind.contains("scalar")) {
        return None;
    }
    let mut cursor = node.walk();
    let interpolated = node.named_children(&mut cursor).any(|c| {
        matches!(
            c.kind(),
            "interpolation" | "template_substitution" | "escape_sequence"
        )
    });
    if interpolated {
        return None;
    }
    let mut bytes = host.get(node.byte_range())?.as_bytes().to_vec();
    blank_quotes(&mut bytes);
    Some(String::from_utf8(bytes).ok()?.trim().to_string())
}

/// Replaces a leading string prefix and quotes (`f"`, `r'`, `"""`, `` ` ``) and the matching
/// closing quotes with spaces.
fn blank_quotes(text: &mut [u8]) {
    let prefix = text
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
        .min(2);
    let Some(&quote) = text.get(prefix) else {
        return;
    };
    if !matches!(quote, b'"' | b'\'' | b'`') {
        return;
    }
    let run = text[prefix..].iter().take_while(|&&b| b == quote).count();
    let run = if run >= 3 { 3 } else { 1 };
    if text.len() < prefix + 2 * run || !text.ends_with(&vec![quote; run]) {
        return;
    }
    text[..prefix + run].fill(b' ');
    let len = text.len();
    text[len - run..].fill(b' ');
}

/// A word as the shell would need it written to mean exactly `word`.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./:=@%+,~*".contains(&b));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_quotes_and_prefixes_keeping_length() {
        for (input, expected) in [
            ("\"rm -rf /\"", " rm -rf / "),
            ("f\"rm {x}\"", "  rm {x} "),
            ("'''ls'''", "   ls   "),
            ("`a`", " a "),
            ("plain", "plain"),
        ] {
            let mut bytes = input.as_bytes().to_vec();
            blank_quotes(&mut bytes);
            assert_eq!(String::from_utf8(bytes).unwrap(), expected);
        }
        assert_eq!(shell_quote("-rf"), "-rf");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }
}

#[cfg(test)]
mod host_tests {
    use super::*;

    fn snippets(language: Language, host: &str, kind: &str) -> Vec<(String, Vec<String>)> {
        let tree = crate::analysis::parse(language, host, None).unwrap();
        let mut found = Vec::new();
        let mut stack = vec![tree.root_node()];
        while let Some(node) = stack.pop() {
            if node.kind() == kind {
                let snippet = shell_text(node, host, language).unwrap();
                // Each word of the snippet, mapped back to the host text.
                let mut words = Vec::new();
                let mut start = None;
                for (i, c) in snippet
                    .text
                    .char_indices()
                    .chain([(snippet.text.len(), ' ')])
                {
                    match (c.is_whitespace(), start) {
                        (false, None) => start = Some(i),
                        (true, Some(s)) => {
                            words.push(host[snippet.to_host(&(s..i))].to_string());
                            start = None;
                        }
                        _ => {}
                    }
                }
                found.push((snippet.text.clone(), words));
            }
            let mut cursor = node.walk();
            stack.extend(node.children(&mut cursor));
        }
        found.reverse();
        found
    }

    #[test]
    fn make_recipes_read_as_the_shell_sees_them() {
        let host = "x:\n\t@-rm -rf $(OUT)/ $$HOME/a ${D} $@ $(@D) $(wildcard *.o) \\\n\t  end\n";
        let found = snippets(Language::Make, host, "recipe_line");
        assert_eq!(found.len(), 1);
        let (text, words) = &found[0];
        assert_eq!(
            text,
            "rm -rf ${OUT}/ $HOME/a ${D} make_target make_target ${MAKE_EXPR} \\\n\t  end"
        );
        assert_eq!(
            words,
            &[
                "rm",
                "-rf",
                "$(OUT)/",
                "$$HOME/a",
                "${D}",
                "$@",
                "$(@D)",
                "$(wildcard *.o)",
                "\\",
                "end"
            ]
        );
    }

    #[test]
    fn make_variables_set_once_to_a_literal_are_substituted() {
        let host = "B = _build\nC ?= out\nD := $(B)/x\nE = a\nE = b\n\nx:\n\trm -rf $(B)/* $(C) $(D) $(E)\n";
        let found = snippets(Language::Make, host, "recipe_line");
        assert_eq!(found[0].0, "rm -rf _build/* ${C} ${D} ${E}");
        assert_eq!(found[0].1[2], "$(B)/*");
    }

    #[test]
    fn json_strings_are_unescaped() {
        let host = r#"{"scripts": {"clean": "rm -rf \"$DIR\"/ && echo \u0041"}}"#;
        let found = snippets(Language::Json, host, "string");
        let (text, words) = found.iter().find(|(t, _)| t.starts_with("rm")).unwrap();
        assert_eq!(text, "rm -rf \"$DIR\"/ && echo A");
        assert_eq!(words[2], r#"\"$DIR\"/"#);
        assert_eq!(words[5], r"\u0041");
    }
}
