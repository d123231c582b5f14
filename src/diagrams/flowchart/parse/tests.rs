//! Flowchart parser tests: source → compact model summary, and every error
//! message with its position.

use crate::diagrams::flowchart::model::{ArrowHead, Graph, Stroke};
use crate::syntax::{ParseError, ParseErrorKind};

/// The preamble, the registry's check of the keyword, then the flowchart
/// parser: what a render does before layout.
fn parse(src: &str) -> Result<Graph, ParseError> {
    let pre = crate::syntax::read_preamble(src)?;
    crate::diagrams::type_of(&pre)?;
    super::parse(&pre)
}

fn graph(src: &str) -> Graph {
    match parse(src) {
        Ok(g) => g,
        Err(e) => panic!(
            "unexpected error at {}:{}: {}",
            e.span.line, e.span.col, e.message
        ),
    }
}

/// `id[shape]:label` for nodes that differ from a plain `id` rect.
fn nodes(g: &Graph) -> String {
    g.nodes
        .iter()
        .map(|n| {
            let mut s = n.id.clone();
            if n.shape.name() != "rect" || n.label != n.id {
                s += &format!("[{}]:{}", n.shape.name(), n.label.replace('\n', "\\n"));
            }
            for c in &n.classes {
                s += &format!(":::{c}");
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `a-->b`, `a<-.->b`, `a==ob`, `a~~~b`, plus `/len` and `|label|`.
fn edges(g: &Graph) -> String {
    g.edges
        .iter()
        .map(|e| {
            let start = match e.arrow_start {
                ArrowHead::None => "",
                ArrowHead::Normal => "<",
                ArrowHead::Circle => "o",
                ArrowHead::Cross => "x",
            };
            let line = match e.stroke {
                Stroke::Normal => "--",
                Stroke::Thick => "==",
                Stroke::Dotted => "-.-",
                Stroke::Invisible => "~~~",
            };
            let end = match e.arrow_end {
                ArrowHead::None => "",
                ArrowHead::Normal => ">",
                ArrowHead::Circle => "o",
                ArrowHead::Cross => "x",
            };
            let mut s = format!(
                "{}{start}{line}{end}{}",
                g.nodes[e.from].id, g.nodes[e.to].id
            );
            if e.min_len != 1 {
                s += &format!("/{}", e.min_len);
            }
            if let Some(l) = &e.label {
                s += &format!("|{}|", l.replace('\n', "\\n"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `id(title)[members]{children}` for each subgraph, plus its direction.
fn subgraphs(g: &Graph) -> String {
    g.subgraphs
        .iter()
        .map(|s| {
            let members: Vec<_> = s.nodes.iter().map(|&n| g.nodes[n].id.as_str()).collect();
            let kids: Vec<_> = s
                .children
                .iter()
                .map(|&c| g.subgraphs[c].id.as_str())
                .collect();
            let mut out = format!("{}({})[{}]", s.id, s.title, members.join(","));
            if !kids.is_empty() {
                out += &format!("{{{}}}", kids.join(","));
            }
            if let Some(d) = s.direction {
                out += &format!("<{}>", d.as_str());
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn err(src: &str) -> String {
    match parse(src) {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => format!("{}:{}: {}", e.span.line, e.span.col, e.message),
    }
}

// ---------------------------------------------------------------- header

#[test]
fn header_directions() {
    assert_eq!(graph("graph").direction.as_str(), "TB");
    assert_eq!(graph("graph TD").direction.as_str(), "TB");
    assert_eq!(graph("flowchart LR").direction.as_str(), "LR");
    assert_eq!(graph("flowchart-elk RL;").direction.as_str(), "RL");
    assert_eq!(graph("graph BT\n").direction.as_str(), "BT");
    assert_eq!(graph("graph >").direction.as_str(), "LR");
    let g = graph("graph TD;A-->B;");
    assert_eq!(edges(&g), "A-->B");
}

#[test]
fn preamble_is_skipped() {
    let g = graph(
        "\n---\ntitle: x\nconfig:\n  theme: dark\n---\n%% comment\n%%{init: {'theme':'forest'}}%%\n\n  flowchart LR\n  A",
    );
    assert_eq!(g.direction.as_str(), "LR");
    assert_eq!(nodes(&g), "A");
    let g = graph("%%{\n  init: {}\n}%%\ngraph TD\nA");
    assert_eq!(nodes(&g), "A");
}

#[test]
fn diagram_type_errors() {
    // A type the registry lists without a renderer yet (none once every
    // type is built).
    if let Some(t) = crate::diagrams::REGISTRY
        .iter()
        .find(|t| t.render.is_none())
    {
        let kw = t.keywords[0];
        let e = parse(&format!("\n%% x\n{kw}\n  A->>B: hi")).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Unsupported(kw.into()));
        assert_eq!(e.message, format!("`{kw}` diagrams are not supported yet"));
        assert_eq!(
            (e.span.line, e.span.col, e.span.start, e.span.end),
            (3, 1, 6, 6 + kw.len())
        );
    }
    let e = parse(" \n%% only a comment\n\n").unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Empty);
    assert_eq!(
        err("hello world"),
        "1:1: expected a diagram type such as `flowchart TD` or `graph LR`, found `hello`"
    );
    assert_eq!(
        err("\n graphTD\nA"),
        "2:2: expected a diagram type such as `flowchart TD` or `graph LR`, found `graphTD` (put a space between the keyword and the direction, e.g. `graph TD`)"
    );
    assert_eq!(
        err("[x]"),
        "1:1: expected a diagram type such as `flowchart TD` or `graph LR`, found `[`"
    );
    assert_eq!(
        err("---\ntitle: x\n"),
        "1:1: front matter opened with `---` is not closed (expected a line `---`)"
    );
    assert_eq!(
        err("%%{init: {}\ngraph"),
        "1:1: unclosed directive `%%{` (expected `}%%`)"
    );
    assert_eq!(
        err("graph XY\nA"),
        "1:7: unknown direction `XY` after `graph` (expected `TB`, `TD`, `BT`, `LR` or `RL`)"
    );
    assert_eq!(
        err("graph TD A-->B"),
        "1:10: expected a new line or `;` after `graph TD`, found `A`"
    );
}

// ---------------------------------------------------------------- statements

#[test]
fn separators_comments_and_whitespace() {
    let g = graph("  graph TD  \n\n  A-->B ; B-->C;;\n%% comment\n\tC --> D %% trailing\r\n  ");
    assert_eq!(edges(&g), "A-->B B-->C C-->D");
}

#[test]
fn node_ids() {
    let g = graph("graph TD\na-b_1 --> 中文 --> endpoint --> subgraphA --> n.1\nstyleX --> endX");
    assert_eq!(nodes(&g), "a-b_1 中文 endpoint subgraphA n.1 styleX endX");
    assert_eq!(g.edges.len(), 5);
}

#[test]
fn shapes() {
    let g = graph(
        "graph TD\nA[rect] --> B(round) --> C{diamond} --> D((circle)) --> E([stadium])\n\
         F[[sub]] --> G[(db)] --> H{{hex}} --> I>asym] --> J(((dbl)))\n\
         K[/lean r/] --> L[\\lean l\\] --> M[/trap\\] --> N[\\inv trap/]",
    );
    assert_eq!(
        nodes(&g),
        "A[rect]:rect B[rounded]:round C[diamond]:diamond D[circle]:circle E[stadium]:stadium \
         F[subroutine]:sub G[cylinder]:db H[hexagon]:hex I[asymmetric]:asym J[doublecircle]:dbl \
         K[lean_right]:lean r L[lean_left]:lean l M[trapezoid]:trap N[inv_trapezoid]:inv trap"
    );
}

#[test]
fn labels() {
    let g = graph(
        "graph TD\nA[\"quoted [with] (brackets)\"]\nB[line1<br>line2<br/>line3<br />4]\n\
         C[\"#quot;hi#quot; #35; #9829; #amp;\"]\nD[出口管制：芯片限制 / x]\nE[  padded  ]\nF[\"`md`\"]",
    );
    assert_eq!(
        nodes(&g),
        "A[rect]:quoted [with] (brackets) B[rect]:line1\\nline2\\nline3\\n4 \
         C[rect]:\"hi\" # ♥ &amp; D[rect]:出口管制：芯片限制 / x E[rect]:padded F[rect]:md"
    );
}

#[test]
fn redefinition_updates_label_and_shape() {
    let g = graph("graph TD\nA[first] --> B\nA --> C\nB(second)\nA");
    assert_eq!(nodes(&g), "A[rect]:first B[rounded]:second C");
    assert_eq!(g.nodes[1].span.line, 2, "span of the first appearance");
}

#[test]
fn edge_kinds() {
    let g = graph(
        "graph LR\nA-->B\nA---B\nA-.->B\nA-.-B\nA==>B\nA===B\nA~~~B\nA--oB\nA--xB\n\
         A<-->B\nA o--o B\nA x--x B\nA<-.->B\nA<==>B",
    );
    assert_eq!(
        edges(&g),
        "A-->B A--B A-.->B A-.-B A==>B A==B A~~~B A--oB A--xB A<-->B Ao--oB Ax--xB A<-.->B A<==>B"
    );
}

#[test]
fn edge_lengths() {
    let g = graph("graph LR\nA--->B\nA---->B\nA----B\nA-..->B\nA-...-B\nA===>B\nA====B\nA~~~~B");
    assert_eq!(
        edges(&g),
        "A-->B/2 A-->B/3 A--B/2 A-.->B/2 A-.-B/3 A==>B/2 A==B/2 A~~~B/2"
    );
}

#[test]
fn edge_labels() {
    let g = graph(
        "graph LR\nA-- text -->B\nA -. dotted .-> B\nA == thick ==> B\nA-->|pipe|B\nA---|open|B\n\
         A -.->|\"quoted|bar\"| B\nA -- long --->B\nA-- a<br>b ---B\nA--\"q --> x\"-->B",
    );
    assert_eq!(
        edges(&g),
        "A-->B|text| A-.->B|dotted| A==>B|thick| A-->B|pipe| A--B|open| A-.->B|quoted|bar| \
         A-->B/2|long| A--B|a\\nb| A-->B|q --> x|"
    );
}

#[test]
fn chains_and_ampersands() {
    let g = graph("graph LR\nA --> B --> C\nD & E --> F & G\nH --> I & J -.-> K");
    assert_eq!(
        edges(&g),
        "A-->B B-->C D-->F D-->G E-->F E-->G H-->I H-->J I-.->K J-.->K"
    );
    let g = graph("graph LR\nA[a] -->|x| B(b) & C{c} --> D");
    assert_eq!(nodes(&g), "A[rect]:a B[rounded]:b C[diamond]:c D");
    assert_eq!(edges(&g), "A-->B|x| A-->C|x| B-->D C-->D");
}

#[test]
fn edge_spans_point_at_the_arrow() {
    let g = graph("graph LR\n  A -- yes --> B");
    let s = g.edges[0].span;
    assert_eq!((s.line, s.col), (2, 5));
    assert_eq!(&"graph LR\n  A -- yes --> B"[s.start..s.end], "-- yes -->");
}

// ---------------------------------------------------------------- subgraphs

#[test]
fn subgraph_forms() {
    let g = graph(
        "graph TB\nsubgraph one\nA\nend\nsubgraph two [Title Two]\nB\nend\nsubgraph three[\"Quoted\"]\nC\nend\n\
         subgraph \"quoted title\"\nD\nend\nsubgraph Plain title here\nE\nend\nsubgraph \"single\"\nF\nend",
    );
    assert_eq!(
        subgraphs(&g),
        "one(one)[A] two(Title Two)[B] three(Quoted)[C] subGraph3(quoted title)[D] \
         subGraph4(Plain title here)[E] single(single)[F]"
    );
}

#[test]
fn nested_subgraphs_and_direction() {
    let g = graph(
        "flowchart LR\nsubgraph outer\ndirection TB\nA --> B\nsubgraph inner\ndirection RL\nB --> C\nend\nC --> D\nend\nD --> E",
    );
    assert_eq!(
        subgraphs(&g),
        "outer(outer)[A,D]{inner}<TB> inner(inner)[B,C]<RL>"
    );
    assert_eq!(g.subgraphs[1].parent, Some(0));
    assert_eq!(
        g.node_parents(),
        vec![Some(0), Some(1), Some(1), Some(0), None]
    );
}

#[test]
fn subgraph_membership_follows_mermaid() {
    // Already a member of an earlier subgraph: stays there; a node first
    // used at the top level joins the subgraph that mentions it.
    let g = graph("graph TD\nX --> Y\nsubgraph s1\nA --> B\nend\nsubgraph s2\nB --> C\nX\nend");
    assert_eq!(subgraphs(&g), "s1(s1)[A,B] s2(s2)[C,X]");
}

#[test]
fn subgraph_and_node_ids_are_separate() {
    let g = graph("graph TD\nsubgraph A\nA\nend");
    assert_eq!(subgraphs(&g), "A(A)[A]");
    assert_eq!(nodes(&g), "A");
}

#[test]
fn subgraph_on_one_line() {
    let g = graph("graph TD;subgraph s;A-->B;end;B-->C");
    assert_eq!(subgraphs(&g), "s(s)[A,B]");
    assert_eq!(edges(&g), "A-->B B-->C");
}

// ---------------------------------------------------------------- styles

#[test]
fn styles_and_classes() {
    let g = graph(
        "graph TD\nA:::hot --> B\nstyle A fill:#f9f,stroke:#333\nclassDef hot,cold fill:#fec, stroke:#f66;\n\
         classDef default color:red\nclass A,B cold\nclass Z cold\nC[c]:::hot:::cold",
    );
    assert_eq!(nodes(&g), "A:::hot:::cold B:::cold C[rect]:c:::hot:::cold");
    assert_eq!(g.class_defs.len(), 3);
    let s = g.node_style(0);
    assert_eq!(s.fill.as_deref(), Some("#f9f"));
    assert_eq!(s.stroke.as_deref(), Some("#333"));
    assert_eq!(s.color.as_deref(), Some("red"));
    assert_eq!(g.node_style(1).fill.as_deref(), Some("#fec"));
}

#[test]
fn style_on_unknown_node_creates_it() {
    let g = graph("graph TD\nstyle Q fill:#000\nQ[label]");
    assert_eq!(nodes(&g), "Q[rect]:label");
    assert_eq!(g.nodes[0].style.len(), 1);
}

#[test]
fn ignored_statements() {
    let g = graph(
        "graph TD\naccTitle: A title\naccDescr: a description\naccDescr {\n multi\n line\n}\nA-->B\n\
         linkStyle 0 stroke:#f00\nclick A callback \"tip\"\nclick B href \"https://x\"\nlinkStyle default color:red;",
    );
    assert_eq!(edges(&g), "A-->B");
    assert_eq!(nodes(&g), "A B");
}

// ---------------------------------------------------------------- errors

#[test]
fn statement_errors() {
    let cases = [
        ("graph TD\nA[text", "2:2: unclosed `[` in node `A` (expected `]`)"),
        ("graph TD\nA((text) --> B", "2:2: unclosed `((` in node `A` (expected `))`)"),
        ("graph TD\n  A --> ", "2:9: expected a node id after `-->`, found end of input"),
        // (A target on the next line is fine: `A -->\nB`.)
        ("graph TD\nA -->\n", "2:6: expected a node id after `-->`, found end of line"),
        ("graph TD\nA -- yes --> [x]", "2:14: expected a node id after `-- yes -->`, found `[`"),
        ("graph TD\nA & --> B", "2:5: expected a node id after `&`, found `-->`"),
        (
            "graph TD\nA --> B C",
            "2:9: expected an arrow like `-->`, `&`, a new line or `;` after node `B`, found `C`",
        ),
        (
            "graph TD\nA -- yes B",
            "2:3: unclosed edge label after `--` (expected `-->` or `---` to end it on the same line)",
        ),
        (
            "graph TD\nA -. yes B",
            "2:3: unclosed edge label after `-.` (expected `.->` or `.-` to end it on the same line)",
        ),
        (
            "graph TD\nA -->|yes B",
            "2:6: unclosed `|` in edge label (expected a closing `|`)",
        ),
        ("graph TD\nA[\"text]", "2:3: unclosed string: missing the closing `\"`"),
        (
            "graph TD\nA[\"t\" x] --> B",
            "2:7: expected `]` after the label of node `A`, found `x`",
        ),
        ("graph TD\n--> B", "2:1: expected a node id, found `-->`"),
        (
            "graph TD\nA:::",
            "2:5: expected a class name after `:::` on node `A`, found end of input",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(err(src), want, "{src}");
    }
}

#[test]
fn subgraph_errors() {
    assert_eq!(
        err("graph TD\n\nsubgraph X\nA\n"),
        "5:1: expected `end` to close subgraph `X` opened at line 3, found end of input"
    );
    assert_eq!(
        err("graph TD\nA\n end"),
        "3:2: unexpected `end`: no subgraph is open"
    );
    assert_eq!(
        err("graph TD\nsubgraph\nA\nend"),
        "2:1: expected a subgraph id or title after `subgraph`, found end of line"
    );
    assert_eq!(
        err("graph TD\nsubgraph X [title\nend"),
        "2:12: unclosed `[` in the title of subgraph `X` (expected `]`)"
    );
    assert_eq!(
        err("graph TD\nsubgraph X[\"t\" y]\nend"),
        "2:16: expected `]` after the title of subgraph `X`, found `y`"
    );
    assert_eq!(
        err("graph TD\nsubgraph X [t] y\nend"),
        "2:16: expected a new line or `;` after the subgraph title, found `y`"
    );
    assert_eq!(
        err("graph TD\nsubgraph X\nend --> A"),
        "3:5: expected a new line or `;` after `end`, found `-->`"
    );
    assert_eq!(
        err("graph TD\nsubgraph X\ndirection XY\nend"),
        "3:11: expected a direction (`TB`, `TD`, `BT`, `LR` or `RL`) after `direction`, found `XY`"
    );
    let deep = format!("graph TD\n{}", "subgraph s\n".repeat(300));
    assert_eq!(
        err(&deep),
        "102:1: this subgraph is nested 101 levels deep, more than the nesting budget \
         of 100 (raise it with --max-nesting)"
    );
    // A raised budget still stops at the fixed limit of the engine.
    let pre = crate::syntax::read_preamble(&deep).unwrap();
    let raised = crate::Budgets {
        max_nesting: 1_000,
        ..crate::Budgets::default()
    };
    let e = super::parse_with(&pre, raised).unwrap_err();
    assert_eq!(
        format!("{}:{}: {}", e.span.line, e.span.col, e.message),
        "258:1: subgraphs are nested too deeply (more than 256 levels)"
    );
}

#[test]
fn style_errors() {
    assert_eq!(
        err("graph TD\nA-->B\nlinkStyle 0,1 stroke:red"),
        "3:13: `linkStyle 1` refers to a missing edge: the diagram has 1 edge before this line (edges are numbered from 0)"
    );
    assert_eq!(
        err("graph TD\nlinkStyle x"),
        "2:11: expected an edge number or `default` after `linkStyle`, found `x`"
    );
    assert_eq!(
        err("graph TD\nstyle\n"),
        "2:6: expected a node id after `style`, found end of line"
    );
    assert_eq!(
        err("graph TD\nclassDef ;"),
        "2:10: expected a class name after `classDef`, found `;`"
    );
    assert_eq!(
        err("graph TD\nclass A"),
        "2:8: expected a class name after `class A`, found end of input"
    );
}

// ---------------------------------------------------------------- seed

const SEED: &str = "graph LR
    subgraph AI竞争与安全
        A[中美AI竞争]-->B(出口管制：芯片限制);
        B --> C{美国保持领先地位};
        C --> D(AI安全治理);
        D --> E{全球AI安全标准制定};
    end

    subgraph 技术要素
        F[模型能力];
        G[开源/闭源];
        H[模型蒸馏风险];
        I[算力资源];
        F -- 影响 --> G;
        F -- 影响 --> H;
        B --> I;
    end

    subgraph 人才与合作
        J[AI人才流动];
        K[跨国合作];
        L[对中国政府的担忧];
        J --> L;
        L --> K;
    end

    subgraph AI的潜力与治理
        M[AI的民主化潜力];
        N[全球AI治理];
        C --> M;
        C --> N;
    end

    style A fill:#f9f,stroke:#333,stroke-width:2px
    style B fill:#ccf,stroke:#333,stroke-width:2px
    style C fill:#9f9,stroke:#333,stroke-width:2px
    style D fill:#ccf,stroke:#333,stroke-width:2px
    style E fill:#9f9,stroke:#333,stroke-width:2px
    style F fill:#ffc,stroke:#333,stroke-width:2px
    style G fill:#eee,stroke:#333,stroke-width:2px
    style H fill:#eee,stroke:#333,stroke-width:2px
    style I fill:#eee,stroke:#333,stroke-width:2px
    style J fill:#eee,stroke:#333,stroke-width:2px
    style K fill:#eee,stroke:#333,stroke-width:2px
    style L fill:#eee,stroke:#333,stroke-width:2px
    style M fill:#eee,stroke:#333,stroke-width:2px
    style N fill:#eee,stroke:#333,stroke-width:2px

    classDef highlight fill:#fec,stroke:#f66,stroke-width:2px;
    class C highlight;
";

#[test]
fn seed_diagram() {
    let g = graph(SEED);
    assert_eq!(g.direction.as_str(), "LR");
    assert_eq!(g.nodes.len(), 14);
    assert_eq!(g.edges.len(), 11);
    assert_eq!(g.subgraphs.len(), 4);
    assert_eq!(
        subgraphs(&g),
        "AI竞争与安全(AI竞争与安全)[A,B,C,D,E] 技术要素(技术要素)[F,G,H,I] \
         人才与合作(人才与合作)[J,K,L] AI的潜力与治理(AI的潜力与治理)[M,N]"
    );
    assert_eq!(
        edges(&g),
        "A-->B B-->C C-->D D-->E F-->G|影响| F-->H|影响| B-->I J-->L L-->K C-->M C-->N"
    );
    let c = g.node_index("C").unwrap();
    assert_eq!(g.nodes[c].label, "美国保持领先地位");
    assert_eq!(g.nodes[c].shape.name(), "diamond");
    assert_eq!(g.nodes[c].classes, vec!["highlight".to_string()]);
    let s = g.node_style(c);
    assert_eq!(s.fill.as_deref(), Some("#9f9"), "style beats class");
    assert_eq!(s.stroke.as_deref(), Some("#333"));
    let a = g.node_index("A").unwrap();
    assert_eq!(g.node_style(a).fill.as_deref(), Some("#f9f"));
    assert_eq!(g.nodes[a].span.line, 3);
    assert_eq!(
        g.nodes[g.node_index("B").unwrap()].label,
        "出口管制：芯片限制"
    );
}

#[test]
fn seed_file_if_present() {
    let Ok(doc) = std::fs::read_to_string("/work/shared/seeds/000_90de61ab8aa2bbb0.txt") else {
        return;
    };
    let Some(start) = doc.find("```mermaid\n") else {
        return;
    };
    let body = &doc[start + 11..];
    let body = &body[..body.find("```").unwrap_or(body.len())];
    assert_eq!(graph(body), graph(SEED));
}

#[test]
fn node_metadata_and_edge_ids() {
    let g = graph(
        "flowchart TD\nA@{ shape: diamond, label: \"Decide\" } --> B@{ shape: cyl }\nC@{ label: plain }\n\
         A e1@--> C\ne1@{ animate: true }\nD@{\n  shape: lean-r\n}",
    );
    assert_eq!(
        nodes(&g),
        "A[diamond]:Decide B[cylinder]:B C[rect]:plain D[lean_right]:D"
    );
    assert_eq!(edges(&g), "A-->B A-->C");
    assert_eq!(
        err("flowchart TD\nA@{ shape: rect"),
        "2:2: unclosed `@{` (expected `}`)"
    );
}

#[test]
fn arrow_may_start_the_next_line() {
    let g = graph("graph TD\nA[a]\n   --> B\nC\n-.-> D");
    assert_eq!(edges(&g), "A-->B C-.->D");
}

/// Every prefix and every one-character deletion of a varied diagram parses
/// or fails cleanly: never a panic.
#[test]
fn never_panics_on_truncated_or_damaged_input() {
    let src = format!(
        "---\na: b\n---\n%%{{init: {{}}}}%%\n{SEED}\nA@{{ shape: diam, label: \"x\" }} e1@<-. t .-> B[(db)]:::c & C{{{{h}}}}\n\
         subgraph s1 [\"T\"]\ndirection LR\nD>a] -- \"q\" --> E[/p\\] ==>|l| F(((d)))\nend\nlinkStyle 0 color:red\nclick A cb"
    );
    let bounds: Vec<usize> = src.char_indices().map(|(p, _)| p).collect();
    for &p in &bounds {
        let _ = parse(&src[..p]);
    }
    for w in bounds.windows(2) {
        let damaged = format!("{}{}", &src[..w[0]], &src[w[1]..]);
        let _ = parse(&damaged);
    }
}

// ---------------------------------------------------------------- Mermaid 11 additions

#[test]
fn front_matter_and_directives_fill_title_and_config() {
    let g = graph(
        "---\ntitle: My chart\nconfig:\n  theme: forest\n  flowchart:\n    curve: linear\n---\n\
         %%{init: {'theme': 'dark', \"flowchart\": {'nodeSpacing': 30}}}%%\nflowchart LR\nA\n\
         %%{initialize: {themeVariables: {primaryColor: '#f00'}}}%%\n%%{wrap}%%",
    );
    assert_eq!(g.title.as_deref(), Some("My chart"));
    assert_eq!(g.config.get_str("theme").as_deref(), Some("dark"));
    assert_eq!(
        g.config.get_str("flowchart.curve").as_deref(),
        Some("linear")
    );
    assert_eq!(g.config.get_f64("flowchart.nodeSpacing"), Some(30.0));
    assert_eq!(
        g.config.get_str("themeVariables.primaryColor").as_deref(),
        Some("#f00")
    );
    assert_eq!(g.config.get_str("wrap").as_deref(), Some("true"));
    // No preamble: an empty object.
    assert_eq!(graph("graph TD\nA").config, crate::config::Value::object());
}

#[test]
fn config_errors_are_located() {
    assert_eq!(
        err("%%{init: {'theme': }}%%\ngraph TD\nA"),
        "1:20: in the `init` directive: expected a value, found `}`"
    );
    assert_eq!(
        err("graph TD\nA\n%%{init: {'a': 1} x}%%"),
        "3:19: in the `init` directive: unexpected text after the configuration (expected `}%%`)"
    );
    assert_eq!(
        err("---\nconfig:\n  theme dark\n---\ngraph TD\nA"),
        "3:3: in the front matter: expected `key: value` in the front matter, found `theme dark`"
    );
}

#[test]
fn accessibility_title_and_description() {
    let g = graph("graph TD\naccTitle: The title \naccDescr: One line\nA");
    assert_eq!(g.acc_title.as_deref(), Some("The title"));
    assert_eq!(g.acc_descr.as_deref(), Some("One line"));
    let g = graph("graph TD\naccDescr {\n  first line\n  second line\n}\nA-->B");
    assert_eq!(g.acc_descr.as_deref(), Some("first line\nsecond line"));
    assert_eq!(edges(&g), "A-->B");
    assert_eq!(
        err("graph TD\naccDescr { never closed"),
        "2:10: unclosed `accDescr {` (expected `}`)"
    );
}

#[test]
fn node_ids_with_mermaid_punctuation_and_keyword_prefixes() {
    let g = graph(
        "graph TD\n# --> A\nnode& --> node,\n&node --> n/x\ndefault.node --> end-node\nodd->Text]",
    );
    assert_eq!(
        nodes(&g),
        "# A node& node, &node n/x default.node end-node odd-[asymmetric]:Text"
    );
    assert_eq!(
        edges(&g),
        "#-->A node&-->node, &node-->n/x default.node-->end-node"
    );
    assert_eq!(
        err("graph TD;end.node"),
        "1:10: a node id cannot start with the keyword `end` followed by `.` (rename the node, e.g. `END.node`)"
    );
    assert_eq!(
        err("graph TD\nA --> class/node"),
        "2:7: a node id cannot start with the keyword `class` followed by `/` (rename the node, e.g. `CLASS/node`)"
    );
}

#[test]
fn every_shape_name_and_alias() {
    use super::meta::shape_by_name;
    let table = [
        ("rect", "rect proc process rectangle"),
        ("rounded", "rounded event"),
        ("stadium", "stadium pill terminal"),
        (
            "subroutine",
            "fr-rect framed-rectangle subproc subprocess subroutine",
        ),
        ("cylinder", "cyl cylinder database db"),
        ("circle", "circle circ"),
        ("doublecircle", "dbl-circ double-circle doublecircle"),
        ("asymmetric", "odd"),
        ("diamond", "diam decision diamond question"),
        ("hexagon", "hex hexagon prepare"),
        ("lean_right", "lean-r in-out lean-right"),
        ("lean_left", "lean-l lean-left out-in"),
        ("trapezoid", "trap-b priority trapezoid trapezoid-bottom"),
        ("inv_trapezoid", "trap-t inv-trapezoid manual trapezoid-top"),
        ("text", "text"),
        ("notch-rect", "notch-rect card notched-rectangle"),
        (
            "lin-rect",
            "lin-rect lin-proc lined-process lined-rectangle shaded-process",
        ),
        ("sm-circ", "sm-circ small-circle start"),
        ("fr-circ", "fr-circ framed-circle stop"),
        ("fork", "fork join"),
        ("hourglass", "hourglass collate"),
        ("brace", "brace brace-l comment"),
        ("brace-r", "brace-r"),
        ("braces", "braces"),
        ("bolt", "bolt com-link lightning-bolt"),
        ("doc", "doc document"),
        ("delay", "delay half-rounded-rectangle"),
        ("h-cyl", "h-cyl das horizontal-cylinder"),
        ("lin-cyl", "lin-cyl disk lined-cylinder"),
        ("curv-trap", "curv-trap curved-trapezoid display"),
        (
            "div-rect",
            "div-rect div-proc divided-process divided-rectangle",
        ),
        ("tri", "tri extract triangle"),
        ("win-pane", "win-pane internal-storage window-pane"),
        ("f-circ", "f-circ filled-circle junction"),
        ("lin-doc", "lin-doc lined-document"),
        ("notch-pent", "notch-pent loop-limit notched-pentagon"),
        ("flip-tri", "flip-tri flipped-triangle manual-file"),
        ("sl-rect", "sl-rect manual-input sloped-rectangle"),
        ("docs", "docs documents st-doc stacked-document"),
        ("st-rect", "st-rect processes procs stacked-rectangle"),
        ("flag", "flag paper-tape"),
        ("bow-rect", "bow-rect bow-tie-rectangle stored-data"),
        ("cross-circ", "cross-circ crossed-circle summary"),
        ("tag-doc", "tag-doc tagged-document"),
        (
            "tag-rect",
            "tag-rect tag-proc tagged-process tagged-rectangle",
        ),
        ("icon", "icon"),
        ("image", "image"),
    ];
    for (want, names) in table {
        for name in names.split(' ') {
            let g = graph(&format!("flowchart TD\nA@{{ shape: {name} }}"));
            assert_eq!(g.nodes[0].shape.name(), want, "{name}");
            assert_eq!(shape_by_name(name).map(|s| s.name()), Some(want));
        }
    }
    assert_eq!(
        err("flowchart TB\n  A@{ shape: rect_left_inv_arrow }"),
        "2:14: unknown shape `rect_left_inv_arrow` in `@{ … }` (expected a Mermaid shape name such as `rect`, `rounded`, `diam`, `cyl` or `doc`)"
    );
}

#[test]
fn icon_and_image_nodes() {
    let g = graph(
        "flowchart TD\nA@{ icon: \"fa:user\", form: \"square\", label: \"User\", pos: \"t\", h: 60 }\n\
         B@{ img: \"https://example.com/x.png\", w: 60, constraint: \"on\" }\nC[fa:fa-car Car]",
    );
    assert_eq!(g.nodes[0].shape.name(), "icon");
    assert_eq!(g.nodes[0].icon.as_deref(), Some("fa:user"));
    assert_eq!(g.nodes[0].label, "User");
    assert_eq!(g.nodes[1].shape.name(), "image");
    assert_eq!(
        g.nodes[1].image.as_deref(),
        Some("https://example.com/x.png")
    );
    assert_eq!(g.nodes[1].label, "");
    assert_eq!(g.nodes[2].label, "fa:fa-car Car");
}

#[test]
fn markdown_strings() {
    let g = graph(
        "flowchart LR\nA[\"`**bold** _it_`\"] -- \"`edge *md*`\" --> B[\"`Line 1\n    Line 2`\"]\n\
         C(`unquoted **md** (ok)`)\nsubgraph s [\"`**Title**`\"]\nD\nend\nE[\"plain #quot;q#quot;<br>x\"]",
    );
    let n = |id: &str| &g.nodes[g.node_index(id).unwrap()];
    assert_eq!(
        (n("A").label.as_str(), n("A").markdown),
        ("**bold** _it_", true)
    );
    assert_eq!(n("B").label, "Line 1\nLine 2");
    assert_eq!(
        (n("C").label.as_str(), n("C").markdown),
        ("unquoted **md** (ok)", true)
    );
    assert_eq!(
        (n("E").label.as_str(), n("E").markdown),
        ("plain \"q\"\nx", false)
    );
    assert_eq!(g.edges[0].label.as_deref(), Some("edge *md*"));
    assert!(g.edges[0].label_markdown);
    assert_eq!(g.subgraphs[0].title, "**Title**");
    assert!(g.subgraphs[0].title_markdown);
}

#[test]
fn strict_label_text_errors() {
    let bracket = "brackets are not allowed inside unquoted text; put the whole label in quotes";
    assert_eq!(
        err("graph TD; A[This is a () in text];"),
        format!("1:23: unexpected `(` in the text of node `A`: {bracket}, e.g. `A[\"…\"]`")
    );
    assert_eq!(
        err("graph TD; node[hello ) world] --> works"),
        format!("1:22: unexpected `)` in the text of node `node`: {bracket}, e.g. `node[\"…\"]`")
    );
    assert_eq!(
        err("graph TD;A(this node has \"string\" and text)-->C;"),
        "1:26: unexpected `\"` in the text of node `A`: a quoted string cannot start inside unquoted text; put the whole label in quotes, e.g. `A[\"…\"]`"
    );
    assert_eq!(
        err("graph\nX(- My Text ("),
        format!("2:13: unexpected `(` in the text of node `X`: {bracket}, e.g. `X[\"…\"]`")
    );
    // An HTML attribute value may be quoted inside unquoted text.
    let g = graph("graph TD\nC[<img src=\"x.svg\"> more]");
    assert_eq!(g.nodes[0].label, "<img src=\"x.svg\"> more");
}

#[test]
fn edge_ids_animation_and_curves() {
    let g = graph(
        "flowchart LR\nA e1@--> B e2@==> C\ne1@{ animate: true, curve: linear }\ne2@{ animation: fast }\nA e3@-.-> C",
    );
    assert_eq!(nodes(&g), "A B C");
    let e: Vec<_> = g
        .edges
        .iter()
        .map(|e| (e.id.as_deref(), e.animate, e.curve.as_deref()))
        .collect();
    assert_eq!(
        e,
        vec![
            (Some("e1"), true, Some("linear")),
            (Some("e2"), true, None),
            (Some("e3"), false, None)
        ]
    );
}

#[test]
fn link_styles_and_interpolation() {
    let g = graph(
        "graph TD\nA-->B-->C\nlinkStyle 0,1 stroke:#f00,stroke-width:2px\nlinkStyle 1 interpolate basis color:red\n\
         linkStyle default interpolate step stroke:#0f0;\nlinkStyle default fill:none",
    );
    let props = |v: &[crate::diagrams::flowchart::model::StyleDecl]| {
        v.iter()
            .map(|d| format!("{}:{}", d.property, d.value))
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(props(&g.edges[0].style), "stroke:#f00,stroke-width:2px");
    assert_eq!(
        props(&g.edges[1].style),
        "stroke:#f00,stroke-width:2px,color:red"
    );
    assert_eq!(g.edges[0].curve, None);
    assert_eq!(g.edges[1].curve.as_deref(), Some("basis"));
    assert_eq!(props(&g.link_style_default), "stroke:#0f0,fill:none");
    assert_eq!(g.default_curve.as_deref(), Some("step"));
    assert_eq!(
        err("graph TD\nA-->B\nlinkStyle 0 interpolate ;"),
        "3:25: expected a curve name such as `basis` or `linear` after `interpolate`, found `;`"
    );
}

#[test]
fn edges_to_and_from_subgraphs() {
    let g = graph(
        "flowchart TB\nc1-->a2\nsubgraph one\na1-->a2\nend\nsubgraph two\nsubgraph inner\nb1\nend\nend\n\
         subgraph empty\nend\none --> two\nthree --> two\ntwo --> c2\nX --> empty\nempty --> X",
    );
    assert_eq!(nodes(&g), "c1 a2 a1 b1 three c2 X");
    assert_eq!(edges(&g), "c1-->a2 a1-->a2 a1-->b1 three-->b1 b1-->c2");
    let ends: Vec<_> = g
        .edges
        .iter()
        .map(|e| {
            (
                e.from_cluster.map(|s| g.subgraphs[s].id.as_str()),
                e.to_cluster.map(|s| g.subgraphs[s].id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        ends,
        vec![
            (None, None),
            (None, None),
            (Some("one"), Some("two")),
            (None, Some("two")),
            (Some("two"), None)
        ]
    );
    assert_eq!(
        subgraphs(&g),
        "one(one)[a1,a2] two(two)[]{inner} inner(inner)[b1] empty(empty)[]"
    );
    // A node that was given a shape keeps being a node.
    let g = graph("flowchart TB\nsubgraph s\nA\nend\ns[Node s] --> A");
    assert_eq!(nodes(&g), "A s[rect]:Node s");
    assert_eq!(g.edges[0].from_cluster, None);
}

#[test]
fn subgraph_styles_and_classes() {
    let g = graph(
        "flowchart TB\nsubgraph a:::hot\nA\nend\nsubgraph b [Bee]:::cold\nB\nend\nstyle a fill:#f00\n\
         class b warm\nclassDef hot,cold fill:#00f",
    );
    assert_eq!(subgraphs(&g), "a(a)[A] b(Bee)[B]");
    assert_eq!(g.subgraphs[0].classes, vec!["hot".to_string()]);
    assert_eq!(
        g.subgraphs[1].classes,
        vec!["cold".to_string(), "warm".to_string()]
    );
    assert_eq!(g.subgraphs[0].style.len(), 1);
    // Style given before the subgraph exists moves to it.
    let g = graph("flowchart TB\nstyle s fill:#0f0\nsubgraph s\nA\nend\nA --> s");
    assert_eq!(nodes(&g), "A");
    assert_eq!(g.subgraphs[0].style.len(), 1);
    assert_eq!(
        err("graph TD\nsubgraph a:::\nend"),
        "2:14: expected a class name after `:::` on `a`, found end of line"
    );
}

#[test]
fn clicks() {
    use crate::diagrams::flowchart::model::ClickAction;
    let g = graph(
        "graph TD\nA-->B-->C-->D\nclick A callback\nclick B call cb(1, \"x\") \"Tip\"\n\
         click C \"https://example.com\" \"Go\" _blank\nclick D href \"https://d.org\"\nclick Nope cb",
    );
    let c: Vec<_> = g
        .clicks
        .iter()
        .map(|c| {
            (
                g.nodes[c.node].id.as_str(),
                c.action.clone(),
                c.tooltip.as_deref(),
            )
        })
        .collect();
    let cb = |name: &str, args: Option<&str>| ClickAction::Callback {
        name: name.into(),
        args: args.map(Into::into),
    };
    let href = |url: &str, target: Option<&str>| ClickAction::Href {
        url: url.into(),
        target: target.map(Into::into),
    };
    assert_eq!(
        c,
        vec![
            ("A", cb("callback", None), None),
            ("B", cb("cb", Some("1, \"x\"")), Some("Tip")),
            ("C", href("https://example.com", Some("_blank")), Some("Go")),
            ("D", href("https://d.org", None), None),
        ]
    );
    assert_eq!(
        err("graph TD\nA\nclick A href nowhere"),
        "3:14: expected a quoted link after `click A href`, found `nowhere`"
    );
    assert_eq!(
        err("graph TD\nA\nclick A"),
        "3:8: expected a link in quotes or a callback name after `click A`, found end of input"
    );
    assert_eq!(
        err("graph TD\nA\nclick"),
        "3:6: expected a node id after `click`, found end of input"
    );
    assert_eq!(
        err("graph TD\nA\nclick A cb(1"),
        "3:11: unclosed `(` after callback `cb` (expected `)`)"
    );
    assert_eq!(
        err("graph TD\nA\nclick A \"u\" \"t\" _blank x"),
        "3:24: expected a new line or `;` after `click A …`, found `x`"
    );
}

#[test]
fn a_link_ending_its_line_takes_its_target_from_the_next() {
    for (src, want) in [
        ("A ~~~\nB", "A~~~B"),
        ("A -->\n  B", "A-->B"),
        ("A ---\r\nB", "A--B"),
        ("A ==>\n\n B", "A==>B"),
        ("A -.->\nB", "A-.->B"),
        ("A -->|x|\nB", "A-->B|x|"),
        ("A -- y -->\nB --> C", "A-->B|y| B-->C"),
    ] {
        let g = graph(&format!("flowchart LR\n{src}"));
        assert_eq!(edges(&g), want, "{src:?}");
    }
    // A link with no target at all is still an error.
    assert!(parse("flowchart LR\nA -->\n").is_err());
}
