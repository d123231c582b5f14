//! Dates for gantt charts: Day.js `dateFormat` parsing and formatting
//! (strict, as mermaid-js calls it), task durations, d3-style `axisFormat`
//! formatting and the axis ticks. Times are milliseconds since 1970 in UTC
//! (mermaid-js uses the browser's local time; UTC keeps output the same on
//! every machine). Calendar arithmetic is chrono's.

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, TimeDelta, Timelike};

/// A point in time: milliseconds since 1970-01-01T00:00 (UTC).
pub type Millis = i64;

pub const SECOND: i64 = 1000;
pub const MINUTE: i64 = 60 * SECOND;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
pub const WEEK: i64 = 7 * DAY;

/// The date-time of a millisecond count (None past chrono's range).
pub fn to_dt(ms: Millis) -> Option<NaiveDateTime> {
    DateTime::from_timestamp_millis(ms).map(|d| d.naive_utc())
}

/// The millisecond count of a date-time.
pub fn from_dt(dt: NaiveDateTime) -> Millis {
    dt.and_utc().timestamp_millis()
}

/// Midnight of the day holding `ms`.
pub fn day_floor(ms: Millis) -> Millis {
    ms.div_euclid(DAY) * DAY
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The weekday names in lower case, Sunday first (as `excludes` and
/// `weekday` spell them).
pub fn weekday_index(name: &str) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(name))
        .map(|i| i as u32)
}

/// A piece of a Day.js format string.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Lit(String),
    Field(&'static str),
}

/// Day.js's tokens, longest first within each letter.
const TOKENS: [&str; 33] = [
    "YYYY", "YY", "MMMM", "MMM", "MM", "M", "Do", "DD", "D", "dddd", "ddd", "dd", "d", "HH", "H",
    "hh", "h", "mm", "m", "ss", "s", "SSS", "SS", "S", "A", "a", "ZZ", "Z", "X", "x", "Q", "ww",
    "w",
];

fn tokenize(format: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut rest = format;
    let mut lit = String::new();
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            if let Some(end) = rest.find(']') {
                lit.push_str(&rest[1..end]);
                rest = &rest[end + 1..];
                continue;
            }
        }
        if let Some(t) = TOKENS.iter().find(|t| rest.starts_with(**t)) {
            if !lit.is_empty() {
                out.push(Tok::Lit(std::mem::take(&mut lit)));
            }
            out.push(Tok::Field(t));
            rest = &rest[t.len()..];
            continue;
        }
        lit.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !lit.is_empty() {
        out.push(Tok::Lit(lit));
    }
    out
}

