//! The predict-the-output cards of the deck: one per verified Python sample
//! (see content/README.md, "Predict-the-output cards"). The index holds only
//! their ids and questions; the code and the expected output are in their
//! category's answer file ([`super::answers::OutputAnswer`]).

use super::Question;

/// A predict-the-output card in the index.
#[derive(Debug, PartialEq, Eq)]
pub struct OutputCard {
    /// Stable id, `<question id>_out-<hash of the code>`: progress is stored under it.
    pub id: &'static str,
    /// The question whose answer holds the sample.
    pub question: &'static str,
}

impl OutputCard {
    /// The question of this card.
    pub fn question(&self) -> Option<&'static Question> {
        super::question(self.question)
    }

    /// The category of this card ("" if its question is missing, which the
    /// build rules out).
    pub fn category(&self) -> &'static str {
        self.question().map_or("", |q| q.category)
    }

    /// 1-based position among the cards of its question, and how many it has.
    pub fn position(&self) -> (usize, usize) {
        let siblings: Vec<&OutputCard> = super::output_cards()
            .iter()
            .filter(|c| c.question == self.question)
            .collect();
        let at = siblings.iter().position(|c| c.id == self.id).map_or(1, |p| p + 1);
        (at, siblings.len())
    }
}
