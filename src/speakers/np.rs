//! Noun phrases: the tokens that stand for a speaker, and what sort of
//! phrase they are.

use crate::types::Span;

/// What a noun phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NpKind {
    /// A proper name; `name` is its span without titles.
    Name { name: Span },
    /// `he`, `she`, `it`, `they`.
    Pronoun,
    /// `the Foreign Secretary`, `a spokesman for the ministry`; `head` is
    /// the token of the head noun.
    Description { head: usize },
    /// `the wife of Michael X`: a relation of the named entity.
    Relation { head: usize, name: Span },
}

/// A noun phrase: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: NpKind,
}
