//! Data values to pixels: a linear scale with "nice" round ticks, on both sides of zero, and the ticks of a
//! rank axis, which starts at first place.

/// Maps a data interval onto a pixel interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// The pixel position of `value`. Not clamped: a value outside the domain maps outside the range, so
    /// that an axis too short for its data shows as a shape out of the view box (which tests catch) rather
    /// than as a mark silently drawn at the axis's end.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round ticks covering `min` to `max` and zero, in at most `max_ticks` intervals: multiples of one step of
/// 1, 2, 2.5 or 5 times a power of ten, never below 1 when `whole` (counts and ranks have no fractions). Zero
/// is always a tick, so both sides of it read with the same step; the first and last ticks are the axis ends.
pub fn nice_ticks(min: f64, max: f64, max_ticks: usize, whole: bool) -> Vec<f64> {
    let min = if min.is_finite() && min < 0.0 { min } else { 0.0 };
    let max = if max.is_finite() && max > 0.0 { max } else { 0.0 };
    let max = if max == 0.0 && min == 0.0 { 1.0 } else { max };
    let max_ticks = max_ticks.max(1) as f64;
    let rough = (max - min) / max_ticks;
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
        .find(|step| (max / step).ceil() - (min / step).floor() <= max_ticks)
        .unwrap_or(20.0 * magnitude.max(1.0));
    let above = (max / step - 1e-9).ceil().max(0.0) as i64;
    let below = (min / step + 1e-9).floor().min(0.0) as i64;
    let above = if above == below { 1 } else { above };
    (below..=above).map(|i| i as f64 * step).collect()
}

/// The rank axis's ticks, ascending from 1 to at least 10: round places (1, 5, 10, 15) rather than a scale
/// from 0, where no place stands. A lone "first" still gets room to show how high that is.
pub fn rank_ticks(lowest_place: f64, max_ticks: usize) -> Vec<f64> {
    // At most four steps whatever the width: places are read by their labels, and ticks at 2nd or 16th
    // that no target names would only crowd the axis.
    let mut ticks = vec![1.0];
    let steps = max_ticks.min(4);
    ticks.extend(nice_ticks(0.0, lowest_place.max(10.0), steps, true).into_iter().filter(|t| *t > 1.0));
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(0.0, 35.0, 4, false), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(0.0, 100.0, 4, false), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 1500.0, 3, true), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(nice_ticks(0.0, 13.5, 5, false), vec![0.0, 5.0, 10.0, 15.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 4, false), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks(0.0, 2.0, 2, false), vec![0.0, 1.0, 2.0]);
        assert_eq!(nice_ticks(0.0, 15.0, 6, true), vec![0.0, 5.0, 10.0, 15.0]);
        assert_eq!(nice_ticks(0.0, 2.0, 8, true), vec![0.0, 1.0, 2.0]);
        // A minimum above zero still starts the axis at zero.
        assert_eq!(nice_ticks(5.0, 35.0, 4, false), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
    }

    #[test]
    fn ticks_cross_zero_with_one_step_on_both_sides() {
        assert_eq!(nice_ticks(-12.5, 8.0, 5, false), vec![-15.0, -10.0, -5.0, 0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(-5.0, 0.0, 4, false), vec![-6.0, -4.0, -2.0, 0.0]);
        assert_eq!(nice_ticks(-65.4, 0.0, 4, false), vec![-80.0, -60.0, -40.0, -20.0, 0.0]);
        assert_eq!(
            nice_ticks(-100.0, 1000.0, 10, false),
            vec![-200.0, 0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]
        );
        assert_eq!(nice_ticks(-3.0, 2.0, 2, true), vec![-5.0, 0.0, 5.0]);
        for (min, max, n) in [(-0.3, 0.7, 3), (-999.0, 1.0, 7), (-1.0, 999.0, 2), (-7.0, -2.0, 4)] {
            let ticks = nice_ticks(min, max, n, false);
            assert!(ticks.len() - 1 <= n && ticks.contains(&0.0), "{min} {max} {n}: {ticks:?}");
            assert!(ticks[0] <= min && *ticks.last().unwrap() >= max, "{min} {max} {n}: {ticks:?}");
        }
    }

    #[test]
    fn a_rank_axis_starts_at_first_place_and_never_at_zero() {
        assert_eq!(rank_ticks(15.0, 4), vec![1.0, 5.0, 10.0, 15.0]);
        assert_eq!(rank_ticks(15.0, 10), vec![1.0, 5.0, 10.0, 15.0], "as few ticks on a wide chart");
        assert_eq!(rank_ticks(15.0, 2), vec![1.0, 10.0, 20.0]);
        // A lone "first" still gets an axis down to 10th, not a 0–1 axis.
        assert_eq!(rank_ticks(1.0, 2), vec![1.0, 5.0, 10.0]);
        assert_eq!(rank_ticks(1.0, 10), vec![1.0, 5.0, 10.0]);
        for (lowest, n) in [(3.0, 2), (15.0, 3), (63.0, 5), (250.0, 10)] {
            let ticks = rank_ticks(lowest, n);
            assert_eq!(ticks[0], 1.0, "{ticks:?}");
            assert!(ticks.windows(2).all(|w| w[0] < w[1]) && *ticks.last().unwrap() >= lowest, "{ticks:?}");
        }
    }

    #[test]
    fn the_scale_is_linear_and_does_not_clamp() {
        let s = LinearScale { domain: (-20.0, 80.0), range: (10.0, 210.0) };
        assert_eq!(s.map(0.0), 50.0);
        assert_eq!(s.map(-20.0), 10.0);
        assert_eq!(s.map(80.0), 210.0);
        assert_eq!(s.map(-25.0), 0.0);
    }
}
