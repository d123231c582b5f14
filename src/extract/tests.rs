use std::path::Path;

use super::*;

/// Every character of every block line, mapped through `doc_position`, is the
/// same character in the document (BOM removed, as `extract` does).
fn assert_exact(doc: &str, block: &Block) {
    let doc = doc.strip_prefix('\u{feff}').unwrap_or(doc);
    let doc_lines: Vec<&str> = doc
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let src_lines: Vec<&str> = block.source.split('\n').collect();
    assert_eq!(block.lines.len(), src_lines.len(), "one origin per line");
    for (i, line) in src_lines.iter().enumerate() {
        for (j, ch) in line.chars().enumerate() {
            let (dl, dc) = block.doc_position(i + 1, j + 1);
            let got = doc_lines.get(dl - 1).and_then(|l| l.chars().nth(dc - 1));
            assert_eq!(
                got,
                Some(ch),
                "block {}:{} -> doc {dl}:{dc} in {:?}",
                i + 1,
                j + 1,
                doc_lines.get(dl - 1)
            );
        }
    }
}

/// The only block of `doc`, checked for exact positions.
fn one(doc: &str, kind: SourceKind) -> Block {
    let blocks = extract(doc, kind);
    assert_eq!(blocks.len(), 1, "{blocks:#?}");
    let block = blocks.into_iter().next().unwrap();
    assert_exact(doc, &block);
    block
}

fn origins(block: &Block) -> Vec<(usize, usize)> {
    block.lines.iter().map(|o| (o.line, o.col_offset)).collect()
}

#[test]
fn backtick_fence() {
    let doc = "# Title\n\n```mermaid\ngraph LR\n  A --> B\n```\n\nafter\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "graph LR\n  A --> B");
    assert_eq!(origins(&b), [(4, 0), (5, 0)]);
    assert_eq!(b.first_line(), 4);
    assert_eq!(b.doc_position(2, 3), (5, 3));
}

#[test]
fn tilde_fence() {
    let doc = "text\n~~~mermaid\nsequenceDiagram\n  A->>B: hi\n~~~\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "sequenceDiagram\n  A->>B: hi");
    assert_eq!(b.first_line(), 3);
}

#[test]
fn longer_fences_hold_shorter_ones() {
    let doc = "````mermaid\ngraph TD\n```\nA\n````\n\n~~~~~ Mermaid\nB\n~~~\n~~~~~\n";
    let blocks = extract(doc, SourceKind::Markdown);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].source, "graph TD\n```\nA");
    assert_eq!(blocks[1].source, "B\n~~~");
    for b in &blocks {
        assert_exact(doc, b);
    }
}

#[test]
fn fence_in_list_item() {
    let doc = "1. Step one\n\n   ```mermaid\n   graph LR\n     A --> B\n   ```\n- item\n  - nested\n    ```mermaid\n    flowchart TD\n\n    X\n    ```\n";
    let blocks = extract(doc, SourceKind::Markdown);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].source, "graph LR\n  A --> B");
    assert_eq!(origins(&blocks[0]), [(4, 3), (5, 3)]);
    assert_eq!(blocks[1].source, "flowchart TD\n\nX");
    assert_eq!(origins(&blocks[1])[0], (10, 4));
    assert_eq!(origins(&blocks[1])[2], (12, 4));
    for b in &blocks {
        assert_exact(doc, b);
    }
}

#[test]
fn fence_on_list_marker_line() {
    let doc = "- ```mermaid\n  graph LR\n  A-->B\n  ```\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "graph LR\nA-->B");
    assert_eq!(origins(&b), [(2, 2), (3, 2)]);
}

#[test]
fn fence_in_blockquote() {
    let doc = "> Quote\n>\n> ```mermaid\n> graph LR\n>   A --> B\n> ```\n\n> > ~~~mermaid\n> >pie\n> > ~~~\n";
    let blocks = extract(doc, SourceKind::Markdown);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].source, "graph LR\n  A --> B");
    assert_eq!(origins(&blocks[0]), [(4, 2), (5, 2)]);
    assert_eq!(blocks[1].source, "pie");
    assert_eq!(origins(&blocks[1]), [(9, 3)]);
    for b in &blocks {
        assert_exact(doc, b);
    }
}

