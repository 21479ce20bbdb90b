//! Numbers as readers and machines read them: `12,5` and `1.500` in Vietnamese, `12.5` and `1,500` in
//! English, and plain `12.5` for machines (CSV, SVG coordinates).
//!
//! Written by hand on integers rather than through `format!("{}", f64)`: the standard float printer is
//! several kilobytes of WebAssembly. Every finite `f64` is printed exactly: its value is an integer times a
//! power of two, so rounding it to a number of decimals is integer arithmetic, done in a `u128` when the
//! result is small and in a big integer otherwise (`1e300` prints all 301 digits of the double nearest to it).

use crate::locale::i18n::Lang;

/// Appends `value` rounded (half away from zero) to at most `max_decimals` decimals, without trailing zeros,
/// using the given separators (`group` between thousands, if any). A value that rounds to zero is `0`,
/// never `-0`; NaN and the infinities, which validated data never holds, are written `0`.
pub fn write_number(out: &mut String, value: f64, max_decimals: u32, decimal: char, group: Option<char>) {
    if !value.is_finite() {
        out.push('0');
        return;
    }
    let digits = rounded_digits(value.abs(), max_decimals);
    if digits == "0" {
        out.push('0');
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    // `digits` is the value times 10^max_decimals; put the decimal point back.
    let decimals = max_decimals as usize;
    let padded;
    let digits = if digits.len() <= decimals {
        padded = "0".repeat(decimals + 1 - digits.len()) + &digits;
        &padded
    } else {
        &digits
    };
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    write_grouped(out, whole, group);
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
}

/// The decimal digits of `magnitude × 10^decimals` rounded half away from zero to an integer, without
/// leading zeros (`"0"` for zero). `magnitude` is finite and not negative.
fn rounded_digits(magnitude: f64, decimals: u32) -> String {
    let (mantissa, exponent) = decompose(magnitude);
    if mantissa == 0 {
        return "0".to_string();
    }
    // magnitude = mantissa × 2^exponent exactly.
    if exponent < 0 && decimals <= 19 {
        // mantissa < 2^53 and 10^19 < 2^64, so the product fits in a u128.
        let product = mantissa as u128 * 10u128.pow(decimals);
        let shift = exponent.unsigned_abs();
        let rounded = if shift >= 128 {
            0
        } else {
            // The first bit shifted out is the half: round up when it is set.
            (product >> shift) + ((product >> (shift - 1)) & 1)
        };
        if let Ok(small) = u64::try_from(rounded) {
            return small.to_string();
        }
    }
    big_rounded_digits(mantissa, exponent, decimals)
}

/// `rounded_digits` for any size, on a big integer.
fn big_rounded_digits(mantissa: u64, exponent: i32, decimals: u32) -> String {
    let mut n = Big::from_u64(mantissa);
    for _ in 0..decimals {
        n.mul_small(10);
    }
    if exponent >= 0 {
        n.shl(exponent as u32);
    } else {
        n.shr_rounding(exponent.unsigned_abs());
    }
    n.into_decimal()
}

/// The mantissa and exponent of a finite, non-negative `value`: `value = mantissa × 2^exponent` exactly.
fn decompose(value: f64) -> (u64, i32) {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// An unsigned big integer, 32-bit limbs, least significant first, with only what printing needs.
struct Big {
    limbs: Vec<u32>,
}

impl Big {
    fn from_u64(n: u64) -> Big {
        Big { limbs: vec![n as u32, (n >> 32) as u32] }
    }

    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs {
            let product = *limb as u64 * factor as u64 + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let shifted = ((*limb as u64) << bits) | carry as u64;
                *limb = shifted as u32;
                carry = (shifted >> 32) as u32;
            }
            if carry > 0 {
                self.limbs.push(carry);
            }
        }
        let mut limbs = vec![0u32; words];
        limbs.append(&mut self.limbs);
        self.limbs = limbs;
    }

    fn bit(&self, index: u32) -> bool {
        self.limbs.get((index / 32) as usize).is_some_and(|limb| limb >> (index % 32) & 1 == 1)
    }

    /// Divides by 2^bits (bits ≥ 1), rounding half away from zero.
    fn shr_rounding(&mut self, bits: u32) {
        let round_up = self.bit(bits - 1);
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if words >= self.limbs.len() {
            self.limbs = vec![0];
        } else {
            self.limbs.drain(..words);
            if bits > 0 {
                for i in 0..self.limbs.len() {
                    let high = self.limbs.get(i + 1).copied().unwrap_or(0);
                    self.limbs[i] = (self.limbs[i] >> bits) | ((high as u64) << (32 - bits)) as u32;
                }
            }
        }
        if round_up {
            for limb in &mut self.limbs {
                let (sum, overflow) = limb.overflowing_add(1);
                *limb = sum;
                if !overflow {
                    return;
                }
            }
            self.limbs.push(1);
        }
    }

    /// Divides by `divisor` in place and returns the remainder.
    fn div_small(&mut self, divisor: u32) -> u32 {
        let mut remainder = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let current = (remainder << 32) | *limb as u64;
            *limb = (current / divisor as u64) as u32;
            remainder = current % divisor as u64;
        }
        while self.limbs.len() > 1 && self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
        remainder as u32
    }

    fn is_zero(&self) -> bool {
        self.limbs.iter().all(|&limb| limb == 0)
    }

    /// Decimal digits, nine at a time.
    fn into_decimal(mut self) -> String {
        let mut chunks = Vec::new();
        while !self.is_zero() {
            chunks.push(self.div_small(1_000_000_000));
        }
        let Some((first, rest)) = chunks.split_last() else {
            return "0".to_string();
        };
        let mut out = first.to_string();
        for chunk in rest.iter().rev() {
            let digits = chunk.to_string();
            for _ in digits.len()..9 {
                out.push('0');
            }
            out.push_str(&digits);
        }
        out
    }
}

