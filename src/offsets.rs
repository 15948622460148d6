//! Byte offsets to code-point offsets.

/// Converts byte offsets in a text to code-point (`char`) offsets, the
/// offsets of Python strings and of most JSON consumers.
///
/// Building one reads the text once; each conversion is then a binary
/// search over the text's non-ASCII characters (constant time for ASCII
/// text).
///
/// ```
/// let text = "“Oui,” dit-il.";
/// let offsets = whosaid::CharOffsets::new(text);
/// let comma = text.find(',').unwrap();
/// assert_eq!(comma, 6);
/// assert_eq!(offsets.char_offset(comma), 4);
/// assert_eq!(offsets.char_offset(text.len()), text.chars().count());
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// For each non-ASCII char: its first byte, and how many more bytes
    /// than chars the text has up to its end.
    extra: Vec<(usize, usize)>,
    len: usize,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut extra = Vec::new();
        let mut surplus = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                surplus += n - 1;
                extra.push((i, surplus));
            }
        }
        CharOffsets { extra, len: text.len() }
    }

    /// The code-point offset of byte offset `byte`. A byte inside a
    /// multi-byte char counts as that char's start; offsets past the end
    /// are clamped to the end.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        // The non-ASCII chars that start before `byte`.
        let k = self.extra.partition_point(|&(start, _)| start < byte);
        let Some(&(start, surplus)) = k.checked_sub(1).map(|i| &self.extra[i]) else {
            return byte;
        };
        let surplus_before = if k >= 2 { self.extra[k - 2].1 } else { 0 };
        let end = start + (surplus - surplus_before) + 1;
        if byte < end {
            // Inside that char: count its start.
            start - surplus_before
        } else {
            byte - surplus
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_char_indices() {
        let text = "a“b”é — 😀 end";
        let offsets = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(offsets.char_offset(text.len()), text.chars().count());
        assert_eq!(offsets.char_offset(text.len() + 10), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("plain text");
        assert_eq!(offsets.char_offset(5), 5);
    }

    #[test]
    fn inside_a_char_counts_as_its_start() {
        let offsets = CharOffsets::new("“x");
        assert_eq!(offsets.char_offset(1), 0);
        assert_eq!(offsets.char_offset(3), 1);
    }
}
