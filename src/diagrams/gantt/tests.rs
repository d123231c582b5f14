use super::dates::*;
use super::model::{Click, Gantt, TodayMarker};
use super::*;
use crate::config::Config;
use crate::diagrams::Context;
use crate::syntax::read_preamble;

fn ms(s: &str) -> Millis {
    parse_iso_fallback(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

fn day(t: Millis) -> String {
    format_date(t, "YYYY-MM-DD")
}

fn stamp(t: Millis) -> String {
    format_date(t, "YYYY-MM-DD HH:mm:ss.SSS")
}

fn gantt(src: &str) -> Gantt {
    let pre = read_preamble(src).unwrap();
    parse::parse(&pre, 0).unwrap_or_else(|e| panic!("{src}\n{e:?}"))
}

fn err(src: &str) -> (usize, usize, String) {
    let pre = read_preamble(src).unwrap();
    let e = parse::parse(&pre, 0).expect_err(src);
    (e.span.line, e.span.col, e.message)
}

/// (name, start day, end day) of every task.
fn days(g: &Gantt) -> Vec<(String, String, String)> {
    g.tasks
        .iter()
        .map(|t| (t.name.clone(), day(t.start), day(t.end)))
        .collect()
}

fn render_with(src: &str, config: &Config) -> Drawing {
    let pre = read_preamble(src).unwrap();
    let cx = Context::new(config, "t");
    super::render(&pre, &cx).unwrap_or_else(|e| panic!("{src}\n{e:?}"))
}

fn render_src(src: &str) -> Drawing {
    render_with(src, &Config::default())
}

fn svg_ok(svg: &str) {
    let opt = usvg::Options {
        fontdb: crate::text::fontdb(),
        ..Default::default()
    };
    usvg::Tree::from_str(svg, &opt).expect("well-formed SVG");
}

// ---- dates -------------------------------------------------------------

#[test]
fn day_js_formats_parse_strictly() {
    assert_eq!(
        parse_date("2014-01-01", "YYYY-MM-DD", 0),
        Some(ms("2014-01-01"))
    );
    assert_eq!(
        parse_date("2025-07-04 20:30:30", "YYYY-MM-DD HH:mm:ss", 0),
        Some(ms("2025-07-04T20:30:30"))
    );
    assert_eq!(parse_date("2019-09-1", "YYYY-MM-DD", 0), None);
    assert_eq!(parse_date("2019-02-30", "YYYY-MM-DD", 0), None);
    assert_eq!(
        parse_date("2024-02-29", "YYYY-MM-DD", 0),
        Some(ms("2024-02-29"))
    );
    assert_eq!(parse_date("2023-02-29", "YYYY-MM-DD", 0), None);
    assert_eq!(parse_date("5.1.24", "D.M.YY", 0), Some(ms("2024-01-05")));
    assert_eq!(parse_date("99", "YY", 0), Some(ms("1999-01-01")));
    // Fields the format lacks come from "now" (here 1970-01-01).
    assert_eq!(
        parse_date("17:49", "HH:mm", 0),
        Some(ms("1970-01-01T17:49"))
    );
    assert_eq!(
        parse_date("17:49", "HH:mm", ms("2024-03-05")),
        Some(ms("2024-03-05T17:49"))
    );
    assert_eq!(parse_date("12", "D", 0), Some(ms("1970-01-12")));
    assert_eq!(parse_date("1750000000", "X", 0), Some(1_750_000_000_000));
    assert_eq!(parse_date("1750000000123", "x", 0), Some(1_750_000_000_123));
    assert_eq!(parse_date("123", "SSS", 0), Some(123));
    assert_eq!(parse_date("05", "ss", 0), Some(5000));
    assert_eq!(
        parse_date("Jan 5 2020", "MMM D YYYY", 0),
        Some(ms("2020-01-05"))
    );
    assert_eq!(
        parse_date("03:15 PM", "hh:mm A", 0),
        Some(ms("1970-01-01T15:15"))
    );
    assert_eq!(parse_date("2020 x", "YYYY [x]", 0), Some(ms("2020-01-01")));
    assert_eq!(parse_date("0", "ss", 0), Some(0));
    assert_eq!(parse_date("2020-13-01", "YYYY-MM-DD", 0), None);
    assert_eq!(parse_date("", "YYYY", 0), None);
}

#[test]
fn iso_fallback_accepts_short_years_only_in_iso_form() {
    assert_eq!(day(ms("202-12-01")), "0202-12-01");
    assert_eq!(parse_iso_fallback("2019-09-1"), None);
    assert_eq!(
        parse_iso_fallback("2019-09-01T10:30"),
        Some(ms("2019-09-01T10:30:00"))
    );
    assert_eq!(parse_iso_fallback("tomorrow"), None);
}

#[test]
fn durations_add_as_day_js() {
    let d = |s: &str| parse_duration(s).unwrap();
    let add = |from: &str, s: &str| stamp(add_duration(ms(from), d(s)).unwrap());
    assert_eq!(add("2014-01-01", "30d"), "2014-01-31 00:00:00.000");
    assert_eq!(add("2014-01-31", "1M"), "2014-02-28 00:00:00.000");
    assert_eq!(add("2024-01-31", "1M"), "2024-02-29 00:00:00.000");
    assert_eq!(add("2024-02-29", "1y"), "2025-02-28 00:00:00.000");
    assert_eq!(add("2023-12-20", "2w"), "2024-01-03 00:00:00.000");
    assert_eq!(add("2024-02-28", "1d"), "2024-02-29 00:00:00.000");
    assert_eq!(add("2023-02-28", "1d"), "2023-03-01 00:00:00.000");
    assert_eq!(add("2014-01-01", "36h"), "2014-01-02 12:00:00.000");
    assert_eq!(add("2014-01-01", "90m"), "2014-01-01 01:30:00.000");
    assert_eq!(add("2014-01-01", "2.5s"), "2014-01-01 00:00:02.500");
    assert_eq!(add("2014-01-01", "20ms"), "2014-01-01 00:00:00.020");
    assert_eq!(add("2014-01-01", "1.5d"), "2014-01-03 00:00:00.000");
    for bad in ["", "d", "3", "3x", "3 d", "-3d", "1..5d", ".5d"] {
        assert_eq!(parse_duration(bad), None, "{bad}");
    }
}

#[test]
fn axis_formats_as_d3() {
    let t = ms("2014-01-05T09:07:03");
    assert_eq!(format_axis(t, "%Y-%m-%d"), "2014-01-05");
    assert_eq!(format_axis(t, "%b %d"), "Jan 05");
    assert_eq!(format_axis(t, "%-d %B %y"), "5 January 14");
    assert_eq!(format_axis(t, "%H:%M:%S"), "09:07:03");
    assert_eq!(format_axis(t, "%a %A %e %j %%"), "Sun Sunday  5 005 %");
    assert_eq!(format_axis(t, "%I %p"), "09 AM");
    assert_eq!(format_axis(t + 45, "%L"), "045");
    assert_eq!(format_axis(t, "%s"), "1388912823");
    assert_eq!(format_axis(t, "%w %u"), "0 7");
}

#[test]
fn ticks_follow_d3_intervals() {
    let (a, b) = (ms("2014-01-01"), ms("2014-02-20"));
    assert_eq!(auto_interval(a, b, 10.0), Every::Weeks(1, 0));
    let t = ticks(a, b, Every::Weeks(1, 0), 100);
    assert_eq!(day(t[0]), "2014-01-05");
    assert_eq!(weekday(t[0]), 0);
    assert_eq!(t.len(), 7);
    let mon = ticks(a, b, Every::Weeks(1, 1), 100);
    assert_eq!(day(mon[0]), "2014-01-06");
    let months = ticks(ms("2014-01-15"), ms("2014-06-01"), Every::Months(1), 100);
    assert_eq!(
        months.iter().map(|t| day(*t)).collect::<Vec<_>>(),
        [
            "2014-02-01",
            "2014-03-01",
            "2014-04-01",
            "2014-05-01",
            "2014-06-01"
        ]
    );
    let days2 = ticks(ms("2014-01-01"), ms("2014-01-06"), Every::Days(2), 100);
    assert_eq!(
        days2.iter().map(|t| day(*t)).collect::<Vec<_>>(),
        ["2014-01-01", "2014-01-03", "2014-01-05"]
    );
    let h = ticks(
        ms("2014-01-01T01:00"),
        ms("2014-01-01T13:00"),
        Every::Hours(6),
        100,
    );
    assert_eq!(h.len(), 2);
    assert_eq!(format_axis(h[0], "%H"), "06");
    // Too many ticks: none, so the caller falls back to the automatic ones.
    assert!(ticks(0, 1_000_000_000_000, Every::Millis(2), 10_000).is_empty());
    assert_eq!(parse_tick_interval("1week", 1), Some(Every::Weeks(1, 1)));
    assert_eq!(parse_tick_interval("15minute", 0), Some(Every::Minutes(15)));
    assert_eq!(parse_tick_interval("1decade", 0), None);
    assert_eq!(parse_tick_interval("0day", 0), None);
}

// ---- grammar -----------------------------------------------------------

#[test]
fn the_documented_example_schedules() {
    let g = gantt(
        "gantt\n    title A Gantt Diagram\n    dateFormat YYYY-MM-DD\n    section Section\n        A task          :a1, 2014-01-01, 30d\n        Another task    :after a1, 20d\n    section Another\n        Task in Another :2014-01-12, 12d\n        another task    :24d\n",
    );
    assert_eq!(g.title.as_deref(), Some("A Gantt Diagram"));
    assert_eq!(g.sections, ["Section", "Another"]);
    assert_eq!(
        days(&g),
        [
            ("A task".into(), "2014-01-01".into(), "2014-01-31".into()),
            (
                "Another task".into(),
                "2014-01-31".into(),
                "2014-02-20".into()
            ),
            (
                "Task in Another".into(),
                "2014-01-12".into(),
                "2014-01-24".into()
            ),
            (
                "another task".into(),
                "2014-01-24".into(),
                "2014-02-17".into()
            ),
        ]
    );
    let ids: Vec<_> = g.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["a1", "task1", "task2", "task3"]);
    assert_eq!(
        g.tasks.iter().map(|t| t.section).collect::<Vec<_>>(),
        [0, 0, 1, 1]
    );
}

#[test]
fn after_and_until_take_several_ids() {
    let g = gantt("gantt\n    apple :a, 2017-07-20, 1w\n    banana :crit, b, 2017-07-23, 1d\n    cherry :active, c, after b a, 1d\n    kiwi   :d, 2017-07-20, until b c\n");
    // after b a: the latest end (a ends 07-27); until b c: the earliest start (b 07-23).
    assert_eq!(
        days(&g)[2],
        ("cherry".into(), "2017-07-27".into(), "2017-07-28".into())
    );
    assert_eq!(
        days(&g)[3],
        ("kiwi".into(), "2017-07-20".into(), "2017-07-23".into())
    );
    assert!(g.tasks[1].crit && g.tasks[2].active);
    // A reference to a later task is resolved too.
    let g = gantt("gantt\n  first :x, after y, 2d\n  second :y, 2020-01-01, 3d\n");
    assert_eq!(day(g.tasks[0].start), "2020-01-04");
}

#[test]
fn excludes_lengthen_tasks_over_weekends_and_dates() {
    // 2024-01-05 is a Friday: 3 days → Fri, (Sat, Sun skipped), Mon, Tue.
    let g = gantt("gantt\n  dateFormat YYYY-MM-DD\n  excludes weekends\n  a :2024-01-05, 3d\n");
    assert_eq!(day(g.tasks[0].end), "2024-01-10");
    // weekend friday: Friday and Saturday are the weekend.
    let g = gantt("gantt\n  excludes weekends\n  weekend friday\n  a :2024-01-04, 2d\n");
    assert_eq!(day(g.tasks[0].end), "2024-01-08");
    assert_eq!(g.weekend_start, 5);
    // A named day and a date; the start day itself is not checked (as
    // mermaid-js): Mon 01 + 3d = Thu 04, Wed 03 excluded → Fri 05.
    let g = gantt("gantt\n  excludes monday, 2024-01-03\n  a :2024-01-01, 3d\n");
    assert_eq!(days(&g)[0].2, "2024-01-05");
    // includes wins over excludes.
    // Fri 05 + 2d = Sun 07; Sat 06 included, Sun 07 excluded → Mon 08.
    let g = gantt("gantt\n  excludes weekends\n  includes 2024-01-06\n  a :2024-01-05, 2d\n");
    assert_eq!(days(&g)[0].2, "2024-01-08");
    // An explicit end date is kept.
    let g = gantt("gantt\n  excludes weekends\n  a :2024-01-05, 2024-01-08\n");
    assert_eq!(days(&g)[0].2, "2024-01-08");
    // Excluded days at the end are not drawn.
    let g = gantt("gantt\n  excludes weekends\n  a :2024-01-04, 2d\n");
    assert_eq!(days(&g)[0].2, "2024-01-08");
    assert_eq!(day(g.tasks[0].render_end), "2024-01-06");
    // Excluding every day never hangs.
    let g = gantt(
        "gantt\n excludes weekends monday tuesday wednesday thursday friday\n a :2024-01-01, 2d\n",
    );
    assert!(g.tasks[0].end > g.tasks[0].start);
}

#[test]
fn inclusive_end_dates_add_a_day() {
    let g = gantt("gantt\n  inclusiveEndDates\n  a :2024-02-28, 2024-02-29\n  b :2024-03-01, 2d\n");
    assert_eq!(days(&g)[0].2, "2024-03-01");
    assert_eq!(days(&g)[1].2, "2024-03-03");
}

#[test]
fn tags_ids_and_durations() {
    let g = gantt("gantt\n  dateFormat HH:mm\n  m : milestone, m1, 17:49, 2m\n  v : vert, v1, 17:30, 2m\n  t : done, crit, active, 10m\n  s : 1.5h\n");
    let t = &g.tasks;
    assert!(t[0].milestone && t[1].vert && t[2].done && t[2].crit && t[2].active);
    assert_eq!(format_axis(t[2].start, "%H:%M"), "17:32");
    assert_eq!(format_axis(t[3].end, "%H:%M"), "19:12");
    assert_eq!(t[2].id, "task1");
}

#[test]
fn statements_are_read() {
    let g = gantt("---\ndisplayMode: compact\n---\ngantt\n  accTitle: T\n  accDescr: D\n  dateFormat DD/MM/YYYY\n  axisFormat %d %b\n  tickInterval 1week\n  weekday monday\n  todayMarker stroke-width:5px,stroke:#00f\n  topAxis\n  inclusiveEndDates\n  section S\n  a :a1, 01/02/2024, 3d %% a comment\n  click a1 href \"https://example.com\"\n  click a1 call cb(\"x\")\n");
    assert!(g.compact && g.top_axis && g.inclusive_end_dates);
    assert_eq!(g.acc_title.as_deref(), Some("T"));
    assert_eq!(g.acc_descr.as_deref(), Some("D"));
    assert_eq!(g.axis_format.as_deref(), Some("%d %b"));
    assert_eq!(g.tick_interval, Some(Every::Weeks(1, 1)));
    assert_eq!(
        g.today_marker,
        TodayMarker::Style("stroke-width:5px,stroke:#00f".into())
    );
    assert_eq!(day(g.tasks[0].start), "2024-02-01");
    assert_eq!(
        g.tasks[0].clicks,
        [
            Click::Href("https://example.com".into()),
            Click::Call {
                function: "cb".into(),
                args: "\"x\"".into()
            }
        ]
    );
    let g = gantt("gantt\n todayMarker off\n a :2024-01-01, 1d\n");
    assert_eq!(g.today_marker, TodayMarker::Off);
    // Hashes and semicolons in names and titles are text.
    let g = gantt("gantt\n title A #title; here\n section #s;\n #A task; x :a1, 2014-01-01, 30d\n");
    assert_eq!(g.title.as_deref(), Some("A #title; here"));
    assert_eq!(g.sections, ["#s;"]);
    assert_eq!(g.tasks[0].name, "#A task; x");
}

#[test]
fn errors_are_located() {
    let cases: [(&str, usize, usize, &str); 9] = [
        (
            "gantt\n  a :a1, 2019-09-1, 3d\n",
            2,
            10,
            "invalid start date `2019-09-1`",
        ),
        (
            "gantt\n  a :a1, 2019-09-01, soon\n",
            2,
            22,
            "invalid end `soon`",
        ),
        (
            "gantt\n  a :a1, 2019-09-01, 2d\n  b :after zz, 1d\n",
            3,
            12,
            "unknown task id `zz`",
        ),
        (
            "gantt\n  a :x, 2019-09-01, until nope\n",
            2,
            27,
            "unknown task id `nope`",
        ),
        (
            "gantt\n  a :a, after b, 1d\n  b :b, after a, 1d\n",
            2,
            6,
            "cycle",
        ),
        ("gantt\n  just words\n", 2, 3, "unexpected `just`"),
        (
            "gantt\n  weekday someday\n",
            2,
            3,
            "`weekday` expects a day name",
        ),
        ("gantt\n  a :1, 2, 3, 4\n", 2, 6, "has 4 items"),
        (
            "gantt\n  a :a, 2020-01-01, 1d\n  click b href \"x\"\n",
            3,
            9,
            "unknown task id `b`",
        ),
    ];
    for (src, line, col, msg) in cases {
        let (l, c, m) = err(src);
        assert!(m.contains(msg), "{src}: {m}");
        assert_eq!((l, c), (line, col), "{src}: {m}");
    }
    let (l, _, m) = err("gantt\n : 3d\n");
    assert_eq!(l, 2);
    assert!(m.contains("needs a name"), "{m}");
    let (_, _, m) = err("gantt\n  weekend sunday\n");
    assert!(m.contains("`friday` or `saturday`"), "{m}");
    let (_, _, m) = err("gantt\n  a: a, 2020-01-01, 1d\n  click a call broken(\n");
    assert!(m.contains("unclosed"), "{m}");
}

// ---- layout and drawing --------------------------------------------------

#[test]
fn layout_matches_mermaid_proportions() {
    let src = "gantt\n    title A Gantt Diagram\n    dateFormat YYYY-MM-DD\n    section Section\n        A task          :a1, 2014-01-01, 30d\n        Another task    :after a1, 20d\n    section Another\n        Task in Another :2014-01-12, 12d\n        another task    :24d\n";
    let d = render_src(src);
    assert_eq!((d.width, d.height), (1584.0, 196.0));
    let pre = read_preamble(src).unwrap();
    let g = parse::parse(&pre, 0).unwrap();
    let cfg = GanttConfig::from_config(&Config::default());
    let geo = layout::layout(&g, &cfg, None);
    // The first bar spans 30 of the chart's 50 days of 1434 px.
    let b = &geo.bars[0];
    assert_eq!((b.rect.x, b.rect.y, b.rect.height), (75.0, 50.0, 20.0));
    assert!((b.rect.width - 860.4).abs() < 0.5, "{}", b.rect.width);
    assert_eq!(b.label.y, 63.5);
    let labels: Vec<String> = geo
        .ticks
        .iter()
        .filter_map(|t| t.label.as_ref())
        .map(|l| l.text.lines[0].text.clone())
        .collect();
    assert_eq!(
        labels,
        [
            "2014-01-05",
            "2014-01-12",
            "2014-01-19",
            "2014-01-26",
            "2014-02-02",
            "2014-02-09",
            "2014-02-16"
        ]
    );
    assert_eq!(geo.section_titles.len(), 2);
    svg_ok(&d.svg);
    assert!(d.svg.contains(">A Gantt Diagram</text>"));
}

#[test]
fn today_marker_only_with_a_configured_date() {
    let src = "gantt\n a :2024-01-01, 10d\n";
    assert!(!render_src(src).svg.contains("class=\"today\""));
    let cfg = Config::from_value(
        crate::syntax::parse_config_json("{gantt: {today: '2024-01-05'}}").unwrap(),
    );
    let svg = render_with(src, &cfg).svg;
    assert!(svg.contains("class=\"today\""));
    let off = render_with("gantt\n todayMarker off\n a :2024-01-01, 10d\n", &cfg).svg;
    assert!(!off.contains("class=\"today\""));
    let styled = render_with(
        "gantt\n todayMarker stroke-width:5px,stroke:#00f,opacity:0.5\n a :2024-01-01, 10d\n",
        &cfg,
    )
    .svg;
    assert!(
        styled.contains("stroke=\"#00f\"") && styled.contains("stroke-width=\"5\""),
        "{styled}"
    );
}

#[test]
fn links_only_for_http() {
    let svg = render_src("gantt\n a :a, 2024-01-01, 10d\n b :b, 2024-01-01, 10d\n click a href \"https://x.org\"\n click b href \"javascript:alert(1)\"\n").svg;
    assert!(svg.contains("<a href=\"https://x.org\">"));
    assert!(!svg.contains("javascript"));
    svg_ok(&svg);
}

#[test]
fn excluded_days_are_shaded_and_compact_packs_rows() {
    let d = render_src("gantt\n excludes weekends\n a :2024-01-01, 10d\n");
    assert_eq!(d.svg.matches("exclude-range").count(), 2);
    let d = render_src("---\ndisplayMode: compact\n---\ngantt\n section S\n a :a1, 2014-01-01, 30d\n b :a2, 2014-01-20, 25d\n c :a3, 2014-02-10, 20d\n");
    // Two rows: a and c share one.
    assert_eq!(d.height, 2.0 * 24.0 + 100.0);
    // A `vert` marker takes no row; its label sits under the axis.
    let d = render_src("gantt\n dateFormat HH:mm\n v : vert, v1, 17:30, 2m\n a : 3m\n b : 8m\n");
    assert_eq!(d.height, 2.0 * 24.0 + 100.0);
    assert!(d.svg.contains(">v</text>"));
    // topAxis repeats the labels above the rows.
    let top = render_src("gantt\n topAxis\n a :2024-01-01, 10d\n").svg;
    let plain = render_src("gantt\n a :2024-01-01, 10d\n").svg;
    assert_eq!(
        top.matches("2024-01-0").count(),
        2 * plain.matches("2024-01-0").count()
    );
}

#[test]
fn every_theme_renders_well_formed() {
    let src = "gantt\n title T\n section S\n a :done, a1, 2024-01-01, 3d\n b :active, 2d\n c :crit, 2d\n d :milestone, 0d\n v :vert, 2024-01-02, 1d\n";
    for theme in crate::theme::THEMES {
        let cfg = Config::resolve(
            &crate::config::Value::object(),
            Some(theme),
            &crate::config::Value::object(),
        );
        let d = render_with(src, &cfg);
        svg_ok(&d.svg);
        assert_eq!(d.svg, render_with(src, &cfg).svg, "deterministic");
    }
}

/// Generated charts: no text overlaps another text or a bar of another
/// row, and everything is inside the canvas.
#[test]
fn generated_charts_have_no_overlaps() {
    let names = [
        "a",
        "Design the thing",
        "x",
        "A rather long task name that will not fit",
        "Ü日本語",
        "m",
    ];
    let units = ["1d", "3d", "12h", "2w", "1M", "30m"];
    for seed in 0..40usize {
        let mut src = String::from("gantt\n  dateFormat YYYY-MM-DD\n  title Generated chart\n");
        if seed % 3 == 0 {
            src.push_str("  excludes weekends\n");
        }
        if seed % 4 == 1 {
            src.push_str("  topAxis\n");
        }
        for k in 0..(3 + seed % 9) {
            if k % 3 == 0 {
                src.push_str(&format!(
                    "  section Section number {k}{}\n",
                    "!".repeat(seed % 5)
                ));
            }
            let name = names[(seed + k * 7) % names.len()];
            let unit = units[(seed * 3 + k) % units.len()];
            let tag = match (seed + k) % 7 {
                0 => "done, ",
                1 => "crit, ",
                2 => "milestone, ",
                3 => "active, ",
                _ => "",
            };
            if k == 0 || (seed + k) % 4 == 0 {
                src.push_str(&format!(
                    "  {name} :{tag}t{k}, 2024-0{}-1{}, {unit}\n",
                    1 + seed % 9,
                    k % 10
                ));
            } else {
                src.push_str(&format!("  {name} :{tag}t{k}, after t{}, {unit}\n", k - 1));
            }
        }
        let pre = read_preamble(&src).unwrap();
        let g = parse::parse(&pre, 0).unwrap_or_else(|e| panic!("{src}\n{e:?}"));
        let cfg = GanttConfig::from_config(&Config::default());
        let geo = layout::layout(&g, &cfg, None);
        let mut texts: Vec<crate::geometry::Rect> = Vec::new();
        texts.extend(geo.bars.iter().map(|b| b.label.bounds()));
        texts.extend(geo.section_titles.iter().map(|(l, _)| l.bounds()));
        texts.extend(
            geo.ticks
                .iter()
                .filter_map(|t| t.label.as_ref())
                .map(|l| l.bounds()),
        );
        texts.extend(
            geo.ticks
                .iter()
                .filter_map(|t| t.top_label.as_ref())
                .map(|l| l.bounds()),
        );
        texts.extend(geo.title.iter().map(|l| l.bounds()));
        let overlap = |a: &crate::geometry::Rect, b: &crate::geometry::Rect| {
            a.x < b.x + b.width - 0.5
                && b.x < a.x + a.width - 0.5
                && a.y < b.y + b.height - 0.5
                && b.y < a.y + a.height - 0.5
        };
        for (i, a) in texts.iter().enumerate() {
            assert!(
                a.x >= -0.5 && a.x + a.width <= geo.width + 0.5,
                "{src}\ntext {i} {a:?} outside {}",
                geo.width
            );
            assert!(
                a.y >= -0.5 && a.y + a.height <= geo.height + 0.5,
                "{src}\ntext {i} {a:?}"
            );
            for (j, b) in texts.iter().enumerate().skip(i + 1) {
                assert!(
                    !overlap(a, b),
                    "{src}\ntexts {i} {a:?} and {j} {b:?} overlap"
                );
            }
            for bar in &geo.bars {
                let inside = geo
                    .bars
                    .iter()
                    .any(|b| b.label.bounds() == *a && b.task == bar.task);
                if !inside {
                    assert!(
                        !overlap(a, &bar.rect),
                        "{src}\ntext {i} {a:?} overlaps bar {:?}",
                        bar.rect
                    );
                }
            }
        }
        svg_ok(&render_src(&src).svg);
    }
}