#[test]
fn indented_fence_loses_its_indentation() {
    // CommonMark removes up to the fence's own indentation (2) from content.
    let doc = "  ```mermaid\n  graph LR\n    A --> B\n C\n  ```\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "graph LR\n  A --> B\nC");
    assert_eq!(origins(&b), [(2, 2), (3, 2), (4, 1)]);
}

#[test]
fn info_string_with_attributes() {
    let doc = "```mermaid title=\"x\" theme=dark\nA\n```\n```{mermaid}\nB\n```\n```{.mermaid caption=y}\nC\n```\n``` MERMAID\nD\n```\n";
    let blocks = extract(doc, SourceKind::Markdown);
    let sources: Vec<&str> = blocks.iter().map(|b| b.source.as_str()).collect();
    assert_eq!(sources, ["A", "B", "C", "D"]);
    for b in &blocks {
        assert_exact(doc, b);
    }
}

#[test]
fn non_mermaid_fences_ignored() {
    let doc = "```rust\nfn main() {}\n```\n```mermaidjs\nX\n```\n```\nplain\n```\n    ```mermaid\n    indented code, not a fence\n    ```\n`inline ```mermaid` text\n";
    assert!(extract(doc, SourceKind::Markdown).is_empty());
    assert!(extract(doc, SourceKind::Text).is_empty());
}

/// An excerpt in the shape of the scraped seed pages (CJK labels, a fence
/// inside `<Mermaid_Diagram>`).
const SEED_EXCERPT: &str = "Title: Anthropic首席执行官\nStatus: success\n\nDescription:\n好的，我将生成一个 Mermaid 流程图。\n\n<Mermaid_Diagram>\n```mermaid\ngraph LR\n    subgraph AI竞争与安全\n        A[中美AI竞争]-->B(出口管制：芯片限制);\n    end\n    style A fill:#f9f,stroke:#333\n```\n</Mermaid_Diagram>\n\n这个 Mermaid 流程图以图形化的方式展示了文章的核心观点。\n";

#[test]
fn seed_mermaid_diagram_tag_with_fence() {
    let b = one(SEED_EXCERPT, SourceKind::Text);
    assert!(b
        .source
        .starts_with("graph LR\n    subgraph AI竞争与安全\n"));
    assert!(b.source.ends_with("style A fill:#f9f,stroke:#333"));
    assert_eq!(b.first_line(), 9);
    assert_eq!(b.lines.len(), 5);
    // Columns are in chars: `B` after CJK text on line 11.
    let line3 = b.source.lines().nth(2).unwrap();
    let col = line3.chars().position(|c| c == 'B').unwrap() + 1;
    assert_eq!(b.doc_position(3, col), (11, col));
    // Same result when the page is read as Markdown.
    assert_eq!(extract(SEED_EXCERPT, SourceKind::Markdown), vec![b]);
}

#[test]
fn tag_without_fence() {
    let doc = "intro\n<mermaid_diagram>\ngraph TD\n  A[开始] --> B\n</MERMAID_DIAGRAM>\n";
    let b = one(doc, SourceKind::Text);
    assert_eq!(b.source, "graph TD\n  A[开始] --> B");
    assert_eq!(origins(&b), [(3, 0), (4, 0)]);
}

#[test]
fn tag_content_on_tag_lines() {
    let doc = "x <Mermaid_Diagram id=\"d1\">graph LR\nA-->B</Mermaid_Diagram> y\n<Mermaid_Diagram>pie</Mermaid_Diagram>";
    let blocks = extract(doc, SourceKind::Text);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].source, "graph LR\nA-->B");
    assert_eq!(origins(&blocks[0]), [(1, 27), (2, 0)]);
    assert_eq!(blocks[1].source, "pie");
    assert_eq!(origins(&blocks[1]), [(3, 17)]);
    for b in &blocks {
        assert_exact(doc, b);
    }
}