/// Take up to `max` (at least `min`) ASCII digits.
fn digits(s: &str, min: usize, max: usize) -> Option<(i64, &str)> {
    let n = s
        .bytes()
        .take(max)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if n < min {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// A signed number with optional decimals (`X`, `x`).
fn number(s: &str) -> Option<(f64, &str)> {
    let n = s
        .char_indices()
        .take_while(|(i, c)| {
            c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+'))
        })
        .count();
    let v: f64 = s.get(..n)?.parse().ok()?;
    v.is_finite().then_some((v, &s[n..]))
}

/// Parse `input` with a Day.js format, strictly: every token must match and
/// formatting the result again must give the input back (Day.js's strict
/// mode). Fields the format lacks come from `now` (the year, month, day),
/// as Day.js takes them from the current date.
pub fn parse_date(input: &str, format: &str, now: Millis) -> Option<Millis> {
    parse_with(input, format, now, true).or_else(|| {
        // A plain number (`0` for `ss`) is read leniently, as the browser's
        // fallback reads it.
        (!input.is_empty() && input.bytes().all(|b| b.is_ascii_digit()))
            .then(|| parse_with(input, format, now, false))?
    })
}

fn parse_with(input: &str, format: &str, now: Millis, strict: bool) -> Option<Millis> {
    let toks = tokenize(format);
    let now_dt = to_dt(now)?;
    let (mut year, mut month, mut day) = (None::<i64>, None::<i64>, None::<i64>);
    let (mut hour, mut minute, mut second, mut milli) = (0i64, 0i64, 0i64, 0i64);
    let mut pm: Option<bool> = None;
    let mut offset_min: Option<i64> = None;
    let mut stamp: Option<Millis> = None;
    let mut s = input;
    for t in &toks {
        match t {
            Tok::Lit(l) => s = s.strip_prefix(l.as_str())?,
            Tok::Field(f) => {
                let (v, r) = match *f {
                    "YYYY" => digits(s, 4, 4)?,
                    "YY" => {
                        let (v, r) = digits(s, 2, 2)?;
                        (v + if v > 68 { 1900 } else { 2000 }, r)
                    }
                    "MM" | "DD" | "HH" | "hh" | "mm" | "ss" | "SS" => {
                        digits(s, if strict { 2 } else { 1 }, 2)?
                    }
                    "M" | "D" | "H" | "h" | "m" | "s" => digits(s, 1, 2)?,
                    "SSS" => digits(s, 3, 3)?,
                    "S" | "Q" => digits(s, 1, 1)?,
                    "Do" => {
                        let (v, r) = digits(s, 1, 2)?;
                        let r = ["st", "nd", "rd", "th"]
                            .iter()
                            .find_map(|x| r.strip_prefix(x))
                            .unwrap_or(r);
                        (v, r)
                    }
                    "MMMM" | "MMM" => {
                        let (i, len) = MONTHS.iter().enumerate().find_map(|(i, m)| {
                            let name = if *f == "MMM" { &m[..3] } else { m };
                            s.get(..name.len())
                                .filter(|p| p.eq_ignore_ascii_case(name))
                                .map(|_| (i, name.len()))
                        })?;
                        (i as i64 + 1, &s[len..])
                    }
                    "A" | "a" => {
                        let p = s.get(..2)?.to_ascii_lowercase();
                        pm = Some(match p.as_str() {
                            "am" => false,
                            "pm" => true,
                            _ => return None,
                        });
                        (0, &s[2..])
                    }
                    "Z" | "ZZ" => {
                        let sign = match s.chars().next()? {
                            '+' => 1,
                            '-' => -1,
                            'Z' => {
                                offset_min = Some(0);
                                s = &s[1..];
                                continue;
                            }
                            _ => return None,
                        };
                        let (h, r) = digits(&s[1..], 2, 2)?;
                        let r = if *f == "Z" { r.strip_prefix(':')? } else { r };
                        let (m, r) = digits(r, 2, 2)?;
                        offset_min = Some(sign * (h * 60 + m));
                        (0, r)
                    }
                    "X" | "x" => {
                        let (v, r) = number(s)?;
                        let ms = if *f == "X" { v * 1000.0 } else { v };
                        if ms.abs() > 8.0e15 {
                            return None;
                        }
                        stamp = Some(ms.round() as i64);
                        (0, r)
                    }
                    // Week and weekday tokens are not read by Day.js either.
                    _ => return None,
                };
                match *f {
                    "YYYY" | "YY" => year = Some(v),
                    "MMMM" | "MMM" | "MM" | "M" => month = Some(v),
                    "Do" | "DD" | "D" => day = Some(v),
                    "HH" | "H" | "hh" | "h" => hour = v,
                    "mm" | "m" => minute = v,
                    "ss" | "s" => second = v,
                    "SSS" => milli = v,
                    "SS" => milli = v * 10,
                    "S" => milli = v * 100,
                    "Q" => month = Some((v - 1) * 3 + 1),
                    _ => {}
                }
                s = r;
            }
        }
    }
    if !s.is_empty() {
        return None;
    }
    if let Some(ms) = stamp {
        return Some(ms);
    }
    if let Some(p) = pm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if p { 12 } else { 0 };
    }
    let y = year.unwrap_or(i64::from(now_dt.year()));
    let m = match (year, month) {
        (_, Some(m)) => m,
        (Some(_), None) => 1,
        (None, None) => i64::from(now_dt.month()),
    };
    let d = day.unwrap_or(if year.is_none() && month.is_none() {
        i64::from(now_dt.day())
    } else {
        1
    });
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )?;
    let dt = date.and_hms_milli_opt(
        u32::try_from(hour).ok()?,
        u32::try_from(minute).ok()?,
        u32::try_from(second).ok()?,
        u32::try_from(milli).ok()?,
    )?;
    let ms = from_dt(dt) - offset_min.unwrap_or(0) * MINUTE;
    // Strict: the date must format back to the input (no 31 February, no
    // hour 25). Offsets are compared as written.
    if strict && offset_min.is_none() && format_date(ms, format) != input {
        return None;
    }
    Some(ms)
}

