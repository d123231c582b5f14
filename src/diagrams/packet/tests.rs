use super::layout::fit;
use super::model::Field;
use super::*;
use crate::config::Config;
use crate::syntax::read_preamble;

fn packet(src: &str) -> model::Packet {
    let pre = read_preamble(src).expect("preamble");
    parse::parse(&pre).expect("parse")
}

fn err(src: &str) -> String {
    let pre = read_preamble(src).expect("preamble");
    let e = parse::parse(&pre).unwrap_err();
    format!("{}:{}: {}", e.span.line, e.span.col, e.message)
}

fn render_src(src: &str) -> Drawing {
    let pre = read_preamble(src).expect("preamble");
    let config = Config::resolve(&Value::object(), None, &pre.config);
    let cx = Context::new(&config, "p");
    render(&pre, &cx).expect("render")
}

fn f(start: u64, end: u64, label: &str) -> Field {
    Field {
        start,
        end,
        label: label.into(),
    }
}

#[test]
fn parses_ranges_single_bits_and_lengths() {
    let p = packet("packet-beta\n  title UDP Packet\n  +16: \"Source Port\"\n  16-31: \"Dest\"\n  32: 'flag'\n  %% comment\n  +7: \"rest\"\n");
    assert_eq!(p.title.as_deref(), Some("UDP Packet"));
    assert_eq!(
        p.fields,
        vec![
            f(0, 15, "Source Port"),
            f(16, 31, "Dest"),
            f(32, 32, "flag"),
            f(33, 39, "rest")
        ]
    );
    let p = packet("packet\naccTitle: A\naccDescr: D\n0 - 3 : \"x\"");
    assert_eq!(p.acc_title.as_deref(), Some("A"));
    assert_eq!(p.fields, vec![f(0, 3, "x")]);
}

#[test]
fn fields_crossing_a_row_are_split() {
    let p = packet("packet\n0-9: \"a\"\n10-40: \"b\"\n41-100: \"c\"");
    let rows = p.rows(32);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], vec![f(0, 9, "a"), f(10, 31, "b")]);
    assert_eq!(rows[1], vec![f(32, 40, "b"), f(41, 63, "c")]);
    assert_eq!(rows[2], vec![f(64, 95, "c")]);
    assert_eq!(rows[3], vec![f(96, 100, "c")]);
    assert_eq!(p.rows(8).len(), 13);
}

#[test]
fn errors_are_located() {
    assert_eq!(
        err("packet\n0-15: \"a\"\n17-31: \"b\""),
        "3:1: packet block 17 - 31 is not contiguous: it leaves a gap; it should start from bit 16"
    );
    assert_eq!(
        err("packet\n0-15: \"a\"\n10-31: \"b\""),
        "3:1: packet block 10 - 31 is not contiguous: it overlaps the previous field; it should start from bit 16"
    );
    assert_eq!(
        err("packet\n  5-2: \"a\""),
        "2:3: packet block 5 - 2 is invalid: the end must not be before the start"
    );
    assert_eq!(
        err("packet\n+0: \"a\""),
        "2:1: packet block 0 is invalid: a field cannot have zero bits"
    );
    assert_eq!(
        err("packet\n0-3 \"a\""),
        "2:5: expected `:` and a quoted label after the bit range"
    );
    assert_eq!(
        err("packet\n0-3: a"),
        "2:6: expected a quoted label (as in `\"Source Port\"`)"
    );
    assert_eq!(
        err("packet\n0-3: \"a"),
        "2:6: unclosed label (expected a closing `\"`)"
    );
    assert_eq!(
        err("packet\nfoo bar"),
        "2:1: unexpected `foo` (expected a field such as `0-15: \"label\"`, `+8: \"label\"` or `title`)"
    );
    assert_eq!(
        err("packet\n0-3: \"a\" x"),
        "2:10: unexpected text after the label (expected the end of the line)"
    );
}