#[test]
fn tag_with_indented_tilde_fence() {
    let doc =
        "<Mermaid_Diagram>\n  ~~~ mermaid\n  graph LR\n     A-->B\n  ~~~\n</Mermaid_Diagram>\n";
    let b = one(doc, SourceKind::Text);
    assert_eq!(b.source, "graph LR\n   A-->B");
    assert_eq!(origins(&b), [(3, 2), (4, 2)]);
}

#[test]
fn pre_with_entities() {
    let doc = "<p>x</p>\n<pre class=\"mermaid\">\n  graph LR\n  A[&quot;a&amp;b&quot;] --&gt; B[&lt;i&gt;it&#39;s]\n</pre>\n";
    let blocks = extract(doc, SourceKind::Text);
    assert_eq!(blocks.len(), 1);
    let b = &blocks[0];
    assert_eq!(b.source, "  graph LR\n  A[\"a&b\"] --> B[<i>it's]");
    assert_eq!(origins(b), [(3, 0), (4, 0)]);
    // Exact up to the first entity of each line.
    let doc_line4: Vec<char> = doc.lines().nth(3).unwrap().chars().collect();
    for col in 1..=4 {
        let (l, c) = b.doc_position(2, col);
        assert_eq!(l, 4);
        assert_eq!(
            Some(&doc_line4[c - 1]),
            b.source
                .lines()
                .nth(1)
                .unwrap()
                .chars()
                .nth(col - 1)
                .as_ref()
        );
    }
    // Read as Markdown (an HTML block) it is found too.
    assert_eq!(extract(doc, SourceKind::Markdown), blocks);
}

#[test]
fn div_with_several_classes() {
    let doc = "<div id=x class='diagram mermaid'>graph TD\n  A --> B\n</div>\n<div class=\"other\">not this</div>\n";
    let b = one(doc, SourceKind::Text);
    assert_eq!(b.source, "graph TD\n  A --> B");
    assert_eq!(origins(&b), [(1, 34), (2, 0)]);
}

#[test]
fn first_closing_tag_ends_a_wrapper() {
    let doc = "<div class=\"mermaid\">\ngraph TD\n</div>\nA\n</div>\nafter\n";
    let b = one(doc, SourceKind::Text);
    assert_eq!(b.source, "graph TD");
}

#[test]
fn pathological_inputs_stay_fast() {
    let inputs = [
        "<div class=\"mermaid\">x ".repeat(20_000),
        "<div ".repeat(40_000),
        "<Mermaid_Diagram x='".repeat(20_000),
        "`<pre class=mermaid>` ".repeat(20_000),
        "<pre class=mermaid>a</pre>```mermaid\nb\n```\n".repeat(10_000),
    ];
    let start = std::time::Instant::now();
    for doc in &inputs {
        for kind in [SourceKind::Markdown, SourceKind::Text] {
            let _ = extract(doc, kind);
        }
    }
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
}

#[test]
fn several_diagrams_in_order() {
    let doc = "```mermaid\none\n```\n<Mermaid_Diagram>\n```mermaid\ntwo\n```\n</Mermaid_Diagram>\n<pre class=\"mermaid\">three</pre>\n~~~mermaid\nfour\n~~~\n<div class=\"mermaid\">\nfive\n</div>\n";
    for kind in [SourceKind::Text, SourceKind::Markdown] {
        let blocks = extract(doc, kind);
        let sources: Vec<&str> = blocks.iter().map(|b| b.source.as_str()).collect();
        assert_eq!(sources, ["one", "two", "three", "four", "five"], "{kind:?}");
        for b in &blocks {
            assert_exact(doc, b);
        }
    }
}

#[test]
fn crlf_is_stripped() {
    let doc = "a\r\n```mermaid\r\ngraph LR\r\n  A-->B\r\n```\r\n<Mermaid_Diagram>\r\npie\r\n  \"x\" : 1\r\n</Mermaid_Diagram>\r\n";
    let blocks = extract(doc, SourceKind::Text);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].source, "graph LR\n  A-->B");
    assert_eq!(blocks[1].source, "pie\n  \"x\" : 1");
    for b in &blocks {
        assert_exact(doc, b);
    }
    let md = extract(doc, SourceKind::Markdown);
    assert_eq!(md, blocks);
    let mmd = one("graph LR\r\nA-->B\r\n", SourceKind::Mermaid);
    assert_eq!(mmd.source, "graph LR\nA-->B");
}

