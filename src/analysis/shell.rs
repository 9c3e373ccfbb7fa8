//! A model of one shell command as the shell would run it: the effective program after wrappers
//! such as `sudo`, `env` or `xargs`, and its arguments split into options and operands. The shell
//! predicates of the queries (`#cmd?`, `#subcmd?`, `#flag?`, `#arg?`) read this model.

use std::ops::Range;

use tree_sitter::Node;

/// One argument word of a command.
#[derive(Clone, Debug)]
pub struct Arg<'t> {
    /// The source text, quotes and expansions included: `"$DIR"/*`.
    pub raw: &'t str,
    /// The text with surrounding quotes removed when the whole word is one plain quoted string.
    pub word: String,
    pub range: Range<usize>,
    /// An option (`-rf`, `--force`) that comes before a `--` end-of-options marker.
    pub is_option: bool,
}

/// The command a `command` node runs.
#[derive(Clone, Debug)]
pub struct ShellCommand<'t> {
    /// The program's base name: `rm` for `/bin/rm`, `sudo rm` and `xargs -0 rm`.
    pub program: String,
    pub args: Vec<Arg<'t>>,
}

/// Wrappers that run their first operand as a command, with the options of each that take a
/// separate value.
const WRAPPERS: &[(&str, &[&str])] = &[
    (
        "sudo",
        &[
            "-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "--user", "--group",
        ],
    ),
    ("doas", &["-u", "-C"]),
    ("env", &["-u", "-C", "-S", "--unset", "--chdir"]),
    ("command", &[]),
    ("builtin", &[]),
    ("exec", &["-a"]),
    ("nohup", &[]),
    ("time", &["-f", "-o"]),
    ("nice", &["-n", "--adjustment"]),
    ("ionice", &["-c", "-n", "-p"]),
    ("stdbuf", &["-i", "-o", "-e"]),
    ("chrt", &["-p"]),
    (
        "xargs",
        &[
            "-I",
            "-n",
            "-P",
            "-d",
            "-E",
            "-L",
            "-s",
            "-a",
            "--max-args",
            "--max-procs",
        ],
    ),
    ("timeout", &["-s", "-k", "--signal", "--kill-after"]),
];

impl<'t> ShellCommand<'t> {
    /// Reads a tree-sitter-bash `command` node. `None` when the node is not a command, the program
    /// is not a plain word (`$RM -rf`), or the command only looks a program up (`command -v rm`).
    pub fn from_node(node: Node<'_>, text: &'t str) -> Option<ShellCommand<'t>> {
        if node.kind() != "command" {
            return None;
        }
        let name = node.child_by_field_name("name")?;
        let mut words: Vec<Arg<'t>> = Vec::new();
        words.push(make_arg(text, name.byte_range(), false)?);
        let mut cursor = node.walk();
        for (i, child) in node.children(&mut cursor).enumerate() {
            if node.field_name_for_child(i as u32) == Some("argument") {
                words.push(make_arg(text, child.byte_range(), false)?);
            }
        }
        let mut start = 0;
        loop {
            let program = base_name(&words[start].word);
            let Some((_, valued)) = WRAPPERS.iter().find(|(w, _)| *w == program) else {
                break;
            };
            if program == "command"
                && words[start + 1..]
                    .iter()
                    .any(|w| w.word == "-v" || w.word == "-V")
            {
                return None;
            }
            let mut i = start + 1;
            let mut positional_skipped = false;
            while i < words.len() {
                let word = words[i].word.as_str();
                if word == "--" {
                    i += 1;
                    break;
                }
                if word.starts_with('-') && word.len() > 1 {
                    i += if valued.contains(&word) { 2 } else { 1 };
                } else if program == "env" && word.contains('=') {
                    i += 1;
                } else if program == "timeout" && !positional_skipped {
                    positional_skipped = true;
                    i += 1;
                } else {
                    break;
                }
            }
            if i >= words.len() {
                // A bare wrapper (`sudo -v`, `xargs` with no command) runs the wrapper itself.
                break;
            }
            start = i;
        }
        let program = base_name(&words[start].word).to_string();
        let mut options_ended = false;
        let args = words
            .drain(start + 1..)
            .map(|mut arg| {
                if arg.word == "--" {
                    options_ended = true;
                }
                arg.is_option = !options_ended && arg.word.len() > 1 && arg.word.starts_with('-');
                arg
            })
            .collect();
        Some(ShellCommand { program, args })
    }

    pub fn options(&self) -> impl Iterator<Item = &Arg<'t>> {
        self.args.iter().filter(|a| a.is_option)
    }

    pub fn operands(&self) -> impl Iterator<Item = &Arg<'t>> {
        self.args.iter().filter(|a| !a.is_option && a.word != "--")
    }

    /// Whether any option matches one of `flags`. A single-letter short flag (`-f`) also matches
    /// inside a cluster (`-rf`); any other flag matches exactly or with a value (`--force`,
    /// `--force=true`, `-auto-approve`), so `--force-with-lease` is not `--force`.
    pub fn has_flag(&self, flags: &[String]) -> Option<&Arg<'t>> {
        self.options()
            .find(|arg| flags.iter().any(|flag| flag_matches(&arg.word, flag)))
    }

    /// Whether the operands spell `words` in order: the first within the first two operands (so
    /// a global option's value may come before it), each next one within two of the previous.
    /// Each word may list alternatives separated by `|`.
    pub fn has_subcommand(&self, words: &[String]) -> bool {
        let operands: Vec<&str> = self.operands().map(|a| a.word.as_str()).collect();
        let mut position = 0usize;
        for word in words {
            let end = (position + 2).min(operands.len());
            let found = operands.get(position..end).and_then(|slice| {
                slice
                    .iter()
                    .position(|o| word.split('|').any(|alt| alt == *o))
            });
            match found {
                Some(offset) => position += offset + 1,
                None => return false,
            }
        }
        true
    }
}

