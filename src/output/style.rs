//! Colour and emphasis, only when a person is watching. The decision is
//! made once at the edge (terminal, `NO_COLOR`, `--color`) and passed in.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// The terminal's width: text output is wrapped to it and its mixed
    /// lines isolated. `None` when stdout is no terminal.
    pub width: Option<usize>,
}

/// Markers around highlighted words when there is no colour.
pub const PLAIN_OPEN: &str = "**";
pub const PLAIN_CLOSE: &str = "**";

impl Style {
    pub fn highlight(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1;31m{s}\x1b[0m")
        } else {
            format!("{PLAIN_OPEN}{s}{PLAIN_CLOSE}")
        }
    }

    pub fn title(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}
