//! Stage 3: speakers.
use crate::extractor::Config;
use crate::quotes::Found;
use crate::tokenize::Tokens;
use crate::types::Quote;
pub(crate) fn attribute<'h>(_t: &Tokens<'h>, _f: Vec<Found>, _c: &Config) -> Vec<Quote<'h>> { Vec::new() }
