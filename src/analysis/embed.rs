//! Shell inside other languages: the text of a string that holds a shell script (`os.system(...)`,
//! a workflow's `run:`, a Dockerfile `RUN`), or an argument list that spells one command
//! (`["rm", "-rf", path]`), turned into a shell snippet the shell rules can check, with a map
//! from snippet offsets back to the host document.

use std::ops::Range;

use tree_sitter::Node;

/// A shell snippet and how its offsets map to the host document.
pub(crate) struct Snippet {
    pub text: String,
    /// For each word of an argument list: its range in the snippet and in the host. Empty when
    /// the snippet is the host text itself (with quotes blanked), mapped by `base`.
    words: Vec<(Range<usize>, Range<usize>)>,
    base: usize,
}

impl Snippet {
    /// The host range of a snippet range.
    pub fn to_host(&self, range: &Range<usize>) -> Range<usize> {
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
