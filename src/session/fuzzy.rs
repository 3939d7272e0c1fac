//! Words of a text and typo tolerance: what the search index is made of.
//! A word is a run of letters, digits and `_`, compared ASCII-lowercased
//! (so byte offsets in the lowercased text are those of the original).

/// Query terms at least this many characters long also match a word one
/// edit away ("dictonary" finds "dictionary").
pub const TYPO_MIN_LEN: usize = 5;

/// True for the characters words are made of.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte ranges of the words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = rest.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, end))
    })
}

/// The query's terms: its words, ASCII-lowercased, without repeats.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for (start, end) in words(query) {
        let term = query[start..end].to_ascii_lowercase();
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

/// True when `a` and `b` differ by at most one insertion, deletion,
/// substitution or transposition of two neighbours (compared byte-wise).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        return true;
    };
    if short.len() == long.len() {
        // Substitution, or a transposition of i and i + 1.
        short[i + 1..] == long[i + 1..]
            || (i + 1 < short.len()
                && short[i] == long[i + 1]
                && short[i + 1] == long[i]
                && short[i + 2..] == long[i + 2..])
    } else {
        short[i..] == long[i + 1..]
    }
}

/// How a query term matches a word, best first.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum Hit {
    /// One edit away from the start of the word ("dictonar" in "dictionary").
    TypoPrefix,
    /// One edit away from the whole word.
    Typo,
    /// Inside the word ("frame" in "dataframe").
    Infix,
    /// The word starts with it.
    Prefix,
    /// The word itself.
    Whole,
}

impl Hit {
    /// Its share of a field's weight, in tenths.
    pub fn quality(self) -> u32 {
        match self {
            Hit::Whole => 10,
            Hit::Prefix => 8,
            Hit::Infix => 5,
            Hit::Typo => 4,
            Hit::TypoPrefix => 3,
        }
    }
}

/// How the lowercased `term` matches the lowercased `word` without typos
/// (inside a word only from three characters on).
pub fn exact_hit(term: &str, word: &str) -> Option<Hit> {
    if word == term {
        Some(Hit::Whole)
    } else if word.starts_with(term) {
        Some(Hit::Prefix)
    } else if term.len() >= 3 && word.contains(term) {
        Some(Hit::Infix)
    } else {
        None
    }
}

/// How the lowercased `term` matches the lowercased `word` with one typo
/// (only for terms of [`TYPO_MIN_LEN`] characters or more).
pub fn typo_hit(term: &str, word: &str) -> Option<Hit> {
    if term.chars().count() < TYPO_MIN_LEN || word.len() + 1 < term.len() {
        return None;
    }
    if within_one_edit(term, word) {
        return Some(Hit::Typo);
    }
    // A word being typed: one edit from the word's first len-1, len or
    // len+1 bytes.
    let prefix_near = (term.len().saturating_sub(1)..=term.len() + 1)
        .filter(|&n| n < word.len() && word.is_char_boundary(n))
        .any(|n| within_one_edit(term, &word[..n]));
    prefix_near.then_some(Hit::TypoPrefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_of_each_kind() {
        assert!(within_one_edit("dictonary", "dictionary"), "insert");
        assert!(within_one_edit("dictionnary", "dictionary"), "delete");
        assert!(within_one_edit("dictiomary", "dictionary"), "substitute");
        assert!(within_one_edit("dicitonary", "dictionary"), "transpose");
        assert!(within_one_edit("same", "same"));
        assert!(!within_one_edit("dictonry", "dictionary"), "two deletions");
        assert!(!within_one_edit("dcitonary", "dictionary"), "transpose and delete");
        assert!(!within_one_edit("abcd", "badc"));
    }

    #[test]
    fn words_and_terms() {
        let text = "What is `self`? __init__, O(n) café";
        let found: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["What", "is", "self", "__init__", "O", "n", "café"]);
        assert_eq!(query_terms("  NumPy numpy <arrays> "), ["numpy", "arrays"]);
        assert!(query_terms(" ,. ").is_empty());
    }

    #[test]
    fn hits_rank_whole_over_prefix_over_infix_over_typos() {
        assert_eq!(exact_hit("frame", "frame"), Some(Hit::Whole));
        assert_eq!(exact_hit("frame", "frames"), Some(Hit::Prefix));
        assert_eq!(exact_hit("frame", "dataframe"), Some(Hit::Infix));
        assert_eq!(exact_hit("frame", "farm"), None);
        assert_eq!(typo_hit("dictonary", "dictionary"), Some(Hit::Typo));
        assert_eq!(typo_hit("dictonar", "dictionary"), Some(Hit::TypoPrefix));
        assert_eq!(typo_hit("dictonari", "dictionaries"), Some(Hit::TypoPrefix));
        assert_eq!(typo_hit("gll", "gil"), None, "short terms need no typo");
        assert_eq!(typo_hit("tupel", "tuple"), Some(Hit::Typo));
        assert_eq!(typo_hit("zzzzzz", "tuple"), None);
        assert!(Hit::Whole > Hit::Prefix && Hit::Prefix > Hit::Infix && Hit::Infix > Hit::Typo);
    }
}
