//! Position encodings: the only place where LSP positions and byte offsets are converted.
//!
//! The server negotiates UTF-8, UTF-32 or UTF-16 (the best the client offers; UTF-16 when it
//! offers none). Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP; ropey is built with
//! `cr_lines` so its line index agrees.

use std::ops::Range;

use ropey::{Rope, RopeSlice};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range as LspRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// UTF-8 matches tree-sitter's byte offsets, so it is preferred, then UTF-32, then the
    /// mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or(&[]);
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// Number of chars of the line break at the end of a line slice.
fn break_chars(line: RopeSlice<'_>) -> usize {
    let len = line.len_chars();
    match (
        len.checked_sub(2).map(|i| line.char(i)),
        len.checked_sub(1).map(|i| line.char(i)),
    ) {
        (Some('\r'), Some('\n')) => 2,
        (_, Some('\n' | '\r')) => 1,
        _ => 0,
    }
}

/// A byte offset for an LSP position. A character past the end of its line means the end of the
/// line (as the specification says); a line past the end of the document is out of range and
/// gives the end of the document with `false`.
pub fn to_offset(rope: &Rope, position: Position, encoding: Encoding) -> (usize, bool) {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), false);
    }
    let line_start_char = rope.line_to_char(line);
    let slice = rope.line(line);
    let content_chars = slice.len_chars() - break_chars(slice);
    let character = position.character as usize;
    let chars_in = match encoding {
        Encoding::Utf32 => character.min(content_chars),
        Encoding::Utf16 => {
            let start = rope.char_to_utf16_cu(line_start_char);
            let end = rope.char_to_utf16_cu(line_start_char + content_chars);
            let target = start + character;
            if target >= end {
                content_chars
            } else {
                rope.utf16_cu_to_char(target) - line_start_char
            }
        }
        Encoding::Utf8 => {
            let start = rope.line_to_byte(line);
            let end = rope.char_to_byte(line_start_char + content_chars);
            let target = (start + character).min(end);
            rope.byte_to_char(target) - line_start_char
        }
    };
    (rope.char_to_byte(line_start_char + chars_in), true)
}

/// The LSP position of a byte offset (clamped to the document).
pub fn to_position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    let line = rope.byte_to_line(offset);
    let character = match encoding {
        Encoding::Utf8 => {
            let char_start = rope.char_to_byte(rope.byte_to_char(offset));
            char_start - rope.line_to_byte(line)
        }
        Encoding::Utf32 => rope.byte_to_char(offset) - rope.line_to_char(line),
        Encoding::Utf16 => {
            rope.char_to_utf16_cu(rope.byte_to_char(offset))
                - rope.char_to_utf16_cu(rope.line_to_char(line))
        }
    };
    Position {
        line: line as u32,
        character: character as u32,
    }
}

pub fn to_range(rope: &Rope, range: &Range<usize>, encoding: Encoding) -> LspRange {
    LspRange {
        start: to_position(rope, range.start, encoding),
        end: to_position(rope, range.end, encoding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn each_encoding_counts_its_own_units() {
        // "é" is 2 bytes / 1 UTF-16 unit / 1 char; "😀" is 4 bytes / 2 units / 1 char.
        let text = "a\r\né😀x\rlast";
        let rope = Rope::from_str(text);
        let x = text.find('x').unwrap();
        assert_eq!(to_offset(&rope, pos(1, 6), Encoding::Utf8), (x, true));
        assert_eq!(to_offset(&rope, pos(1, 3), Encoding::Utf16), (x, true));
        assert_eq!(to_offset(&rope, pos(1, 2), Encoding::Utf32), (x, true));
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let back = to_position(&rope, x, encoding);
            assert_eq!(to_offset(&rope, back, encoding), (x, true), "{encoding:?}");
        }
        // Lone CR ends a line; a character past the end clamps to the line end.
        assert_eq!(
            to_offset(&rope, pos(2, 0), Encoding::Utf16),
            (text.find("last").unwrap(), true)
        );
        assert_eq!(to_offset(&rope, pos(0, 99), Encoding::Utf16), (1, true));
        assert_eq!(
            to_offset(&rope, pos(9, 0), Encoding::Utf16),
            (text.len(), false)
        );
        assert_eq!(to_position(&rope, text.len(), Encoding::Utf16), pos(2, 4));
    }

    #[test]
    fn negotiation_prefers_utf8_then_utf32() {
        let offer = |kinds: &[PositionEncodingKind]| Encoding::negotiate(Some(kinds));
        assert_eq!(
            offer(&[PositionEncodingKind::UTF16, PositionEncodingKind::UTF8]),
            Encoding::Utf8
        );
        assert_eq!(
            offer(&[PositionEncodingKind::UTF16, PositionEncodingKind::UTF32]),
            Encoding::Utf32
        );
        assert_eq!(offer(&[]), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