fn flag_matches(arg: &str, flag: &str) -> bool {
    let single_short = flag.len() == 2 && flag.starts_with('-') && !flag.starts_with("--");
    if single_short && !arg.starts_with("--") {
        let letter = flag.as_bytes()[1];
        let cluster = arg[1..].split('=').next().unwrap_or("");
        return cluster.bytes().all(|b| b.is_ascii_alphanumeric())
            && cluster.as_bytes().contains(&letter);
    }
    arg == flag
        || arg
            .strip_prefix(flag)
            .is_some_and(|rest| rest.starts_with('='))
}

fn base_name(word: &str) -> &str {
    word.rsplit('/').next().unwrap_or(word)
}

fn make_arg(text: &str, range: Range<usize>, is_option: bool) -> Option<Arg<'_>> {
    let raw = text.get(range.clone())?;
    Some(Arg {
        raw,
        word: unquote(raw),
        range,
        is_option,
    })
}

/// `"--force"` -> `--force`, `'rm'` -> `rm`, `\rm` -> `rm`; anything with expansions stays as is.
fn unquote(raw: &str) -> String {
    let raw = raw.strip_prefix('\\').unwrap_or(raw);
    for quote in ['"', '\''] {
        if let Some(inner) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) {
            let plain =
                !inner.contains(quote) && (quote == '\'' || !inner.contains(['$', '`', '\\']));
            if plain {
                return inner.to_string();
            }
        }
    }
    raw.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command(source: &str) -> Option<(String, Vec<(String, bool)>)> {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .unwrap();
        let tree = parser.parse(source, None).unwrap();
        let node = tree.root_node().named_child(0).unwrap();
        let cmd = ShellCommand::from_node(node, source)?;
        Some((
            cmd.program,
            cmd.args
                .iter()
                .map(|a| (a.word.clone(), a.is_option))
                .collect(),
        ))
    }

    #[test]
    fn unwraps_wrappers() {
        let (program, args) = command("sudo -u root env A=1 /bin/rm -rf -- -x").unwrap();
        assert_eq!(program, "rm");
        let expected = [("-rf", true), ("--", false), ("-x", false)];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(w, o)| (w.to_string(), *o)).collect();
        assert_eq!(args, expected);
        assert_eq!(command("timeout 5 xargs -0 rm -f").unwrap().0, "rm");
        assert_eq!(command("\"rm\" -r x").unwrap().0, "rm");
        assert_eq!(command("sudo -v").unwrap().0, "sudo");
        assert!(command("command -v rm").is_none());
        assert!(command("$RM -rf /").unwrap().0.starts_with('$'));
    }

    #[test]
    fn flags_and_subcommands() {
        let source = "git -C repo push --force-with-lease origin +main";
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .unwrap();
        let tree = parser.parse(source, None).unwrap();
        let cmd =
            ShellCommand::from_node(tree.root_node().named_child(0).unwrap(), source).unwrap();
        let flags = |f: &[&str]| f.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(cmd.has_flag(&flags(&["--force"])).is_none());
        assert!(cmd.has_flag(&flags(&["-f"])).is_none());
        assert!(cmd.has_flag(&flags(&["--force-with-lease"])).is_some());
        assert!(cmd.has_subcommand(&flags(&["push"])));
        assert!(!cmd.has_subcommand(&flags(&["pull|fetch"])));
        assert!(flag_matches("-rf", "-f"));
        assert!(flag_matches("-Rf", "-R"));
        assert!(!flag_matches("-auto-approve", "-f"));
        assert!(flag_matches("-auto-approve=true", "-auto-approve"));
        assert!(!flag_matches("--recursive", "-r"));
    }
}
