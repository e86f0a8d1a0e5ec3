//! The timeline's logic, kept apart from its widget so it can be tested
//! without a window (as rerun keeps `TimeControl` apart from its time panel).
//!
//! - [`control`]: the playback state machine (play, loop, event stepping),
//!   driven by commands and a clock tick, never by the UI directly.
//!
//! What "shown at day D" means ([`crate::layers::day`]) and the per-layer
//! time index that answers it ([`crate::layers::time_index`], built with the
//! layer beside its spatial index) belong to the layer model; they are
//! re-exported here so callers can name the timeline's vocabulary in one place.
//!
//! The semantics are documented for data authors in `geodata/README.md`,
//! "Timeline semantics".

pub mod chart;
pub mod control;

pub use control::{PULSE_SECS, SPEED_PRESETS, TickOutcome, TimeCommand, TimelineState};
// Re-exports: these live in the layer model (`layers::day`, `layers::time_index`).
pub use crate::layers::day::{Day, DayError, Mode, Shown, TimeFilter, WINDOW_PRESETS, shown};
pub use crate::layers::time_index::{Counts, TimeIndex, TimeRange, Visible, event_days};