#[test]
fn bom_is_removed() {
    let b = one("\u{feff}graph LR\nA-->B\n", SourceKind::Mermaid);
    assert_eq!(b.source, "graph LR\nA-->B");
    assert_eq!(origins(&b), [(1, 0), (2, 0)]);
    let doc = "\u{feff}```mermaid\ngraph LR\n```\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "graph LR");
    let doc = "\u{feff}<Mermaid_Diagram>pie</Mermaid_Diagram>";
    let b = one(doc, SourceKind::Text);
    assert_eq!(origins(&b), [(1, 17)]);
}

#[test]
fn mmd_whole_file() {
    let doc = "%% comment\ngraph TD\n\n    A --> B\n";
    let b = one(doc, SourceKind::Mermaid);
    assert_eq!(b.source, "%% comment\ngraph TD\n\n    A --> B");
    assert_eq!(origins(&b), [(1, 0), (2, 0), (3, 0), (4, 0)]);
    // No trailing newline, and fences are not special in .mmd.
    let b = one("```mermaid\nx", SourceKind::Mermaid);
    assert_eq!(b.source, "```mermaid\nx");
    assert!(extract(" \n\t\r\n\n", SourceKind::Mermaid).is_empty());
}

#[test]
fn empty_documents() {
    for kind in [SourceKind::Mermaid, SourceKind::Markdown, SourceKind::Text] {
        assert!(extract("", kind).is_empty());
        assert!(extract("\u{feff}", kind).is_empty());
    }
    assert!(extract("# Just prose\n\nNo diagrams.\n", SourceKind::Markdown).is_empty());
    assert!(extract("```mermaid\n```\n", SourceKind::Markdown).is_empty());
    assert!(extract("<Mermaid_Diagram>\n \n</Mermaid_Diagram>", SourceKind::Text).is_empty());
    assert!(extract("<Mermaid_Diagram/>", SourceKind::Text).is_empty());
}

#[test]
fn unclosed_fence_closes_at_end_of_document_or_container() {
    let b = one("```mermaid\ngraph LR\nA-->B\n", SourceKind::Markdown);
    assert_eq!(b.source, "graph LR\nA-->B");
    let doc = "> ```mermaid\n> graph LR\nafter the quote\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "graph LR");
}

#[test]
fn unclosed_tag_takes_rest_of_document() {
    let doc = "<Mermaid_Diagram>\ngraph LR\nA-->B\n";
    let b = one(doc, SourceKind::Text);
    assert_eq!(b.source, "graph LR\nA-->B");
    // With a fence inside, the fence's content; unclosed fence: to the end.
    let doc = "<Mermaid_Diagram>\n```mermaid\ngraph LR\n";
    let b = one(doc, SourceKind::Text);
    assert_eq!(b.source, "graph LR");
    // An unclosed fence inside a closed tag stops at the tag.
    let doc = "<Mermaid_Diagram>\n```mermaid\npie\n</Mermaid_Diagram>\nprose\n";
    assert_eq!(one(doc, SourceKind::Text).source, "pie");
    // An unclosed HTML wrapper is not a diagram, and hides nothing after it.
    let doc = "<div class=\"mermaid\">graph LR\n\n```mermaid\npie\n```\n";
    assert_eq!(one(doc, SourceKind::Text).source, "pie");
}

#[test]
fn fence_inside_tag_found_once() {
    let blocks = extract(SEED_EXCERPT, SourceKind::Text);
    assert_eq!(blocks.len(), 1);
}