/// The fallback mermaid-js uses when a date does not match `dateFormat`
/// (the browser's `Date` parser), kept to its ISO form: `Y-MM-DD` with a
/// year of 1 to 6 digits, optionally `THH:mm[:ss[.SSS]]` (or a space).
pub fn parse_iso_fallback(input: &str) -> Option<Millis> {
    let (y, r) = digits(input, 1, 6)?;
    let r = r.strip_prefix('-')?;
    let (m, r) = digits(r, 2, 2)?;
    let r = r.strip_prefix('-')?;
    let (d, r) = digits(r, 2, 2)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m as u32, d as u32)?;
    if r.is_empty() {
        return Some(from_dt(date.and_hms_opt(0, 0, 0)?));
    }
    let r = r.strip_prefix(['T', ' '])?;
    let (h, r) = digits(r, 2, 2)?;
    let r = r.strip_prefix(':')?;
    let (mi, r) = digits(r, 2, 2)?;
    let (s, r) = match r.strip_prefix(':') {
        Some(r) => digits(r, 2, 2)?,
        None => (0, r),
    };
    let (ms, r) = match r.strip_prefix('.') {
        Some(r) => digits(r, 3, 3)?,
        None => (0, r),
    };
    if !r.is_empty() {
        return None;
    }
    let dt = date.and_hms_milli_opt(h as u32, mi as u32, s as u32, ms as u32)?;
    Some(from_dt(dt))
}

/// Format a time with a Day.js format (what `excludes` dates are compared
/// with, and the strict check of [`parse_date`]).
pub fn format_date(ms: Millis, format: &str) -> String {
    let Some(dt) = to_dt(ms) else {
        return String::new();
    };
    let mut out = String::new();
    for t in tokenize(format) {
        match t {
            Tok::Lit(l) => out.push_str(&l),
            Tok::Field(f) => {
                let h12 = match dt.hour() % 12 {
                    0 => 12,
                    h => h,
                };
                let s = match f {
                    "YYYY" => format!("{:04}", dt.year()),
                    "YY" => format!("{:02}", dt.year().rem_euclid(100)),
                    "MMMM" => MONTHS[dt.month0() as usize].to_string(),
                    "MMM" => MONTHS[dt.month0() as usize][..3].to_string(),
                    "MM" => format!("{:02}", dt.month()),
                    "M" => dt.month().to_string(),
                    "Do" => {
                        let d = dt.day();
                        let suffix = match (d % 10, d) {
                            (_, 11..=13) => "th",
                            (1, _) => "st",
                            (2, _) => "nd",
                            (3, _) => "rd",
                            _ => "th",
                        };
                        format!("{d}{suffix}")
                    }
                    "DD" => format!("{:02}", dt.day()),
                    "D" => dt.day().to_string(),
                    "dddd" => WEEKDAYS[dt.weekday().num_days_from_sunday() as usize].to_string(),
                    "ddd" => {
                        WEEKDAYS[dt.weekday().num_days_from_sunday() as usize][..3].to_string()
                    }
                    "dd" => WEEKDAYS[dt.weekday().num_days_from_sunday() as usize][..2].to_string(),
                    "d" => dt.weekday().num_days_from_sunday().to_string(),
                    "HH" => format!("{:02}", dt.hour()),
                    "H" => dt.hour().to_string(),
                    "hh" => format!("{h12:02}"),
                    "h" => h12.to_string(),
                    "mm" => format!("{:02}", dt.minute()),
                    "m" => dt.minute().to_string(),
                    "ss" => format!("{:02}", dt.second()),
                    "s" => dt.second().to_string(),
                    "SSS" => format!("{:03}", dt.and_utc().timestamp_subsec_millis()),
                    "SS" => format!("{:02}", dt.and_utc().timestamp_subsec_millis() / 10),
                    "S" => (dt.and_utc().timestamp_subsec_millis() / 100).to_string(),
                    "A" => if dt.hour() < 12 { "AM" } else { "PM" }.to_string(),
                    "a" => if dt.hour() < 12 { "am" } else { "pm" }.to_string(),
                    "Z" => "+00:00".to_string(),
                    "ZZ" => "+0000".to_string(),
                    "X" => ms.div_euclid(1000).to_string(),
                    "x" => ms.to_string(),
                    "Q" => (dt.month0() / 3 + 1).to_string(),
                    _ => dt.iso_week().week().to_string(),
                };
                out.push_str(&s);
            }
        }
    }
    out
}

