//! The edit history: every change to an edited layer is one [`Edit`] that
//! knows its inverse, so undo and redo are exact, whatever the edit.
//!
//! Edits are stored as whole features before and after (a feature is a
//! few hundred bytes of JSON; a hand-drawn layer has a few hundred of
//! them), which makes every edit trivially reversible and keeps no edit
//! kind with its own inverse to get wrong. Consecutive edits with the
//! same merge key (typing in one field, one drag) are one step of undo.

use serde_json::Value;

/// One reversible change to the features of a layer.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Insert {
        at: usize,
        feature: Value,
    },
    Remove {
        at: usize,
        feature: Value,
    },
    Replace {
        at: usize,
        before: Value,
        after: Value,
    },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Insert { at, feature } => Edit::Remove {
                at: *at,
                feature: feature.clone(),
            },
            Edit::Remove { at, feature } => Edit::Insert {
                at: *at,
                feature: feature.clone(),
            },
            Edit::Replace { at, before, after } => Edit::Replace {
                at: *at,
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// Applies the edit to `features`; false (and nothing changed) when it
    /// does not fit them.
    pub fn apply(&self, features: &mut Vec<Value>) -> bool {
        match self {
            Edit::Insert { at, feature } if *at <= features.len() => {
                features.insert(*at, feature.clone());
                true
            }
            Edit::Remove { at, feature } if features.get(*at) == Some(feature) => {
                features.remove(*at);
                true
            }
            Edit::Replace { at, before, after } if features.get(*at) == Some(before) => {
                features[*at] = after.clone();
                true
            }
            _ => false,
        }
    }
}

/// One step of undo: an edit, its merge key and a serial number (the
/// saved state is the serial on top when the layer was saved).
#[derive(Debug, Clone, PartialEq)]
struct Step {
    edit: Edit,
    merge: Option<String>,
    serial: u64,
}

/// Undo and redo stacks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    next_serial: u64,
    /// The serial on top of `done` when last saved (0: nothing done).
    saved: u64,
}

impl History {
    /// Records `edit`, already applied. With the same `merge` key as the
    /// step on top (and that step not saved), the two become one step.
    pub fn record(&mut self, edit: Edit, merge: Option<String>) {
        self.undone.clear();
        if let (Some(key), Some(top)) = (&merge, self.done.last_mut())
            && top.merge.as_ref() == Some(key)
            && top.serial != self.saved
            && let (
                Edit::Replace { at, after, .. },
                Edit::Replace {
                    at: at2,
                    after: new,
                    ..
                },
            ) = (&mut top.edit, &edit)
            && at == at2
        {
            *after = new.clone();
            return;
        }
        self.next_serial += 1;
        self.done.push(Step {
            edit,
            merge,
            serial: self.next_serial,
        });
    }

    /// The edit to apply to undo the last step, moved to the redo stack.
    pub fn undo(&mut self) -> Option<Edit> {
        let step = self.done.pop()?;
        let inverse = step.edit.inverse();
        self.undone.push(step);
        Some(inverse)
    }

    /// The edit to apply to redo the last undone step.
    pub fn redo(&mut self) -> Option<Edit> {
        let step = self.undone.pop()?;
        let edit = step.edit.clone();
        self.done.push(step);
        Some(edit)
    }

    /// Ends any merging: the next edit is a step of its own.
    pub fn seal(&mut self) {
        if let Some(top) = self.done.last_mut() {
            top.merge = None;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    fn top(&self) -> u64 {
        self.done.last().map_or(0, |s| s.serial)
    }

    /// The state now is the saved one.
    pub fn mark_saved(&mut self) {
        self.saved = self.top();
    }

    /// Whether the state differs from the last saved one (undoing back to
    /// it makes the layer clean again).
    pub fn is_dirty(&self) -> bool {
        self.top() != self.saved
    }

    /// Forgets what was saved: every state counts as unsaved (a recovered
    /// copy, a layer never written).
    pub fn mark_unsaved(&mut self) {
        self.saved = u64::MAX;
    }
}