#[test]
fn markdown_ignores_tags_inside_code() {
    let doc = "Use `<div class=\"mermaid\">` in HTML.\n\n```html\n<pre class=\"mermaid\">graph LR</pre>\n```\n\n```mermaid\ngraph TD\n```\n";
    let b = one(doc, SourceKind::Markdown);
    assert_eq!(b.source, "graph TD");
    // A scraped page trusts its tags, wherever they are.
    let text = extract(doc, SourceKind::Text);
    let sources: Vec<&str> = text.iter().map(|b| b.source.as_str()).collect();
    assert_eq!(sources, ["graph LR", "graph TD"]);
}

#[test]
fn odd_tags_are_not_diagrams() {
    let doc = "a < b and <Mermaid_Diagrams> and <pre> x </pre> <div class=\"mermaidx\"></div> <Mermaid_Diagram";
    assert!(extract(doc, SourceKind::Text).is_empty());
}

#[test]
fn never_panics_on_prefixes() {
    let doc = format!(
        "\u{feff}> - ```mermaid\r\n>   a\t→b\r\n<Mermaid_Diagram x='>' y=\"\n~~~~\n中\n<pre class=mermaid>&#x1F600;&bogus;&#0;&amp\n</div></pre>\n{SEED_EXCERPT}"
    );
    let boundaries = doc.char_indices().map(|(i, _)| i).chain([doc.len()]);
    for end in boundaries {
        let prefix = &doc[..end];
        for kind in [SourceKind::Mermaid, SourceKind::Markdown, SourceKind::Text] {
            for b in extract(prefix, kind) {
                assert_eq!(b.lines.len(), b.source.split('\n').count());
                assert!(!b.source.contains('\r'), "{kind:?} {prefix:?}");
            }
        }
    }
}

#[test]
fn kind_from_path() {
    assert_eq!(
        SourceKind::from_path(Path::new("a.MD")),
        SourceKind::Markdown
    );
    assert_eq!(
        SourceKind::from_path(Path::new("a.mmd")),
        SourceKind::Mermaid
    );
    assert_eq!(SourceKind::from_path(Path::new("a.txt")), SourceKind::Text);
}

#[test]
fn tabs_in_containers_map_exactly() {
    let doc = "-\t```mermaid\n\tgraph LR\n\t\tA-->B\n\t```\n>\t```mermaid\n>\tpie\n>\t\tA\n";
    let blocks = extract(doc, SourceKind::Markdown);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].source, "graph LR\n\tA-->B");
    assert_eq!(blocks[1].source, "pie\n\tA");
    for b in &blocks {
        assert_exact(doc, b);
    }
}

// ------------------------------------------------- wiki and site embeddings