/// A duration as tasks write it (`3d`, `1.5h`, `2w`, `20ms`, `1M`, `1y`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub value: f64,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// `<number><unit>` with units ms, s, m, h, d, w, M, y.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    let n = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(n);
    if num.is_empty() || num.starts_with('.') || num.ends_with('.') || num.matches('.').count() > 1
    {
        return None;
    }
    let value: f64 = num.parse().ok()?;
    let unit = match unit {
        "ms" => Unit::Millisecond,
        "s" => Unit::Second,
        "m" => Unit::Minute,
        "h" => Unit::Hour,
        "d" => Unit::Day,
        "w" => Unit::Week,
        "M" => Unit::Month,
        "y" => Unit::Year,
        _ => return None,
    };
    Some(Duration { value, unit })
}

/// `start` plus a duration, as Day.js adds: days and weeks are whole
/// calendar days (rounded), months and years calendar months (truncated;
/// the day is clamped to the month's length), the rest exact.
pub fn add_duration(start: Millis, d: Duration) -> Option<Millis> {
    let exact = |unit: i64| {
        let v = d.value * unit as f64;
        (v.abs() < 8.0e15).then(|| start.checked_add(v.round() as i64))?
    };
    match d.unit {
        Unit::Millisecond => exact(1),
        Unit::Second => exact(SECOND),
        Unit::Minute => exact(MINUTE),
        Unit::Hour => exact(HOUR),
        Unit::Day | Unit::Week => {
            let per = if d.unit == Unit::Week { 7.0 } else { 1.0 };
            let days = (d.value * per).round();
            if days.abs() > 1.0e8 {
                return None;
            }
            let dt = to_dt(start)?.checked_add_signed(TimeDelta::try_days(days as i64)?)?;
            Some(from_dt(dt))
        }
        Unit::Month | Unit::Year => {
            let per = if d.unit == Unit::Year { 12.0 } else { 1.0 };
            let months = d.value.trunc() * per;
            if months > 1.0e6 {
                return None;
            }
            let dt = to_dt(start)?.checked_add_months(Months::new(months as u32))?;
            Some(from_dt(dt))
        }
    }
}

/// Add whole calendar days.
pub fn add_days(ms: Millis, days: i64) -> Millis {
    ms.saturating_add(days.saturating_mul(DAY))
}

