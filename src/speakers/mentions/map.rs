//! Mentions by their first token, in text order: a sorted vector that the
//! mention pass fills at its end, which turns into a tree once mentions
//! added out of order (a cue's speaker) have moved too many others, so
//! that any text stays linear.

use std::collections::BTreeMap;

/// A mention of an entity at a place in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub(crate) entity: usize,
    /// Token indexes of the mention's first token and one past its last.
    pub(crate) token: usize,
    pub(crate) token_end: usize,
    pub(crate) sentence: usize,
    /// Whether the mention starts a clause (a likely subject).
    pub(crate) subject: bool,
    /// Whether the mention is inside a quotation.
    pub(crate) quoted: bool,
}

/// Mentions by their first token, in text order. The mention pass meets
/// them in text order, each at or after the ones before but for a few right
/// before the last (a relation's, after the name in it): a sorted vector
/// takes them at its end, without the search and nodes of a tree. A
/// mention added after the pass (a cue's speaker) can go anywhere, and
/// moves the mentions after it: once a text's mentions have moved more
/// than [`MOVES_PER_MENTION`] times their number, the vector turns into a
/// tree, so that a long text with many such stays linear.
#[derive(Debug)]
pub(crate) enum MentionMap {
    Sorted { list: Vec<Mention>, moved: usize },
    Tree(BTreeMap<usize, Mention>),
}

/// The mentions before a token ([`MentionMap::before`]), from either
/// form of the map.
pub(crate) enum Before<'m> {
    Sorted(std::slice::Iter<'m, Mention>),
    Tree(std::collections::btree_map::Range<'m, usize, Mention>),
}

impl<'m> Iterator for Before<'m> {
    type Item = &'m Mention;

    fn next(&mut self) -> Option<&'m Mention> {
        match self {
            Before::Sorted(list) => list.next(),
            Before::Tree(range) => range.next().map(|(_, m)| m),
        }
    }
}

impl DoubleEndedIterator for Before<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Before::Sorted(list) => list.next_back(),
            Before::Tree(range) => range.next_back().map(|(_, m)| m),
        }
    }
}

/// How many moves a mention of [`MentionMap::Sorted`] pays for.
const MOVES_PER_MENTION: usize = 16;

impl Default for MentionMap {
    fn default() -> MentionMap {
        MentionMap::Sorted {
            list: Vec::new(),
            moved: 0,
        }
    }
}

impl MentionMap {
    /// Adds mention `m` unless one starts at its token already.
    pub(super) fn insert_first(&mut self, m: Mention) {
        match self {
            MentionMap::Sorted { list, moved } => {
                if list.last().is_none_or(|last| last.token < m.token) {
                    list.push(m);
                    return;
                }
                let Err(i) = list.binary_search_by_key(&m.token, |x| x.token) else {
                    return;
                };
                *moved += list.len() - i;
                if *moved <= MOVES_PER_MENTION * list.len() {
                    list.insert(i, m);
                    return;
                }
                let mut tree: BTreeMap<usize, Mention> = list.drain(..).map(|x| (x.token, x)).collect();
                tree.insert(m.token, m);
                *self = MentionMap::Tree(tree);
            }
            MentionMap::Tree(tree) => {
                tree.entry(m.token).or_insert(m);
            }
        }
    }

    /// Makes room for `n` more mentions (in the vector: a tree needs none).
    pub(super) fn reserve(&mut self, n: usize) {
        if let MentionMap::Sorted { list, .. } = self {
            list.reserve(n);
        }
    }

    /// The mentions that start before token `t`, in text order.
    pub(crate) fn before(&self, t: usize) -> Before<'_> {
        match self {
            MentionMap::Sorted { list, .. } => Before::Sorted(list[..list.partition_point(|m| m.token < t)].iter()),
            MentionMap::Tree(tree) => Before::Tree(tree.range(..t)),
        }
    }

    /// The mention that starts at token `t`.
    pub(crate) fn get(&self, t: usize) -> Option<&Mention> {
        match self {
            MentionMap::Sorted { list, .. } => list.binary_search_by_key(&t, |m| m.token).ok().map(|i| &list[i]),
            MentionMap::Tree(tree) => tree.get(&t),
        }
    }

    /// All the mentions, in text order (for the tests).
    #[cfg(test)]
    pub(crate) fn values(&self) -> impl DoubleEndedIterator<Item = &Mention> {
        self.before(usize::MAX)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        match self {
            MentionMap::Sorted { list, .. } => list.len(),
            MentionMap::Tree(tree) => tree.len(),
        }
    }
}
