//! Data values to pixels: a linear scale with "nice" round ticks.

/// Maps a data interval onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        // `max`/`min` rather than `f64::clamp`: clamp's assertion message formats floats, and would bring the
        // float printer into the WebAssembly module.
        #[allow(clippy::manual_clamp)]
        let t = ((value - d0) / (d1 - d0)).max(0.0).min(1.0);
        r0 + t * (r1 - r0)
    }
}

/// Round ticks from 0 covering `max`, at most `max_ticks` intervals: steps of 1, 2, 2.5 or 5 times a power of
/// ten, and never below 1 when `whole` (counts and ranks have no fractions). The last tick is the axis maximum.
pub fn nice_ticks(max: f64, max_ticks: usize, whole: bool) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let max_ticks = max_ticks.max(1) as f64;
    let rough = max / max_ticks;
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= rough {
        magnitude *= 10.0;
    }
    while magnitude > rough {
        magnitude /= 10.0;
    }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0]
        .iter()
        .map(|m| m * magnitude)
        .filter(|step| !whole || (*step >= 1.0 && step.fract() == 0.0))
        .find(|step| (max / step).ceil() <= max_ticks)
        .unwrap_or(20.0 * magnitude.max(1.0));
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(35.0, 4, false), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(100.0, 4, false), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(1500.0, 3, true), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(nice_ticks(13.5, 5, false), vec![0.0, 5.0, 10.0, 15.0]);
        assert_eq!(nice_ticks(0.0, 4, false), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(2.0, 2, false), vec![0.0, 1.0, 2.0]);
        assert_eq!(nice_ticks(15.0, 6, true), vec![0.0, 5.0, 10.0, 15.0]);
        assert_eq!(nice_ticks(2.0, 8, true), vec![0.0, 1.0, 2.0]);
    }

    #[test]
    fn the_scale_clamps_to_its_range() {
        let s = LinearScale { domain: (0.0, 100.0), range: (10.0, 210.0) };
        assert_eq!(s.map(50.0), 110.0);
        assert_eq!(s.map(150.0), 210.0);
        assert_eq!(s.map(-5.0), 10.0);
    }
}