/// Day of the week, 0 = Sunday.
pub fn weekday(ms: Millis) -> u32 {
    to_dt(ms).map_or(0, |d| d.weekday().num_days_from_sunday())
}

/// Format a time with a d3 `timeFormat` specifier (`%Y-%m-%d`, `%b %d`,
/// `%H:%M`, `%L`, …; `%-d` / `%_d` / `%0d` change the padding).
pub fn format_axis(ms: Millis, spec: &str) -> String {
    let Some(dt) = to_dt(ms) else {
        return String::new();
    };
    let mut out = String::new();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut code = chars.next();
        let pad = match code {
            Some('-') => {
                code = chars.next();
                Some("")
            }
            Some('_') => {
                code = chars.next();
                Some(" ")
            }
            Some('0') => {
                code = chars.next();
                Some("0")
            }
            _ => None,
        };
        let p = |v: u32, width: usize, default: &str| -> String {
            let fill = pad.unwrap_or(default);
            let s = v.to_string();
            if fill.is_empty() || s.len() >= width {
                s
            } else {
                format!("{}{s}", fill.repeat(width - s.len()))
            }
        };
        let wd = dt.weekday().num_days_from_sunday() as usize;
        let ms_of = dt.and_utc().timestamp_subsec_millis();
        let s = match code {
            Some('a') => WEEKDAYS[wd][..3].to_string(),
            Some('A') => WEEKDAYS[wd].to_string(),
            Some('b') | Some('h') => MONTHS[dt.month0() as usize][..3].to_string(),
            Some('B') => MONTHS[dt.month0() as usize].to_string(),
            Some('c') => format_axis(ms, "%x, %X"),
            Some('d') => p(dt.day(), 2, "0"),
            Some('e') => p(dt.day(), 2, " "),
            Some('f') => p(ms_of * 1000, 6, "0"),
            Some('H') => p(dt.hour(), 2, "0"),
            Some('I') => p(
                match dt.hour() % 12 {
                    0 => 12,
                    h => h,
                },
                2,
                "0",
            ),
            Some('j') => p(dt.ordinal(), 3, "0"),
            Some('L') => p(ms_of, 3, "0"),
            Some('m') => p(dt.month(), 2, "0"),
            Some('M') => p(dt.minute(), 2, "0"),
            Some('p') => if dt.hour() < 12 { "AM" } else { "PM" }.to_string(),
            Some('q') => (dt.month0() / 3 + 1).to_string(),
            Some('Q') => ms.to_string(),
            Some('s') => ms.div_euclid(1000).to_string(),
            Some('S') => p(dt.second(), 2, "0"),
            Some('u') => dt.weekday().number_from_monday().to_string(),
            Some('U') => p(dt.ordinal0().wrapping_add(7 - wd as u32) / 7, 2, "0"),
            Some('V') => p(dt.iso_week().week(), 2, "0"),
            Some('w') => wd.to_string(),
            Some('W') => p(
                (dt.ordinal0() + 7 - dt.weekday().num_days_from_monday()) / 7,
                2,
                "0",
            ),
            Some('x') => format_axis(ms, "%-m/%-d/%Y"),
            Some('X') => format_axis(ms, "%-I:%M:%S %p"),
            Some('y') => p(dt.year().rem_euclid(100) as u32, 2, "0"),
            Some('Y') => {
                let y = dt.year();
                if y < 0 {
                    format!("-{:04}", -y)
                } else {
                    format!("{y:04}")
                }
            }
            Some('G') => format!("{:04}", dt.iso_week().year()),
            Some('g') => p(dt.iso_week().year().rem_euclid(100) as u32, 2, "0"),
            Some('Z') => "+0000".to_string(),
            Some('%') => "%".to_string(),
            Some(other) => format!("%{other}"),
            None => "%".to_string(),
        };
        out.push_str(&s);
    }
    out
}