/// (first document line, last document line, first word of the block) of
/// every block of a fixture document.
fn found(name: &str, kind: SourceKind) -> Vec<(usize, usize, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/embeddings")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let blocks = extract(&text, kind);
    for b in &blocks {
        assert_exact(&text, b);
    }
    blocks
        .iter()
        .map(|b| {
            (
                b.first_line(),
                b.lines.last().map_or(0, |l| l.line),
                b.source.split_whitespace().next().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn rows(v: &[(usize, usize, &str)]) -> Vec<(usize, usize, String)> {
    v.iter().map(|&(a, b, c)| (a, b, c.to_string())).collect()
}

#[test]
fn azure_devops_wiki_blocks_with_crlf() {
    assert_eq!(
        found("azure.md", SourceKind::Markdown),
        rows(&[(4, 5, "graph"), (11, 12, "sequenceDiagram")])
    );
}

#[test]
fn myst_fences_and_colon_fences_drop_their_options() {
    // The `:::` inside a ```{code-block} is code, not a diagram.
    assert_eq!(
        found("myst.md", SourceKind::Markdown),
        rows(&[(7, 8, "flowchart"), (13, 14, "pie")])
    );
}

#[test]
fn quarto_keeps_option_comments_and_skips_escaped_echo_blocks() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/embeddings/quarto.qmd");
    assert_eq!(SourceKind::from_path(&path), SourceKind::Markdown);
    let text = std::fs::read_to_string(&path).unwrap();
    let blocks = extract(&text, SourceKind::Markdown);
    assert_eq!(blocks.len(), 1);
    assert!(blocks[0].source.starts_with("%%| label: fig-flow\n"));
    assert_eq!(blocks[0].first_line(), 6);
}

#[test]
fn hugo_shortcodes_and_an_unclosed_one() {
    assert_eq!(
        found("hugo.md", SourceKind::Markdown),
        rows(&[(6, 7, "graph"), (11, 12, "pie")])
    );
}

#[test]
fn jekyll_liquid_tags_but_not_in_indented_code() {
    assert_eq!(
        found("jekyll.md", SourceKind::Markdown),
        rows(&[(4, 5, "graph")])
    );
}

#[test]
fn sphinx_directives_with_options_and_blank_lines_in_the_body() {
    // `.. mermaid:: file` names a file; a directive quoted inside
    // `.. code-block::` is not one.
    assert_eq!(
        found("sphinx.rst", SourceKind::Text),
        rows(&[(8, 11, "flowchart")])
    );
}

#[test]
fn asciidoc_blocks_with_either_delimiter() {
    assert_eq!(
        found("asciidoc.adoc", SourceKind::Text),
        rows(&[(5, 6, "graph"), (11, 12, "pie")])
    );
}

#[test]
fn html_wrappers_decode_entities_and_skip_comments_and_other_blocks() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/embeddings/html.html");
    let text = std::fs::read_to_string(&path).unwrap();
    let blocks = extract(&text, SourceKind::Text);
    assert_eq!(blocks.len(), 2, "{blocks:#?}");
    assert!(blocks[0].source.contains("A --> B"));
    assert!(blocks[1].source.contains("\"a & b\": 1"));
}

// ------------------------------------------------------------ line endings

/// Every embedding form gives the same blocks (sources and line origins)
/// whether its lines end in LF, CRLF or a lone CR.
#[test]
fn lf_crlf_and_cr_give_the_same_blocks_in_every_form() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/embeddings");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let inline = [
        (
            "inline.md",
            "a\n\n> ```mermaid\n> graph LR\n>   A-->B\n> ```\n",
        ),
        ("inline.mmd", "%% c\ngraph TD\n  A --> B\n"),
        (
            "inline.txt",
            "<Mermaid_Diagram>\npie\n  \"x\" : 1\n</Mermaid_Diagram>\n",
        ),
    ];
    let mut docs: Vec<(String, String)> = names
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap().replace("\r\n", "\n");
            (p.display().to_string(), text)
        })
        .collect();
    docs.extend(inline.iter().map(|(n, t)| (n.to_string(), t.to_string())));
    for (name, lf) in &docs {
        let kind = SourceKind::from_path(Path::new(name));
        let want = extract(lf, kind);
        assert!(!want.is_empty(), "{name}");
        for nl in ["\r\n", "\r"] {
            let doc = lf.replace('\n', nl);
            assert_eq!(extract(&doc, kind), want, "{name} with {nl:?}");
        }
    }
}

#[test]
fn document_lines_count_every_line_end() {
    for doc in [
        "a\nb\n\nc",
        "a\r\nb\r\n\r\nc",
        "a\rb\r\rc",
        "\u{feff}a\rb\r\n\nc",
    ] {
        let lines: Vec<&str> = document_lines(doc).collect();
        assert_eq!(lines, ["a", "b", "", "c"], "{doc:?}");
    }
    assert_eq!(normalize_line_breaks("a\r\nb\rc\r"), "a\r\nb\nc\n");
    assert!(matches!(
        normalize_line_breaks("a\r\nb\n"),
        std::borrow::Cow::Borrowed(_)
    ));
}

/// A tag is looked at up to 4,096 bytes; that cut once fell inside a
/// multi-byte character and panicked (found by the `extract` fuzz target).
#[test]
fn a_long_tag_cut_inside_a_character_is_no_panic() {
    for pad in 4070..4080 {
        let text = format!(
            "<div class=\"mermaid\" {}担任 x>\ngraph LR\n  A --> B\n</div>\n",
            "x".repeat(pad)
        );
        for kind in [SourceKind::Markdown, SourceKind::Text] {
            let _ = extract(&text, kind);
        }
    }
}
