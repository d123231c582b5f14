//! Whole renders (parse, layout, SVG) of generated diagrams of the types
//! laid out by purpose-built layouts. `cargo bench --bench types`.

use criterion::{criterion_group, criterion_main, Criterion};
use mermaid_render::testgen::Rng;
use mermaid_render::{render, Options};
use std::hint::black_box;
use std::time::Duration;

/// A sequence diagram with `participants` lifelines and `messages`
/// messages (every arrow kind, some long texts, notes and nested blocks).
fn sequence(participants: usize, messages: usize) -> String {
    let mut r = Rng::new(7);
    let mut s = String::from("sequenceDiagram\n  autonumber\n");
    for p in 0..participants {
        s.push_str(&format!("  participant P{p} as Participant {p}\n"));
    }
    let arrows = ["->>", "-->>", "->", "-->", "-x", "--x", "-)", "--)"];
    let mut open = 0;
    for m in 0..messages {
        if m % 50 == 0 && open < 3 {
            s.push_str(&format!("  loop round {m}\n"));
            open += 1;
        }
        let a = r.below(participants);
        let b = r.below(participants);
        let arrow = arrows[r.below(arrows.len())];
        let text = if r.chance(0.1) {
            "a rather longer message text that takes room"
        } else {
            "call"
        };
        s.push_str(&format!("  P{a}{arrow}P{b}: {text} {m}\n"));
        if m % 97 == 0 {
            s.push_str(&format!("  Note over P{a}: note {m}\n"));
        }
        if m % 50 == 49 && open > 0 {
            s.push_str("  end\n");
            open -= 1;
        }
    }
    for _ in 0..open {
        s.push_str("  end\n");
    }
    s
}

fn types(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    let options = Options::default();
    let seq = sequence(50, 1000);
    assert!(
        render(&seq, &options).is_ok(),
        "the generated diagram renders"
    );
    group.bench_function("sequence 50 participants x 1000 messages", |b| {
        b.iter(|| render(black_box(&seq), &options).unwrap())
    });
    group.finish();
}

criterion_group!(benches, types);
criterion_main!(benches);