/// A tick interval: a calendar unit and a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Millis(i64),
    Seconds(i64),
    Minutes(i64),
    Hours(i64),
    Days(i64),
    /// Weeks starting on the given weekday (0 = Sunday).
    Weeks(i64, u32),
    Months(i64),
    Years(i64),
}

/// `tickInterval`: `<n><unit>` with unit millisecond, second, minute,
/// hour, day, week, month (or year).
pub fn parse_tick_interval(s: &str, week_start: u32) -> Option<Every> {
    let s = s.trim();
    let n = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(n);
    if num.starts_with('0') {
        return None;
    }
    let k: i64 = num.parse().ok().filter(|k| *k >= 1 && *k <= 1_000_000)?;
    Some(match unit {
        "millisecond" => Every::Millis(k),
        "second" => Every::Seconds(k),
        "minute" => Every::Minutes(k),
        "hour" => Every::Hours(k),
        "day" => Every::Days(k),
        "week" => Every::Weeks(k, week_start),
        "month" => Every::Months(k),
        "year" => Every::Years(k),
        _ => return None,
    })
}

/// The approximate length of one step (to count ticks before making them).
fn approx(e: Every) -> f64 {
    match e {
        Every::Millis(k) => k as f64,
        Every::Seconds(k) => (k * SECOND) as f64,
        Every::Minutes(k) => (k * MINUTE) as f64,
        Every::Hours(k) => (k * HOUR) as f64,
        Every::Days(k) => (k * DAY) as f64,
        Every::Weeks(k, _) => (k * WEEK) as f64,
        Every::Months(k) => k as f64 * 30.0 * DAY as f64,
        Every::Years(k) => k as f64 * 365.0 * DAY as f64,
    }
}

/// d3's `tickStep`: a round step near `(stop - start) / count`.
fn tick_step(start: f64, stop: f64, count: f64) -> f64 {
    let step0 = (stop - start).abs() / count.max(1.0);
    if step0.is_nan() || step0 <= 0.0 || !step0.is_finite() {
        return 1.0;
    }
    let mut step1 = 10f64.powf(step0.log10().floor());
    let err = step0 / step1;
    if err >= 50f64.sqrt() {
        step1 *= 10.0;
    } else if err >= 10f64.sqrt() {
        step1 *= 5.0;
    } else if err >= 2f64.sqrt() {
        step1 *= 2.0;
    }
    step1
}

/// The interval d3's time scale picks for about `count` ticks between
/// `start` and `stop`.
pub fn auto_interval(start: Millis, stop: Millis, count: f64) -> Every {
    let table: [(Every, f64); 17] = [
        (Every::Seconds(1), SECOND as f64),
        (Every::Seconds(5), 5.0 * SECOND as f64),
        (Every::Seconds(15), 15.0 * SECOND as f64),
        (Every::Seconds(30), 30.0 * SECOND as f64),
        (Every::Minutes(1), MINUTE as f64),
        (Every::Minutes(5), 5.0 * MINUTE as f64),
        (Every::Minutes(15), 15.0 * MINUTE as f64),
        (Every::Minutes(30), 30.0 * MINUTE as f64),
        (Every::Hours(1), HOUR as f64),
        (Every::Hours(3), 3.0 * HOUR as f64),
        (Every::Hours(6), 6.0 * HOUR as f64),
        (Every::Hours(12), 12.0 * HOUR as f64),
        (Every::Days(1), DAY as f64),
        (Every::Days(2), 2.0 * DAY as f64),
        (Every::Weeks(1, 0), WEEK as f64),
        (Every::Months(1), 30.0 * DAY as f64),
        (Every::Months(3), 90.0 * DAY as f64),
    ];
    let year = 365.0 * DAY as f64;
    let target = (stop - start).unsigned_abs() as f64 / count;
    let i = table
        .iter()
        .position(|(_, d)| *d > target)
        .unwrap_or(table.len());
    if i == table.len() {
        let k = tick_step(start as f64 / year, stop as f64 / year, count);
        return Every::Years((k.round() as i64).max(1));
    }
    if i == 0 {
        let k = tick_step(start as f64, stop as f64, count);
        return Every::Millis((k.round() as i64).max(1));
    }
    let (lo, hi) = (table[i - 1], table[i]);
    if target / lo.1 < hi.1 / target {
        lo.0
    } else {
        hi.0
    }
}

