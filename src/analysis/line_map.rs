//! Which lines of a text are unchanged from an older version of it: the line diff that
//! provenance (lines changed since HEAD) and the diff rules share.

use std::ops::Range;

use imara_diff::intern::InternedInput;
use imara_diff::{Algorithm, diff};

/// For each line of `new`, the line of `old` it is unchanged from, if any. The common first and
/// last lines are matched directly, so an edit in one place costs a diff of that place only.
pub fn line_map(old: &str, new: &str) -> Vec<Option<usize>> {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let prefix = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_lines[prefix..]
        .iter()
        .rev()
        .zip(new_lines[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_middle = &old_lines[prefix..old_lines.len() - suffix];
    let new_middle = &new_lines[prefix..new_lines.len() - suffix];
    let mut map: Vec<Option<usize>> = Vec::with_capacity(new_lines.len());
    map.extend((0..prefix).map(Some));
    let input = InternedInput::new(Lines(old_middle), Lines(new_middle));
    let mut old_pos = 0usize;
    let mut new_pos = 0usize;
    diff(
        Algorithm::Histogram,
        &input,
        |before: Range<u32>, after: Range<u32>| {
            while new_pos < after.start as usize {
                map.push(Some(prefix + old_pos));
                old_pos += 1;
                new_pos += 1;
            }
            map.extend(after.clone().map(|_| None));
            new_pos = after.end as usize;
            old_pos = before.end as usize;
        },
    );
    while new_pos < new_middle.len() {
        map.push(Some(prefix + old_pos));
        old_pos += 1;
        new_pos += 1;
    }
    let old_suffix_start = old_lines.len() - suffix;
    map.extend((0..suffix).map(|i| Some(old_suffix_start + i)));
    map
}

/// Lines without their terminators, so `\r\n` against `\n` or a missing final newline is not
/// a change.
struct Lines<'a, 'b>(&'b [&'a str]);

impl<'a, 'b> imara_diff::intern::TokenSource for Lines<'a, 'b> {
    type Token = &'a str;
    type Tokenizer = std::iter::Copied<std::slice::Iter<'b, &'a str>>;

    fn tokenize(&self) -> Self::Tokenizer {
        self.0.iter().copied()
    }

    fn estimate_tokens(&self) -> u32 {
        self.0.len().min(u32::MAX as usize) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_map_follows_insertions_and_deletions() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nX\nb\nd\nY";
        assert_eq!(
            line_map(old, new),
            vec![Some(0), None, Some(1), Some(3), None]
        );
        assert_eq!(line_map("", ""), Vec::<Option<usize>>::new());
        // Line endings are not changes.
        assert_eq!(line_map("a\nb\n", "a\r\nb"), vec![Some(0), Some(1)]);
        // Repeated lines around an edit.
        assert_eq!(
            line_map("x\nx\nx\n", "x\nx\ny\nx\n"),
            vec![Some(0), Some(1), None, Some(2)]
        );
        assert_eq!(line_map("a\nb\nc\n", "c\n"), vec![Some(2)]);
    }
}
