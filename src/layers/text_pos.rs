//! Positions in the file's text, for messages: byte offsets of borrowed
//! slices, 1-based line and column, and serde_json errors restated with the
//! position in the whole file. A leaf: every loader module reports through it.

use super::LoadError;

/// A serde_json message without its " at line L column C" tail, which we
/// replace with the position in the whole file.
pub(super) fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&tail).map_or(text.clone(), str::to_owned)
}

/// Byte offset of `slice` in `text`, for slices borrowed from it.
pub(super) fn offset_in(text: &str, slice: &str) -> usize {
    (slice.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&offset| offset <= text.len())
        .unwrap_or(0)
}

/// Turns byte offsets into 1-based line and column, counting forward from
/// the last answer: features come in file order, so a file with many bad
/// features is still scanned once, not once per problem.
pub(super) struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// `(line, column)` of a byte offset; columns count bytes, like serde_json.
    pub(super) fn locate(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Self::new(self.text);
        }
        let bytes = self.text.as_bytes();
        for (i, &b) in bytes[self.offset..offset].iter().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        (self.line, offset - self.line_start + 1)
    }

    /// The position of an error serde_json found in a slice starting at
    /// `base`, in the whole file.
    pub(super) fn absolute(&mut self, base: usize, line: usize, column: usize) -> (usize, usize) {
        let (base_line, base_column) = self.locate(base);
        if line <= 1 {
            (base_line, base_column + column.saturating_sub(1))
        } else {
            (base_line + line - 1, column)
        }
    }
}

pub(super) fn json_error(e: &serde_json::Error) -> LoadError {
    let (line, column) = clamp(e.line(), e.column());
    LoadError::Json {
        line,
        column,
        reason: reason(e),
    }
}

/// serde_json reports line 0 when it has no position; say line 1 then.
pub(super) fn clamp(line: usize, column: usize) -> (usize, usize) {
    (line.max(1), column.max(1))
}