/// Ticks of `every` in `[start, stop]` (none when there would be more than
/// `max`).
pub fn ticks(start: Millis, stop: Millis, every: Every, max: usize) -> Vec<Millis> {
    if stop < start || (stop - start) as f64 / approx(every) > max as f64 {
        return Vec::new();
    }
    let base = match every {
        Every::Millis(k) => k as f64,
        Every::Seconds(_) => SECOND as f64,
        Every::Minutes(_) => MINUTE as f64,
        Every::Hours(_) => HOUR as f64,
        Every::Days(_) => DAY as f64,
        Every::Weeks(..) => WEEK as f64,
        Every::Months(_) => 28.0 * DAY as f64,
        Every::Years(_) => 365.0 * DAY as f64,
    };
    if (stop - start) as f64 / base > 2.0e6 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let Some(s) = to_dt(start) else {
        return out;
    };
    let push = |out: &mut Vec<Millis>, t: Millis| {
        if t >= start && t <= stop && out.len() <= max {
            out.push(t);
        }
    };
    match every {
        Every::Millis(k) => {
            let mut t = start.div_euclid(k) * k;
            if t < start {
                t += k;
            }
            while t <= stop && out.len() <= max {
                push(&mut out, t);
                t += k;
            }
        }
        Every::Seconds(k) | Every::Minutes(k) | Every::Hours(k) => {
            // d3 filters on the field (seconds of the minute, …): steps
            // restart at each larger unit.
            let (unit, period) = match every {
                Every::Seconds(_) => (SECOND, MINUTE),
                Every::Minutes(_) => (MINUTE, HOUR),
                _ => (HOUR, DAY),
            };
            let mut t = start.div_euclid(unit) * unit;
            while t <= stop && out.len() <= max {
                if (t.rem_euclid(period) / unit) % k == 0 {
                    push(&mut out, t);
                }
                t += unit;
            }
        }
        Every::Days(k) => {
            let mut t = day_floor(start);
            while t <= stop && out.len() <= max {
                let d = to_dt(t).map_or(1, |d| d.day());
                if (i64::from(d) - 1) % k == 0 {
                    push(&mut out, t);
                }
                t += DAY;
            }
        }
        Every::Weeks(k, wd) => {
            let mut t = day_floor(start);
            t -= i64::from((weekday(t) + 7 - wd) % 7) * DAY;
            // Weeks counted from the first such weekday after 1970-01-01.
            let epoch = i64::from((wd + 7 - 4) % 7) * DAY;
            while t <= stop && out.len() <= max {
                if (t - epoch).div_euclid(WEEK) % k == 0 {
                    push(&mut out, t);
                }
                t += WEEK;
            }
        }
        Every::Months(k) | Every::Years(k) => {
            let step = if matches!(every, Every::Years(_)) {
                12
            } else {
                1
            };
            let Some(first) =
                NaiveDate::from_ymd_opt(s.year(), if step == 12 { 1 } else { s.month() }, 1)
            else {
                return out;
            };
            let mut d = first;
            while out.len() <= max {
                let t = d.and_hms_opt(0, 0, 0).map_or(stop + 1, from_dt);
                if t > stop {
                    break;
                }
                let field = if step == 12 {
                    i64::from(d.year())
                } else {
                    i64::from(d.month0())
                };
                if field.rem_euclid(k) == 0 {
                    push(&mut out, t);
                }
                match d.checked_add_months(Months::new(step)) {
                    Some(n) => d = n,
                    None => break,
                }
            }
        }
    }
    out.truncate(max);
    out
}