#[test]
fn geometry_follows_mermaid() {
    let src = "packet\ntitle T\n0-15: \"Source Port\"\n16-31: \"Destination Port\"\n32: \"x\"";
    let pre = read_preamble(src).unwrap();
    let config = Config::default();
    let p = parse::parse(&pre).unwrap();
    let g = layout::layout(
        &p,
        &PacketConfig::from_config(&config),
        &PacketStyle::from_config(&config),
    );
    assert_eq!(g.width, 1026.0);
    // Two rows of 47 px, plus one for the title.
    assert_eq!(g.height, 141.0);
    let b = &g.rows[0][1];
    assert_eq!((b.x, b.y, b.w, b.h), (513.0, 15.0, 507.0, 32.0));
    assert_eq!(b.bits.len(), 2);
    assert_eq!(g.rows[1][0].bits.len(), 1);
}

/// Generated packets: labels stay inside their block (plus the gap),
/// bit numbers never overlap, everything inside the canvas.
#[test]
fn generated_packets_keep_texts_apart() {
    let mut seed = 3u64;
    let mut rnd = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for _ in 0..40 {
        let mut src = String::from("packet\n");
        for k in 0..(2 + rnd(12)) {
            let len = 1 + rnd(40);
            src.push_str(&format!("+{len}: \"Field number {k} with a long name\"\n"));
        }
        let pre = read_preamble(&src).unwrap();
        let config = Config::default();
        let p = parse::parse(&pre).unwrap();
        let st = PacketStyle::from_config(&config);
        let cfg = PacketConfig::from_config(&config);
        let g = layout::layout(&p, &cfg, &st);
        let mut boxes = Vec::new();
        for row in &g.rows {
            for b in row {
                assert!(b.label_w <= b.w + cfg.padding_x - 1.0, "{src}: {}", b.label);
                assert!(b.x + b.w <= g.width && b.y + b.h <= g.height, "{src}");
                for n in &b.bits {
                    boxes.push(n.bbox);
                }
            }
        }
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.0 >= 0.0 && a.0 + a.2 <= g.width, "{src}");
            for c in &boxes[i + 1..] {
                let apart = a.0 + a.2 <= c.0 + 0.5
                    || c.0 + c.2 <= a.0 + 0.5
                    || a.1 + a.3 <= c.1 + 0.5
                    || c.1 + c.3 <= a.1 + 0.5;
                assert!(apart, "{src}: {a:?} {c:?}");
            }
        }
    }
}

#[test]
fn labels_are_shortened_to_fit() {
    assert_eq!(fit("short", 12.0, 200.0), "short");
    let s = fit("a very long label indeed", 12.0, 60.0);
    assert!(s.ends_with('…') && s.len() < 24, "{s}");
    assert_eq!(fit("WWW", 12.0, 2.0), "");
}

#[test]
fn svg_is_well_formed_deterministic_and_themed() {
    for src in [
        "---\ntitle: \"TCP <Packet>\"\n---\npacket\n0-15: \"Source & Port\"\n16-31: \"b\"\n32-63: \"c\"",
        "packet\n",
        "---\nconfig:\n  packet:\n    showBits: false\n    bitsPerRow: 16\n---\npacket\n+20: \"x\"",
    ] {
        let d = render_src(src);
        assert_eq!(d.svg, render_src(src).svg);
        usvg::Tree::from_str(
            &d.svg,
            &usvg::Options {
                fontdb: crate::text::fontdb(),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{src}: {e}"));
    }
    let d = render_src("---\ntitle: \"TCP <Packet>\"\n---\npacket\n0-15: \"Source & Port\"");
    assert!(d.svg.contains("TCP &lt;Packet&gt;") && d.svg.contains("Source &amp; Port"));
    let d = render_src("---\nconfig:\n  themeVariables:\n    packet:\n      blockFillColor: \"#abcdef\"\n---\npacket\n0-1: \"a\"");
    assert!(d.svg.contains("#abcdef"));
    let d = render_src("---\nconfig:\n  packet:\n    showBits: false\n---\npacket\n0-1: \"a\"");
    assert!(!d.svg.contains("packetByte"));
}

/// Odd inputs never panic: they render or give a located error.
#[test]
fn odd_inputs_never_panic() {
    crate::diagrams::testkit::odd_inputs_never_panic("packet", super::render);
}
