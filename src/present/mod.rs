//! Presenting a story: the editable story document, its recovery copy, the
//! animated move from one scene to the next, and the commands of presenting
//! and of editing the story. Plain state with no egui, so every rule is tested
//! with numbers; `app::present` and `app::scenes` wire it to the window.
//! (Classroom stepping through a day's events is the timeline's: `app::time`,
//! with the day's cards from `ui::cards::cards_for`.)

mod deck;
pub mod framing;
mod recovery;
mod transition;

pub use deck::{RecoveryError, SaveError, StoryDoc, recovery_path, set_aside};
pub use recovery::{Pending, RecoveryWriter, Snapshot, write_copy};
pub use transition::{CameraPose, TRANSITION_SECS, Transition};

/// What a key, a click or a button asks of the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentCommand {
    /// F5: full screen, panels hidden, at the current scene (or the first).
    Start,
    /// Esc.
    Stop,
    Next,
    Prev,
    First,
    Last,
    /// `B`: a black screen, and back.
    ToggleBlank,
    /// `P`: speaker notes, next scene and clock in a second window.
    TogglePresenterWindow,
}

/// A story edit from the scenes panel, the Story menu or a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SceneCommand {
    GoTo(usize),
    /// A new scene after the current one, from what is on screen.
    AddFromView,
    /// The scene takes the current view, date and layers (keeping its text).
    UpdateFromView(usize),
    Delete(usize),
    Shift(usize, isize),
    Save,
    SaveAs,
    Revert,
    Open,
    New,
    Present,
}

/// The answer to "save the story before quitting?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitChoice {
    Save,
    /// Quit and drop the unsaved edits.
    Discard,
    /// Stay (also Esc or a click beside the question).
    Cancel,
}

/// The answer when the story file changed on disk since it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Take the file's version, dropping the edits made here.
    Reload,
    /// Write this window's version over the file's.
    Overwrite,
    SaveAs,
    Cancel,
}