fn write_grouped(out: &mut String, digits: &str, group: Option<char>) {
    let Some(group) = group else {
        out.push_str(digits);
        return;
    };
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
}

/// `value` for a reader: `1.500`, `12,5` (Vietnamese) or `1,500`, `12.5` (English).
///
/// A negative number starts with the minus sign (U+2212), which readers and screen readers take for
/// "minus", where a hyphen would read as a dash (in a range, `-10--2` for `−10 – −2`).
pub fn number(value: f64, lang: Lang) -> String {
    let text = lang.text();
    let mut out = String::new();
    write_number(&mut out, value, 2, text.decimal_separator, Some(text.group_separator));
    if let Some(magnitude) = out.strip_prefix('-') {
        out = format!("{MINUS}{magnitude}");
    }
    out
}

/// The minus sign of numbers for readers.
pub const MINUS: char = '\u{2212}';

/// `value` for a machine: a dot before the decimals, no grouping, at most `max_decimals` decimals.
pub fn plain(value: f64, max_decimals: u32) -> String {
    let mut out = String::new();
    write_number(&mut out, value, max_decimals, '.', None);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_use_a_comma_for_decimals_and_dots_for_thousands() {
        assert_eq!(number(12.5, Lang::Vi), "12,5");
        assert_eq!(number(1500.0, Lang::Vi), "1.500");
        assert_eq!(number(1234567.25, Lang::Vi), "1.234.567,25");
        assert_eq!(number(100.0, Lang::Vi), "100");
        assert_eq!(number(0.0, Lang::Vi), "0");
        assert_eq!(number(1500.0, Lang::En), "1,500");
        assert_eq!(number(12.5, Lang::En), "12.5");
    }

    #[test]
    fn plain_numbers_round_and_drop_trailing_zeros() {
        assert_eq!(plain(13.5, 2), "13.5");
        assert_eq!(plain(2.0, 2), "2");
        assert_eq!(plain(0.125, 2), "0.13");
        assert_eq!(plain(-3.04, 2), "-3.04");
        assert_eq!(plain(-0.001, 1), "0");
        assert_eq!(plain(f64::NAN, 1), "0");
        assert_eq!(plain(12345.678, 1), "12345.7");
    }

    #[test]
    fn huge_numbers_print_every_digit_of_the_double_and_group_them() {
        assert_eq!(number(1e20, Lang::Vi), "100.000.000.000.000.000.000");
        assert_eq!(number(1e20, Lang::En), "100,000,000,000,000,000,000");
        assert_eq!(number(-1e20, Lang::En), "−100,000,000,000,000,000,000");
        assert_eq!(number(-1e20, Lang::Vi), "−100.000.000.000.000.000.000");
        assert_eq!(plain(1e20, 4), "100000000000000000000");
        // 2^64, one past u64::MAX, and u64::MAX's nearest double.
        assert_eq!(plain(18446744073709551616.0, 2), "18446744073709551616");
        // The double nearest to 1e300 is not 10^300: these are its exact digits.
        assert_eq!(plain(1e300, 2), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(number(1e300, Lang::Vi), "1.000.000.000.000.000.052.504.760.255.204.420.248.704.468.581.108.159.154.915.854.115.511.802.457.988.908.195.786.371.375.080.447.864.043.704.443.832.883.878.176.942.523.235.360.430.575.644.792.184.786.706.982.848.387.200.926.575.803.737.830.233.794.788.090.059.368.953.234.970.799.945.081.119.038.967.640.880.074.652.742.780.142.494.579.258.788.820.056.842.838.115.669.472.196.386.865.459.400.540.160");
        assert_eq!(number(1e300, Lang::En), "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160");
        assert_eq!(plain(-1e300, 0), "-1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
        assert_eq!(plain(f64::MAX, 4), "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368");
        // Doubles near 1e20 are 16,384 apart: the nearest to 1e20 + 50,000 is printed, digit for digit.
        assert_eq!(number(1e20 + 0.5e5, Lang::En), "100,000,000,000,000,049,152");
        assert_eq!(number(123456789.125, Lang::Vi), "123.456.789,13");
    }

    #[test]
    fn rounding_is_exact_on_the_double_not_on_a_product_of_doubles() {
        // 0.005 is a little above five thousandths, 0.015 a little below fifteen thousandths.
        assert_eq!(plain(0.005, 2), "0.01");
        assert_eq!(plain(0.005, 4), "0.005");
        assert_eq!(plain(0.015, 2), "0.01");
        assert_eq!(number(-0.005, Lang::Vi), "−0,01");
        assert_eq!(plain(0.00005, 4), "0.0001");
        assert_eq!(plain(1.005, 2), "1");
        assert_eq!(plain(0.125, 2), "0.13");
        assert_eq!(plain(2.5, 0), "3");
    }

    #[test]
    fn very_small_numbers_round_to_zero_without_a_sign() {
        for value in [1e-5, 1e-20, 1e-300, f64::MIN_POSITIVE, 5e-324] {
            assert_eq!(plain(value, 4), "0", "{value:e}");
            assert_eq!(plain(-value, 4), "0", "{value:e}");
            assert_eq!(number(-value, Lang::Vi), "0", "{value:e}");
        }
        assert_eq!(plain(-0.0, 2), "0");
        assert_eq!(plain(f64::INFINITY, 2), "0");
        assert_eq!(plain(1e-5, 5), "0.00001");
        assert_eq!(plain(1.5e-5, 5), "0.00002");
        assert_eq!(plain(1e-20, 20), "0.00000000000000000001");
        assert_eq!(plain(1e-20, 19), "0");
    }

    /// The double's exact decimal expansion, from std's printer (allowed in tests, never in the module): no
    /// double has more than 1,074 decimals.
    fn exact(value: f64) -> String {
        format!("{:.1100}", value).trim_end_matches('0').trim_end_matches('.').to_string()
    }

    #[test]
    fn every_finite_double_prints_as_std_rounds_it_except_at_exact_ties() {
        // A fixed pseudo-random walk over bit patterns, so that every exponent is visited.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for i in 0..40_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if !value.is_finite() {
                continue;
            }
            let decimals = (i % 7) as u32;
            let ours = plain(value, decimals);
            let std = format!("{value:.*}", decimals as usize);
            let std = if std.contains('.') { std.trim_end_matches('0').trim_end_matches('.') } else { &std };
            let std = if std.trim_start_matches('-') == "0" { "0" } else { std };
            if ours != std {
                // std rounds exact ties to even, this module away from zero: only a tie may differ.
                let digits = exact(value);
                let fraction = digits.split_once('.').map_or("", |(_, f)| f);
                assert_eq!(&fraction[decimals as usize..], "5", "{value:e} at {decimals}: {ours} vs {std}");
            }
        }
    }
}
