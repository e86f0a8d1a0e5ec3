//! The timeline's logic, kept apart from its widget so it can be tested
//! without a window (as rerun keeps `TimeControl` apart from its time panel).
//!
//! - [`filter`]: what "shown at day D" means for one feature, the single
//!   definition the map, the layer counts and `sitmap check --at` share.
//! - [`index`]: a per-layer index that answers that question for a million
//!   features in microseconds when the date changes, instead of a scan.
//! - [`control`]: the playback state machine (play, loop, event stepping),
//!   driven by commands and a clock tick, never by the UI directly.
//!
//! The semantics are documented for data authors in `geodata/README.md`,
//! "Timeline semantics".

pub mod control;
pub mod filter;
pub mod index;

pub use control::{PULSE_SECS, SPEED_PRESETS, TickOutcome, TimeCommand, TimelineState};
pub use filter::{Day, DayError, Mode, Shown, TimeFilter, WINDOW_PRESETS, shown};
pub use index::{Counts, TimeIndex, Visible, event_days};
