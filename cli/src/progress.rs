//! The progress bar of a verb over many files (`jixiao summary dir/*`, `jixiao check …`):
//! on standard error, only when it is a terminal, never with `--quiet`, and only for more
//! than one file. Messages printed while the bar is shown go above it.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar over `total` files, or nothing (piped, `--quiet`, one file).
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `total` files labelled `what` (`reading`, `checking`), shown only when it
    /// is wanted (see the module documentation).
    pub fn new(total: usize, quiet: bool, what: &'static str) -> Progress {
        let attended = std::io::stderr().is_terminal();
        Progress::with_target(
            total,
            quiet || !attended,
            what,
            ProgressDrawTarget::stderr(),
        )
    }

    /// A bar drawn to `target` unless `hidden` or there is at most one file.
    fn with_target(
        total: usize,
        hidden: bool,
        what: &'static str,
        target: ProgressDrawTarget,
    ) -> Progress {
        if hidden || total < 2 {
            return Progress { bar: None };
        }
        let style = ProgressStyle::with_template(
            "{msg} {wide_bar} {pos}/{len} files, {elapsed} elapsed, {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(total as u64), target)
            .with_style(style)
            .with_message(what);
        Progress { bar: Some(bar) }
    }

    /// One more file done.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Runs `f` (which prints to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Whether a bar is shown.
    #[cfg(test)]
    fn shown(&self) -> bool {
        self.bar.is_some()
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_when_quiet_or_one_file() {
        let t = || ProgressDrawTarget::hidden();
        assert!(!Progress::with_target(10, true, "reading", t()).shown());
        assert!(!Progress::with_target(1, false, "reading", t()).shown());
        assert!(Progress::with_target(2, false, "reading", t()).shown());
    }
}
